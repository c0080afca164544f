// A message's Kafka key (`bindings.kafka.key`): one rule, so any breaking
// change to the key's schema is reported once, in the message's direction.
// The key is Avro when the message's payload is (what
// @asyncapi/avro-schema-parser assumes: one serde for key and value), when it
// is a Multi Format Schema object naming Avro, or when it is written as only
// Avro writes a schema (a type name, a union, a record/enum/fixed/map, a
// `$ref` to an .avsc); a JSON Schema key goes through the schema comparator.
#include "diff/asyncapi/internal.h"
#include "diff/avro/compare.h"

namespace accord::diff::asyncapi {

namespace {

At key_of(const Message& m) {
  for (const At& b : m.bindings)
    if (const core::Node* kafka = b.node->get("kafka"); kafka && kafka->is_object() && kafka->get("key"))
      return {kafka->get("key"), b.pointer + "/kafka/key"};
  return {};
}

bool ends_with(std::string_view text, std::string_view tail) {
  return text.size() >= tail.size() && text.substr(text.size() - tail.size()) == tail;
}

// A key written as no JSON Schema is: only Avro reads it so.
bool shaped_as_avro(core::DocumentSet& set, const At& key) {
  if (key.node->is_object())
    if (std::string_view ref = key.node->get_text("$ref"); !ref.empty() && ends_with(ref.substr(0, ref.find('#')), ".avsc"))
      return true;
  auto r = set.resolve(key.node, key.pointer);
  if (!r) return false;
  const core::Node* n = r->node;
  if (n->is_string() || n->is_array()) return true;
  if (!n->is_object()) return false;
  std::string_view type = n->get_text("type");
  return type == "record" || type == "error" || type == "enum" || type == "fixed" || type == "map";
}

struct Key {
  At at;
  bool avro = false;
  bool sure = false;  // written as Avro (not only read so because of the message's format)
};

// The key, unwrapped from a Multi Format Schema object, and how to read it.
Key read_key(core::DocumentSet& set, const Message& m) {
  Key k{key_of(m)};
  if (!k.at) return k;
  if (auto r = set.resolve(k.at.node, k.at.pointer); r && r->node->is_object() && r->node->get("schemaFormat") &&
                                                      r->node->get("schema")) {
    k.avro = k.sure = payload_format(r->node->get_text("schemaFormat")).kind == PayloadFormat::avro;
    k.at = {r->node->get("schema"), r->pointer + "/schema"};
    return k;
  }
  k.sure = shaped_as_avro(set, k.at);
  k.avro = k.sure || payload_format(m.schema_format).kind == PayloadFormat::avro;
  return k;
}

Severity avro_severity(std::string_view rule) {
  for (const RuleInfo& r : avro_rule_table())
    if (r.id == rule) return r.severity;
  return Severity::info;
}

}  // namespace

core::Status compare_kafka_key(const KeyContext& c, const Message& o, const Message& n, Action action,
                               const std::string& label, FindingSink& sink) {
  Key ok = read_key(c.old_side.set, o), nk = read_key(c.new_side.set, n);
  if (!ok.at && !nk.at) return core::ok_status();
  if (!ok.avro && !nk.avro) return c.compare_json(ok.at, nk.at, sink);
  auto report = [&](std::string change, std::optional<Place> old_place, std::optional<Place> new_place) {
    sink.add("asyncapi.kafka-key-changed", {{"message", n.name}, {"change", std::move(change)}}, label,
             std::move(old_place), std::move(new_place));
  };
  auto where = [](const At& at) { return at ? std::optional(place(at)) : std::nullopt; };
  if (!ok.at || !nk.at) {
    // An Avro key where there was none narrows what senders may key by; one
    // dropped leaves consumers that decode it with nothing to decode by.
    bool added = !ok.at;
    if (added == (action == Action::receive))
      report(added ? "key schema added" : "key schema removed", where(ok.at), where(nk.at));
    return core::ok_status();
  }
  FindingSink scratch;
  AvroSide os{c.old_side.set, c.old_side.source, c.old_side.asyncapi_root, ok.at};
  AvroSide ns{c.new_side.set, c.new_side.source, c.new_side.asyncapi_root, nk.at};
  auto st = compare_avro_payloads(os, ns, c.avro_types, action, n.name, "message '" + n.name + "' Kafka key", label,
                                  scratch);
  if (!st) {
    // A JSON Schema key on one side that is no Avro schema: the key's format changed.
    if (ok.sure != nk.sure) {
      report(std::string(ok.sure ? "Avro -> JSON Schema" : "JSON Schema -> Avro"), place(ok.at), place(nk.at));
      return core::ok_status();
    }
    return st;
  }
  for (const Finding& f : scratch.findings()) {
    if (avro_severity(f.rule) == Severity::info) continue;
    report(f.rule.substr(f.rule.find('.') + 1), f.old_place, f.new_place);
    break;
  }
  return core::ok_status();
}

}  // namespace accord::diff::asyncapi
