"""Markdown table of a JDK-axis run: one row per route from its ab-*.json (see jdk-axis.sh)."""
import glob, json, math, os, statistics, sys

out = sys.argv[1]
rows = []
for f in sorted(glob.glob(os.path.join(out, "ab", "ab-*.json"))):
    r = json.load(open(f))
    a, b = r["forksA"], r["forksB"]
    med = lambda forks: statistics.median(x["mean"] for x in forks) if forks else math.nan
    v = r["verdict"]
    rows.append((r["a"]["route"], r["a"]["label"], r["b"]["label"], len(a), len(b), med(a),
                 med(b), v["label"], v["detail"], len(r["failures"]), os.path.basename(f)))
print("| route | JDK 17: median fork (samples/s) | JDK 25: median fork | forks | 25 vs 17: verdict | interval (paired, fork-level) | failed forks | raw |")
print("|---|---|---|---|---|---|---|---|")
for route, la, lb, na, nb, ma, mb, label, detail, fails, f in sorted(rows):
    print(f"| {route} | {ma:,.0f} | {mb:,.0f} | {na}+{nb} | {label} | {detail} | {fails} | [{f}](ab/{f}) |")
