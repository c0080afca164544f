// Placeholder until the schema comparator lands (issue 2).
#include "diff/schema/compare.h"

namespace accord::diff {

struct SchemaComparator::Impl {};
SchemaComparator::SchemaComparator(core::DocumentSet&, core::DocumentSet&) : impl_(new Impl) {}
SchemaComparator::~SchemaComparator() { delete impl_; }
core::Status SchemaComparator::compare(const core::Node*, const std::string&, const core::Node*, const std::string&,
                                       Direction, const SchemaScope&, FindingSink&) {
  return core::ok_status();
}
std::span<const RuleInfo> openapi_schema_rule_table() { return {}; }

}  // namespace accord::diff
