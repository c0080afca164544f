// How buf's two config versions differ in the breaking rules they know
// (checked with `buf config ls-breaking-rules --version v1|v2
// --include-deprecated`, buf 1.75): v1 lacks FIELD_SAME_DEFAULT,
// EXTENSION_NO_DELETE and PACKAGE_EXTENSION_NO_DELETE and the CSR category,
// and still accepts deprecated IDs, each standing for its replacements.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "diff/model/rules.h"

namespace accord::diff::proto {

// Whether the rule exists in buf.yaml `version` ("v1" or "v2").
bool in_version(const RuleInfo& rule, const std::string& version);
// Whether the rule is in `category` as that version defines it.
bool in_category(const RuleInfo& rule, std::string_view category, const std::string& version);
// The accord IDs a deprecated buf ID stands for in that version, or null when the name is not deprecated there.
const std::vector<std::string_view>* replacements_of(std::string_view name, const std::string& version);
// buf's warning for a deprecated ID, naming its replacements.
std::string deprecation_warning(std::string_view name, const std::string& config_source);

}  // namespace accord::diff::proto
