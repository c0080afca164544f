#include "tree_writer.h"

#include <yaml-cpp/yaml.h>

#include <vector>

#include "core/json_pointer.h"
#include "core/json_writer.h"

namespace accord::test {

namespace {

void emit_json(core::JsonWriter& w, const core::Node& n, bool reverse) {
  switch (n.kind()) {
    case core::Node::Kind::null: w.null(); break;
    case core::Node::Kind::boolean: w.value(n.as_bool()); break;
    case core::Node::Kind::number: w.raw(n.text()); break;
    case core::Node::Kind::string: w.value(n.text()); break;
    case core::Node::Kind::array:
      w.begin_array();
      for (const core::Member& m : n.children()) emit_json(w, *m.value, reverse);
      w.end_array();
      break;
    case core::Node::Kind::object: {
      w.begin_object();
      const auto& kids = n.children();
      for (size_t i = 0; i < kids.size(); ++i) {
        const core::Member& m = reverse ? kids[kids.size() - 1 - i] : kids[i];
        w.key(m.key);
        emit_json(w, *m.value, reverse);
      }
      w.end_object();
      break;
    }
  }
}

void emit_yaml(YAML::Emitter& out, const core::Node& n) {
  switch (n.kind()) {
    case core::Node::Kind::null: out << YAML::Null; break;
    case core::Node::Kind::boolean:
    case core::Node::Kind::number: out << std::string(n.text()); break;
    case core::Node::Kind::string: out << YAML::DoubleQuoted << std::string(n.text()); break;
    case core::Node::Kind::array:
      out << YAML::BeginSeq;
      for (const core::Member& m : n.children()) emit_yaml(out, *m.value);
      out << YAML::EndSeq;
      break;
    case core::Node::Kind::object:
      out << YAML::BeginMap;
      for (const core::Member& m : n.children()) {
        out << YAML::Key << YAML::DoubleQuoted << std::string(m.key) << YAML::Value;
        emit_yaml(out, *m.value);
      }
      out << YAML::EndMap;
      break;
  }
}

struct Inliner {
  const core::Node& root;
  bool (*accept)(std::string_view pointer);
  size_t budget;
  size_t inlined = 0;
  std::vector<const core::Node*> stack;  // targets being inlined

  // The target of an object that is only a local `$ref` we may inline, else null.
  const core::Node* target_of(const core::Node& n) const {
    if (!n.is_object() || n.size() != 1 || n.children()[0].key != "$ref") return nullptr;
    const core::Node* ref = n.children()[0].value;
    if (!ref->is_string() || ref->text().rfind("#/", 0) != 0 || !accept(ref->text().substr(1))) return nullptr;
    const core::Node* target = core::pointer_resolve(&root, ref->text().substr(1));
    if (!target || !target->is_object()) return nullptr;
    for (const core::Node* open : stack)
      if (open == target) return nullptr;
    return target;
  }

  void emit(core::JsonWriter& w, const core::Node& n) {
    if (const core::Node* target = inlined < budget ? target_of(n) : nullptr) {
      ++inlined;
      stack.push_back(target);
      emit(w, *target);
      stack.pop_back();
      return;
    }
    switch (n.kind()) {
      case core::Node::Kind::array:
        w.begin_array();
        for (const core::Member& m : n.children()) emit(w, *m.value);
        w.end_array();
        break;
      case core::Node::Kind::object:
        w.begin_object();
        for (const core::Member& m : n.children()) {
          w.key(m.key);
          emit(w, *m.value);
        }
        w.end_object();
        break;
      default: emit_json(w, n, false);
    }
  }
};

}  // namespace

std::string write_json_inlined(const core::Node& root, bool (*inline_target)(std::string_view pointer),
                               size_t budget, size_t* inlined) {
  Inliner inliner{root, inline_target, budget, 0, {}};
  core::JsonWriter w(false);
  inliner.emit(w, root);
  if (inlined) *inlined = inliner.inlined;
  return w.take();
}

std::string write_json(const core::Node& node, bool reverse_keys) {
  core::JsonWriter w(false);
  emit_json(w, node, reverse_keys);
  return w.take();
}

std::string write_yaml(const core::Node& node) {
  YAML::Emitter out;
  out.SetIndent(2);
  emit_yaml(out, node);
  return std::string(out.c_str()) + "\n";
}

}  // namespace accord::test
