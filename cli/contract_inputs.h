// The OLD and NEW of `breaking`/`diff` as the user wrote them: a file or
// directory, `-` for stdin, or an http(s):// URL. A URL is fetched through
// core::RemoteSource (the CLI wires in contracts/http); the diff layer only
// ever sees a path and, for stdin and URLs, the text already read.
#pragma once

#include <string>

#include "core/expected.h"
#include "core/refs.h"
#include "diff/engine.h"

namespace accord::cli {

bool is_url(const std::string& spec);
// Whether `spec` names something on this machine (accord.yaml and buf.yaml
// are looked up beside it); false for `-` and URLs.
bool is_local_path(const std::string& spec);

// `fetcher` is null with --no-remote: a URL is then refused, naming the flag.
// Reading stdin twice (OLD and NEW both `-`) is refused by the caller.
core::Expected<diff::ContractInput> resolve_input(const std::string& spec, core::RemoteSource* fetcher);

// `--kind NAME`: the registered format of that name, or an error listing them.
core::Expected<diff::Format> parse_kind(const std::string& name);

}  // namespace accord::cli
