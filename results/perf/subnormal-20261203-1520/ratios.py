"""Paired after/before ratios from raw.txt: log ratio per round, 95% t-interval over the rounds."""
import math
import statistics as st

rows = [l for l in open("raw.txt") if l.startswith("round")]
d = {}
for l in rows:
    r, side = l.split()[1:3]
    d[(r, side)] = [float(x) for x in l.split("epoch:")[1].split("|")[0].split()]
rs = sorted({k[0] for k in d})
n = len(rs)
t = {2: 4.303, 3: 3.182, 4: 2.776, 5: 2.571}[n - 1]


def ci(xs):
    m, s = st.mean(xs), st.stdev(xs)
    h = t * s / math.sqrt(n)
    return "%.3f [%.3f, %.3f]" % (math.exp(m), math.exp(m - h), math.exp(m + h))


print("after / before, paired by round, 95%% t over %d rounds" % n)
wall = lambda r, side: sum(60000 / x for x in d[(r, side)])
print("5 epochs (wall time ratio):", ci([math.log(wall(r, "before") / wall(r, "after")) for r in rs]))
for e in range(5):
    print("epoch %d:" % e, ci([math.log(d[(r, "after")][e] / d[(r, "before")][e]) for r in rs]))
