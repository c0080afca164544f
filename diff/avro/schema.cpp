// Parsing .avsc trees the way org.apache.avro.Schema.Parser does: names are
// qualified by the enclosing namespace, a short name is looked up in the
// current namespace first and then in the null namespace, and every field
// default must fit its type (Java's validateDefaults, on by default).
#include "diff/avro/schema.h"

#include <optional>
#include <set>
#include <unordered_map>

#include "core/integer.h"

namespace accord::diff::avro {

namespace {

const std::unordered_map<std::string_view, Type> kPrimitives = {
    {"null", Type::null},   {"boolean", Type::boolean}, {"int", Type::int_},       {"long", Type::long_},
    {"float", Type::float_}, {"double", Type::double_}, {"bytes", Type::bytes},    {"string", Type::string}};

std::string escape_token(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '~') out += "~0";
    else if (c == '/') out += "~1";
    else out += c;
  }
  return out;
}

core::Error error_at(const core::Node* node, std::string message) {
  core::SourceLocation loc = node ? node->location() : core::SourceLocation{};
  return core::make_error(std::move(message), std::string(loc.path()), loc.line, loc.column);
}

std::string qualify(std::string_view name, std::string_view space) {
  if (name.find('.') != std::string_view::npos || space.empty()) return std::string(name);
  return std::string(space) + "." + std::string(name);
}

std::string namespace_of(std::string_view full_name) {
  size_t dot = full_name.rfind('.');
  return dot == std::string_view::npos ? std::string() : std::string(full_name.substr(0, dot));
}

bool is_named_keyword(std::string_view t) { return t == "record" || t == "error" || t == "enum" || t == "fixed"; }

// A named definition found before building, so references may point
// forward and across files (-I).
struct Definition {
  const core::Node* node;
  std::string pointer;
  std::string space;  // the namespace the definition's own name is read in
};

class Parser {
 public:
  Parser(SchemaSet& set, const TypeFinder& finder) : set_(set), finder_(finder) {}

  std::vector<std::string> names() const {
    std::vector<std::string> out;
    for (const auto& [name, definition] : definitions_) out.push_back(name);
    return out;
  }

  void index(const core::Node* node, const std::string& pointer, const std::string& space, bool main) {
    if (!node) return;
    if (node->is_array()) {
      for (size_t i = 0; i < node->size(); ++i) index(node->at(i), pointer + "/" + std::to_string(i), space, main);
      return;
    }
    if (!node->is_object()) return;
    std::string inner = space;
    const core::Node* type = node->get("type");
    if (type && type->is_string() && is_named_keyword(type->text()) && node->get("name") &&
        node->get("name")->is_string()) {
      std::string full = full_name_of(*node, space);
      if (!definitions_.count(full) || (main && !definitions_main_.count(full))) {
        definitions_[full] = {node, pointer, space};
        if (main) definitions_main_.insert(full);
      }
      inner = namespace_of(full);
    }
    for (const core::Member& m : node->children())
      if (m.key == "type" || m.key == "fields" || m.key == "items" || m.key == "values")
        index(m.value, pointer + "/" + escape_token(m.key), inner, main);
  }

  core::Expected<Site> build(const core::Node* node, const std::string& pointer, const std::string& space) {
    if (!node) return error_at(node, "missing Avro type");
    if (node->is_string()) return reference(node, pointer, space);
    if (node->is_array()) return build_union(node, pointer, space);
    if (!node->is_object()) return error_at(node, "an Avro type is a name, an object or an array (a union)");
    const core::Node* type = node->get("type");
    if (!type) return error_at(node, "no \"type\" in this Avro schema");
    if (!type->is_string()) return build(type, pointer + "/type", space);  // {"type": {...}} nests a schema
    std::string_view t = type->text();
    if (auto p = kPrimitives.find(t); p != kPrimitives.end()) {
      Schema& s = make(p->second, node, pointer);
      s.logical_type = std::string(node->get_text("logicalType"));
      return Site{&s, node, pointer};
    }
    if (t == "array" || t == "map") return build_container(node, pointer, space, t == "array");
    if (is_named_keyword(t)) return build_named(node, pointer, space);
    return reference(type, pointer + "/type", space);
  }

  core::Status validate_defaults() {
    for (const Schema& s : set_.pool) {
      if (s.type == Type::enumeration && s.has_enum_default) {
        bool known = false;
        for (const std::string& sym : s.symbols) known = known || sym == s.enum_default;
        if (!known)
          return error_at(s.node->get("default"), "enum default \"" + s.enum_default + "\" is not one of the symbols of " + s.full_name);
      }
      if (s.type != Type::record) continue;
      for (const Field& f : s.fields)
        if (f.default_value && !is_valid_default(*f.type.schema, *f.default_value))
          return error_at(f.default_value, "invalid default for field \"" + f.name + "\" of " + s.full_name +
                                               ": expected " + describe(*f.type.schema));
    }
    return core::ok_status();
  }

 private:
  Schema& make(Type type, const core::Node* node, const std::string& pointer) {
    Schema& s = set_.pool.emplace_back();
    s.type = type;
    s.node = node;
    s.pointer = pointer;
    return s;
  }

