#include "cli/contract_inputs.h"

#include <iostream>
#include <iterator>

namespace accord::cli {

bool is_url(const std::string& spec) { return spec.rfind("http://", 0) == 0 || spec.rfind("https://", 0) == 0; }

bool is_local_path(const std::string& spec) { return spec != "-" && !is_url(spec); }

core::Expected<diff::ContractInput> resolve_input(const std::string& spec, core::RemoteSource* fetcher) {
  if (spec == "-") {
    std::string text(std::istreambuf_iterator<char>(std::cin), {});
    if (!std::cin.eof() && std::cin.fail()) return core::make_error("cannot read the contract from stdin");
    return diff::ContractInput{"<stdin>", std::move(text)};
  }
  if (is_url(spec)) {
    if (!fetcher) return core::make_error("'" + spec + "' is a URL and --no-remote forbids fetching it");
    auto body = fetcher->fetch(spec);
    if (!body) return body.error();
    return diff::ContractInput{spec, std::move(*body)};
  }
  return diff::ContractInput{spec, std::nullopt};
}

core::Expected<diff::Format> parse_kind(const std::string& name) {
  if (const diff::ContractFormat* format = diff::find_format(name)) return format->id();
  return core::make_error("unknown --kind '" + name + "' (expected " + diff::format_names() + ")");
}

}  // namespace accord::cli
