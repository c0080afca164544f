// Field-level rules over matched fields (same message and number, or same
// extendee and number): type, cardinality, name, JSON name, oneof,
// default and string settings.
#include <google/protobuf/descriptor.pb.h>

#include "diff/proto/field_traits.h"
#include "diff/proto/rules.h"

namespace accord::diff::proto {

namespace {

using F = pb::FieldDescriptor;

Loc field_part(const F* f, std::initializer_list<int> part) {
  Loc l = loc_of(f).sub(part);
  return has_position(l) ? l : loc_of(f);
}

bool is_named_type(F::Type t) { return t == F::TYPE_MESSAGE || t == F::TYPE_ENUM || t == F::TYPE_GROUP; }

// The type token buf points at: the type name for messages and enums, the keyword for scalars.
Loc type_loc(const F* f) { return field_part(f, {is_named_type(f->type()) ? tag::kFieldTypeName : tag::kFieldType}); }

void report_type(const Ctx& c, const F* o, const F* n, std::string before, std::string after, std::string extra = {}) {
  c.report({{"field", field_description(n)}, {"old", std::move(before)}, {"new", std::move(after)},
            {"extra", extra.empty() ? "" : " " + extra}},
           type_loc(n), type_loc(o));
}

void report_kind_changed(const Ctx& c, const F* o, const F* n, std::string extra = {}) {
  report_type(c, o, n, kind_name(o->type()), kind_name(n->type()), std::move(extra));
}

void report_type_name_changed(const Ctx& c, const F* o, const F* n) {
  report_type(c, o, n, type_name_of(o), type_name_of(n));
}

void field_same_type(const Ctx& c, const F* o, const F* n) {
  if (o->type() != n->type()) return report_kind_changed(c, o, n);
  if (is_named_type(n->type()) && type_name_of(o) != type_name_of(n)) report_type_name_changed(c, o, n);
}

// An enum may be swapped for one with the same short name that keeps every old value.
void check_enum_swap(const Ctx& c, const F* o, const F* n) {
  const pb::EnumDescriptor* before = o->enum_type();
  const pb::EnumDescriptor* after = n->enum_type();
  bool same = before->name() == after->name();
  for (int i = 0; same && i < before->value_count(); ++i) {
    const pb::EnumValueDescriptor* v = after->FindValueByName(before->value(i)->name());
    same = v && v->number() == before->value(i)->number();
  }
  if (!same) report_type_name_changed(c, o, n);
}

void field_wire_compatible_type(const Ctx& c, const F* o, const F* n) {
  if (wire_group(o->type()) != wire_group(n->type())) {
    if (o->type() == F::TYPE_STRING && n->type() == F::TYPE_BYTES) return;  // string -> bytes is safe
    std::string extra = "See https://developers.google.com/protocol-buffers/docs/proto3#updating for wire compatibility rules.";
    if (o->type() == F::TYPE_BYTES && n->type() == F::TYPE_STRING)
      extra += " Note that while string and bytes are compatible if the data is valid UTF-8, there is no way to enforce "
               "that a bytes field is UTF-8, so these fields may be incompatible.";
    return report_kind_changed(c, o, n, extra);
  }
  if (n->type() == F::TYPE_ENUM && o->type() == F::TYPE_ENUM && type_name_of(o) != type_name_of(n))
    return check_enum_swap(c, o, n);
  if ((n->type() == F::TYPE_MESSAGE || n->type() == F::TYPE_GROUP) && type_name_of(o) != type_name_of(n))
    report_type_name_changed(c, o, n);
}

void field_wire_json_compatible_type(const Ctx& c, const F* o, const F* n) {
  if (wire_json_group(o->type()) != wire_json_group(n->type()))
    return report_kind_changed(c, o, n,
                               "See https://developers.google.com/protocol-buffers/docs/proto3#updating for wire "
                               "compatibility rules and https://developers.google.com/protocol-buffers/docs/proto3#json "
                               "for JSON compatibility rules.");
  if (n->type() == F::TYPE_ENUM && type_name_of(o) != type_name_of(n)) return check_enum_swap(c, o, n);
  if ((n->type() == F::TYPE_MESSAGE || n->type() == F::TYPE_GROUP) && type_name_of(o) != type_name_of(n))
    report_type_name_changed(c, o, n);
}

template <int (*kGroup)(Cardinality)>
void cardinality_rule(const Ctx& c, const F* o, const F* n) {
  if (is_map_entry_field(o) && is_map_entry_field(n)) return;  // generated; presence there means nothing
  Cardinality before = cardinality_of(o), after = cardinality_of(n);
  if (kGroup(before) == kGroup(after)) return;
  c.report({{"field", field_description(n)}, {"old", cardinality_name(before)}, {"new", cardinality_name(after)}},
           loc_of(n), loc_of(o));
}

int identity_group(Cardinality c) { return static_cast<int>(c); }

void field_same_cpp_string_type(const Ctx& c, const F* o, const F* n) {
  if (is_map_entry_field(o) && is_map_entry_field(n)) return;
  auto stringish = [](const F* f) { return f->type() == F::TYPE_STRING || f->type() == F::TYPE_BYTES; };
  if (!stringish(o) || !stringish(n)) return;
  std::string before = cpp_string_type(o), after = cpp_string_type(n);
  if (before == after || (before == "STRING_PIECE" && after == "STRING")) return;
  c.report({{"field", field_description(n)}, {"old", before}, {"new", after}},
           field_part(n, {tag::kFieldOptions, tag::kFieldOptionCtype}),
           field_part(o, {tag::kFieldOptions, tag::kFieldOptionCtype}));
}

void field_same_java_utf8_validation(const Ctx& c, const F* o, const F* n) {
  if (o->type() != F::TYPE_STRING || n->type() != F::TYPE_STRING) return;
  std::string before = java_utf8_validation(o), after = java_utf8_validation(n);
  if (before == after) return;
  auto where = [](const F* f) {
    Loc l = loc_of(f->file()).sub({tag::kFileOptions, tag::kFileOptionJavaUtf8});
    return has_position(l) ? l : loc_of(f);
  };
  c.report({{"field", field_description(n)}, {"old", before}, {"new", after}}, where(n), where(o));
}

void field_same_utf8_validation(const Ctx& c, const F* o, const F* n) {
  if (o->type() != F::TYPE_STRING || n->type() != F::TYPE_STRING) return;
  std::string before = utf8_validation(o), after = utf8_validation(n);
  if (before != after) c.report({{"field", field_description(n)}, {"old", before}, {"new", after}}, loc_of(n), loc_of(o));
}

void field_same_jstype(const Ctx& c, const F* o, const F* n) {
  if (!is_64bit_integer(o->type()) || !is_64bit_integer(n->type())) return;
  if (o->options().jstype() == n->options().jstype()) return;
  c.report({{"field", field_description(n)},
            {"old", pb::FieldOptions::JSType_Name(o->options().jstype())},
            {"new", pb::FieldOptions::JSType_Name(n->options().jstype())}},
           field_part(n, {tag::kFieldOptions, tag::kFieldOptionJstype}),
           field_part(o, {tag::kFieldOptions, tag::kFieldOptionJstype}));
}

void field_same_json_name(const Ctx& c, const F* o, const F* n) {
  if (o->is_extension() || o->json_name() == n->json_name()) return;
  c.report({{"field", field_description(n)}, {"old", o->json_name()}, {"new", n->json_name()}},
           field_part(n, {tag::kFieldJsonName}), field_part(o, {tag::kFieldJsonName}));
}

void field_same_name(const Ctx& c, const F* o, const F* n) {
  const std::string& before = o->is_extension() ? o->full_name() : o->name();
  const std::string& after = n->is_extension() ? n->full_name() : n->name();
  if (before == after) return;
  c.report({{"field", field_description(n, false)}, {"old", before}, {"new", after}}, field_part(n, {tag::kFieldName}),
           field_part(o, {tag::kFieldName}));
}

void field_same_default(const Ctx& c, const F* o, const F* n) {
  DefaultValue before = default_of(o), after = default_of(n);
  if (!before.can_have || !after.can_have || (before.is_zero && after.is_zero)) return;
  if (before.comparable == after.comparable) return;
  c.report({{"field", field_description(n)}, {"old", before.printable}, {"new", after.printable}},
           field_part(n, {tag::kFieldDefault}), field_part(o, {tag::kFieldDefault}));
}

void field_same_oneof(const Ctx& c, const F* o, const F* n) {
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

const RuleHandler kHandlers[] = {
    {.id = "proto.field-same-type", .field = field_same_type},
    {.id = "proto.field-wire-compatible-type", .field = field_wire_compatible_type},
    {.id = "proto.field-wire-json-compatible-type", .field = field_wire_json_compatible_type},
    {.id = "proto.field-same-cardinality", .field = cardinality_rule<identity_group>},
    {.id = "proto.field-wire-compatible-cardinality", .field = cardinality_rule<wire_group>},
    {.id = "proto.field-wire-json-compatible-cardinality", .field = cardinality_rule<wire_json_group>},
    {.id = "proto.field-same-cpp-string-type", .field = field_same_cpp_string_type},
    {.id = "proto.field-same-java-utf8-validation", .field = field_same_java_utf8_validation},
    {.id = "proto.field-same-utf8-validation", .field = field_same_utf8_validation},
    {.id = "proto.field-same-jstype", .field = field_same_jstype},
    {.id = "proto.field-same-json-name", .field = field_same_json_name},
    {.id = "proto.field-same-name", .field = field_same_name},
    {.id = "proto.field-same-default", .field = field_same_default},
    {.id = "proto.field-same-oneof", .field = field_same_oneof},
};

}  // namespace

std::span<const RuleHandler> field_rule_handlers() { return kHandlers; }

}  // namespace accord::diff::proto
