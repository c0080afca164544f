// The GraphQL format: parse each version (with positions) and walk the pairs.
#include "diff/graphql/compare.h"

#include "core/loader.h"
#include "core/source.h"
#include "diff/graphql/parse.h"
#include "diff/graphql/rules.h"

namespace accord::diff {

namespace {

core::Expected<graphql::Schema> load_schema(const ContractInput& input) {
  if (input.text) return graphql::parse_sdl(input.path, *input.text);
  // Through the input's source: a git revision with --against git:REF.
  auto text = (input.source ? *input.source : core::file_source()).read(input.path);
  if (!text) return text.error();
  return graphql::parse_sdl(input.path, *text);
}

bool ends_with(const std::string& s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

struct GraphqlVersion : LoadedContract {
  graphql::Schema schema;
};

class GraphqlFormat final : public ContractFormat {
 public:
  Format id() const override { return Format::graphql; }
  std::string_view display_name() const override { return "GraphQL"; }
  std::string_view expected_input() const override { return "a GraphQL schema (SDL: .graphql, .graphqls, .gql)"; }
  bool reads_documents() const override { return false; }
  Claim claim_path(const ContractInput& input) const override {
    const std::string& p = input.path;
    return ends_with(p, ".graphql") || ends_with(p, ".graphqls") || ends_with(p, ".gql") ? Claim::yes : Claim::no;
  }
  Claim claim_document(const core::Document&) const override { return Claim::no; }

  // The engine loads the two versions in parallel: a big schema is a megabyte of SDL.
  core::Expected<std::unique_ptr<LoadedContract>> load(const ContractInput& input, std::unique_ptr<core::Document>,
                                                       const CompareOptions&) const override {
    auto schema = load_schema(input);
    if (!schema) return schema.error();
    auto loaded = std::make_unique<GraphqlVersion>();
    loaded->schema = std::move(*schema);
    return std::unique_ptr<LoadedContract>(std::move(loaded));
  }
  core::Expected<std::vector<Finding>> compare(LoadedContract& old_version, LoadedContract& new_version,
                                               const CompareOptions&) const override {
    graphql::Reporter reporter;
    graphql::walk(static_cast<GraphqlVersion&>(old_version).schema, static_cast<GraphqlVersion&>(new_version).schema, reporter);
    return reporter.take();
  }
  std::span<const RuleInfo> rules() const override { return graphql_rule_table(); }
};

}  // namespace

const ContractFormat& graphql_format() {
  static const GraphqlFormat format;
  return format;
}

}  // namespace accord::diff
