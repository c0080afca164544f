#!/usr/bin/env python3
"""Times accord next to the JSON Schema / AsyncAPI diff peers, pair by pair.

Called by bench/jsonschema-peers.sh (and bench/asyncapi-peers.sh). Each tool
runs RUNS times per pair (a peer that times out or gives up runs once: there
is no result to time); the table keeps the best CPU time (user+sys, from the
kernel's rusage of the child, so a loaded machine inflates it less than wall
time), the best wall time and the peak RSS. Ratios are peer / accord, on CPU
and on wall, only where the peer gave a verdict; a peer that gave up, crashed
or timed out is said so and has no ratio.
"""
import os
import re
import resource
import subprocess
import sys
import time

ACCORD, FORMAT, PEERS_DIR = sys.argv[1], sys.argv[2], sys.argv[3]
TIMEOUT = float(os.environ.get("TIMEOUT", "120"))
RUNS = int(os.environ.get("RUNS", "5"))
RESULTS = os.environ.get("RESULTS", "")
SEMANTIC = {"json-schema-diff", "api-smart-diff", "asyncapi-diff"}
# Issue 9: >= 5x the textual peer on these (the larger pairs).
LARGER = ("vector", "kubernetes", "metaschema", "renovate")


def run_once(cmd):
    """(wall s, exit code or 'timeout', stdout+stderr text)."""
    start = time.monotonic()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        out, _ = proc.communicate(timeout=TIMEOUT)
        rc = proc.returncode
    except subprocess.TimeoutExpired:
        proc.kill()
        out, _ = proc.communicate()
        rc = "timeout"
    wall = time.monotonic() - start
    return wall, rc, out.decode("utf-8", "replace")


def timed(cmd, repeat):
    """Best-of-N CPU and wall time; CPU from the children's rusage delta."""
    best = None
    for _ in range(repeat):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        wall, rc, out = run_once(cmd)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        if best is None:
            best = {"wall": wall, "cpu": cpu, "rc": rc, "out": out}
        else:
            best["wall"] = min(best["wall"], wall)
            best["cpu"] = min(best["cpu"], cpu)
        if rc == "timeout":
            break
    return best


def rss_of(cmd):
    """Peak RSS (KB) of one run, through GNU time (RUSAGE_CHILDREN keeps a maximum over all children)."""
    try:
        res = subprocess.run(["/usr/bin/time", "-f", "%M", "-o", "/dev/stdout", "--quiet"] + cmd,
                             stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, timeout=TIMEOUT)
        last = res.stdout.decode().strip().splitlines()
        return last[-1] if last and last[-1].isdigit() else "?"
    except subprocess.TimeoutExpired:
        return "?"


def accord_verdict(run):
    errors = len(re.findall(r'"severity": *"error"', run["out"]))
    if run["rc"] == 0:
        return True, "clean"
    if run["rc"] == 1:
        return True, "breaking %d" % errors
    return False, "exit %s" % run["rc"]


def json_schema_diff_verdict(run):
    out = run["out"]
    if run["rc"] == "timeout":
        return False, "timed out (%ds)" % TIMEOUT
    if run["rc"] == 0:
        return True, "clean"
    failure = re.search(r"(message: '[^']*'|Error: [^\n]*|RangeError[^\n]*)", out)
    if failure or not re.search(r"removed", out, re.I):
        reason = failure.group(1) if failure else out.strip().splitlines()[-1:] or ["no output"]
        reason = reason if isinstance(reason, str) else reason[0]
        reason = re.sub(r"/\S*/corpus/\S*/", "", reason)
        return False, "gave up: " + reason[:60]
    return True, "breaking"


def library_verdict(run):
    if run["rc"] == "timeout":
        return False, "timed out (%ds)" % TIMEOUT
    last = run["out"].strip().splitlines()[-1:] or ["no output (exit %s)" % run["rc"]]
    text = last[0]
    if run["rc"] != 0 or text.startswith("gave up"):
        return False, text[:70]
    return True, text.replace("The schema is not backward compatible. Difference include breaking change", "not backward compatible")[:50]


