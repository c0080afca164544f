// The schema comparator's changes as one format's rule rows: same change
// names, severities and messages under the format's prefix and its words for
// the two directions (OpenAPI's request-/response-, JSON Schema's
// backward-/forward-, AsyncAPI's receive-/send-).
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

// "jsonschema.", "backward", "forward" -> "jsonschema.backward-type-changed"...
// (input_word names the input direction, output_word the output one).
void schema_rule_rows(std::string_view format_prefix, std::string_view input_word, std::string_view output_word,
                      Format format, DerivedRules& out);

}  // namespace accord::diff
