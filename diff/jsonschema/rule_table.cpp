// The JSON Schema rules: the shared schema comparator's changes under
// `jsonschema.backward-` (its input direction) and `jsonschema.forward-`
// (output), plus the document-level rules of this unit.
#include "diff/jsonschema/compare.h"
#include "diff/schema/rule_rows.h"
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

const DerivedRules& table() {
  static const DerivedRules t = [] {
    DerivedRules out;
    schema_rule_rows("jsonschema.", "backward", "forward", Format::jsonschema, out);
    for (const RuleInfo& row : kDocumentRules) out.rows.push_back(row);
    return out;
  }();
  return t;
}

}  // namespace

std::span<const RuleInfo> jsonschema_rule_table() { return table().rows; }

}  // namespace accord::diff
