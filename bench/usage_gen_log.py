#!/usr/bin/env python3
"""Writes an nginx `combined` access log of N requests over the operations of an
OpenAPI spec (path parameters filled in), with several consumers and ~2% of
requests to paths the spec does not have. Deterministic (fixed seed)."""
import json
import random
import re
import sys

spec_path, lines, out_path = sys.argv[1], int(sys.argv[2]), sys.argv[3]
with open(spec_path) as f:
    spec = json.load(f)
ops = []
for path, item in spec.get("paths", {}).items():
    for method in ("get", "put", "post", "delete", "patch"):
        if method in item:
            ops.append((method.upper(), path))
rng = random.Random(42)
agents = ["octo-web/3.1", "gh-cli/2.40.1 (linux)", "dependabot/1.0", "actions-runner/2.311", "Mozilla/5.0 (X11)"]
samples = []
for _ in range(20000):
    method, path = rng.choice(ops)
    concrete = re.sub(r"\{[^}]+\}", lambda m: "x%d" % rng.randint(1, 99999), path)
    if rng.random() < 0.02:
        concrete = "/not-in-spec" + concrete
    samples.append((method, concrete, rng.choice(agents), rng.choice((200, 200, 200, 201, 304, 404, 500))))
with open(out_path, "w") as out:
    for i in range(lines):
        method, path, agent, status = samples[i % len(samples)]
        day = 1 + (i * 28 // lines)
        out.write('10.%d.%d.%d - - [%02d/Oct/2026:%02d:%02d:%02d +0000] "%s %s HTTP/1.1" %d %d "-" "%s"\n' % (
            i % 256, (i >> 8) % 256, (i >> 16) % 256, day, (i >> 10) % 24, (i >> 4) % 60, i % 60,
            method, path, status, 100 + i % 900, agent))
