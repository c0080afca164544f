// Reading proto.lock into FileDescriptorProtos (see protolock.h for what a
// lock does not record). Each element gets a SourceCodeInfo span at its JSON
// object, so a finding's OLD position is proto.lock:line:col.
#include <charconv>
#include <map>
#include <unordered_map>
#include <unordered_set>

#include "core/integer.h"
#include "diff/proto/location.h"
#include "diff/proto/protolock.h"

namespace accord::diff::proto {

namespace {

using core::Node;

core::Error error_at(const Node* node, std::string message) {
  core::SourceLocation loc = node ? node->location() : core::SourceLocation{};
  return core::make_error(std::move(message), std::string(loc.path()), loc.line, loc.column);
}

const std::unordered_map<std::string_view, pb::FieldDescriptorProto::Type>& scalar_types() {
  using F = pb::FieldDescriptorProto;
  static const std::unordered_map<std::string_view, F::Type> types = {
      {"double", F::TYPE_DOUBLE},     {"float", F::TYPE_FLOAT},       {"int64", F::TYPE_INT64},
      {"uint64", F::TYPE_UINT64},     {"int32", F::TYPE_INT32},       {"fixed64", F::TYPE_FIXED64},
      {"fixed32", F::TYPE_FIXED32},   {"bool", F::TYPE_BOOL},         {"string", F::TYPE_STRING},
      {"bytes", F::TYPE_BYTES},       {"uint32", F::TYPE_UINT32},     {"sfixed32", F::TYPE_SFIXED32},
      {"sfixed64", F::TYPE_SFIXED64}, {"sint32", F::TYPE_SINT32},     {"sint64", F::TYPE_SINT64}};
  return types;
}

// protoc's name for a map field's entry message: "my_map" -> "MyMapEntry".
std::string map_entry_name(std::string_view field) {
  std::string out;
  bool upper = true;
  for (char c : field) {
    if (c == '_') {
      upper = true;
      continue;
    }
    out += upper && c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
    upper = false;
  }
  return out + "Entry";
}

// Sets a standard option from its source text; custom options and values
// that do not parse are left alone (no rule compares them).
void apply_option(pb::Message& options, std::string_view name, std::string_view value) {
  if (name.empty() || name.front() == '(') return;
  const pb::FieldDescriptor* field = options.GetDescriptor()->FindFieldByName(std::string(name));
  if (!field || field->is_repeated()) return;
  const pb::Reflection* r = options.GetReflection();
  auto integer = [&](auto& v) { return std::from_chars(value.data(), value.data() + value.size(), v).ec == std::errc(); };
  switch (field->cpp_type()) {
    case pb::FieldDescriptor::CPPTYPE_STRING: r->SetString(&options, field, std::string(value)); break;
    case pb::FieldDescriptor::CPPTYPE_BOOL: r->SetBool(&options, field, value == "true"); break;
    case pb::FieldDescriptor::CPPTYPE_ENUM:
      if (const pb::EnumValueDescriptor* v = field->enum_type()->FindValueByName(std::string(value)))
        r->SetEnum(&options, field, v);
      break;
    case pb::FieldDescriptor::CPPTYPE_INT32: if (int32_t v; integer(v)) r->SetInt32(&options, field, v); break;
    case pb::FieldDescriptor::CPPTYPE_INT64: if (int64_t v; integer(v)) r->SetInt64(&options, field, v); break;
    case pb::FieldDescriptor::CPPTYPE_UINT32: if (uint32_t v; integer(v)) r->SetUInt32(&options, field, v); break;
    case pb::FieldDescriptor::CPPTYPE_UINT64: if (uint64_t v; integer(v)) r->SetUInt64(&options, field, v); break;
    default: break;  // float/double/message options: none that a rule compares
  }
}

std::vector<const Node*> objects_in(const Node* parent, std::string_view key) {
  std::vector<const Node*> out;
  if (const Node* a = parent ? parent->get(key) : nullptr; a && a->is_array())
    for (const core::Member& m : a->children())
      if (m.value && m.value->is_object()) out.push_back(m.value);
  return out;
}

std::vector<int> with(std::vector<int> path, std::initializer_list<int> more) {
  path.insert(path.end(), more);
  return path;
}

void set_type(pb::FieldDescriptorProto& field, std::string_view type) {
  auto it = scalar_types().find(type);
  if (it != scalar_types().end()) field.set_type(it->second);
  else field.set_type_name(std::string(type));  // message or enum: the pool resolves it in scope
}

// proto3 `optional` fields live in synthetic oneofs ("_name"), after the real ones.
void add_synthetic_oneofs(pb::DescriptorProto& out) {
  for (pb::FieldDescriptorProto& f : *out.mutable_field()) {
    if (!f.proto3_optional()) continue;
    f.set_oneof_index(out.oneof_decl_size());
    out.add_oneof_decl()->set_name("_" + f.name());
  }
}

}  // namespace

namespace {

class FileReader {
 public:
  FileReader(pb::FileDescriptorProto& file, bool proto3) : file_(file), proto3_(proto3) {}

