// Field-level rules over matched fields (same message and number, or same
// extendee and number): type, cardinality, name, JSON name, oneof,
// default and string settings.
#include <google/protobuf/descriptor.pb.h>

#include "diff/proto/field_traits.h"
#include "diff/proto/rules.h"

namespace accord::diff::proto {

namespace {

constexpr Severity E = Severity::error;
constexpr Format F = Format::proto;

using FD = pb::FieldDescriptor;

Loc field_part(const FD* f, std::initializer_list<int> part) {
  Loc l = loc_of(f).sub(part);
  return has_position(l) ? l : loc_of(f);
}

bool is_named_type(FD::Type t) { return t == FD::TYPE_MESSAGE || t == FD::TYPE_ENUM || t == FD::TYPE_GROUP; }

// The type token buf points at: the type name for messages and enums, the keyword for scalars.
Loc type_loc(const FD* f) { return field_part(f, {is_named_type(f->type()) ? tag::kFieldTypeName : tag::kFieldType}); }

void report_type(const Ctx& c, const FD* o, const FD* n, std::string before, std::string after, std::string extra = {}) {
  c.report({{"field", field_description(n)}, {"old", std::move(before)}, {"new", std::move(after)},
            {"extra", extra.empty() ? "" : " " + extra}},
           type_loc(n), type_loc(o));
}

void report_kind_changed(const Ctx& c, const FD* o, const FD* n, std::string extra = {}) {
  report_type(c, o, n, kind_name(o->type()), kind_name(n->type()), std::move(extra));
}

void report_type_name_changed(const Ctx& c, const FD* o, const FD* n) {
  report_type(c, o, n, type_name_of(o), type_name_of(n));
}

void field_same_type(const Ctx& c, const FD* o, const FD* n) {
  if (o->type() != n->type()) return report_kind_changed(c, o, n);
  if (is_named_type(n->type()) && type_name_of(o) != type_name_of(n)) report_type_name_changed(c, o, n);
}

// An enum may be swapped for one with the same short name that keeps every old value.
void check_enum_swap(const Ctx& c, const FD* o, const FD* n) {
  const pb::EnumDescriptor* before = o->enum_type();
  const pb::EnumDescriptor* after = n->enum_type();
  bool same = before->name() == after->name();
  for (int i = 0; same && i < before->value_count(); ++i) {
    const pb::EnumValueDescriptor* v = after->FindValueByName(before->value(i)->name());
    same = v && v->number() == before->value(i)->number();
  }
  if (!same) report_type_name_changed(c, o, n);
}

void field_wire_compatible_type(const Ctx& c, const FD* o, const FD* n) {
  if (wire_group(o->type()) != wire_group(n->type())) {
    if (o->type() == FD::TYPE_STRING && n->type() == FD::TYPE_BYTES) return;  // string -> bytes is safe
    std::string extra = "See https://developers.google.com/protocol-buffers/docs/proto3#updating for wire compatibility rules.";
    if (o->type() == FD::TYPE_BYTES && n->type() == FD::TYPE_STRING)
      extra += " Note that while string and bytes are compatible if the data is valid UTF-8, there is no way to enforce "
               "that a bytes field is UTF-8, so these fields may be incompatible.";
    return report_kind_changed(c, o, n, extra);
  }
  if (n->type() == FD::TYPE_ENUM && o->type() == FD::TYPE_ENUM && type_name_of(o) != type_name_of(n))
    return check_enum_swap(c, o, n);
  if ((n->type() == FD::TYPE_MESSAGE || n->type() == FD::TYPE_GROUP) && type_name_of(o) != type_name_of(n))
    report_type_name_changed(c, o, n);
}

void field_wire_json_compatible_type(const Ctx& c, const FD* o, const FD* n) {
  if (wire_json_group(o->type()) != wire_json_group(n->type()))
    return report_kind_changed(c, o, n,
                               "See https://developers.google.com/protocol-buffers/docs/proto3#updating for wire "
                               "compatibility rules and https://developers.google.com/protocol-buffers/docs/proto3#json "
                               "for JSON compatibility rules.");
  if (n->type() == FD::TYPE_ENUM && type_name_of(o) != type_name_of(n)) return check_enum_swap(c, o, n);
  if ((n->type() == FD::TYPE_MESSAGE || n->type() == FD::TYPE_GROUP) && type_name_of(o) != type_name_of(n))
    report_type_name_changed(c, o, n);
}

template <int (*kGroup)(Cardinality)>
void cardinality_rule(const Ctx& c, const FD* o, const FD* n) {
  if (is_map_entry_field(o) && is_map_entry_field(n)) return;  // generated; presence there means nothing
  Cardinality before = cardinality_of(o), after = cardinality_of(n);
  if (kGroup(before) == kGroup(after)) return;
  c.report({{"field", field_description(n)}, {"old", cardinality_name(before)}, {"new", cardinality_name(after)}},
           loc_of(n), loc_of(o));
}

int identity_group(Cardinality c) { return static_cast<int>(c); }

void field_same_cpp_string_type(const Ctx& c, const FD* o, const FD* n) {
  if (is_map_entry_field(o) && is_map_entry_field(n)) return;
  auto stringish = [](const FD* f) { return f->type() == FD::TYPE_STRING || f->type() == FD::TYPE_BYTES; };
  if (!stringish(o) || !stringish(n)) return;
  std::string before = cpp_string_type(o), after = cpp_string_type(n);
  if (before == after || (before == "STRING_PIECE" && after == "STRING")) return;
  c.report({{"field", field_description(n)}, {"old", before}, {"new", after}},
           field_part(n, {tag::kFieldOptions, tag::kFieldOptionCtype}),
           field_part(o, {tag::kFieldOptions, tag::kFieldOptionCtype}));
}

void field_same_java_utf8_validation(const Ctx& c, const FD* o, const FD* n) {
  if (o->type() != FD::TYPE_STRING || n->type() != FD::TYPE_STRING) return;
  std::string before = java_utf8_validation(o), after = java_utf8_validation(n);
  if (before == after) return;
  auto where = [](const FD* f) {
    Loc l = loc_of(f->file()).sub({tag::kFileOptions, tag::kFileOptionJavaUtf8});
    return has_position(l) ? l : loc_of(f);
  };
  c.report({{"field", field_description(n)}, {"old", before}, {"new", after}}, where(n), where(o));
}

void field_same_utf8_validation(const Ctx& c, const FD* o, const FD* n) {
  if (o->type() != FD::TYPE_STRING || n->type() != FD::TYPE_STRING) return;
  std::string before = utf8_validation(o), after = utf8_validation(n);
  if (before != after) c.report({{"field", field_description(n)}, {"old", before}, {"new", after}}, loc_of(n), loc_of(o));
}

void field_same_jstype(const Ctx& c, const FD* o, const FD* n) {
  if (!is_64bit_integer(o->type()) || !is_64bit_integer(n->type())) return;
  if (o->options().jstype() == n->options().jstype()) return;
  c.report({{"field", field_description(n)},
            {"old", pb::FieldOptions::JSType_Name(o->options().jstype())},
            {"new", pb::FieldOptions::JSType_Name(n->options().jstype())}},
           field_part(n, {tag::kFieldOptions, tag::kFieldOptionJstype}),
           field_part(o, {tag::kFieldOptions, tag::kFieldOptionJstype}));
}

void field_same_json_name(const Ctx& c, const FD* o, const FD* n) {
  if (o->is_extension() || o->json_name() == n->json_name()) return;
  c.report({{"field", field_description(n)}, {"old", o->json_name()}, {"new", n->json_name()}},
           field_part(n, {tag::kFieldJsonName}), field_part(o, {tag::kFieldJsonName}));
}

void field_same_name(const Ctx& c, const FD* o, const FD* n) {
  const std::string& before = o->is_extension() ? o->full_name() : o->name();
  const std::string& after = n->is_extension() ? n->full_name() : n->name();
  if (before == after) return;
  c.report({{"field", field_description(n, false)}, {"old", before}, {"new", after}}, field_part(n, {tag::kFieldName}),
           field_part(o, {tag::kFieldName}));
}

void field_same_default(const Ctx& c, const FD* o, const FD* n) {
  DefaultValue before = default_of(o), after = default_of(n);
  if (!before.can_have || !after.can_have || (before.is_zero && after.is_zero)) return;
  if (before.comparable == after.comparable) return;
  c.report({{"field", field_description(n)}, {"old", before.printable}, {"new", after.printable}},
           field_part(n, {tag::kFieldDefault}), field_part(o, {tag::kFieldDefault}));
}

void field_same_oneof(const Ctx& c, const FD* o, const FD* n) {
  if (o->is_extension()) return;
  const pb::OneofDescriptor* before = o->real_containing_oneof();
  const pb::OneofDescriptor* after = n->real_containing_oneof();
  if (!before && !after) return;
  std::string change;
  if (before && after) {
    if (before->name() == after->name()) return;
    change = "from oneof " + quoted(before->name()) + " to oneof " + quoted(after->name());
  } else {
    change = before ? "from inside to outside a oneof" : "from outside to inside a oneof";
  }
  c.report({{"field", field_description(n)}, {"change", change}}, loc_of(n), loc_of(o));
}

const Rule kRules[] = {
    {{"proto.field-same-type", F, E, "CSR,FILE,PACKAGE",
      "Fields keep their type.",
      "{field} changed type from \"{old}\" to \"{new}\".{extra}"},
     {.field = field_same_type}},
    {{"proto.field-wire-compatible-type", F, E, "WIRE",
      "Fields keep a wire-compatible type.",
      "{field} changed type from \"{old}\" to \"{new}\".{extra}"},
     {.field = field_wire_compatible_type}},
    {{"proto.field-wire-json-compatible-type", F, E, "CSR,WIRE_JSON",
      "Fields keep a wire- and JSON-compatible type.",
      "{field} changed type from \"{old}\" to \"{new}\".{extra}"},
     {.field = field_wire_json_compatible_type}},
    {{"proto.field-same-cardinality", F, E, "FILE,PACKAGE",
      "Fields keep their cardinality and presence.",
      "{field} changed cardinality from \"{old}\" to \"{new}\"."},
     {.field = cardinality_rule<identity_group>}},
    {{"proto.field-wire-compatible-cardinality", F, E, "WIRE",
      "Fields keep a wire-compatible cardinality.",
      "{field} changed cardinality from \"{old}\" to \"{new}\"."},
     {.field = cardinality_rule<wire_group>}},
    {{"proto.field-wire-json-compatible-cardinality", F, E, "CSR,WIRE_JSON",
      "Fields keep a wire- and JSON-compatible cardinality.",
      "{field} changed cardinality from \"{old}\" to \"{new}\"."},
     {.field = cardinality_rule<wire_json_group>}},
    {{"proto.field-same-cpp-string-type", F, E, "FILE,PACKAGE",
      "Fields keep their C++ string type (ctype).",
      "{field} changed C++ string type from \"{old}\" to \"{new}\"."},
     {.field = field_same_cpp_string_type}},
    {{"proto.field-same-java-utf8-validation", F, E, "FILE,PACKAGE",
      "String fields keep their Java UTF-8 validation.",
      "{field} changed Java string UTF8 validation from \"{old}\" to \"{new}\"."},
     {.field = field_same_java_utf8_validation}},
    {{"proto.field-same-utf8-validation", F, E, "FILE,PACKAGE",
      "String fields keep their UTF-8 validation.",
      "{field} changed UTF8 validation from {old} to {new}."},
     {.field = field_same_utf8_validation}},
    {{"proto.field-same-jstype", F, E, "FILE,PACKAGE",
      "64-bit fields keep their jstype.",
      "{field} changed option \"jstype\" from \"{old}\" to \"{new}\"."},
     {.field = field_same_jstype}},
    {{"proto.field-same-json-name", F, E, "CSR,FILE,PACKAGE,WIRE_JSON",
      "Fields keep their JSON name.",
      "{field} changed option \"json_name\" from \"{old}\" to \"{new}\"."},
     {.field = field_same_json_name}},
    {{"proto.field-same-name", F, E, "CSR,FILE,PACKAGE,WIRE_JSON",
      "Fields keep their names.",
      "{field} changed name from \"{old}\" to \"{new}\"."},
     {.field = field_same_name}},
    {{"proto.field-same-default", F, E, "CSR,FILE,PACKAGE,WIRE_JSON,WIRE",
      "Fields keep their default value.",
      "{field} changed default value from {old} to {new}."},
     {.field = field_same_default}},
    {{"proto.field-same-oneof", F, E, "CSR,FILE,PACKAGE,WIRE_JSON,WIRE",
      "Fields stay in (or out of) the same oneof.",
      "{field} moved {change}."},
     {.field = field_same_oneof}},
};

}  // namespace

std::span<const Rule> field_rules() { return kRules; }

}  // namespace accord::diff::proto
