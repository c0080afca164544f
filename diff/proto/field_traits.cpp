#include "diff/proto/field_traits.h"

#include <google/protobuf/descriptor.pb.h>

#include <cstdio>

namespace accord::diff::proto {

Cardinality cardinality_of(const pb::FieldDescriptor* f) {
  if (f->is_map()) return Cardinality::map;
  if (f->is_repeated()) return Cardinality::repeated;
  if (f->is_required()) return Cardinality::required;
  return f->has_presence() ? Cardinality::optional_explicit : Cardinality::optional_implicit;
}

std::string cardinality_name(Cardinality c) {
  switch (c) {
    case Cardinality::optional_explicit: return "optional with explicit presence";
    case Cardinality::optional_implicit: return "optional with implicit presence";
    case Cardinality::required: return "required";
    case Cardinality::repeated: return "repeated";
    case Cardinality::map: return "map";
  }
  return "unknown";
}

int wire_group(Cardinality c) {
  switch (c) {
    case Cardinality::optional_explicit:
    case Cardinality::optional_implicit: return 1;
    case Cardinality::required: return 2;
    default: return 3;
  }
}

int wire_json_group(Cardinality c) { return c == Cardinality::map ? 4 : wire_group(c); }

int wire_group(pb::FieldDescriptor::Type t) {
  using F = pb::FieldDescriptor;
  switch (t) {
    case F::TYPE_INT32: case F::TYPE_INT64: case F::TYPE_UINT32: case F::TYPE_UINT64: case F::TYPE_BOOL: return 1;
    case F::TYPE_SINT32: case F::TYPE_SINT64: return 2;
    case F::TYPE_STRING: return 3;
    case F::TYPE_BYTES: return 4;
    case F::TYPE_FIXED32: case F::TYPE_SFIXED32: return 5;
    case F::TYPE_FIXED64: case F::TYPE_SFIXED64: return 6;
    case F::TYPE_DOUBLE: return 7;
    case F::TYPE_FLOAT: return 8;
    case F::TYPE_GROUP: return 9;
    case F::TYPE_MESSAGE: return 10;
    case F::TYPE_ENUM: return 11;
  }
  return 0;
}

int wire_json_group(pb::FieldDescriptor::Type t) {
  using F = pb::FieldDescriptor;
  switch (t) {
    case F::TYPE_INT32: case F::TYPE_UINT32: return 1;
    case F::TYPE_INT64: case F::TYPE_UINT64: return 2;
    case F::TYPE_FIXED32: case F::TYPE_SFIXED32: return 3;
    case F::TYPE_FIXED64: case F::TYPE_SFIXED64: return 4;
    case F::TYPE_BOOL: return 5;
    case F::TYPE_SINT32: return 6;
    case F::TYPE_SINT64: return 7;
    case F::TYPE_STRING: return 8;
    case F::TYPE_BYTES: return 9;
    case F::TYPE_DOUBLE: return 10;
    case F::TYPE_FLOAT: return 11;
    case F::TYPE_GROUP: return 12;
    case F::TYPE_MESSAGE: return 13;
    case F::TYPE_ENUM: return 14;
  }
  return 0;
}

const char* kind_name(pb::FieldDescriptor::Type t) { return pb::FieldDescriptor::TypeName(t); }

bool is_64bit_integer(pb::FieldDescriptor::Type t) {
  using F = pb::FieldDescriptor;
  return t == F::TYPE_INT64 || t == F::TYPE_SINT64 || t == F::TYPE_UINT64 || t == F::TYPE_FIXED64 ||
         t == F::TYPE_SFIXED64;
}

bool is_map_entry_field(const pb::FieldDescriptor* f) {
  return !f->is_extension() && f->containing_type()->options().map_entry();
}

std::string type_name_of(const pb::FieldDescriptor* f) {
  if (f->message_type()) return f->message_type()->full_name();
  if (f->enum_type()) return f->enum_type()->full_name();
  return {};
}

namespace {
std::string number_text(double d) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.17g", d);
  return buf;
}
}  // namespace

DefaultValue default_of(const pb::FieldDescriptor* f) {
  DefaultValue d;
  using F = pb::FieldDescriptor;
  if (f->is_repeated() || f->type() == F::TYPE_MESSAGE || f->type() == F::TYPE_GROUP) return d;
  if (f->file()->syntax() != pb::FileDescriptor::SYNTAX_PROTO2) return d;
  d.can_have = true;
  switch (f->cpp_type()) {
    case F::CPPTYPE_INT32: d.printable = std::to_string(f->default_value_int32()); d.is_zero = f->default_value_int32() == 0; break;
    case F::CPPTYPE_INT64: d.printable = std::to_string(f->default_value_int64()); d.is_zero = f->default_value_int64() == 0; break;
    case F::CPPTYPE_UINT32: d.printable = std::to_string(f->default_value_uint32()); d.is_zero = f->default_value_uint32() == 0; break;
    case F::CPPTYPE_UINT64: d.printable = std::to_string(f->default_value_uint64()); d.is_zero = f->default_value_uint64() == 0; break;
    case F::CPPTYPE_DOUBLE: d.printable = number_text(f->default_value_double()); d.is_zero = f->default_value_double() == 0; break;
    case F::CPPTYPE_FLOAT: d.printable = number_text(f->default_value_float()); d.is_zero = f->default_value_float() == 0; break;
    case F::CPPTYPE_BOOL: d.printable = f->default_value_bool() ? "true" : "false"; d.is_zero = !f->default_value_bool(); break;
    case F::CPPTYPE_ENUM:
      d.printable = f->default_value_enum()->name();
      d.is_zero = f->default_value_enum()->number() == 0;
      d.comparable = "enum:" + std::to_string(f->default_value_enum()->number());
      return d;
    case F::CPPTYPE_STRING:
      d.printable = "\"" + f->default_value_string() + "\"";
      d.is_zero = f->default_value_string().empty();
      d.comparable = (f->type() == F::TYPE_BYTES ? "bytes:" : "string:") + f->default_value_string();
      return d;
    default: break;
  }
  d.comparable = (f->cpp_type() == F::CPPTYPE_BOOL ? "bool:" : "number:") + d.printable;
  return d;
}

const char* utf8_validation(const pb::FieldDescriptor* f) {
  return f->file()->syntax() == pb::FileDescriptor::SYNTAX_PROTO3 ? "VERIFY" : "NONE";
}

const char* java_utf8_validation(const pb::FieldDescriptor* f) {
  return f->file()->options().java_string_check_utf8() ? "VERIFY" : utf8_validation(f);
}

const char* cpp_string_type(const pb::FieldDescriptor* f) {
  switch (f->options().ctype()) {
    case pb::FieldOptions::CORD: return "CORD";
    case pb::FieldOptions::STRING_PIECE: return "STRING_PIECE";
    default: return "STRING";
  }
}

}  // namespace accord::diff::proto
