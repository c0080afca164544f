#!/usr/bin/env bash
# The layering rules of docs/CONTRIBUTING.md, checked on the sources:
#   core/ knows no format and no module above it: no diff/, contracts/, registry/, cli/;
#   diff/ never reaches the network, the registry or the CLI: no contracts/, registry/, cli/;
#   core/schema.* names no format keyword (nullable, x-nullable, discriminator);
#   no format includes the engine: nothing in diff/ but diff/engine.cpp includes diff/engine.h.
# Usage: check_layers.sh [SOURCE_ROOT]   (exit 1 and one line per violation)
set -uo pipefail
root=${1:-$(cd "$(dirname "$0")/../.." && pwd)}
cd "$root" || exit 2
status=0

# forbid DIR PATTERN WHY: every #include "PATTERN..." in DIR is a violation.
forbid() {
  local dir=$1 pattern=$2 why=$3
  [ -d "$dir" ] || return 0
  local hits
  hits=$(grep -rnE --include='*.h' --include='*.cpp' "^[[:space:]]*#[[:space:]]*include[[:space:]]*[\"<]($pattern)" "$dir" || true)
  if [ -n "$hits" ]; then
    while IFS= read -r hit; do echo "layering: $hit  ($why)"; done <<<"$hits"
    status=1
  fi
}

forbid core 'diff/|contracts/|registry/|cli/' "core knows no format and nothing above it"
forbid diff 'contracts/|registry/|cli/' "diff never touches the network, the registry or the CLI"
# core's schema model reads JSON Schema's vocabulary only; a format's keywords
# (OpenAPI's nullable, x-nullable, discriminator) are read by its profile's
# SchemaVocabulary hooks (diff/openapi/schema_profile.cpp, diff/asyncapi/...).
format_words=$(grep -nE 'nullable|discriminator' core/schema.h core/schema.cpp core/schema_keywords.cpp 2>/dev/null || true)
if [ -n "$format_words" ]; then
  while IFS= read -r hit; do
    echo "layering: $hit  (core's schema model names a format keyword; read it in the format's SchemaVocabulary)"
  done <<<"$format_words"
  status=1
fi
engine_users=$(grep -rlE --include='*.h' --include='*.cpp' '#[[:space:]]*include[[:space:]]*"diff/engine\.h"' diff 2>/dev/null |
               grep -vx 'diff/engine.cpp' || true)
for f in $engine_users; do
  echo "layering: $f includes diff/engine.h (formats sit behind diff/format/format.h; only the engine and its callers use engine.h)"
  status=1
done
[ "$status" = 0 ] && echo "layering: core, diff and the formats keep their boundaries"
exit $status
