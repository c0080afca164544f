// Message-level rules: deleted fields and oneofs, reserved and extension
// ranges, required fields, and message options that change the encoding.
#include <google/protobuf/descriptor.pb.h>

#include <set>

#include "diff/proto/ranges.h"
#include "diff/proto/rules.h"

namespace accord::diff::proto {

namespace {

constexpr Severity E = Severity::error;
constexpr Format F = Format::proto;

enum class DeleteMode { plain, unless_number_reserved, unless_name_reserved };

template <DeleteMode kMode>
void field_no_delete(const Ctx& c, const pb::Descriptor* o, const pb::Descriptor* n) {
  for (int i = 0; i < o->field_count(); ++i) {
    const pb::FieldDescriptor* f = o->field(i);
    if (n->FindFieldByNumber(f->number())) continue;
    if (kMode == DeleteMode::unless_number_reserved && n->IsReservedNumber(f->number())) continue;
    if (kMode == DeleteMode::unless_name_reserved && n->IsReservedName(f->name())) continue;
    c.report({{"number", std::to_string(f->number())}, {"name", f->name()}, {"message", n->name()}}, loc_of(n),
             loc_of(f));
  }
}

void oneof_no_delete(const Ctx& c, const pb::Descriptor* o, const pb::Descriptor* n) {
  // Synthetic oneofs (proto3 `optional`) are presence, which cardinality rules cover.
  for (int i = 0; i < o->real_oneof_decl_count(); ++i)
    if (!n->FindOneofByName(o->oneof_decl(i)->name()))
      c.report({{"oneof", o->oneof_decl(i)->name()}, {"message", n->name()}}, loc_of(n), loc_of(o->oneof_decl(i)));
}

int max_tag(const pb::Descriptor* m) {
  return m->options().message_set_wire_format() ? kMessageSetMaxTag : kMessageMaxTag;
}

void report_ranges(const Ctx& c, const char* kind, const std::vector<TagRange>& before,
                   const std::vector<TagRange>& after, int max, const std::string& owner_kind,
                   const std::string& owner_name, const Loc& new_loc, const Loc& old_loc) {
  for (TagRange previous : before) {
    std::vector<TagRange> missing = missing_parts(previous, after);
    if (missing.empty()) continue;
    c.report({{"what", std::string(kind) + " range " + quoted(range_text(previous, max))},
              {"kind", owner_kind},
              {"name", owner_name},
              {"change", "is missing values: " + ranges_text(missing, max) + " were removed"}},
             new_loc, old_loc);
  }
}

std::vector<TagRange> reserved_ranges(const pb::Descriptor* m) {
  std::vector<TagRange> out;
  for (int i = 0; i < m->reserved_range_count(); ++i)
    out.push_back({m->reserved_range(i)->start, m->reserved_range(i)->end - 1});
  return out;
}

std::vector<TagRange> extension_ranges(const pb::Descriptor* m) {
  std::vector<TagRange> out;
  for (int i = 0; i < m->extension_range_count(); ++i)
    out.push_back({m->extension_range(i)->start, m->extension_range(i)->end - 1});
  return out;
}

void reserved_message_no_delete(const Ctx& c, const pb::Descriptor* o, const pb::Descriptor* n) {
  report_ranges(c, "reserved", reserved_ranges(o), reserved_ranges(n), max_tag(n), "message", n->name(), loc_of(n),
                loc_of(o));
  for (int i = 0; i < o->reserved_name_count(); ++i)
    if (!n->IsReservedName(o->reserved_name(i)))
      c.report({{"what", "reserved name " + quoted(o->reserved_name(i))},
                {"kind", "message"},
                {"name", n->name()},
                {"change", "was deleted"}},
               loc_of(n), loc_of(o));
}

void extension_message_no_delete(const Ctx& c, const pb::Descriptor* o, const pb::Descriptor* n) {
  report_ranges(c, "extension", extension_ranges(o), extension_ranges(n), max_tag(n), "message", n->name(),
                loc_of(n), loc_of(o));
}

void message_same_required_fields(const Ctx& c, const pb::Descriptor* o, const pb::Descriptor* n) {
  auto required = [](const pb::Descriptor* m) {
    std::set<int> out;
    for (int i = 0; i < m->field_count(); ++i)
      if (m->field(i)->is_required()) out.insert(m->field(i)->number());
    return out;
  };
  std::set<int> before = required(o), after = required(n);
  for (int number : before)
    if (!after.count(number))
      c.report({{"message", o->name()}, {"number", std::to_string(number)}, {"change", "deleted"}}, loc_of(n),
               loc_of(o));
  for (int number : after)
    if (!before.count(number))
      c.report({{"message", n->name()}, {"number", std::to_string(number)}, {"change", "added"}},
               loc_of(n->FindFieldByNumber(number)), Loc{});
}

Loc message_option(const pb::Descriptor* m, int option) {
  Loc l = loc_of(m).sub({tag::kMessageOptions, option});
  return has_position(l) ? l : Loc{};
}

void message_no_remove_standard_descriptor_accessor(const Ctx& c, const pb::Descriptor* o, const pb::Descriptor* n) {
  if (o->options().no_standard_descriptor_accessor() || !n->options().no_standard_descriptor_accessor()) return;
  Loc new_loc = message_option(n, tag::kMessageOptionNoAccessor);
  c.report({{"old", "false"}, {"new", "true"}}, new_loc.valid() ? new_loc : loc_of(n),
           message_option(o, tag::kMessageOptionNoAccessor));
}

// JSON support as editions resolve it: proto3 allows JSON, proto2 is best effort.
const char* json_format(const pb::FileDescriptor* f) {
  return f->syntax() == pb::FileDescriptor::SYNTAX_PROTO3 ? "ALLOW" : "LEGACY_BEST_EFFORT";
}

void message_same_json_format(const Ctx& c, const pb::Descriptor* o, const pb::Descriptor* n) {
  std::string before = json_format(o->file()), after = json_format(n->file());
  if (before == "ALLOW" && after != "ALLOW")
    c.report({{"message", n->name()}, {"old", before}, {"new", after}}, loc_of(n), loc_of(o));
}

void message_same_message_set_wire_format(const Ctx& c, const pb::Descriptor* o, const pb::Descriptor* n) {
  bool before = o->options().message_set_wire_format(), after = n->options().message_set_wire_format();
  if (before == after) return;
  Loc new_loc = message_option(n, tag::kMessageOptionMessageSet), old_loc = message_option(o, tag::kMessageOptionMessageSet);
  c.report({{"message", n->name()}, {"old", before ? "true" : "false"}, {"new", after ? "true" : "false"}},
           new_loc.valid() ? new_loc : loc_of(n), old_loc.valid() ? old_loc : loc_of(o));
}

const Rule kRules[] = {
    {{"proto.field-no-delete", F, E, "CSR,FILE,PACKAGE",
      "Fields are not deleted.",
      "Previously present field \"{number}\" with name \"{name}\" on message \"{message}\" was deleted."},
     {.message = field_no_delete<DeleteMode::plain>}},
    {{"proto.field-no-delete-unless-number-reserved", F, E, "CSR,WIRE_JSON,WIRE",
      "Deleted fields reserve their numbers.",
      "Previously present field \"{number}\" with name \"{name}\" on message \"{message}\" was deleted without reserving the number \"{number}\"."},
     {.message = field_no_delete<DeleteMode::unless_number_reserved>}},
    {{"proto.field-no-delete-unless-name-reserved", F, E, "CSR,WIRE_JSON",
      "Deleted fields reserve their names.",
      "Previously present field \"{number}\" with name \"{name}\" on message \"{message}\" was deleted without reserving the name \"{name}\"."},
     {.message = field_no_delete<DeleteMode::unless_name_reserved>}},
    {{"proto.oneof-no-delete", F, E, "CSR,FILE,PACKAGE",
      "Oneofs are not deleted.",
      "Previously present oneof \"{oneof}\" on message \"{message}\" was deleted."},
     {.message = oneof_no_delete}},
    {{"proto.reserved-message-no-delete", F, E, "CSR,FILE,PACKAGE,WIRE_JSON,WIRE",
      "Reserved message ranges and names are not deleted.",
      "Previously present {what} on {kind} \"{name}\" {change}."},
     {.message = reserved_message_no_delete}},
    {{"proto.extension-message-no-delete", F, E, "CSR,FILE,PACKAGE",
      "Extension ranges are not deleted.",
      "Previously present {what} on {kind} \"{name}\" {change}."},
     {.message = extension_message_no_delete}},
    {{"proto.message-same-required-fields", F, E, "CSR,FILE,PACKAGE,WIRE_JSON,WIRE",
      "Messages keep the same required fields.",
      "Message \"{message}\" had required field \"{number}\" {change}. Required fields must always be sent, so if one side does not know about the required field, this will result in a breakage."},
     {.message = message_same_required_fields}},
    {{"proto.message-no-remove-standard-descriptor-accessor", F, E, "CSR,FILE,PACKAGE",
      "Messages keep the standard descriptor accessor.",
      "Message option \"no_standard_descriptor_accessor\" changed from \"{old}\" to \"{new}\"."},
     {.message = message_no_remove_standard_descriptor_accessor}},
    {{"proto.message-same-json-format", F, E, "CSR,FILE,PACKAGE,WIRE_JSON",
      "Messages keep JSON support (proto3 to proto2 drops it).",
      "Message \"{message}\" JSON format support changed from {old} to {new}."},
     {.message = message_same_json_format}},
    {{"proto.message-same-message-set-wire-format", F, E, "",
      "Messages keep message_set_wire_format.",
      "Message \"{message}\" changed option \"message_set_wire_format\" from \"{old}\" to \"{new}\"."},
     {.message = message_same_message_set_wire_format}},
};

}  // namespace

std::span<const Rule> message_rules() { return kRules; }

}  // namespace accord::diff::proto
