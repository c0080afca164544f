// The GraphQL entry point: parse both versions (on two cores: a big schema
// is a megabyte of SDL) and walk the pairs.
#include "diff/graphql/compare.h"

#include <future>

#include "core/loader.h"
#include "diff/graphql/parse.h"
#include "diff/graphql/rules.h"

namespace accord::diff {

namespace {

core::Expected<graphql::Schema> load(const ContractInput& input) {
  if (input.text) return graphql::parse_sdl(input.path, *input.text);
  auto text = core::read_file(input.path);
  if (!text) return text.error();
  return graphql::parse_sdl(input.path, *text);
}

bool ends_with(const std::string& s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

}  // namespace

bool is_graphql_input(const ContractInput& input) {
  return ends_with(input.path, ".graphql") || ends_with(input.path, ".graphqls") || ends_with(input.path, ".gql");
}

core::Expected<std::vector<Finding>> compare_graphql(const ContractInput& old_input, const ContractInput& new_input) {
  auto pending_old = std::async(std::launch::async, [&] { return load(old_input); });
  auto new_schema = load(new_input);
  auto old_schema = pending_old.get();
  if (!old_schema) return old_schema.error();
  if (!new_schema) return new_schema.error();
  graphql::Reporter reporter;
  graphql::walk(*old_schema, *new_schema, reporter);
  return reporter.take();
}

}  // namespace accord::diff
