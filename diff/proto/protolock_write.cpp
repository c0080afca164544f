// Writing proto.lock from a loaded .proto tree, in protolock's shape: keys in
// its order, empty lists left out, types spelled as the source spells them
// (read back from the files through SourceCodeInfo spans), enums flattened to
// file level as "Parent.Enum", oneof fields marked with their oneof.
#include <algorithm>
#include <fstream>
#include <sstream>

#include "core/json_writer.h"
#include "diff/proto/image.h"
#include "diff/proto/location.h"
#include "diff/proto/protolock.h"

namespace accord::diff::proto {

namespace {

// A file's lines, for the text under a span.
class SourceText {
 public:
  explicit SourceText(const std::string& disk_path) {
    std::ifstream in(disk_path);
    for (std::string line; std::getline(in, line);) lines_.push_back(line);
  }
  // The text a single-line span covers ("" when the source has none).
  std::string at(const pb::FileDescriptor* file, const std::vector<int>& path) const {
    pb::SourceLocation loc;
    if (!file->GetSourceLocation(path, &loc) || loc.start_line != loc.end_line ||
        loc.start_line >= static_cast<int>(lines_.size()))
      return "";
    const std::string& line = lines_[loc.start_line];
    if (loc.end_column > static_cast<int>(line.size()) || loc.start_column > loc.end_column) return "";
    return line.substr(loc.start_column, loc.end_column - loc.start_column);
  }

 private:
  std::vector<std::string> lines_;
};

std::vector<int> with(std::vector<int> path, std::initializer_list<int> more) {
  path.insert(path.end(), more);
  return path;
}

// Where an element starts, for protolock's source order.
std::pair<int, int> start_of(const pb::FileDescriptor* file, const std::vector<int>& path) {
  pb::SourceLocation loc;
  if (!file->GetSourceLocation(path, &loc)) return {0, 0};
  return {loc.start_line, loc.start_column};
}

std::string option_text(const pb::Message& options, const pb::FieldDescriptor* f) {
  const pb::Reflection* r = options.GetReflection();
  switch (f->cpp_type()) {
    case pb::FieldDescriptor::CPPTYPE_STRING: return r->GetString(options, f);
    case pb::FieldDescriptor::CPPTYPE_BOOL: return r->GetBool(options, f) ? "true" : "false";
    case pb::FieldDescriptor::CPPTYPE_ENUM: return r->GetEnum(options, f)->name();
    case pb::FieldDescriptor::CPPTYPE_INT32: return std::to_string(r->GetInt32(options, f));
    case pb::FieldDescriptor::CPPTYPE_INT64: return std::to_string(r->GetInt64(options, f));
    case pb::FieldDescriptor::CPPTYPE_UINT32: return std::to_string(r->GetUInt32(options, f));
    case pb::FieldDescriptor::CPPTYPE_UINT64: return std::to_string(r->GetUInt64(options, f));
    default: return "";
  }
}

}  // namespace

namespace {

class LockWriter {
 public:
  LockWriter(core::JsonWriter& out, const pb::FileDescriptor* file, const SourceText& text)
      : out_(out), file_(file), text_(text) {}

  void write() {
    out_.begin_object();
    write_enums();
    write_messages();
    if (file_->service_count() > 0) {
      out_.key("services").begin_array();
      for (int i = 0; i < file_->service_count(); ++i) write_service(file_->service(i), {tag::kFileService, i});
      out_.end_array();
    }
    if (file_->dependency_count() > 0) {
      out_.key("imports").begin_array();
      for (int i = 0; i < file_->dependency_count(); ++i)
        out_.begin_object().key("path").value(file_->dependency(i)->name()).end_object();
      out_.end_array();
    }
    out_.key("package").begin_object();
    if (!file_->package().empty()) out_.key("name").value(file_->package());
    out_.end_object();
    write_options(file_->options(), {tag::kFileOptions});
    out_.end_object();
  }

 private:
  // A type as the source spells it; the full name when the source has none.
  std::string spelled(const std::vector<int>& path, const std::string& full_name) const {
    std::string s = text_.at(file_, path);
    return s.empty() ? full_name : s;
  }

