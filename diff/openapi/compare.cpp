// Placeholder until the OpenAPI comparator lands (issue 2).
#include "diff/openapi/compare.h"

#include "diff/model/rules.h"

namespace accord::diff {

core::Expected<std::vector<Finding>> compare_openapi(core::DocumentSet&, const core::Document& old_doc,
                                                     core::DocumentSet&, const core::Document&) {
  return core::make_error("OpenAPI comparison is not implemented yet", old_doc.path());
}

std::span<const RuleInfo> openapi_rule_table() { return {}; }

}  // namespace accord::diff