def peers():
    found = []
    mods = os.path.join(PEERS_DIR, "node_modules")
    if FORMAT == "asyncapi":
        if os.path.isdir(os.path.join(mods, "@asyncapi/diff")):
            found.append("asyncapi-diff")
    else:
        if os.access(os.path.join(mods, ".bin/json-schema-diff"), os.X_OK):
            found.append("json-schema-diff")
        for name in ("json-schema-diff-validator", "api-smart-diff"):
            if os.path.isdir(os.path.join(mods, name)):
                found.append(name)
    return found


def peer_cmd(peer, old, new):
    if peer == "json-schema-diff":
        return [os.path.join(PEERS_DIR, "node_modules/.bin/json-schema-diff"), old, new]
    return ["node", "bench/schema_peers.js", peer, old, new]


def pairs():
    root = "../shared/corpus/" + FORMAT
    for name in sorted(os.listdir(root)):
        d = os.path.join(root, name)
        if not os.path.isdir(d):
            continue
        files = sorted(os.listdir(d))
        old = [f for f in files if f.startswith("old.")]
        new = [f for f in files if f.startswith("new.")]
        if old and new:
            yield name, os.path.join(d, old[0]), os.path.join(d, new[0])


def ratio(peer_value, accord_value):
    return "%.0fx" % (peer_value / accord_value) if accord_value > 0 else "-"


def main():
    # The bench and every tool it starts run nice'd. Set here once rather than
    # through `nice` per run: exec'ing nice first added its own start-up
    # (1.5 ms of CPU here) to every tool's time, which moved each ratio
    # towards 1 (vector's accord run is about 20 ms).
    os.nice(10)
    tools = peers()
    lines = []
    emit = lambda s: (print(s, flush=True), lines.append(s))
    load = open("/proc/loadavg").read().split()[:3]
    emit("load average at start: %s   runs per tool: best of %d   timeout: %ds" % (" ".join(load), RUNS, TIMEOUT))
    emit("peers: %s" % (", ".join(tools) or "none installed in " + PEERS_DIR))
    emit("")
    emit("| pair | accord cpu s / wall s / RSS KB / verdict | " +
         " | ".join("%s cpu / wall / RSS / verdict | ratio cpu, wall | goal" % p for p in tools) + " |")
    emit("|---|---|" + "---|---|---|" * len(tools))
    goals = {p: [0, 0] for p in tools}  # met, counted
    for name, old, new in pairs():
        acmd = [ACCORD, "breaking", "--format", "json", old, new]
        a = timed(acmd, RUNS)
        ok, averdict = accord_verdict(a)
        cells = ["%.3f / %.3f / %s / %s" % (a["cpu"], a["wall"], rss_of(acmd), averdict)]
        for p in tools:
            cmd = peer_cmd(p, old, new)
            judge = json_schema_diff_verdict if p == "json-schema-diff" else library_verdict
            first = timed(cmd, 1)
            done, verdict = judge(first)
            r = timed(cmd, RUNS - 1) if done and RUNS > 1 else None
            if r:
                first["cpu"] = min(first["cpu"], r["cpu"])
                first["wall"] = min(first["wall"], r["wall"])
            rss = rss_of(cmd) if done else "-"
            cells.append("%.3f / %.3f / %s / %s" % (first["cpu"], first["wall"], rss, verdict.replace("|", "/")))
            if not done:
                cells.append("- (no result)")
                cells.append("accord gives a result" if ok else "NEITHER")
                continue
            cells.append("%s, %s" % (ratio(first["cpu"], a["cpu"]), ratio(first["wall"], a["wall"])))
            need = 20 if p in SEMANTIC else (5 if any(k in name for k in LARGER) else 0)
            if need == 0:
                cells.append("(no goal on this pair)")
                continue
            # On CPU time: wall time on a shared machine measures the other jobs too.
            met = first["cpu"] >= need * a["cpu"]
            goals[p][1] += 1
            goals[p][0] += met
            cells.append("%s (cpu >= %dx)" % ("met" if met else "NOT met", need))
        emit("| %s | %s |" % (name, " | ".join(cells)))
    emit("")
    for p in tools:
        emit("%s: goal met on %d of the %d pairs it finished (that have a goal)" % (p, goals[p][0], goals[p][1]))
    emit("load average at end: %s" % " ".join(open("/proc/loadavg").read().split()[:3]))
    if RESULTS:
        with open(RESULTS, "w") as f:
            f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