  void write_options(const pb::Message& options, const std::vector<int>& path,
                     std::vector<std::pair<std::string, std::string>> extra = {}) {
    std::vector<const pb::FieldDescriptor*> set;
    options.GetReflection()->ListFields(options, &set);
    std::vector<std::tuple<std::pair<int, int>, std::string, std::string>> items;
    for (const pb::FieldDescriptor* f : set)
      if (!f->is_repeated() && !f->is_extension() && f->cpp_type() != pb::FieldDescriptor::CPPTYPE_MESSAGE)
        items.emplace_back(start_of(file_, with(path, {f->number()})), f->name(), option_text(options, f));
    std::stable_sort(items.begin(), items.end(), [](auto& a, auto& b) { return std::get<0>(a) < std::get<0>(b); });
    for (auto& [name, value] : extra) items.emplace(items.begin(), std::pair{0, 0}, name, value);
    if (items.empty()) return;
    out_.key("options").begin_array();
    for (auto& [at, name, value] : items) out_.begin_object().key("name").value(name).key("value").value(value).end_object();
    out_.end_array();
  }

  // Every enum, nested ones as "Parent.Enum", in source order (protolock walks the file).
  void write_enums() {
    std::vector<std::tuple<std::pair<int, int>, const pb::EnumDescriptor*, std::vector<int>>> all;
    for (int i = 0; i < file_->enum_type_count(); ++i)
      all.emplace_back(start_of(file_, {tag::kFileEnum, i}), file_->enum_type(i), std::vector<int>{tag::kFileEnum, i});
    for (int i = 0; i < file_->message_type_count(); ++i)
      collect_nested_enums(file_->message_type(i), {tag::kFileMessage, i}, all);
    if (all.empty()) return;
    std::stable_sort(all.begin(), all.end(), [](auto& a, auto& b) { return std::get<0>(a) < std::get<0>(b); });
    out_.key("enums").begin_array();
    for (auto& [at, e, path] : all) write_enum(e, path);
    out_.end_array();
  }

  void collect_nested_enums(const pb::Descriptor* m, const std::vector<int>& path,
                            std::vector<std::tuple<std::pair<int, int>, const pb::EnumDescriptor*, std::vector<int>>>& all) {
    for (int i = 0; i < m->enum_type_count(); ++i) {
      std::vector<int> p = with(path, {tag::kMessageEnum, i});
      all.emplace_back(start_of(file_, p), m->enum_type(i), p);
    }
    for (int i = 0; i < m->nested_type_count(); ++i)
      collect_nested_enums(m->nested_type(i), with(path, {tag::kMessageNested, i}), all);
  }

  void write_enum(const pb::EnumDescriptor* e, const std::vector<int>& path) {
    out_.begin_object().key("name").value(e->containing_type() ? e->containing_type()->name() + "." + e->name() : e->name());
    if (e->value_count() > 0) {
      out_.key("enum_fields").begin_array();
      for (int i = 0; i < e->value_count(); ++i) {
        const pb::EnumValueDescriptor* v = e->value(i);
        out_.begin_object().key("name").value(v->name());
        if (v->number() != 0) out_.key("integer").value(v->number());
        write_options(v->options(), with(path, {tag::kEnumValue, i, 3}));
        out_.end_object();
      }
      out_.end_array();
    }
    std::vector<int> ids;
    for (int i = 0; i < e->reserved_range_count(); ++i)
      for (int n = e->reserved_range(i)->start; n <= e->reserved_range(i)->end && ids.size() < kMaxReserved; ++n) ids.push_back(n);
    write_reserved(ids, e->reserved_name_count(), [&](int i) { return e->reserved_name(i); });
    write_options(e->options(), with(path, {3}));
    out_.end_object();
  }

