// The JSON Schema rules: the shared schema comparator's changes under
// `jsonschema.backward-` (its input direction) and `jsonschema.forward-`
// (output), plus the document-level rules of this unit.
#include "diff/jsonschema/compare.h"
#include "diff/jsonschema/schema_rules.h"
#include "diff/schema/compare.h"

namespace accord::diff {

namespace {

constexpr RuleInfo kDocumentRules[] = {
    {"jsonschema.definition-removed", Format::jsonschema, Severity::error, "definitions",
     "a definition of a definitions-only document was removed", "definition '{definition}' removed"},
    {"jsonschema.definition-added", Format::jsonschema, Severity::info, "definitions",
     "a definition was added to a definitions-only document", "definition '{definition}' added"},
    {"jsonschema.ref-not-resolved", Format::jsonschema, Severity::error, "document",
     "a remote $ref was not fetched (no --allow-remote-refs), so what it names was not compared",
     "$ref '{location}' not resolved (pass --allow-remote-refs, or turn this rule off to accept it)"},
    {"jsonschema.dialect-changed", Format::jsonschema, Severity::info, "document",
     "the document's $schema names another draft (not a break by itself: the keywords decide)",
     "$schema changed from '{old}' to '{new}'"},
};

std::string replace_word(std::string text, std::string_view from, std::string_view to) {
  for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
    text.replace(at, from.size(), to);
  return text;
}

const DerivedRules& table() {
  static const DerivedRules t = [] {
    DerivedRules out;
    derive_schema_rules("jsonschema.", "backward", "forward", Format::jsonschema, out);
    for (const RuleInfo& row : kDocumentRules) out.rows.push_back(row);
    return out;
  }();
  return t;
}

}  // namespace

void derive_schema_rules(std::string_view format_prefix, std::string_view input_word, std::string_view output_word,
                         Format format, DerivedRules& out) {
  auto keep = [&](std::string s) -> std::string_view { return out.text.emplace_back(std::move(s)); };
  for (const RuleInfo& row : openapi_schema_rule_table()) {
    // "openapi.<direction>-<change>"; the direction is request/input or response/output.
    std::string_view id = row.id.substr(row.id.find('.') + 1);
    std::string_view direction = id.substr(0, id.find('-'));
    std::string_view change = id.substr(direction.size() + 1);
    bool input = direction == "request" || direction == "input";
    std::string_view word = input ? input_word : output_word;
    RuleInfo mine = row;
    mine.id = keep(std::string(format_prefix) + std::string(word) + "-" + std::string(change));
    mine.format = format;
    mine.categories = keep(std::string(word) + ",schema");
    mine.purpose = keep(replace_word(std::string(row.purpose), direction, std::string(word)));
    out.rows.push_back(mine);
  }
}

std::span<const RuleInfo> jsonschema_rule_table() { return table().rows; }

}  // namespace accord::diff
