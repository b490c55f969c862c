#!/usr/bin/env python3
"""Summarize route-rounds.sh: per round (one quick-profile run, 1 fork per route), manual / each
route for training and inference samples/s, manual's SGEMM / each library's, and manual's training
GFLOP/s (exact FLOPs) / the round's best SGEMM. Each ratio is taken within a round and summarized
over rounds as a geometric mean with a 95% Student-t interval on the log ratios (paired).
Usage: route_rounds.py <dir>"""
import glob, json, math, os, statistics, sys
from scipy import stats

TRAIN_FLOP = 3_209_216  # exact FLOPs per training sample, 784-512-512-10 (core's FlopCount)
GEMM_FLOP = 2 * 2048 ** 3

def forks(raw):
    """Geometric mean of the fork means (a round has 1 fork; more are allowed)."""
    return math.exp(statistics.mean(math.log(statistics.mean(f)) for f in raw))

def rounds(d):
    out = []
    for r in sorted(glob.glob(os.path.join(d, 'r*/')), key=lambda p: int(p.rstrip('/').split('/r')[-1])):
        files = [f for f in glob.glob(r + 'jmh-*-quick.json')]
        if not files:
            continue
        data = {}
        for res in json.load(open(files[0])):
            name = res['benchmark'].rsplit('.', 1)[1]
            if name == 'multiply':
                lib = res['params']['library']
                data[('gemm', lib)] = forks(res['primaryMetric']['rawData']) * GEMM_FLOP / 1e9
            elif 'samples' in res.get('secondaryMetrics', {}):
                data[(name, res['params']['route'])] = forks(res['secondaryMetrics']['samples']['rawData'])
        out.append((r, data))
    return out

def interval(logs):
    n = len(logs)
    m = statistics.mean(logs)
    if n < 2:
        return math.exp(m), float('nan'), float('nan')
    h = stats.t.ppf(0.975, n - 1) * statistics.stdev(logs) / math.sqrt(n)
    return math.exp(m), math.exp(m - h), math.exp(m + h)

def fmt(t):
    return f'{t[0]:.2f} [{t[1]:.2f}, {t[2]:.2f}]'

rs = rounds(sys.argv[1])
print(f'{len(rs)} rounds: ' + ', '.join(r for r, _ in rs) + '\n')
for kind, label in (('trainStep', 'training'), ('predict', 'inference')):
    routes = sorted({k[1] for _, d in rs for k in d if k[0] == kind})
    print(f'| {label}: route | samples/s per round | manual / route [95% CI over rounds] |')
    print('|---|---|---|')
    for route in routes:
        vals = [d.get((kind, route)) for _, d in rs]
        pairs = [math.log(d[(kind, 'manual')] / d[(kind, route)]) for _, d in rs
                 if (kind, route) in d and (kind, 'manual') in d]
        ratio = '-' if route == 'manual' else fmt(interval(pairs))
        print(f'| {route} | ' + ', '.join('-' if v is None else f'{v:,.0f}' for v in vals) + f' | {ratio} |')
    print()
libs = sorted({k[1] for _, d in rs for k in d if k[0] == 'gemm'})
manual_lib = next((l for l in libs if l.startswith('manual')), None)
print('| SGEMM 2048: library | GFLOP/s per round | manual / library [95% CI over rounds] |')
print('|---|---|---|')
for lib in libs:
    vals = [d.get(('gemm', lib)) for _, d in rs]
    pairs = [math.log(d[('gemm', manual_lib)] / d[('gemm', lib)]) for _, d in rs
             if ('gemm', lib) in d and ('gemm', manual_lib) in d]
    ratio = '-' if lib == manual_lib else fmt(interval(pairs))
    print(f'| {lib} | ' + ', '.join('-' if v is None else f'{v:.1f}' for v in vals) + f' | {ratio} |')
print()
peak = [math.log(d[('trainStep', 'manual')] * TRAIN_FLOP / 1e9 / max(v for k, v in d.items() if k[0] == 'gemm'))
        for _, d in rs if ('trainStep', 'manual') in d and any(k[0] == 'gemm' for k in d)]
if peak:
    print('manual training GFLOP/s (exact) / the round\'s best SGEMM 2048: ' + fmt(interval(peak)))
