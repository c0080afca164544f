// JSON Schema document comparison: the root schema in the mode's
// direction(s), or each definition of a definitions-only document.
#include <set>

#include "core/json_pointer.h"
#include "diff/jsonschema/compare.h"
#include "diff/model/sink.h"
#include "diff/schema/compare.h"

namespace accord::diff {

namespace {

struct Side {
  const core::Node* node;
  std::string pointer;
};

// `$defs` (2019-09+) or `definitions` (earlier drafts): a draft change may move them.
std::vector<std::pair<std::string_view, Side>> definitions_of(const core::Node* root) {
  std::vector<std::pair<std::string_view, Side>> out;
  for (std::string_view key : {"$defs", "definitions"}) {
    const core::Node* defs = root->get(key);
    if (!defs || !defs->is_object()) continue;
    std::string base = core::pointer_append("", key);
    for (const core::Member& m : defs->children()) out.push_back({m.key, {m.value, core::pointer_append(base, m.key)}});
  }
  return out;
}

class JsonSchemaDiff {
 public:
  JsonSchemaDiff(core::DocumentSet& old_set, core::DocumentSet& new_set, SchemaMode mode, bool disable_free)
      : comparator_(old_set, new_set, json_schema_profile()), mode_(mode) {
    comparator_.set_disable_free(disable_free);
  }

  core::Status compare_pair(const Side& o, const Side& n, const std::string& subject) {
    if (mode_ != SchemaMode::forward)
      if (auto s = compare_one(o, n, Direction::request, "jsonschema.backward-", subject); !s.ok()) return s;
    if (mode_ != SchemaMode::backward)
      if (auto s = compare_one(o, n, Direction::response, "jsonschema.forward-", subject); !s.ok()) return s;
    return core::ok_status();
  }

  core::Status compare_definitions(const core::Node* old_root, const core::Node* new_root) {
    auto old_defs = definitions_of(old_root);
    auto new_defs = definitions_of(new_root);
    std::set<std::string_view> new_names;
    for (const auto& [name, side] : new_defs) new_names.insert(name);
    for (const auto& [name, o] : old_defs) {
      const Side* n = find(new_defs, name);
      if (!n) {
        sink_.add("jsonschema.definition-removed", {{"definition", std::string(name)}}, "",
                  place_of(o.node, o.pointer), std::nullopt);
        continue;
      }
      if (auto s = compare_pair(o, *n, "definition '" + std::string(name) + "'"); !s.ok()) return s;
    }
    for (const auto& [name, n] : new_defs)
      if (!find(old_defs, name))
        sink_.add("jsonschema.definition-added", {{"definition", std::string(name)}}, "", std::nullopt,
                  place_of(n.node, n.pointer));
    return core::ok_status();
  }

  void compare_dialect(const core::Node* old_root, const core::Node* new_root) {
    const core::Node* o = old_root->get("$schema");
    const core::Node* n = new_root->get("$schema");
    std::string_view ot = o && o->is_string() ? o->text() : "";
    std::string_view nt = n && n->is_string() ? n->text() : "";
    if (normalized(ot) == normalized(nt)) return;
    sink_.add("jsonschema.dialect-changed", {{"old", std::string(ot)}, {"new", std::string(nt)}}, "",
              place_of(o ? o : old_root, o ? "/$schema" : ""), place_of(n ? n : new_root, n ? "/$schema" : ""));
  }

  std::vector<Finding> take() { return sink_.take(); }

 private:
  core::Status compare_one(const Side& o, const Side& n, Direction d, const char* prefix, const std::string& subject) {
    SchemaScope scope;
    scope.subject = subject;
    scope.rule_prefix = prefix;
    return comparator_.compare(o.node, o.pointer, n.node, n.pointer, d, scope, sink_);
  }

  static const Side* find(const std::vector<std::pair<std::string_view, Side>>& defs, std::string_view name) {
    for (const auto& [k, side] : defs)
      if (k == name) return &side;
    return nullptr;
  }

  // "http://json-schema.org/draft-07/schema#" and ".../schema" name the same draft.
  static std::string_view normalized(std::string_view uri) {
    while (!uri.empty() && (uri.back() == '#')) uri.remove_suffix(1);
    if (uri.rfind("https://", 0) == 0) uri.remove_prefix(8);
    else if (uri.rfind("http://", 0) == 0) uri.remove_prefix(7);
    return uri;
  }

  SchemaComparator comparator_;
  SchemaMode mode_;
  FindingSink sink_;
};

}  // namespace

core::Expected<std::vector<Finding>> compare_jsonschema(core::DocumentSet& old_set, const core::Document& old_doc,
                                                        core::DocumentSet& new_set, const core::Document& new_doc,
                                                        SchemaMode mode, bool disable_free) {
  const core::Node* o = old_doc.root();
  const core::Node* n = new_doc.root();
  JsonSchemaDiff diff(old_set, new_set, mode, disable_free);
  diff.compare_dialect(o, n);
  // Both versions must be bags to pair by name; a bag that grew root
  // constraints (or lost them) is compared as one schema.
  core::Status status = is_definitions_bag(o) && is_definitions_bag(n) ? diff.compare_definitions(o, n)
                                                                       : diff.compare_pair({o, ""}, {n, ""}, "schema");
  if (!status.ok()) return status.error();
  return diff.take();
}

}  // namespace accord::diff
