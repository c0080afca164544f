#include "contracts/spec_test/examples.h"

#include "contracts/pact/body_codec.h"

namespace accord::contracts::spec_test {

namespace {

const core::Node* follow(core::DocumentSet& set, const core::Node* node) {
  if (!node) return nullptr;
  auto resolved = set.resolve(node);
  return resolved ? resolved->node : nullptr;
}

// OpenAPI 3 `examples`: a map of Example Objects (possibly `$ref`s); the
// first one with an inline `value` wins (`externalValue` is not fetched).
const core::Node* first_example_object_value(core::DocumentSet& set, const core::Node* examples) {
  if (!examples || !examples->is_object()) return nullptr;
  for (const core::Member& m : examples->children()) {
    const core::Node* example = follow(set, m.value);
    if (example && example->is_object())
      if (const core::Node* value = example->get("value")) return value;
  }
  return nullptr;
}

// Swagger 2.0 `examples` / `x-examples`: media type -> the value itself.
const core::Node* first_map_value(const core::Node* examples) {
  if (!examples || !examples->is_object() || examples->size() == 0) return nullptr;
  return examples->children().front().value;
}

const core::Node* schema_example(core::DocumentSet& set, const diff::openapi::NodeRef& schema) {
  const core::Node* s = follow(set, schema.node);
  if (!s || !s->is_object()) return nullptr;
  if (const core::Node* e = s->get("example")) return e;
  if (const core::Node* e = s->get("examples"); e && e->is_array() && e->size() > 0) return e->at(0);  // 3.1
  return s->get("default");
}

}  // namespace

std::vector<NamedExample> named_examples(core::DocumentSet& set, const core::Node* holder, int major) {
  std::vector<NamedExample> out;
  if (!holder || !holder->is_object() || major == 2) return out;
  const core::Node* examples = holder->get("examples");
  if (!examples) {
    const core::Node* content = holder->get("content");  // a parameter described by a media type
    if (content && content->is_object() && content->size() > 0) examples = content->children().front().value->get("examples");
  }
  if (!examples || !examples->is_object()) return out;
  for (const core::Member& m : examples->children()) {
    const core::Node* example = follow(set, m.value);
    if (example && example->is_object())
      if (const core::Node* value = example->get("value")) out.push_back({std::string(m.key), value});
  }
  return out;
}

const core::Node* parameter_example(core::DocumentSet& set, const diff::openapi::Parameter& parameter, int major) {
  const core::Node* p = parameter.node.node;
  if (!p) return nullptr;
  if (major == 2) {
    if (const core::Node* e = p->get("x-example")) return e;
    // 2.0 keeps type/default on the parameter itself, so the "schema" is the parameter.
    return p->get("default");
  }
  if (const core::Node* e = p->get("example")) return e;
  if (const core::Node* e = first_example_object_value(set, p->get("examples"))) return e;
  if (const core::Node* content = p->get("content"); content && content->is_object() && content->size() > 0) {
    const core::Node* media = content->children().front().value;
    if (const core::Node* e = media->get("example")) return e;
    if (const core::Node* e = first_example_object_value(set, media->get("examples"))) return e;
  }
  return schema_example(set, parameter.schema);
}

const core::Node* media_example(core::DocumentSet& set, const diff::openapi::MediaType& media, int major) {
  const core::Node* m = media.node.node;
  if (!m) return nullptr;
  if (major == 2) {
    // The body parameter: `x-example`, or `x-examples` keyed by media type.
    if (const core::Node* e = m->get("x-example")) return e;
    if (const core::Node* all = m->get("x-examples"); all && all->is_object()) {
      if (const core::Node* e = all->get(media.name)) return e;
      if (const core::Node* e = first_map_value(all)) return e;
    }
  } else {
    if (const core::Node* e = m->get("example")) return e;
    if (const core::Node* e = first_example_object_value(set, m->get("examples"))) return e;
  }
  return schema_example(set, media.schema);
}

bool has_response_example(core::DocumentSet& set, const diff::openapi::Operation& operation, int major) {
  for (const auto& response : operation.responses) {
    if (major == 2) {
      if (first_map_value(response.node.node->get("examples"))) return true;
      continue;
    }
    for (const auto& media : response.content) {
      const core::Node* m = media.node.node;
      if (m && (m->get("example") || first_example_object_value(set, m->get("examples")))) return true;
    }
  }
  return false;
}

std::string parameter_text(const core::Node* value) {
  if (!value) return "";
  if (value->is_scalar()) return std::string(value->text());
  if (value->is_array()) {
    std::string out;
    for (const core::Member& item : value->children()) {
      if (!out.empty()) out += ',';
      out += item.value->is_scalar() ? std::string(item.value->text()) : pact::to_json_text(item.value);
    }
    return out;
  }
  return pact::to_json_text(value);
}

}  // namespace accord::contracts::spec_test