  core::Status read(const Node* def) {
    if (const Node* pkg = def->get("package")) {
      file_.set_package(std::string(pkg->get_text("name")));
      span({tag::kFilePackage}, pkg);
    }
    for (const Node* imp : objects_in(def, "imports")) {
      span({3, file_.dependency_size()}, imp);
      file_.add_dependency(std::string(imp->get_text("path")));
    }
    if (const Node* opts = def->get("options")) options(opts, *file_.mutable_options(), {tag::kFileOptions});
    for (const Node* m : objects_in(def, "messages")) {
      std::string name(m->get_text("name"));
      if (name.empty()) return error_at(m, "a message without a name");
      if (name.find('.') != std::string::npos || !top_level_names_.insert(name).second) {
        extensions(m, name);  // `extend X { ... }`: protolock lists it as a message named X
        continue;
      }
      std::vector<int> path{tag::kFileMessage, file_.message_type_size()};
      message(m, *file_.add_message_type(), path);
    }
    for (const Node* e : objects_in(def, "enums"))
      if (auto st = enumeration(e); !st) return st.error();
    for (const Node* s : objects_in(def, "services")) service(s);
    return core::ok_status();
  }

 private:
  void span(std::vector<int> path, const Node* node) {
    if (!node) return;
    pb::SourceCodeInfo::Location* loc = file_.mutable_source_code_info()->add_location();
    for (int p : path) loc->add_path(p);
    core::SourceLocation at = node->location();
    int line = at.line > 0 ? static_cast<int>(at.line) - 1 : 0;
    int col = at.column > 0 ? static_cast<int>(at.column) - 1 : 0;
    loc->add_span(line);
    loc->add_span(col);
    loc->add_span(col + 1);
  }

  void options(const Node* list_node, pb::Message& target, std::vector<int> path) {
    span(path, list_node);
    for (const core::Member& o : list_node->children())
      if (o.value && o.value->is_object()) apply_option(target, o.value->get_text("name"), o.value->get_text("value"));
  }

  void message(const Node* m, pb::DescriptorProto& out, const std::vector<int>& path) {
    out.set_name(std::string(m->get_text("name")));
    span(path, m);
    messages_by_name_.emplace(out.name(), std::pair{&out, path});
    std::map<std::string, int> oneofs;
    for (const Node* f : objects_in(m, "fields")) {
      std::vector<int> fpath = with(path, {tag::kMessageField, out.field_size()});
      pb::FieldDescriptorProto& field = *out.add_field();
      field_common(f, field, fpath);
      if (std::string_view parent = f->get_text("oneof_parent"); !parent.empty()) {
        auto [it, added] = oneofs.emplace(std::string(parent), out.oneof_decl_size());
        if (added) out.add_oneof_decl()->set_name(it->first);
        field.set_oneof_index(it->second);
        field.set_proto3_optional(false);
      }
    }
    for (const Node* mp : objects_in(m, "maps")) map_field(mp, out, path);
    add_synthetic_oneofs(out);
    reserved(m, out, path, 9, 10);
    if (const Node* opts = m->get("options")) options(opts, *out.mutable_options(), with(path, {tag::kMessageOptions}));
    for (const Node* nested : objects_in(m, "messages")) {
      std::vector<int> nested_path = with(path, {tag::kMessageNested, out.nested_type_size()});
      message(nested, *out.add_nested_type(), nested_path);
    }
  }

