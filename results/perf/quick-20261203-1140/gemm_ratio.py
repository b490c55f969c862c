"""manual's SGEMM 2048 / each library's, from this run's JMH JSON: ratio of geometric fork means
with a 95% Welch t-interval on the log fork means (as the results module's LogRatioInterval)."""
import glob, json, math, sys
from scipy import stats

d = sys.argv[1]
runs = json.load(open(glob.glob(d + '/jmh/jmh-*-quick.json')[0]))
forks = {}
for r in runs:
    if r['benchmark'].endswith('.multiply'):
        forks[r['params']['library']] = [sum(x) / len(x) for x in r['primaryMetric']['rawData']]
flop = 2 * 2048 ** 3 / 1e9
manual = next(k for k in forks if k.startswith('manual'))
def summary(xs):
    logs = [math.log(x) for x in xs]
    m = sum(logs) / len(logs)
    v = sum((l - m) ** 2 for l in logs) / (len(logs) - 1)
    return m, v, len(logs)
ma, va, na = summary(forks[manual])
print('| library | GFLOP/s, fork means | manual / library [95% CI] |')
print('|---|---|---|')
for lib, xs in forks.items():
    mb, vb, nb = summary(xs)
    se2 = va / na + vb / nb
    df = se2 ** 2 / ((va / na) ** 2 / (na - 1) + (vb / nb) ** 2 / (nb - 1))
    half = stats.t.ppf(0.975, df) * math.sqrt(se2)
    diff = ma - mb
    print(f'| {lib} | {", ".join(f"{x * flop:.1f}" for x in xs)} | '
          + ('-' if lib == manual else f'{math.exp(diff):.2f} [{math.exp(diff - half):.2f}, {math.exp(diff + half):.2f}]') + ' |')
