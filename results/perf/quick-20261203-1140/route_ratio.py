"""manual / each framework route, training and inference samples/s at batch 128 on 2 threads, from
this run's JMH JSON: ratio of geometric fork means with a 95% Welch t-interval on the logs."""
import glob, json, math, sys
from scipy import stats

d = sys.argv[1]
runs = json.load(open(glob.glob(d + '/jmh/jmh-*-quick.json')[0]))
forks = {}
for r in runs:
    kind = r['benchmark'].rsplit('.', 1)[1]
    raw = r['secondaryMetrics']['samples']['rawData'] if 'samples' in r.get('secondaryMetrics', {}) else None
    if raw and kind in ('trainStep', 'predict', 'feed'):
        forks[(kind, r['params']['route'])] = [sum(x) / len(x) for x in raw]
def summary(xs):
    logs = [math.log(x) for x in xs]
    m = sum(logs) / len(logs)
    return m, sum((l - m) ** 2 for l in logs) / (len(logs) - 1), len(logs)
for kind in ('trainStep', 'predict'):
    print(f'\n{kind}: manual / route [95% CI]; fork means (samples/s)')
    ma, va, na = summary(forks[(kind, 'manual')])
    for (k, route), xs in sorted(forks.items(), key=lambda i: -sum(i[1]) / len(i[1])):
        if k != kind:
            continue
        mb, vb, nb = summary(xs)
        se2 = va / na + vb / nb
        df = se2 ** 2 / ((va / na) ** 2 / (na - 1) + (vb / nb) ** 2 / (nb - 1))
        half = stats.t.ppf(0.975, df) * math.sqrt(se2)
        diff = ma - mb
        ratio = '-' if route == 'manual' else f'{math.exp(diff):.2f} [{math.exp(diff - half):.2f}, {math.exp(diff + half):.2f}]'
        print(f'  {route:12s} {ratio:22s} ' + ', '.join(f'{x:,.0f}' for x in xs))
