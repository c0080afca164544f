// Source positions of descriptors and their parts, through SourceCodeInfo
// paths (descriptor.proto field numbers), so a finding can point at the exact
// token buf points at: a field's type, an option, an RPC's request type.
#pragma once

#include <google/protobuf/descriptor.h>

#include <string>
#include <vector>

namespace accord::diff::proto {

namespace pb = google::protobuf;

// A place inside one file of one version: the SourceCodeInfo path, or the
// whole file when `path` is empty and `file_only` is set.
struct Loc {
  const pb::FileDescriptor* file = nullptr;
  std::vector<int> path;
  std::string name;  // proto full name, for Place.pointer

  bool valid() const { return file != nullptr; }
  Loc sub(std::initializer_list<int> more) const;  // a part of this element (an option, the type ...)
};

// descriptor.proto field numbers used in paths.
namespace tag {
inline constexpr int kFilePackage = 2, kFileMessage = 4, kFileEnum = 5, kFileService = 6, kFileExtension = 7,
                     kFileOptions = 8, kFileSyntax = 12;
inline constexpr int kMessageField = 2, kMessageNested = 3, kMessageEnum = 4, kMessageExtension = 6,
                     kMessageOptions = 7, kMessageOneof = 8;
inline constexpr int kFieldName = 1, kFieldType = 5, kFieldTypeName = 6, kFieldDefault = 7, kFieldOptions = 8,
                     kFieldJsonName = 10;
inline constexpr int kEnumValue = 2, kEnumValueNumber = 2;
inline constexpr int kServiceMethod = 2;
inline constexpr int kMethodInput = 2, kMethodOutput = 3, kMethodOptions = 4;
inline constexpr int kFieldOptionCtype = 1, kFieldOptionJstype = 6;
inline constexpr int kMessageOptionMessageSet = 1, kMessageOptionNoAccessor = 2;
inline constexpr int kMethodOptionIdempotency = 34;
inline constexpr int kFileOptionJavaUtf8 = 27;
}  // namespace tag

Loc loc_of(const pb::FileDescriptor* file);  // the whole file (no line)
Loc loc_of(const pb::Descriptor* message);
Loc loc_of(const pb::FieldDescriptor* field);
Loc loc_of(const pb::OneofDescriptor* oneof);
Loc loc_of(const pb::EnumDescriptor* e);
Loc loc_of(const pb::EnumValueDescriptor* v);
Loc loc_of(const pb::ServiceDescriptor* s);
Loc loc_of(const pb::MethodDescriptor* m);

// 1-based line and column of the path's span; false when the source has none
// (descriptor sets without SourceCodeInfo, map entries, unset options).
bool position_of(const Loc& loc, uint32_t& line, uint32_t& column);
bool has_position(const Loc& loc);

// The first location that exists in the source, like buf's backup locations.
Loc first_present(std::initializer_list<Loc> candidates);

}  // namespace accord::diff::proto