  // Top-level messages and `extend` blocks (protolock lists both as messages), in source order.
  void write_messages() {
    std::vector<std::pair<std::pair<int, int>, int>> order;  // index >= 0: message, < 0: extension -(i+1)
    for (int i = 0; i < file_->message_type_count(); ++i) order.push_back({start_of(file_, {tag::kFileMessage, i}), i});
    std::vector<std::string> extendees;
    for (int i = 0; i < file_->extension_count(); ++i) {
      std::string name = spelled({tag::kFileExtension, i, 2}, file_->extension(i)->containing_type()->full_name());
      if (std::find(extendees.begin(), extendees.end(), name) != extendees.end()) continue;
      extendees.push_back(name);
      order.push_back({start_of(file_, {tag::kFileExtension, i}), -static_cast<int>(extendees.size())});
    }
    if (order.empty()) return;
    std::stable_sort(order.begin(), order.end(), [](auto& a, auto& b) { return a.first < b.first; });
    out_.key("messages").begin_array();
    for (auto& [at, index] : order) {
      if (index >= 0) write_message(file_->message_type(index), {tag::kFileMessage, index});
      else write_extend_block(extendees[-index - 1]);
    }
    out_.end_array();
  }

  void write_extend_block(const std::string& extendee) {
    out_.begin_object().key("name").value(extendee).key("fields").begin_array();
    for (int i = 0; i < file_->extension_count(); ++i)
      if (spelled({tag::kFileExtension, i, 2}, file_->extension(i)->containing_type()->full_name()) == extendee)
        write_field(file_->extension(i), {tag::kFileExtension, i});
    out_.end_array().end_object();
  }

  void write_message(const pb::Descriptor* m, const std::vector<int>& path) {
    out_.begin_object().key("name").value(m->name());
    std::vector<int> fields, maps;
    for (int i = 0; i < m->field_count(); ++i) (m->field(i)->is_map() ? maps : fields).push_back(i);
    if (!fields.empty()) {
      out_.key("fields").begin_array();
      for (int i : fields) write_field(m->field(i), with(path, {tag::kMessageField, i}));
      out_.end_array();
    }
    if (!maps.empty()) {
      out_.key("maps").begin_array();
      for (int i : maps) write_map(m->field(i), with(path, {tag::kMessageField, i}));
      out_.end_array();
    }
    std::vector<int> ids;
    for (int i = 0; i < m->reserved_range_count(); ++i)
      for (int n = m->reserved_range(i)->start; n < m->reserved_range(i)->end && ids.size() < kMaxReserved; ++n) ids.push_back(n);
    write_reserved(ids, m->reserved_name_count(), [&](int i) { return m->reserved_name(i); });
    std::vector<int> nested;
    for (int i = 0; i < m->nested_type_count(); ++i)
      if (!m->nested_type(i)->options().map_entry()) nested.push_back(i);
    if (!nested.empty()) {
      out_.key("messages").begin_array();
      for (int i : nested) write_message(m->nested_type(i), with(path, {tag::kMessageNested, i}));
      out_.end_array();
    }
    write_options(m->options(), with(path, {tag::kMessageOptions}));
    out_.end_object();
  }

  std::string type_of(const pb::FieldDescriptor* f, const std::vector<int>& path) const {
    if (f->message_type()) return spelled(with(path, {tag::kFieldTypeName}), f->message_type()->full_name());
    if (f->enum_type()) return spelled(with(path, {tag::kFieldTypeName}), f->enum_type()->full_name());
    return f->type_name();  // scalars: "int32", "string", ...
  }

  void write_field(const pb::FieldDescriptor* f, const std::vector<int>& path) {
    out_.begin_object().key("id").value(f->number()).key("name").value(f->name()).key("type").value(type_of(f, path));
    if (f->is_repeated()) out_.key("is_repeated").value(true);
    const bool in_real_oneof = f->real_containing_oneof() != nullptr;
    // proto2 spells every singular field's label; proto3 only `optional` ones.
    const bool proto2 = f->file()->syntax() == pb::FileDescriptor::SYNTAX_PROTO2;
    if (f->has_optional_keyword() || (proto2 && f->is_optional() && !in_real_oneof)) out_.key("optional").value(true);
    if (f->is_required()) out_.key("required").value(true);
    pb::FieldDescriptorProto spelled_field;
    f->CopyTo(&spelled_field);
    std::vector<std::pair<std::string, std::string>> extra;
    if (f->has_json_name()) extra.emplace_back("json_name", f->json_name());
    if (spelled_field.has_default_value()) extra.emplace_back("default", spelled_field.default_value());
    write_options(f->options(), with(path, {tag::kFieldOptions}), extra);
    if (in_real_oneof) out_.key("oneof_parent").value(f->containing_oneof()->name());
    out_.end_object();
  }

