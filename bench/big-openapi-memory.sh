#!/usr/bin/env bash
# Memory on huge input (issue 14): generates two ~100 MB OpenAPI 3.0 JSON
# documents (never committed; in a temp folder), runs `accord breaking` on
# them under /usr/bin/time -v and prints wall time, max RSS and the verdict.
# Goal: within 4 GB, or a clear error (exit 2) naming the limit.
# Usage: bench/big-openapi-memory.sh [ACCORD_BINARY] [MB]
set -uo pipefail
cd "$(dirname "$0")/.."
ACCORD=${1:-build/accord}
MB=${2:-100}
[ -x "$ACCORD" ] || { echo "no accord binary at $ACCORD (build it first)"; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

python3 - "$tmp" "$MB" <<'PY'
import json, sys
out, mb = sys.argv[1], int(sys.argv[2])
def schema(i, extra):
    props = {f"field{j}": {"type": "string", "maxLength": 64, "description": "x" * 40} for j in range(8)}
    props["id"] = {"type": "integer", "format": "int64"}
    if extra: props["added"] = {"type": "string"}
    return {"type": "object", "required": ["id"], "properties": props}
def doc(new):
    paths, schemas, size, i = {}, {}, 0, 0
    while size < mb * 1_000_000:
        name = f"Thing{i}"
        if not (new and i % 100 == 7):  # new: every hundredth operation removed
            paths[f"/things{i}/{{id}}"] = {"get": {
                "operationId": f"getThing{i}",
                "parameters": [{"name": "id", "in": "path", "required": True, "schema": {"type": "string"}},
                               {"name": "q", "in": "query", "required": new and i % 50 == 3, "schema": {"type": "string"}}],
                "responses": {"200": {"description": "ok", "content": {"application/json": {
                    "schema": {"$ref": f"#/components/schemas/{name}"}}}}}}}
        schemas[name] = schema(i, new and i % 10 == 0)
        size += 1300
        i += 1
    return {"openapi": "3.0.3", "info": {"title": "big", "version": "1"}, "paths": paths,
            "components": {"schemas": schemas}}
for side in ("old", "new"):
    with open(f"{out}/{side}.json", "w") as f:
        json.dump(doc(side == "new"), f, indent=1)
PY
ls -l "$tmp"/*.json | awk '{printf "%s %.1f MB\n", $NF, $5/1e6}'
/usr/bin/time -v "$ACCORD" breaking "$tmp/old.json" "$tmp/new.json" --format json >"$tmp/out.json" 2>"$tmp/time.txt"
rc=$?
echo "exit $rc (1 = breaking changes found, 2 = refused)"
grep -E "Elapsed \(wall clock\)|Maximum resident set size|User time|System time" "$tmp/time.txt"
grep -v -E "^\s" "$tmp/time.txt" | head -n 3
python3 -c "import json,sys; d=json.load(open('$tmp/out.json')); print('findings:', len(d.get('findings', d) if isinstance(d, dict) else d))" 2>/dev/null || head -c 300 "$tmp/out.json"
echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"
