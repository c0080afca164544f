// The AsyncAPI rules: the AsyncAPI-level rows, collected from next to their
// handlers (rules_*.cpp), and the shared schema comparator's changes under
// `asyncapi.receive-` (payloads the application receives: input) and
// `asyncapi.send-` (payloads it sends: output). Avro payloads report the
// Avro rows (`avro.*`, diff/avro/rule_table.cpp).
#include "diff/asyncapi/compare.h"
#include "diff/asyncapi/rules.h"
#include "diff/schema/rule_rows.h"

namespace accord::diff {

namespace asyncapi {

const std::vector<const Rule*>& all_rules() {
  static const std::vector<const Rule*> all = [] {
    std::vector<const Rule*> out;
    for (auto area : {operation_rules(), message_rules(), kafka_key_rules(), binding_rules(), security_rules()})
      for (const Rule& rule : area) out.push_back(&rule);
    return out;
  }();
  return all;
}

}  // namespace asyncapi

namespace {

const DerivedRules& table() {
  static const DerivedRules t = [] {
    DerivedRules out;
    schema_rule_rows("asyncapi.", "receive", "send", Format::asyncapi, out);
    for (const asyncapi::Rule* rule : asyncapi::all_rules()) out.rows.push_back(rule->info);
    return out;
  }();
  return t;
}

}  // namespace

std::span<const RuleInfo> asyncapi_rule_table() { return table().rows; }

}  // namespace accord::diff