  // Name, number, type, label, default/json_name and options of one field.
  void field_common(const Node* f, pb::FieldDescriptorProto& field, const std::vector<int>& path) {
    using F = pb::FieldDescriptorProto;
    field.set_name(std::string(f->get_text("name")));
    field.set_number(core::whole_int(f->get("id")).value_or(0));  // 0 is no field number: the pool says so
    set_type(field, f->get_text("type"));
    span(path, f);
    span(with(path, {tag::kFieldName}), f->get("name"));
    span(with(path, {3}), f->get("id"));
    span(with(path, {field.has_type_name() ? tag::kFieldTypeName : tag::kFieldType}), f->get("type"));
    field.set_label(F::LABEL_OPTIONAL);
    if (f->get_bool("is_repeated")) field.set_label(F::LABEL_REPEATED);
    else if (f->get_bool("required")) field.set_label(F::LABEL_REQUIRED);
    else if (f->get_bool("optional") && proto3_) field.set_proto3_optional(true);
    for (std::string_view key : {"is_repeated", "required", "optional"}) span(with(path, {4}), f->get(key));
    const Node* opts = f->get("options");
    if (!opts) return;
    for (const core::Member& o : opts->children()) {
      if (!o.value || !o.value->is_object()) continue;
      std::string_view name = o.value->get_text("name"), value = o.value->get_text("value");
      if (name == "default") {
        field.set_default_value(std::string(value));
        span(with(path, {tag::kFieldDefault}), o.value);
      } else if (name == "json_name") {
        field.set_json_name(std::string(value));
        span(with(path, {tag::kFieldJsonName}), o.value);
      } else {
        apply_option(*field.mutable_options(), name, value);
      }
    }
    span(with(path, {tag::kFieldOptions}), opts);
  }

  void map_field(const Node* mp, pb::DescriptorProto& out, const std::vector<int>& path) {
    const Node* f = mp->get("field");
    if (!f || !f->is_object()) return;
    std::vector<int> field_path = with(path, {tag::kMessageField, out.field_size()});
    pb::FieldDescriptorProto& field = *out.add_field();
    field_common(f, field, field_path);
    span(with(path, {tag::kMessageNested, out.nested_type_size()}), mp);  // the entry is where the map is
    pb::DescriptorProto& entry = *out.add_nested_type();
    entry.set_name(map_entry_name(field.name()));
    entry.mutable_options()->set_map_entry(true);
    for (auto [name, number, type] : {std::tuple{"key", 1, mp->get_text("key_type")}, std::tuple{"value", 2, f->get_text("type")}}) {
      pb::FieldDescriptorProto& part = *entry.add_field();
      part.set_name(name);
      part.set_number(number);
      part.set_label(pb::FieldDescriptorProto::LABEL_OPTIONAL);
      set_type(part, type);
    }
    field.set_label(pb::FieldDescriptorProto::LABEL_REPEATED);
    field.set_proto3_optional(false);
    field.clear_type();
    field.set_type_name(entry.name());
  }

  // Reserved numbers are listed one by one; message ranges end exclusive, enum ranges inclusive.
  template <class Owner>
  void reserved(const Node* m, Owner& out, const std::vector<int>& path, int range_tag, int name_tag) {
    constexpr int kEndExtra = std::is_same_v<Owner, pb::DescriptorProto> ? 1 : 0;
    if (const Node* ids = m->get("reserved_ids"); ids && ids->is_array())
      for (const core::Member& id : ids->children()) {
        int n = core::whole_int(id.value).value_or(0);
        span(with(path, {range_tag, out.reserved_range_size()}), id.value);
        auto* r = out.add_reserved_range();
        r->set_start(n);
        r->set_end(n + kEndExtra);
      }
    if (const Node* names = m->get("reserved_names"); names && names->is_array())
      for (const core::Member& name : names->children()) {
        span(with(path, {name_tag, out.reserved_name_size()}), name.value);
        out.add_reserved_name(std::string(name.value->text()));
      }
  }

  void extensions(const Node* m, const std::string& extendee) {
    for (const Node* f : objects_in(m, "fields")) {
      std::vector<int> path{tag::kFileExtension, file_.extension_size()};
      pb::FieldDescriptorProto& field = *file_.add_extension();
      field_common(f, field, path);
      field.set_extendee(extendee);
      field.set_proto3_optional(false);  // extensions have presence already
    }
  }

  core::Status enumeration(const Node* e) {
    std::string name(e->get_text("name"));
    pb::EnumDescriptorProto* out = nullptr;
    std::vector<int> path;
    if (size_t dot = name.rfind('.'); dot != std::string::npos) {
      auto parent = messages_by_name_.find(name.substr(0, dot));
      if (parent == messages_by_name_.end())
        return error_at(e, "enum \"" + name + "\" names a parent message the lock does not hold");
      auto& [message, mpath] = parent->second;
      path = with(mpath, {tag::kMessageEnum, message->enum_type_size()});
      out = message->add_enum_type();
      name = name.substr(dot + 1);
    } else {
      path = {tag::kFileEnum, file_.enum_type_size()};
      out = file_.add_enum_type();
    }
    out->set_name(name);
    span(path, e);
    for (const Node* v : objects_in(e, "enum_fields")) {
      std::vector<int> vpath = with(path, {tag::kEnumValue, out->value_size()});
      pb::EnumValueDescriptorProto& value = *out->add_value();
      value.set_name(std::string(v->get_text("name")));
      value.set_number(core::whole_int(v->get("integer")).value_or(0));
      span(vpath, v);
      span(with(vpath, {tag::kEnumValueNumber}), v->get("integer"));
      if (const Node* opts = v->get("options")) options(opts, *value.mutable_options(), with(vpath, {3}));
    }
    reserved(e, *out, path, 4, 5);
    if (e->get_bool("allow_alias")) out->mutable_options()->set_allow_alias(true);
    if (const Node* opts = e->get("options")) options(opts, *out->mutable_options(), with(path, {3}));
    return core::ok_status();
  }

