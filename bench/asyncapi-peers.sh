#!/usr/bin/env bash
# Times accord next to @asyncapi/diff on every ../shared/corpus/asyncapi pair (see jsonschema-peers.sh).
FORMAT=asyncapi exec "$(dirname "$0")/jsonschema-peers.sh" "$@"
