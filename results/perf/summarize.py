#!/usr/bin/env python3
"""Summarize interleaved JMH forks (one JSON per fork) written by interleave.sh (ab-kernels.sh, ab-jdk.sh).

Files are named <job>-<variant>-r<round>.json. Per fork the score is the mean of its measurement
iterations (GEMM: GFLOP/s = ops/s x 2 n^3; training: the `samples` secondary metric, samples/s).
Forks are the unit of replication; rounds pair the two variants measured next to each other, so
the ratio is taken per round and summarized as a geometric mean with a 95% Student-t interval on
the log ratios. Usage: summarize.py <dir> [baseline-variant] [other-variant]
"""
import glob
import json
import math
import os
import re
import statistics
import sys

T95 = {1: 12.71, 2: 4.30, 3: 3.18, 4: 2.78, 5: 2.57, 6: 2.45, 7: 2.36, 8: 2.31, 9: 2.26, 10: 2.23}


def fork_score(result):
    params = result.get("params", {})
    if "samples" in result.get("secondaryMetrics", {}):
        raw = result["secondaryMetrics"]["samples"]["rawData"][0]
        return statistics.mean(raw), "samples/s"
    raw = result["primaryMetric"]["rawData"][0]
    n = int(params.get("size", 0))
    if n:
        return statistics.mean(raw) * 2 * n**3 / 1e9, "GFLOP/s"
    return statistics.mean(raw), result["primaryMetric"]["scoreUnit"]


def main():
    folder = sys.argv[1]
    base = sys.argv[2] if len(sys.argv) > 2 else "old"
    other = sys.argv[3] if len(sys.argv) > 3 else "new"
    scores = {}  # job -> variant -> round -> score
    units = {}
    alloc = {}
    for path in sorted(glob.glob(os.path.join(folder, "*.json"))):
        m = re.match(r"(.+)-([^-]+)-r(\d+)\.json$", os.path.basename(path))
        if not m:
            continue
        job, variant, rnd = m.group(1), m.group(2), int(m.group(3))
        try:
            with open(path) as f:
                data = json.load(f)
        except ValueError:
            data = None
        if not data:
            print(f"skipped {path}: no JMH result (see its .log)", file=sys.stderr)
            continue
        score, unit = fork_score(data[0])
        scores.setdefault(job, {}).setdefault(variant, {})[rnd] = score
        units[job] = unit
        gc = data[0].get("secondaryMetrics", {}).get("gc.alloc.rate.norm")
        if gc:
            # median over iterations: the last one also holds the trial teardown's allocations
            alloc.setdefault(job, {}).setdefault(variant, []).append(
                statistics.median(gc["rawData"][0]))
    print(f"| job | {base}: median [min, max] of forks | {other}: median [min, max] | "
          f"{other} / {base}: geo-mean of paired rounds [95% CI] | rounds |")
    print("|---|---|---|---|---|")
    for job in sorted(scores):
        a, b = scores[job].get(base, {}), scores[job].get(other, {})
        rounds = sorted(set(a) & set(b))
        logs = [math.log(b[r] / a[r]) for r in rounds]
        if len(logs) >= 2:
            mean = statistics.mean(logs)
            half = T95.get(len(logs) - 1, 2.0) * statistics.stdev(logs) / math.sqrt(len(logs))
            ratio = f"{math.exp(mean):.2f} [{math.exp(mean - half):.2f}, {math.exp(mean + half):.2f}]"
        else:
            ratio = "n/a"

        def cell(d):
            v = sorted(d.values())
            return f"{statistics.median(v):,.0f} [{v[0]:,.0f}, {v[-1]:,.0f}] {units[job]}" if v else "-"

        print(f"| {job} | {cell(a)} | {cell(b)} | {ratio} | {len(rounds)} |")
    for job in sorted(alloc):
        for variant, values in sorted(alloc[job].items()):
            print(f"\n{job} {variant}: gc.alloc.rate.norm, median of each fork's iterations (B/op): "
                  + ", ".join(f"{v:.3f}" for v in values))


if __name__ == "__main__":
    main()
