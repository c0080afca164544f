#!/usr/bin/env bash
# Agreement with buf: runs `accord breaking` and `buf breaking NEW --against OLD`
# on every proto pair of ../shared/corpus/proto, per category (FILE, PACKAGE,
# WIRE_JSON, WIRE), and prints the set difference of (rule, file, line).
# Findings without a file in buf (a deleted file or package) are keyed by the
# first quoted name in the message instead of the line.
#
#   bench/proto-agreement.sh [ACCORD_BINARY]   (per-pair lines on stderr, appended: safe to redirect to a file)
# buf runs once per pair with all four categories (cached under
# $BUF_OUT, default /tmp/accord-proto-buf); its findings are split by category
# with buf's own rule table. The googleapis tree excludes google/protobuf on
# both sides (protobuf's test protos there do not compile with either tool).
set -euo pipefail
cd "$(dirname "$0")/.."
ACCORD=${1:-build/accord}
BUF=${BUF:-/root/.cache/accord-peers/node_modules/@bufbuild/buf-linux-x64/bin/buf}
export BUF_CACHE_DIR=${BUF_CACHE_DIR:-/root/.cache/accord-peers/buf-cache}
CORPUS=../shared/corpus/proto
OUT=${BUF_OUT:-/tmp/accord-proto-buf}
mkdir -p "$OUT"
if [ ! -x "$BUF" ] || [ ! -d "$CORPUS" ]; then echo "WARN: buf or ../shared missing; skipping"; exit 0; fi
CORPUS=$(cd "$CORPUS" && pwd)
CATS="FILE PACKAGE WIRE_JSON WIRE"
"$BUF" config ls-breaking-rules --version v2 --format json > "$OUT/buf-rules.json"

# Pairs whose imports live elsewhere are staged (symlinks) with those imports;
# findings in the staged imports are not counted.
stage() { # pair side -> staged dir
  local pair=$1 side=$2 src=$CORPUS/$1/$2 dst=$OUT/stage/$1/$2
  rm -rf "$dst"; mkdir -p "$dst"; cp -rs "$src/." "$dst/"
  case $pair in
    google-pubsub-v1|google-spanner-v1|temporal-api-v1.17-to-v1.43)
      for d in google/api google/rpc; do  # only the files directly there; subpackages import more
        mkdir -p "$dst/$d"
        for f in "$CORPUS/googleapis-full-tree/$side/$d"/*.proto; do [ -e "$dst/$d/${f##*/}" ] || ln -s "$f" "$dst/$d/"; done
      done ;;
    kubernetes-cri-api-v1)
      mkdir -p "$dst/github.com/gogo/protobuf/gogoproto"
      ln -sf "$CORPUS/temporal-api-v1.17-to-v1.43/old/dependencies/gogoproto/gogo.proto" "$dst/github.com/gogo/protobuf/gogoproto/gogo.proto" ;;
  esac
  echo "$dst"
}

total=0
PAIRS=${PAIRS:-googleapis-full-tree google-pubsub-v1 google-spanner-v1 opentelemetry-proto-v0.9-to-v1.0 temporal-api-v1.17-to-v1.43 kubernetes-cri-api-v1}
for pair in $PAIRS; do
  [ -d "$CORPUS/$pair" ] || continue
  if [ $pair = googleapis-full-tree ]; then
    old=$CORPUS/$pair/old; new=$CORPUS/$pair/new; excludes='["SIDE/google/protobuf"]'
  else
    old=$(stage $pair old); new=$(stage $pair new); excludes='[]'
  fi
  # The pair's own files: findings elsewhere (staged imports) are not compared.
  (cd "$CORPUS/$pair/old" && find . -name '*.proto'; cd "$CORPUS/$pair/new" && find . -name '*.proto') | sed 's|^\./||' | sort -u > "$OUT/$pair.files"
  bufout=$OUT/$pair.buf.json
  if [ ! -s "$bufout" ]; then
    # buf wants module paths relative to the working directory (old/ and new/ are siblings).
    cfg() { echo "{\"version\":\"v2\",\"modules\":[{\"path\":\"$1\",\"excludes\":${excludes//SIDE/$1}}],\"breaking\":{\"use\":[\"FILE\",\"PACKAGE\",\"WIRE_JSON\",\"WIRE\"]}}"; }
    (cd "$(dirname "$new")" && "$BUF" breaking new --against old --config "$(cfg new)" --against-config "$(cfg old)" \
      --error-format json > "$bufout" 2> "$OUT/$pair.buf.err") || true
  fi
  yaml=$OUT/$pair.buf.yaml
  # v2 like buf's config above: v1 would leave out FIELD_SAME_DEFAULT and the extension deletions.
  printf 'version: v2\nmodules:\n  - path: .\n    excludes: %s\n' "$(echo "$excludes" | tr -d '"' | sed 's|SIDE/||')" > "$yaml"
  for cat in $CATS; do
    aout=$OUT/$pair.$cat.accord.json
    "$ACCORD" breaking "$old" "$new" --buf-config "$yaml" --category "$cat" --format json > "$aout" 2> "$OUT/$pair.$cat.accord.err" || true
    n=$(python3 bench/proto_agreement.py "$OUT/buf-rules.json" "$bufout" "$aout" "$cat" "$pair" "$old" "$new" "$OUT/$pair.files" | tee -a /dev/stderr | tail -1)
    total=$((total + n))
  done
