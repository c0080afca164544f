// The rule on a message's Kafka key (`bindings.kafka.key`): one rule, so any
// breaking change to the key's schema is reported once, in the message's
// direction (the key's own changes are compared in a scratch sink and only
// the first breaking one is reported, under this rule's id).
// The key is Avro when the message's payload is (what
// @asyncapi/avro-schema-parser assumes: one serde for key and value), when it
// is a Multi Format Schema object naming Avro, or when it is written as only
// Avro writes a schema (a type name, a union, a record/enum/fixed/map, a
// `$ref` to an .avsc); a JSON Schema key goes through the schema comparator.
#include "diff/asyncapi/rules.h"
#include "diff/avro/compare.h"

namespace accord::diff::asyncapi {

namespace {

constexpr Severity E = Severity::error;
constexpr Format F = Format::asyncapi;

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

std::optional<Place> where(const At& at) { return at ? std::optional(place(at)) : std::nullopt; }

void report(Context& cx, const MessageSite& site, const Message& n, std::string change, std::optional<Place> o,
            std::optional<Place> nw) {
  cx.report({{"message", n.name}, {"change", std::move(change)}}, site.operation, std::move(o), std::move(nw));
}

// A JSON Schema key pair (either may be absent) through the schema
// comparator; its first breaking change is the finding.
void json_key_changed(Context& cx, const MessageSite& site, const Message& n, const At& ok, const At& nk) {
  FindingSink scratch;
  if (auto st = cx.schemas.compare_json(ok, nk, site.action, "Kafka key", site.operation, scratch); !st)
    return cx.fail(st);
  for (const Finding& f : scratch.findings()) {
    const RuleInfo* rule = nullptr;
    for (const RuleInfo& r : asyncapi_rule_table())
      if (r.id == f.rule) rule = &r;
    if (!rule || rule->severity == Severity::info) continue;
    report(cx, site, n, f.rule.substr(f.rule.find('-') + 1), where(ok), where(nk));
    return;
  }
}

// Two Avro keys by the Avro rules; the first breaking change is the finding.
void avro_key_changed(Context& cx, const MessageSite& site, const Message& n, const Key& ok, const Key& nk) {
  FindingSink scratch;
  auto st = cx.schemas.compare_avro(ok.at, nk.at, site.action, n.name, "message '" + n.name + "' Kafka key",
                                    site.operation, scratch);
  if (!st) {
    // A JSON Schema key on one side that is no Avro schema: the key's format changed.
    if (ok.sure != nk.sure) return report(cx, site, n, ok.sure ? "Avro -> JSON Schema" : "JSON Schema -> Avro",
                                          place(ok.at), place(nk.at));
    return cx.fail(st);
  }
  for (const Finding& f : scratch.findings()) {
    if (avro_severity(f.rule) == Severity::info) continue;
    return report(cx, site, n, f.rule.substr(f.rule.find('.') + 1), f.old_place, f.new_place);
  }
}

void kafka_key_changed(Context& cx, const MessageSite& site, const Message& o, const Message& n) {
  Key ok = read_key(cx.schemas.old_set(), o), nk = read_key(cx.schemas.new_set(), n);
  if (!ok.at && !nk.at) return;
  if (!ok.avro && !nk.avro) return json_key_changed(cx, site, n, ok.at, nk.at);
  if (!ok.at || !nk.at) {
    // An Avro key where there was none narrows what senders may key by; one
    // dropped leaves consumers that decode it with nothing to decode by.
    bool added = !ok.at;
    if (added == (site.action == Action::receive))
      report(cx, site, n, added ? "key schema added" : "key schema removed", where(ok.at), where(nk.at));
    return;
  }
  avro_key_changed(cx, site, n, ok, nk);
}

const Rule kRules[] = {
    {{"asyncapi.kafka-key-changed", F, E, "message,bindings",
      "a message's Kafka key schema changed incompatibly (partitioning and consumers depend on it)",
      "message '{message}': Kafka key schema changed ({change})"},
     {.message = kafka_key_changed}},
};

}  // namespace

std::span<const Rule> kafka_key_rules() { return kRules; }

}  // namespace accord::diff::asyncapi
