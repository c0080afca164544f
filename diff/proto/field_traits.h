// What a field is, in the terms buf's field rules compare: cardinality,
// wire and wire+JSON compatibility groups, default values, string settings.
#pragma once

#include <google/protobuf/descriptor.h>

#include <string>

namespace accord::diff::proto {

namespace pb = google::protobuf;

enum class Cardinality { optional_explicit, optional_implicit, required, repeated, map };
Cardinality cardinality_of(const pb::FieldDescriptor* f);
std::string cardinality_name(Cardinality c);
int wire_group(Cardinality c);       // optional kinds together; repeated with map
int wire_json_group(Cardinality c);  // as wire, but map and repeated differ in JSON

// Kinds that share an encoding (protobuf's "updating" guide).
int wire_group(pb::FieldDescriptor::Type t);
int wire_json_group(pb::FieldDescriptor::Type t);
const char* kind_name(pb::FieldDescriptor::Type t);  // "int32", "message", "group" ...
bool is_64bit_integer(pb::FieldDescriptor::Type t);
bool is_map_entry_field(const pb::FieldDescriptor* f);
// The full name of the referenced message or enum, "" for scalars.
std::string type_name_of(const pb::FieldDescriptor* f);

// The default a reader sees (explicit or zero), printable and comparable.
struct DefaultValue {
  bool can_have = false;  // singular scalar in a proto2 file
  bool is_zero = true;
  std::string printable;
  std::string comparable;  // normalised so int32 5 equals int64 5
};
DefaultValue default_of(const pb::FieldDescriptor* f);

// "VERIFY" / "NONE": proto3 strings are checked, proto2 strings are not.
const char* utf8_validation(const pb::FieldDescriptor* f);
const char* java_utf8_validation(const pb::FieldDescriptor* f);
// C++ string representation: "STRING", "CORD" or "STRING_PIECE".
const char* cpp_string_type(const pb::FieldDescriptor* f);

}  // namespace accord::diff::proto
