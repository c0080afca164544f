#!/usr/bin/env bash
# accord vs buf on the whole googleapis tree, directory against directory, in
# the same run: wall time, CPU time (user+sys) and peak memory from
# /usr/bin/time -v, the ratios, and the load average (the machine is shared:
# wall time is distorted by load, CPU time much less).
#
#   bench/proto-googleapis.sh [ACCORD_BINARY] [CATEGORY]
# Both tools leave out google/protobuf (protobuf's own test protos there use
# editions and duplicate symbols, which neither tool compiles) and check the
# same category (default FILE, buf's default).
set -euo pipefail
cd "$(dirname "$0")/.."
ACCORD=${1:-build/accord}
CATEGORY=${2:-FILE}
BUF=${BUF:-/root/.cache/accord-peers/node_modules/@bufbuild/buf-linux-x64/bin/buf}
export BUF_CACHE_DIR=${BUF_CACHE_DIR:-/root/.cache/accord-peers/buf-cache}
TREE=../shared/corpus/proto/googleapis-full-tree
if [ ! -x "$BUF" ] || [ ! -d "$TREE" ] || [ ! -x /usr/bin/time ]; then
  echo "WARN: needs buf, ../shared and /usr/bin/time (Debian package time); skipping"; exit 0
fi
TREE=$(cd "$TREE" && pwd)
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
printf 'version: v1\nbuild:\n  excludes: [google/protobuf]\n' > "$OUT/buf.yaml"
BUFCFG() { echo "{\"version\":\"v2\",\"modules\":[{\"path\":\"$1\",\"excludes\":[\"$1/google/protobuf\"]}],\"breaking\":{\"use\":[\"$CATEGORY\"]}}"; }

measure() { # name command...
  local name=$1; shift
  /usr/bin/time -v "$@" > "$OUT/$name.out" 2> "$OUT/$name.time" || true
  local wall rss cpu
  cpu=$(awk -F': ' '/User time|System time/ {s += $2} END {print s}' "$OUT/$name.time")
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$OUT/$name.time" |
         awk -F: '{ if (NF == 3) print $1*3600 + $2*60 + $3; else print $1*60 + $2 }')
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$OUT/$name.time")
  echo "$wall $rss $cpu"
}

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
read -r a_wall a_rss a_cpu < <(measure accord "$ACCORD" breaking "$TREE/old" "$TREE/new" --buf-config "$OUT/buf.yaml" \
                         --category "$CATEGORY" --format json)
read -r b_wall b_rss b_cpu < <(cd "$TREE" && measure buf "$BUF" breaking new --against old --config "$(BUFCFG new)" \
                         --against-config "$(BUFCFG old)" --error-format json)
a_n=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["findings"]))' "$OUT/accord.out" 2>/dev/null || echo "?")
b_n=$(grep -c '"type"' "$OUT/buf.out" || true)
printf 'googleapis-full-tree (%s): %s, load average %s before, %s after\n' "$CATEGORY" "$(date -u +%FT%TZ)" \
  "$load_before" "$(cut -d' ' -f1-3 /proc/loadavg)"
awk -v aw="$a_wall" -v ar="$a_rss" -v an="$a_n" -v ac="$a_cpu" -v bw="$b_wall" -v br="$b_rss" -v bn="$b_n" -v bc="$b_cpu" 'BEGIN {
  printf "  accord  wall %8.2f s  cpu %8.2f s  peak %8.1f MB  findings %s\n", aw, ac, ar / 1024, an
  printf "  buf     wall %8.2f s  cpu %8.2f s  peak %8.1f MB  findings %s\n", bw, bc, br / 1024, bn
  printf "  speed-up %.1fx wall, %.1fx cpu (goal >= 5x), memory %.1f%% of buf (goal <= 25%%)\n", bw / aw, bc / ac, 100 * ar / br
}'
