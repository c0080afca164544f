#include "contracts/spec_test/undeclared_fields.h"

#include "core/json_pointer.h"

namespace accord::contracts::spec_test {

namespace {

// What a schema and its combinators say about one object or array.
struct Declared {
  std::vector<const core::NamedHandle*> properties;
  std::vector<const core::SchemaHandle*> items;
  bool open = false;         // additionalProperties / patternProperties: any member may be promised
  bool constrained = false;  // some schema lists properties or forbids extra ones
};

void collect(core::SchemaGraph& graph, const core::Schema* s, Declared& d, int depth) {
  if (!s || depth > 16) return;
  if (s->base) collect(graph, s->base, d, depth + 1);
  for (const auto& p : s->properties) d.properties.push_back(&p);
  if (!s->properties.empty() || s->additional == core::Schema::Additional::forbidden) d.constrained = true;
  if (s->additional == core::Schema::Additional::allowed || s->additional == core::Schema::Additional::schema ||
      !s->pattern_properties.empty())
    d.open = true;
  if (s->items) d.items.push_back(&s->items);
  for (const auto* list : {&s->all_of, &s->any_of, &s->one_of})
    for (const auto& h : *list) {
      auto sub = graph.get(h);
      if (sub) collect(graph, *sub, d, depth + 1);
    }
}

void walk(core::SchemaGraph& graph, const core::Schema* schema, const core::Node* instance, const std::string& where,
          matching::Mismatches& out, int depth) {
  if (!schema || !instance || depth > 64) return;
  Declared d;
  collect(graph, schema, d, 0);
  if (instance->is_array()) {
    if (d.items.empty()) return;
    auto item = graph.get(*d.items.front());
    if (!item) return;
    for (size_t i = 0; i < instance->size(); ++i)
      walk(graph, *item, instance->at(i), where + "/" + std::to_string(i), out, depth + 1);
    return;
  }
  if (!instance->is_object()) return;
  for (const auto& m : instance->children()) {
    const core::NamedHandle* declared = nullptr;
    for (const auto* p : d.properties)
      if (p->name == m.key) declared = p;
    std::string at = where + "/" + core::pointer_escape(m.key);
    if (!declared) {
      if (d.constrained && !d.open)
        out.push_back({at, "(not declared)", "expected by the consumer",
                       "the consumer expects field '" + std::string(m.key) +
                           "', which the spec does not declare: the provider made no promise to send it (spec #" +
                           std::string(schema->pointer) + ")"});
      continue;
    }
    auto sub = graph.get(declared->schema);
    if (sub) walk(graph, *sub, m.value, at, out, depth + 1);
  }
}

}  // namespace

void report_undeclared_fields(core::SchemaGraph& graph, const diff::openapi::NodeRef& schema, const core::Node* instance,
                              const std::string& where, matching::Mismatches& out) {
  auto s = graph.get(schema.node, schema.pointer);
  if (!s) return;
  walk(graph, *s, instance, where, out, 0);
}

}  // namespace accord::contracts::spec_test
