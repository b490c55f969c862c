"""Markdown table of a JDK-axis run: one row per route from its ab-*.json (see jdk-axis.sh)."""
import glob, json, math, os, re, statistics, sys

out = sys.argv[1]
rows = []
for f in sorted(glob.glob(os.path.join(out, "ab", "ab-*.json"))):
    r = json.load(open(f))
    a, b = r["forksA"], r["forksB"]
    med = lambda forks: statistics.median(statistics.fmean(x["samples"]) for x in forks) if forks else math.nan
    v = r["verdict"]
    rows.append((r["a"]["route"], r["a"]["label"], r["b"]["label"], len(a), len(b), med(a),
                 med(b), v["label"], v["detail"], len(r["failures"]), os.path.basename(f)))
ORDER = ["manual", "tf-minimize", "tf-tape", "djl-fit", "djl-loop", "dl4j-fit", "dl4j-loop"]
rank = lambda route: ORDER.index(route) if route in ORDER else len(ORDER)
print("## JDK axis: the same classes on JDK 17 and JDK 25")
print()
print("Training samples/s, batch 128, all cores; one interleaved ab per route (forks A B A B ...),"
      " the ratio of geometric fork means with a paired 95% t-interval. Raw: ab/<file>.")
print()
print("| route | JDK 17: median fork (samples/s) | JDK 25: median fork | forks | JDK 25 / 17 [95% CI, paired] | verdict | failed forks | raw |")
print("|---|---:|---:|---|---|---|---|---|")
for route, la, lb, na, nb, ma, mb, label, detail, fails, f in sorted(rows, key=lambda r: rank(r[0])):
    m = re.search(r"ratio ([0-9.]+), 95% CI \[([0-9.]+), ([0-9.]+)\]", detail)
    ratio = f"{m.group(1)} [{m.group(2)}, {m.group(3)}]" if m else "n/a"
    print(f"| {route} | {ma:,.0f} | {mb:,.0f} | {na}+{nb} | {ratio} | {label} | {fails} | {f} |")
