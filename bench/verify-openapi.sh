#!/usr/bin/env bash
# `accord verify PACTS --openapi SPEC` speed: N (default 2,000) interactions
# generated from the GitHub REST spec's own operations (path parameters
# filled by type, the first declared 2xx status, the media type's example as
# the expected body) checked against that spec. No peer: nothing else does
# this offline, so the goal is absolute (under 1 s for 2,000).
#
# usage: bench/verify-openapi.sh [BUILD_DIR]   (default: build)
# env:   N=2000  RUNS=3
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${1:-build}
ACCORD=$BUILD/accord
SPEC=../shared/corpus/openapi/github-rest-api/new.json
N=${N:-2000}
RUNS=${RUNS:-3}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
[ -x "$ACCORD" ] || { echo "build accord first ($ACCORD missing)"; exit 2; }
[ -f "$SPEC" ] || { echo "missing $SPEC"; exit 2; }

python3 - "$SPEC" "$N" > "$WORK/pact.json" <<'PY'
import json, sys
spec = json.load(open(sys.argv[1]))
n = int(sys.argv[2])
def resolve(node):
    while isinstance(node, dict) and "$ref" in node:
        cur = spec
        for tok in node["$ref"][2:].split("/"):
            cur = cur[tok.replace("~1", "/").replace("~0", "~")]
        node = cur
    return node
def value_for(param):
    t = resolve(param.get("schema", {})).get("type", "string")
    return "1" if t in ("integer", "number") else "x"
items = []
for path, item in spec["paths"].items():
    for method, op in item.items():
        if method not in ("get", "post", "put", "patch", "delete"): continue
        params = [resolve(p) for p in item.get("parameters", []) + op.get("parameters", [])]
        concrete = path
        for p in params:
            if p.get("in") == "path": concrete = concrete.replace("{" + p["name"] + "}", value_for(p))
        query = {p["name"]: [value_for(p)] for p in params if p.get("in") == "query" and p.get("required")}
        status, body = None, None
        for code, res in op.get("responses", {}).items():
            if code.startswith("2"):
                status = int(code)
                media = resolve(res).get("content", {}).get("application/json", {})
                ex = media.get("examples")
                if ex: body = resolve(next(iter(ex.values()))).get("value")
                break
        if status is None or op.get("requestBody", {}).get("required"): continue
        response = {"status": status}
        if body is not None: response["body"] = body
        request = {"method": method.upper(), "path": concrete}
        if query: request["query"] = query
        items.append({"request": request, "response": response})
out = []
for i in range(n):
    it = dict(items[i % len(items)])
    it["description"] = f"interaction {i}"
    out.append(it)
json.dump({"consumer": {"name": "bench"}, "provider": {"name": "github"}, "interactions": out,
           "metadata": {"pactSpecification": {"version": "3.0.0"}}}, sys.stdout)
PY

echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "$N interactions over $(python3 -c "import json,sys;print(len(set(i['request']['method']+i['request']['path'] for i in json.load(open(sys.argv[1]))['interactions'])))" "$WORK/pact.json") distinct requests"
times=()
cpus=()
for i in $(seq "$RUNS"); do
  set +e
  /usr/bin/time -f "%e %U %S" -o "$WORK/time.txt" nice "$ACCORD" verify "$WORK/pact.json" --openapi "$SPEC" --format json > "$WORK/report.json"
  rc=$?
  set -e
  read -r wall user sys < <(tail -1 "$WORK/time.txt")
  times+=("$wall")
  cpus+=("$(echo "$user + $sys" | bc)")
done
median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (RUNS + 1) / 2 ))p")
python3 - "$WORK/report.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
s = r["summary"]
print(f"verdicts: {s['pass']} pass, {s['fail']} fail, {s['skipped']} skipped")
PY
cpu=$(printf '%s\n' "${cpus[@]}" | sort -n | sed -n "$(( (RUNS + 1) / 2 ))p")
echo "exit code $rc; wall times: ${times[*]} s (median ${median} s); CPU (user+sys): ${cpus[*]} s (median ${cpu} s; goal < 1 s)"
echo "load average now: $(cut -d' ' -f1-3 /proc/loadavg) (wall is inflated on a loaded machine; CPU much less so)"