  std::string full_name_of(const core::Node& node, const std::string& space) const {
    std::string_view name = node.get_text("name");
    if (name.find('.') != std::string_view::npos) return std::string(name);
    const core::Node* ns = node.get("namespace");
    return qualify(name, ns && ns->is_string() ? std::string(ns->text()) : space);
  }

  core::Expected<Site> reference(const core::Node* node, const std::string& pointer, const std::string& space) {
    std::string_view name = node->text();
    if (auto p = kPrimitives.find(name); p != kPrimitives.end()) return Site{&make(p->second, node, pointer), node, pointer};
    const std::string candidates[] = {qualify(name, space), std::string(name)};
    for (const std::string& full : candidates)
      if (auto found = known(full, node, pointer)) return *found;
    // Not among the documents given: ask where else it may be defined.
    for (const std::string& full : candidates) {
      if (!finder_.find) break;
      auto root = finder_.find(full);
      if (!root) return root.error();
      if (!*root) continue;
      index(*root, "", "", false);
      if (auto found = known(full, node, pointer)) return *found;
    }
    std::string searched = finder_.find ? " (no .avsc file in " + finder_.searched + " defines it)" : "";
    return error_at(node, "unknown Avro type \"" + std::string(name) + "\"" + searched);
  }

  // The named type `full` as a reference at `node`, built on first use;
  // nullopt when no document read so far defines it.
  std::optional<core::Expected<Site>> known(const std::string& full, const core::Node* node, const std::string& pointer) {
    if (auto it = set_.named.find(full); it != set_.named.end()) return Site{it->second, node, pointer};
    auto def = definitions_.find(full);
    if (def == definitions_.end()) return std::nullopt;
    auto built = build_named(def->second.node, def->second.pointer, def->second.space);
    if (!built) return built.error();
    return Site{built->schema, node, pointer};
  }

  core::Expected<Site> build_union(const core::Node* node, const std::string& pointer, const std::string& space) {
    Schema& u = make(Type::union_, node, pointer);
    std::set<std::string> seen;
    for (size_t i = 0; i < node->size(); ++i) {
      auto branch = build(node->at(i), pointer + "/" + std::to_string(i), space);
      if (!branch) return branch.error();
      const Schema& b = *branch->schema;
      if (b.type == Type::union_) return error_at(node->at(i), "a union may not immediately contain another union");
      std::string key = b.named() ? b.full_name : std::string(type_name(b.type));
      if (!seen.insert(key).second) return error_at(node->at(i), "duplicate in union: " + key);
      u.branches.push_back(*branch);
    }
    return Site{&u, node, pointer};
  }

  core::Expected<Site> build_container(const core::Node* node, const std::string& pointer, const std::string& space,
                                       bool array) {
    const char* key = array ? "items" : "values";
    Schema& s = make(array ? Type::array : Type::map, node, pointer);
    s.logical_type = std::string(node->get_text("logicalType"));
    if (!node->get(key)) return error_at(node, std::string(array ? "array" : "map") + " has no \"" + key + "\"");
    auto inner = build(node->get(key), pointer + "/" + key, space);
    if (!inner) return inner.error();
    s.items = *inner;
    return Site{&s, node, pointer};
  }

  core::Expected<Site> build_named(const core::Node* node, const std::string& pointer, const std::string& space) {
    const core::Node* name = node->get("name");
    if (!name || !name->is_string() || name->text().empty()) return error_at(node, "a named Avro type needs a \"name\"");
    std::string full = full_name_of(*node, space);
    if (auto it = set_.named.find(full); it != set_.named.end()) {
      if (it->second->node == node) return Site{it->second, node, pointer};
      return error_at(node, "type \"" + full + "\" is defined twice (first at line " +
                                std::to_string(it->second->node->location().line) + ")");
    }
    std::string_view t = node->get_text("type");
    Schema& s = make(t == "enum" ? Type::enumeration : t == "fixed" ? Type::fixed : Type::record, node, pointer);
    s.full_name = full;
    s.name = full.substr(full.rfind('.') == std::string::npos ? 0 : full.rfind('.') + 1);
    s.logical_type = std::string(node->get_text("logicalType"));
    std::string inner = namespace_of(full);
    if (const core::Node* aliases = node->get("aliases"); aliases && aliases->is_array())
      for (const core::Member& a : aliases->children()) s.aliases.push_back(qualify(a.value->text(), inner));
    set_.named[full] = &s;  // before the fields: a record may refer to itself
    if (s.type == Type::enumeration) return build_enum(s, node, pointer);
    if (s.type == Type::fixed) {
      const core::Node* size = node->get("size");
      auto bytes = core::whole_number<uint64_t>(size);
      if (!bytes) return error_at(node, "fixed \"" + full + "\" needs a \"size\" (a whole number of bytes)");
      s.size = *bytes;
      return Site{&s, node, pointer};
    }
    return build_fields(s, node, pointer, inner);
  }

