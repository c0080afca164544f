// JSON Schema documents (draft-04, 06, 07, 2019-09, 2020-12) compared as
// contracts: the root schema, or, for a document that is only a bag of
// definitions, each definition paired by name. Schema changes come from the
// shared SchemaComparator under `jsonschema.backward-*` / `jsonschema.forward-*`
// IDs; this unit adds the document-level rules (definitions, dialect).
#pragma once

#include <span>
#include <string>
#include <vector>

#include "core/expected.h"
#include "core/refs.h"
#include "diff/jsonschema/mode.h"
#include "diff/model/finding.h"
#include "diff/model/rules.h"

namespace accord::diff {

// Whether a parsed document is a JSON Schema: a `$schema` member, or a root
// object carrying schema keywords. When it is not, `why` says what was missing.
bool looks_like_jsonschema(const core::Node* root, std::string* why = nullptr);

// Whether the root only holds definitions (`$defs`/`definitions`) and no
// constraint of its own (the Kubernetes definitions schema).
bool is_definitions_bag(const core::Node* root);

// Raw findings (the engine finalizes them).
core::Expected<std::vector<Finding>> compare_jsonschema(core::DocumentSet& old_set, const core::Document& old_doc,
                                                        core::DocumentSet& new_set, const core::Document& new_doc,
                                                        SchemaMode mode, bool disable_free = false);

std::span<const RuleInfo> jsonschema_rule_table();

}  // namespace accord::diff
