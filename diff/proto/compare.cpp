// Placeholder until the proto comparator lands (issue 3).
#include "diff/proto/compare.h"

#include "diff/model/rules.h"

namespace accord::diff {

core::Expected<std::vector<Finding>> compare_proto(const ContractInput& old_input, const ContractInput&,
                                                   const CompareOptions&) {
  return core::make_error("protobuf comparison is not implemented yet", old_input.path);
}

std::span<const RuleInfo> proto_rule_table() { return {}; }

}  // namespace accord::diff
