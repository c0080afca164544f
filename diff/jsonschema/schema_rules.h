// The shared schema comparator's rule rows, re-issued under another
// format's prefixes (JSON Schema's backward-/forward-, AsyncAPI's
// receive-/send-): same change names, severities and messages.
//
// The comparator publishes its rows under `openapi.<direction>-` only, so
// each format maps them here. (It could expose its change list per
// direction instead, and this adapter would shrink to a loop.)
#pragma once

#include <deque>
#include <string>
#include <string_view>
#include <vector>

#include "diff/model/rules.h"

namespace accord::diff {

struct DerivedRules {
  std::deque<std::string> text;  // owns every string the rows view
  std::vector<RuleInfo> rows;
};

// `input_word` replaces request/input, `output_word` response/output:
// "jsonschema.", "backward", "forward" -> "jsonschema.backward-type-changed".
void derive_schema_rules(std::string_view format_prefix, std::string_view input_word, std::string_view output_word,
                         Format format, DerivedRules& out);

}  // namespace accord::diff
