// Enum rules: open/closed, JSON support, deleted values (optionally allowed
// when reserved), renamed values and reserved ranges/names.
#include <algorithm>
#include <map>

#include "diff/proto/ranges.h"
#include "diff/proto/rules.h"

namespace accord::diff::proto {

namespace {

constexpr Severity E = Severity::error;
constexpr Format F = Format::proto;

bool is_closed(const pb::EnumDescriptor* e) { return e->file()->syntax() == pb::FileDescriptor::SYNTAX_PROTO2; }

void enum_same_type(const Ctx& c, const pb::EnumDescriptor* o, const pb::EnumDescriptor* n) {
  if (is_closed(o) == is_closed(n)) return;
  c.report({{"enum", n->name()}, {"old", is_closed(o) ? "closed" : "open"}, {"new", is_closed(n) ? "closed" : "open"}},
           loc_of(n), loc_of(o));
}

const char* json_format(const pb::EnumDescriptor* e) {
  return e->file()->syntax() == pb::FileDescriptor::SYNTAX_PROTO3 ? "ALLOW" : "LEGACY_BEST_EFFORT";
}

void enum_same_json_format(const Ctx& c, const pb::EnumDescriptor* o, const pb::EnumDescriptor* n) {
  std::string before = json_format(o), after = json_format(n);
  if (before == "ALLOW" && after != "ALLOW")
    c.report({{"enum", n->name()}, {"old", before}, {"new", after}}, loc_of(n), loc_of(o));
}

std::map<int, std::vector<std::string>> names_by_number(const pb::EnumDescriptor* e) {
  std::map<int, std::vector<std::string>> out;
  for (int i = 0; i < e->value_count(); ++i) out[e->value(i)->number()].push_back(e->value(i)->name());
  for (auto& [number, names] : out) std::sort(names.begin(), names.end());
  return out;
}

std::string quoted_list(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& n : names) out += (out.empty() ? "" : ", ") + quoted(n);
  return out;
}

enum class DeleteMode { plain, unless_number_reserved, unless_name_reserved };

template <DeleteMode kMode>
void enum_value_no_delete(const Ctx& c, const pb::EnumDescriptor* o, const pb::EnumDescriptor* n) {
  for (const auto& [number, names] : names_by_number(o)) {
    if (n->FindValueByNumber(number)) continue;
    std::vector<Arg> args{{"number", std::to_string(number)}, {"enum", n->name()}};
    if constexpr (kMode == DeleteMode::unless_number_reserved) {
      if (n->IsReservedNumber(number)) continue;
    }
    if constexpr (kMode == DeleteMode::unless_name_reserved) {
      if (std::all_of(names.begin(), names.end(), [&](const std::string& s) { return n->IsReservedName(s); })) continue;
      args.push_back({"s", names.size() > 1 ? "s" : ""});
      args.push_back({"names", quoted_list(names)});
    }
    c.report(std::move(args), loc_of(n), loc_of(o->FindValueByNumber(number)));
  }
}

void enum_value_same_name(const Ctx& c, const EnumValues& before, const EnumValues& after) {
  std::vector<std::string> old_names, new_names;
  for (auto* v : before) old_names.push_back(v->name());
  for (auto* v : after) new_names.push_back(v->name());
  std::sort(old_names.begin(), old_names.end());
  std::sort(new_names.begin(), new_names.end());
  // Every name the number had must still be there; extra aliases are fine.
  bool kept = std::includes(new_names.begin(), new_names.end(), old_names.begin(), old_names.end());
  if (kept) return;
  std::string plural = old_names.size() > 1 && new_names.size() > 1 ? "s" : "";
  for (const pb::EnumValueDescriptor* v : after) {
    Loc old_loc;
    for (auto* ov : before)
      if (ov->name() == v->name()) old_loc = loc_of(ov).sub({tag::kEnumValueNumber});
    c.report({{"number", std::to_string(v->number())},
              {"enum", v->type()->name()},
              {"s", plural},
              {"old", quoted_list(old_names)},
              {"new", quoted_list(new_names)}},
             loc_of(v).sub({tag::kEnumValueNumber}), old_loc);
  }
}

std::vector<TagRange> reserved_ranges(const pb::EnumDescriptor* e) {
  std::vector<TagRange> out;
  for (int i = 0; i < e->reserved_range_count(); ++i) out.push_back({e->reserved_range(i)->start, e->reserved_range(i)->end});
  return out;
}

void reserved_enum_no_delete(const Ctx& c, const pb::EnumDescriptor* o, const pb::EnumDescriptor* n) {
  std::vector<TagRange> after = reserved_ranges(n);
  for (TagRange previous : reserved_ranges(o)) {
    std::vector<TagRange> missing = missing_parts(previous, after);
    if (missing.empty()) continue;
    c.report({{"what", "reserved range " + quoted(range_text(previous, kEnumMaxValue))},
              {"kind", "enum"},
              {"name", n->name()},
              {"change", "is missing values: " + ranges_text(missing, kEnumMaxValue) + " were removed"}},
             loc_of(n), loc_of(o));
  }
  for (int i = 0; i < o->reserved_name_count(); ++i)
    if (!n->IsReservedName(o->reserved_name(i)))
      c.report({{"what", "reserved name " + quoted(o->reserved_name(i))},
                {"kind", "enum"},
                {"name", n->name()},
                {"change", "was deleted"}},
               loc_of(n), loc_of(o));
}

const Rule kRules[] = {
    {{"proto.enum-same-type", F, E, "FILE,PACKAGE",
      "Enums stay open or closed.",
      "Enum \"{enum}\" changed from {old} to {new}."},
     {.enumeration = enum_same_type}},
    {{"proto.enum-same-json-format", F, E, "CSR,FILE,PACKAGE,WIRE_JSON",
      "Enums keep JSON support (proto3 to proto2 drops it).",
      "Enum \"{enum}\" JSON format support changed from {old} to {new}."},
     {.enumeration = enum_same_json_format}},
    {{"proto.enum-value-no-delete", F, E, "CSR,FILE,PACKAGE",
      "Enum values are not deleted.",
      "Previously present enum value \"{number}\" on enum \"{enum}\" was deleted."},
     {.enumeration = enum_value_no_delete<DeleteMode::plain>}},
    {{"proto.enum-value-no-delete-unless-number-reserved", F, E, "CSR,WIRE_JSON,WIRE",
      "Deleted enum values reserve their numbers.",
      "Previously present enum value \"{number}\" on enum \"{enum}\" was deleted without reserving the number \"{number}\"."},
     {.enumeration = enum_value_no_delete<DeleteMode::unless_number_reserved>}},
    {{"proto.enum-value-no-delete-unless-name-reserved", F, E, "CSR,WIRE_JSON",
      "Deleted enum values reserve their names.",
      "Previously present enum value \"{number}\" on enum \"{enum}\" was deleted without reserving the name{s} {names}."},
     {.enumeration = enum_value_no_delete<DeleteMode::unless_name_reserved>}},
    {{"proto.enum-value-same-name", F, E, "CSR,FILE,PACKAGE,WIRE_JSON",
      "Enum values keep their names.",
      "Enum value \"{number}\" on enum \"{enum}\" changed name{s} from {old} to {new}."},
     {.enum_value = enum_value_same_name}},
    {{"proto.reserved-enum-no-delete", F, E, "CSR,FILE,PACKAGE,WIRE_JSON,WIRE",
      "Reserved enum ranges and names are not deleted.",
      "Previously present {what} on {kind} \"{name}\" {change}."},
     {.enumeration = reserved_enum_no_delete}},
};

}  // namespace

std::span<const Rule> enum_rules() { return kRules; }

}  // namespace accord::diff::proto
