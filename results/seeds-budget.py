#!/usr/bin/env python3
"""Wall time of the accuracy stage per recorded run (startedAt -> finishedAt of the run record: the
accuracy stage only; JMH timing runs before it and is not inside that span), and the training time
of each route, from the run records given (default: results/history/*.json)."""
import glob, json, sys
from datetime import datetime

def t(s):
    return datetime.fromisoformat(s.replace("Z", "+00:00")[:26] + "+00:00")

for f in sys.argv[1:] or sorted(glob.glob("results/history/*.json")):
    d = json.load(open(f))
    seeds = len(d["settings"]["seeds"])
    wall = (t(d["finishedAt"]) - t(d["startedAt"])).total_seconds()
    train = sum(a["trainingSeconds"] for a in d["accuracy"])
    print(f"{f}: {len(set(a['route'] for a in d['accuracy']))} routes x {d['settings']['epochs']} epochs x {seeds} seed(s):"
          f" accuracy stage {wall:.0f} s wall, {train:.0f} s training; {wall / seeds:.0f} s per seed")
