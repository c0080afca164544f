// Additions, for `accord diff`'s changelog: new files, messages, fields,
// oneofs, enums, enum values, services and RPCs. Info findings outside buf's
// categories (they break nothing; `accord breaking` does not show them). An
// element inside something added is not listed again: a new file is one
// finding, not one per message in it.
#include <google/protobuf/descriptor.pb.h>

#include "diff/proto/rules.h"

namespace accord::diff::proto {

namespace {

constexpr Severity I = Severity::info;
constexpr Format F = Format::proto;

bool old_has_file(const Ctx& c, const pb::FileDescriptor* f) { return c.old_image.index().file_by_path.count(f->name()); }

// Whether the declaration's container (parent message, else its file) is in OLD, so that it is the new part.
template <class D>
bool container_in_old(const Ctx& c, const D* d, Loc& old_container) {
  if (const pb::Descriptor* parent = d->containing_type()) {
    auto it = c.old_image.index().message_by_name.find(parent->full_name());
    if (it == c.old_image.index().message_by_name.end()) return false;
    old_container = loc_of(it->second);
    return true;
  }
  auto it = c.old_image.index().file_by_path.find(d->file()->name());
  if (it == c.old_image.index().file_by_path.end()) return false;
  old_container = loc_of(it->second);
  return true;
}

void file_added(const Ctx& c) {
  for (const pb::FileDescriptor* f : c.new_image.files())
    if (!old_has_file(c, f)) c.report({{"file", f->name()}}, loc_of(f), Loc{});
}

void message_added(const Ctx& c) {
  for (const auto& [name, m] : c.new_image.index().message_by_name) {
    if (m->options().map_entry() || c.old_image.index().message_by_name.count(name)) continue;
    if (Loc old_container; container_in_old(c, m, old_container))
      c.report({{"name", m->full_name()}}, loc_of(m), old_container);
  }
}

void enum_added(const Ctx& c) {
  for (const auto& [name, e] : c.new_image.index().enum_by_name) {
    if (c.old_image.index().enum_by_name.count(name)) continue;
    if (Loc old_container; container_in_old(c, e, old_container))
      c.report({{"name", e->full_name()}}, loc_of(e), old_container);
  }
}

void service_added(const Ctx& c) {
  for (const auto& [name, s] : c.new_image.index().service_by_name) {
    if (c.old_image.index().service_by_name.count(name)) continue;
    auto it = c.old_image.index().file_by_path.find(s->file()->name());
    if (it != c.old_image.index().file_by_path.end()) c.report({{"name", s->full_name()}}, loc_of(s), loc_of(it->second));
  }
}

void field_added(const Ctx& c, const pb::Descriptor* o, const pb::Descriptor* n) {
  for (int i = 0; i < n->field_count(); ++i) {
    const pb::FieldDescriptor* f = n->field(i);
    if (!o->FindFieldByNumber(f->number()))
      c.report({{"number", std::to_string(f->number())}, {"name", f->name()}, {"message", n->full_name()}}, loc_of(f),
               loc_of(o));
  }
}

void oneof_added(const Ctx& c, const pb::Descriptor* o, const pb::Descriptor* n) {
  for (int i = 0; i < n->real_oneof_decl_count(); ++i)
    if (!o->FindOneofByName(n->oneof_decl(i)->name()))
      c.report({{"oneof", n->oneof_decl(i)->name()}, {"message", n->full_name()}}, loc_of(n->oneof_decl(i)), loc_of(o));
}

void enum_value_added(const Ctx& c, const pb::EnumDescriptor* o, const pb::EnumDescriptor* n) {
  for (int i = 0; i < n->value_count(); ++i) {
    const pb::EnumValueDescriptor* v = n->value(i);
    // Aliases of one number are one value: the first name stands for it.
    if (!o->FindValueByNumber(v->number()) && n->FindValueByNumber(v->number()) == v)
      c.report({{"number", std::to_string(v->number())}, {"name", v->name()}, {"enum", n->full_name()}}, loc_of(v),
               loc_of(o));
  }
}

void rpc_added(const Ctx& c, const pb::ServiceDescriptor* o, const pb::ServiceDescriptor* n) {
  for (int i = 0; i < n->method_count(); ++i)
    if (!o->FindMethodByName(n->method(i)->name()))
      c.report({{"rpc", n->method(i)->name()}, {"service", n->full_name()}}, loc_of(n->method(i)), loc_of(o));
}

const Rule kRules[] = {
    {{"proto.file-added", F, I, "changelog",
      "New files (accord diff's changelog; breaks nothing).",
      "File \"{file}\" was added."},
     {.image = file_added}},
    {{"proto.message-added", F, I, "changelog",
      "New messages (accord diff's changelog; breaks nothing).",
      "Message \"{name}\" was added."},
     {.image = message_added}},
    {{"proto.enum-added", F, I, "changelog",
      "New enums (accord diff's changelog; breaks nothing).",
      "Enum \"{name}\" was added."},
     {.image = enum_added}},
    {{"proto.service-added", F, I, "changelog",
      "New services (accord diff's changelog; breaks nothing).",
      "Service \"{name}\" was added."},
     {.image = service_added}},
    {{"proto.field-added", F, I, "changelog",
      "New fields (accord diff's changelog; breaks nothing).",
      "Field \"{number}\" with name \"{name}\" was added to message \"{message}\"."},
     {.message = field_added}},
    {{"proto.oneof-added", F, I, "changelog",
      "New oneofs (accord diff's changelog; breaks nothing).",
      "Oneof \"{oneof}\" was added to message \"{message}\"."},
     {.message = oneof_added}},
    {{"proto.enum-value-added", F, I, "changelog",
      "New enum values (accord diff's changelog; breaks nothing).",
      "Enum value \"{number}\" with name \"{name}\" was added to enum \"{enum}\"."},
     {.enumeration = enum_value_added}},
    {{"proto.rpc-added", F, I, "changelog",
      "New RPCs (accord diff's changelog; breaks nothing).",
      "RPC \"{rpc}\" was added to service \"{service}\"."},
     {.service = rpc_added}},
};

}  // namespace

std::span<const Rule> added_rules() { return kRules; }

}  // namespace accord::diff::proto