  void service(const Node* s) {
    std::vector<int> path{tag::kFileService, file_.service_size()};
    pb::ServiceDescriptorProto& out = *file_.add_service();
    out.set_name(std::string(s->get_text("name")));
    span(path, s);
    for (const Node* r : objects_in(s, "rpcs")) {
      std::vector<int> rpath = with(path, {tag::kServiceMethod, out.method_size()});
      pb::MethodDescriptorProto& m = *out.add_method();
      m.set_name(std::string(r->get_text("name")));
      m.set_input_type(std::string(r->get_text("in_type")));
      m.set_output_type(std::string(r->get_text("out_type")));
      m.set_client_streaming(r->get_bool("in_streamed"));
      m.set_server_streaming(r->get_bool("out_streamed"));
      span(rpath, r);
      span(with(rpath, {tag::kMethodInput}), r->get("in_type"));
      span(with(rpath, {tag::kMethodOutput}), r->get("out_type"));
      span(with(rpath, {5}), r->get("in_streamed"));
      span(with(rpath, {6}), r->get("out_streamed"));
      if (const Node* opts = r->get("options")) options(opts, *m.mutable_options(), with(rpath, {tag::kMethodOptions}));
    }
  }

  pb::FileDescriptorProto& file_;
  bool proto3_;
  // Any message by its simple name (an enum's "Parent." prefix names one), first found wins.
  std::unordered_map<std::string, std::pair<pb::DescriptorProto*, std::vector<int>>> messages_by_name_;
  std::unordered_set<std::string> top_level_names_;
};

// A lock names no syntax; a `required` field can only be proto2.
bool has_required_field(const Node* node) {
  if (!node) return false;
  if (node->is_object() && node->get_bool("required")) return true;
  for (const core::Member& m : node->children())
    if (has_required_field(m.value)) return true;
  return false;
}

}  // namespace

bool is_protolock_path(std::string_view path) {
  size_t slash = path.find_last_of('/');
  return path.substr(slash == std::string_view::npos ? 0 : slash + 1) == "proto.lock";
}

std::string from_protopath(std::string_view protopath) {
  std::string out;
  for (size_t i = 0; i < protopath.size();) {
    if (protopath.substr(i, 3) == ":/:") {
      out += '/';
      i += 3;
    } else {
      out += protopath[i++];
    }
  }
  return out;
}

std::string to_protopath(std::string_view proto_path) {
  std::string out;
  for (char c : proto_path) out += c == '/' ? std::string(":/:") : std::string(1, c);
  return out;
}

core::Expected<pb::FileDescriptorSet> read_protolock(const core::Document& lock, const SyntaxOf& syntax_of) {
  const Node* root = lock.root();
  const Node* definitions = root && root->is_object() ? root->get("definitions") : nullptr;
  if (!definitions || !definitions->is_array())
    return error_at(root, "not a proto.lock: no \"definitions\" array (protolock's snapshot of a .proto tree)");
  pb::FileDescriptorSet set;
  for (const core::Member& d : definitions->children()) {
    const Node* entry = d.value && d.value->is_object() ? d.value : nullptr;
    const Node* def = entry ? entry->get("def") : nullptr;
    std::string path = from_protopath(entry ? entry->get_text("protopath") : "");
    if (path.empty() || !def || !def->is_object())
      return error_at(d.value, "a proto.lock definition needs \"protopath\" and \"def\"");
    pb::FileDescriptorProto& file = *set.add_file();
    file.set_name(path);
    std::string syntax = has_required_field(def) ? "proto2" : syntax_of ? syntax_of(path) : "";
    file.set_syntax(syntax.empty() ? "proto3" : syntax);
    FileReader reader(file, file.syntax() == "proto3");
    if (auto st = reader.read(def); !st) return st.error();
  }
  return set;
}

}  // namespace accord::diff::proto