  core::Expected<Site> build_enum(Schema& s, const core::Node* node, const std::string& pointer) {
    const core::Node* symbols = node->get("symbols");
    if (!symbols || !symbols->is_array()) return error_at(node, "enum \"" + s.full_name + "\" needs \"symbols\"");
    std::set<std::string_view> seen;
    for (const core::Member& m : symbols->children()) {
      if (!m.value->is_string()) return error_at(m.value, "an enum symbol is a string");
      if (!seen.insert(m.value->text()).second)
        return error_at(m.value, "duplicate enum symbol \"" + std::string(m.value->text()) + "\"");
      s.symbols.emplace_back(m.value->text());
    }
    if (const core::Node* d = node->get("default"); d && d->is_string()) {
      s.enum_default = std::string(d->text());
      s.has_enum_default = true;
    }
    return Site{&s, node, pointer};
  }

  core::Expected<Site> build_fields(Schema& s, const core::Node* node, const std::string& pointer, const std::string& space) {
    const core::Node* fields = node->get("fields");
    if (!fields || !fields->is_array()) return error_at(node, "record \"" + s.full_name + "\" needs \"fields\"");
    std::set<std::string_view> seen;
    for (size_t i = 0; i < fields->size(); ++i) {
      const core::Node* f = fields->at(i);
      std::string fp = pointer + "/fields/" + std::to_string(i);
      if (!f->is_object() || !f->get("name") || !f->get("name")->is_string())
        return error_at(f, "a record field needs a \"name\"");
      if (!seen.insert(f->get_text("name")).second)
        return error_at(f, "field \"" + std::string(f->get_text("name")) + "\" is defined twice in " + s.full_name);
      auto type = build(f->get("type"), fp + "/type", space);
      if (!type) return type.error();
      Field field{std::string(f->get_text("name")), {}, *type, f, f->get("default"), fp};
      if (!f->get("type")) return error_at(f, "field \"" + field.name + "\" has no \"type\"");
      if (const core::Node* aliases = f->get("aliases"); aliases && aliases->is_array())
        for (const core::Member& a : aliases->children()) field.aliases.emplace_back(a.value->text());
      s.fields.push_back(std::move(field));
    }
    return Site{&s, node, pointer};
  }

  SchemaSet& set_;
  const TypeFinder& finder_;
  std::map<std::string, Definition> definitions_;
  std::set<std::string> definitions_main_;
};

}  // namespace

std::string_view type_name(Type t) {
  switch (t) {
    case Type::null: return "null";
    case Type::boolean: return "boolean";
    case Type::int_: return "int";
    case Type::long_: return "long";
    case Type::float_: return "float";
    case Type::double_: return "double";
    case Type::bytes: return "bytes";
    case Type::string: return "string";
    case Type::record: return "record";
    case Type::enumeration: return "enum";
    case Type::array: return "array";
    case Type::map: return "map";
    case Type::fixed: return "fixed";
    case Type::union_: return "union";
  }
  return "unknown";
}

std::string describe(const Schema& s) {
  if (s.named()) return std::string(type_name(s.type)) + " " + s.full_name;
  if (s.type == Type::array) return "array<" + describe(*s.items.schema) + ">";
  if (s.type == Type::map) return "map<" + describe(*s.items.schema) + ">";
  if (s.type != Type::union_) return std::string(type_name(s.type));
  std::string out = "union [";
  for (size_t i = 0; i < s.branches.size(); ++i) out += (i ? ", " : "") + describe(*s.branches[i].schema);
  return out + "]";
}

namespace {
// The schema written at `root` (`pointer` in its document), with the named
// types of the documents rooted at `includes` available by name.
core::Expected<std::unique_ptr<SchemaSet>> parse_at(const core::Node* root, const std::string& pointer,
                                                   const std::vector<const core::Node*>& includes,
                                                   const TypeFinder& finder) {
  auto set = std::make_unique<SchemaSet>();
  Parser parser(*set, finder);
  parser.index(root, pointer, "", true);
  for (const core::Node* include : includes) parser.index(include, "", "", false);
  auto site = parser.build(root, pointer, "");
  if (!site) return site.error();
  set->root = *site;
  if (auto status = parser.validate_defaults(); !status) return status.error();
  return set;
}
}  // namespace

core::Expected<std::unique_ptr<SchemaSet>> parse_schema_set(std::unique_ptr<core::Document> main,
                                                           std::vector<std::unique_ptr<core::Document>> includes) {
  std::vector<const core::Node*> roots;
  for (const auto& doc : includes) roots.push_back(doc->root());
  auto set = parse_at(main->root(), "", roots, {});
  if (!set) return set.error();
  (*set)->documents.push_back(std::move(main));
  for (auto& doc : includes) (*set)->documents.push_back(std::move(doc));
  return set;
}

core::Expected<std::unique_ptr<SchemaSet>> parse_embedded_schema(const core::Node* root, const std::string& pointer,
                                                                const TypeFinder& finder) {
  return parse_at(root, pointer, {}, finder);
}

std::vector<std::string> defined_names(const core::Node* root) {
  SchemaSet scratch;
  TypeFinder none;
  Parser parser(scratch, none);
  parser.index(root, "", "", true);
  return parser.names();
}

}  // namespace accord::diff::avro
