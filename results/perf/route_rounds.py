#!/usr/bin/env python3
"""Paired route ratios from a run measured in rounds (the benchmarks runner's default with more
than one fork: round k runs fork k of every job, so fork k of every route and GEMM library was
measured in the same stretch of time). Per round: manual / each route for training and inference
samples/s, manual's SGEMM / each library's, and manual's training GFLOP/s (exact FLOPs) / the
round's best SGEMM; each summarized over rounds as a geometric mean with a 95% Student-t interval
on the log ratios. Usage: route_rounds.py <merged JMH JSON of the run> [--drop K,...]
(--drop leaves out whole rounds, 1-based, e.g. one whose manual fork is a known outlier; say so
beside any figure computed that way)."""
import json, math, statistics, sys
from scipy import stats

TRAIN_FLOP = 3_209_216  # exact FLOPs per training sample, 784-512-512-10 (core's FlopCount)

def rounds(path):
    """[{(kind, name): value}] per round (fork index)."""
    out = []
    for res in json.load(open(path)):
        name = res['benchmark'].rsplit('.', 1)[1]
        if name == 'multiply':
            n = int(res['params'].get('size', 2048))
            key, raw, scale = ('gemm', res['params']['library']), res['primaryMetric']['rawData'], 2 * n ** 3 / 1e9
        elif 'samples' in res.get('secondaryMetrics', {}):
            key, raw, scale = (name, res['params']['route']), res['secondaryMetrics']['samples']['rawData'], 1
        else:
            continue
        for k, fork in enumerate(raw):
            while len(out) <= k:
                out.append({})
            out[k][key] = statistics.mean(fork) * scale
    return [(f'round {k + 1}', d) for k, d in enumerate(out)]

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
dropped = set()
if '--drop' in sys.argv:
    dropped = {int(k) for k in sys.argv[sys.argv.index('--drop') + 1].split(',')}
    rs = [(name, d) for k, (name, d) in enumerate(rs, 1) if k not in dropped]
print(f'{len(rs)} rounds (fork k of every job = round k)'
      + (f'; round(s) {sorted(dropped)} left out' if dropped else '') + '\n')
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
    # issue 18's goal is against the fastest framework route, which can differ from round to round
    best = [math.log(d[(kind, 'manual')] / max(v for k, v in d.items() if k[0] == kind and k[1] != 'manual'))
            for _, d in rs if (kind, 'manual') in d and any(k[0] == kind and k[1] != 'manual' for k in d)]
    if best:
        print(f'\nmanual {label} / the round\'s fastest framework route: {fmt(interval(best))}')
    print()
libs = sorted({k[1] for _, d in rs for k in d if k[0] == 'gemm'})
manual_lib = next((l for l in libs if l.startswith('manual')), None)
print('| SGEMM: library | GFLOP/s per round | manual / library [95% CI over rounds] |')
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
    print('manual training GFLOP/s (exact) / the round\'s best SGEMM: ' + fmt(interval(peak)))