  void write_map(const pb::FieldDescriptor* f, const std::vector<int>& path) {
    const pb::Descriptor* entry = f->message_type();
    out_.begin_object().key("key_type").value(entry->map_key()->type_name()).key("field").begin_object();
    out_.key("id").value(f->number()).key("name").value(f->name()).key("type").value(map_value_type(f, path));
    write_options(f->options(), with(path, {tag::kFieldOptions}));
    out_.end_object().end_object();
  }

  // "map<string, pkg.Thing>" as written: the value type after the comma.
  std::string map_value_type(const pb::FieldDescriptor* f, const std::vector<int>& path) const {
    const pb::FieldDescriptor* value = f->message_type()->map_value();
    std::string written = text_.at(file_, with(path, {tag::kFieldTypeName}));
    size_t comma = written.find(','), close = written.rfind('>');
    if (comma != std::string::npos && close != std::string::npos && close > comma) {
      std::string v = written.substr(comma + 1, close - comma - 1);
      v.erase(0, v.find_first_not_of(" \t"));
      v.erase(v.find_last_not_of(" \t") + 1);
      if (!v.empty()) return v;
    }
    if (value->message_type()) return value->message_type()->full_name();
    if (value->enum_type()) return value->enum_type()->full_name();
    return value->type_name();
  }

  template <class NameAt>
  void write_reserved(const std::vector<int>& ids, int name_count, NameAt name_at) {
    if (!ids.empty()) {
      out_.key("reserved_ids").begin_array();
      for (int n : ids) out_.value(n);
      out_.end_array();
    }
    if (name_count > 0) {
      out_.key("reserved_names").begin_array();
      for (int i = 0; i < name_count; ++i) out_.value(name_at(i));
      out_.end_array();
    }
  }

  void write_service(const pb::ServiceDescriptor* s, const std::vector<int>& path) {
    out_.begin_object().key("name").value(s->name());
    if (s->method_count() > 0) {
      out_.key("rpcs").begin_array();
      for (int i = 0; i < s->method_count(); ++i) {
        const pb::MethodDescriptor* m = s->method(i);
        std::vector<int> mpath = with(path, {tag::kServiceMethod, i});
        out_.begin_object().key("name").value(m->name());
        out_.key("in_type").value(spelled(with(mpath, {tag::kMethodInput}), m->input_type()->full_name()));
        out_.key("out_type").value(spelled(with(mpath, {tag::kMethodOutput}), m->output_type()->full_name()));
        if (m->client_streaming()) out_.key("in_streamed").value(true);
        if (m->server_streaming()) out_.key("out_streamed").value(true);
        write_options(m->options(), with(mpath, {tag::kMethodOptions}));
        out_.end_object();
      }
      out_.end_array();
    }
    out_.end_object();
  }

  // protolock lists every reserved number; a range to `max` cannot be listed.
  static constexpr size_t kMaxReserved = 100000;

  core::JsonWriter& out_;
  const pb::FileDescriptor* file_;
  const SourceText& text_;
};

}  // namespace

std::string write_protolock(const Image& image) {
  core::JsonWriter out;
  out.begin_object().key("definitions").begin_array();
  for (const pb::FileDescriptor* file : image.files()) {
    SourceText text(image.display_path(file));
    out.begin_object().key("protopath").value(to_protopath(file->name())).key("def");
    LockWriter(out, file, text).write();
    out.end_object();
  }
  out.end_array().end_object();
  return out.take();
}

}  // namespace accord::diff::proto
