#include "contracts/spec_test/schema_sample.h"

#include <cstdlib>

#include "contracts/pact/body_codec.h"
#include "core/json_writer.h"

namespace accord::contracts::spec_test {

namespace {

std::string quoted(std::string_view s) { return "\"" + core::json_escape(s) + "\""; }

const core::Node* own_example(const core::Schema& s) {
  if (!s.node || !s.node->is_object()) return nullptr;
  if (const core::Node* e = s.node->get("example")) return e;
  if (const core::Node* e = s.node->get("examples"); e && e->is_array() && e->size() > 0) return e->at(0);
  return nullptr;
}

std::string number_sample(const core::Schema& s, bool integer) {
  double v = 1;
  if (s.minimum.present) v = s.minimum.value + (s.minimum.exclusive ? 1 : 0);
  else if (s.maximum.present && s.maximum.value < 1) v = s.maximum.value - (s.maximum.exclusive ? 1 : 0);
  if (integer) return std::to_string(static_cast<long long>(v));
  std::string out = std::to_string(v);
  return out;
}

struct Sampler {
  core::SchemaGraph& graph;
  SampleFor direction;
};

std::string sample(const Sampler& sm, const core::Schema* s, int depth);

std::string sample_of(const Sampler& sm, const core::SchemaHandle& h, int depth) {
  auto s = sm.graph.get(h);
  return s ? sample(sm, *s, depth) : "null";
}

// Properties of the schema and of its allOf parts, in order, first one wins.
void merged_properties(core::SchemaGraph& graph, const core::Schema* s, std::vector<const core::NamedHandle*>& out,
                       std::vector<std::string_view>& required, int depth) {
  if (!s || depth > 8) return;
  if (s->base) merged_properties(graph, s->base, out, required, depth + 1);
  for (const auto& p : s->properties) {
    bool seen = false;
    for (const auto* q : out) seen |= q->name == p.name;
    if (!seen) out.push_back(&p);
  }
  required.insert(required.end(), s->required.begin(), s->required.end());
  for (const auto& h : s->all_of)
    if (auto sub = graph.get(h)) merged_properties(graph, *sub, out, required, depth + 1);
}

std::string object_sample(const Sampler& sm, const core::Schema* s, int depth) {
  std::vector<const core::NamedHandle*> props;
  std::vector<std::string_view> required;
  merged_properties(sm.graph, s, props, required, 0);
  std::string out = "{";
  for (const auto* p : props) {
    auto sub = sm.graph.get(p->schema);
    bool response = sm.direction == SampleFor::response;
    if (sub && *sub && (response ? (*sub)->write_only : (*sub)->read_only)) continue;  // not sent this way
    if (out.size() > 1) out += ',';
    out += quoted(p->name) + ":" + sample_of(sm, p->schema, depth + 1);
  }
  return out + "}";
}

// A string of the format, long enough for minLength (a pattern is not
// attempted: the sample may not match it).
std::string string_sample(const core::Schema& s) {
  std::string out = sample_string(s.format ? s.format.value->text() : "");
  if (s.min_length && s.min_length.value->is_number()) {
    double min = std::strtod(std::string(s.min_length.value->text()).c_str(), nullptr);
    if (min > 0 && min < 4096 && out.size() < static_cast<size_t>(min)) out.append(static_cast<size_t>(min) - out.size(), 'x');
  }
  return quoted(out);
}

std::string sample(const Sampler& sm, const core::Schema* s, int depth) {
  if (!s || depth > 12) return "null";
  if (const core::Node* e = own_example(*s)) return pact::to_json_text(e);
  if (s->const_value) return pact::to_json_text(s->const_value);
  if (s->default_value) return pact::to_json_text(s->default_value.value);
  if (s->enum_values && s->enum_values->size() > 0) return pact::to_json_text(s->enum_values->at(0));
  if (s->base && !s->types) return sample(sm, s->base, depth + 1);
  if (!s->one_of.empty()) return sample_of(sm, s->one_of.front(), depth + 1);
  if (!s->any_of.empty()) return sample_of(sm, s->any_of.front(), depth + 1);
  uint8_t t = s->types;
  if (!t && !s->all_of.empty()) t = core::type_object;
  if (t & core::type_object || (!t && !s->properties.empty())) return object_sample(sm, s, depth);
  if (t & core::type_array) return s->items ? "[" + sample_of(sm, s->items, depth + 1) + "]" : "[]";
  if (t & core::type_string) return string_sample(*s);
  if (t & core::type_integer) return number_sample(*s, true);
  if (t & core::type_number) return number_sample(*s, false);
  if (t & core::type_boolean) return "true";
  if (t & core::type_null) return "null";
  return "{}";
}

}  // namespace

std::string sample_string(std::string_view format) {
  if (format == "date-time") return "2024-01-02T03:04:05Z";
  if (format == "date") return "2024-01-02";
  if (format == "time") return "03:04:05Z";
  if (format == "uuid") return "3fa85f64-5717-4562-b3fc-2c963f66afa6";
  if (format == "email") return "user@example.com";
  if (format == "uri" || format == "url") return "https://example.com/";
  if (format == "hostname") return "example.com";
  if (format == "ipv4") return "192.0.2.1";
  if (format == "ipv6") return "2001:db8::1";
  if (format == "byte") return "c3RyaW5n";
  return "string";
}

std::string sample_json(core::SchemaGraph& graph, const diff::openapi::NodeRef& schema, SampleFor direction) {
  if (!schema) return "";
  auto s = graph.get(schema.node, schema.pointer);
  if (!s) return "";
  return sample(Sampler{graph, direction}, *s, 0);
}

}  // namespace accord::contracts::spec_test