done

# Two more inputs on the smaller pairs: OLD as an image (buf's, imports marked,
# and protoc's --include_imports set, unmarked), every category; and buf.yaml
# version v1 on both sides with no category given (buf's v1 defaults).
EXTRA_PAIRS=${EXTRA_PAIRS:-opentelemetry-proto-v0.9-to-v1.0 google-pubsub-v1 kubernetes-cri-api-v1}
"$BUF" config ls-breaking-rules --version v1 --format json > "$OUT/buf-rules-v1.json"
for pair in $EXTRA_PAIRS; do
  [ -d "$CORPUS/$pair" ] || continue
  old=$(stage $pair old); new=$(stage $pair new)
  (cd "$CORPUS/$pair/old" && find . -name '*.proto'; cd "$CORPUS/$pair/new" && find . -name '*.proto') | sed 's|^\./||' | sort -u > "$OUT/$pair.files"
  v2='{"version":"v2","breaking":{"use":["FILE","PACKAGE","WIRE_JSON","WIRE"]}}'
  printf 'version: v2\n' > "$OUT/$pair.v2.yaml"
  "$BUF" build "$old" -o "$OUT/$pair.old.buf.binpb"
  (cd "$old" && find . -name '*.proto' | sed 's|^\./||' | sort | xargs protoc -I. --include_imports --include_source_info \
    --descriptor_set_out="$OUT/$pair.old.protoc.binpb")
  for image in buf protoc; do
    bufout=$OUT/$pair.image-$image.buf.json
    (cd "$new" && "$BUF" breaking . --against "$OUT/$pair.old.$image.binpb" --config "$v2" --error-format json > "$bufout" 2> "$bufout.err") || true
    for cat in $CATS; do
      aout=$OUT/$pair.image-$image.$cat.accord.json
      "$ACCORD" breaking "$OUT/$pair.old.$image.binpb" "$new" --buf-config "$OUT/$pair.v2.yaml" --category "$cat" --format json > "$aout" 2> "${aout%.json}.err" || true
      n=$(python3 bench/proto_agreement.py "$OUT/buf-rules.json" "$bufout" "$aout" "$cat" "$pair(image-$image)" "$old" "$new" "$OUT/$pair.files" | tee -a /dev/stderr | tail -1)
      total=$((total + n))
    done
  done
  # No category: the buf.yaml's version picks the defaults (FILE of v1).
  printf 'version: v1\n' > "$OUT/$pair.v1.yaml"
  bufout=$OUT/$pair.v1.buf.json
  (cd "$(dirname "$new")" && "$BUF" breaking new --against old --config '{"version":"v1"}' --against-config '{"version":"v1"}' \
    --error-format json > "$bufout" 2> "$bufout.err") || true
  aout=$OUT/$pair.v1.accord.json
  "$ACCORD" breaking "$old" "$new" --buf-config "$OUT/$pair.v1.yaml" --format json > "$aout" 2> "${aout%.json}.err" || true
  n=$(python3 bench/proto_agreement.py "$OUT/buf-rules-v1.json" "$bufout" "$aout" FILE "$pair(v1)" "$old" "$new" "$OUT/$pair.files" | tee -a /dev/stderr | tail -1)
  total=$((total + n))
done
echo "total differences: $total"
