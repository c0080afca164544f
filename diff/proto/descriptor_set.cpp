#include "diff/proto/descriptor_set.h"

#include <google/protobuf/descriptor.h>
#include <google/protobuf/stubs/common.h>
#include <google/protobuf/unknown_field_set.h>

#include <fstream>
#include <sstream>
#include <optional>
#include <unordered_set>

namespace accord::diff::proto {

namespace {

// buf.alpha.image.v1: an image file is a FileDescriptorProto with an
// ImageFileExtension in field 8042, whose field 1 is `is_import`. Read as a
// plain FileDescriptorSet, both are unknown fields.
constexpr int kBufImageExtension = 8042;
constexpr int kBufIsImport = 1;

// True/false when buf marked the file, nothing when no mark is there.
std::optional<bool> buf_import_mark(const pb::FileDescriptorProto& file) {
  const pb::UnknownFieldSet& unknown = file.GetReflection()->GetUnknownFields(file);
  for (int i = 0; i < unknown.field_count(); ++i) {
    const pb::UnknownField& field = unknown.field(i);
    if (field.number() != kBufImageExtension || field.type() != pb::UnknownField::TYPE_LENGTH_DELIMITED) continue;
    pb::UnknownFieldSet extension;
    if (!extension.ParseFromString(field.length_delimited())) return std::nullopt;
    for (int j = 0; j < extension.field_count(); ++j)
      if (extension.field(j).number() == kBufIsImport && extension.field(j).type() == pb::UnknownField::TYPE_VARINT)
        return extension.field(j).varint() != 0;
    return false;  // an extension without is_import: buf leaves false unset
  }
  return std::nullopt;
}

// google/protobuf/timestamp.proto and friends: linked into this program.
bool is_well_known_type(const std::string& name) {
  return name.rfind("google/protobuf/", 0) == 0 && pb::DescriptorPool::generated_pool()->FindFileByName(name);
}

// The `edition` declaration's position (FileDescriptorProto.edition is field 14, syntax 12).
bool edition_position(const pb::FileDescriptorProto& file, int& line, int& column) {
  for (const auto& location : file.source_code_info().location())
    if (location.path_size() == 1 && (location.path(0) == 14 || location.path(0) == 12) && location.span_size() >= 2) {
      line = location.span(0) + 1;
      column = location.span(1) + 1;
      return true;
    }
  return false;
}

}  // namespace

std::vector<SetFileRole> classify_set_files(const pb::FileDescriptorSet& set) {
  std::vector<SetFileRole> roles(set.file_size(), SetFileRole::compared);
  bool marked = false;
  for (int i = 0; i < set.file_size(); ++i)
    if (std::optional<bool> mark = buf_import_mark(set.file(i))) {
      marked = true;
      if (*mark) roles[i] = SetFileRole::import;
    }
  if (marked) return roles;  // a buf image says itself which files are imports
  std::unordered_set<std::string> imported;
  for (const pb::FileDescriptorProto& f : set.file())
    for (const std::string& dependency : f.dependency()) imported.insert(dependency);
  for (int i = 0; i < set.file_size(); ++i) {
    const std::string& name = set.file(i).name();
    if (is_well_known_type(name)) roles[i] = SetFileRole::import;
    else if (imported.count(name)) roles[i] = SetFileRole::dependency_only;
  }
  return roles;
}

// Where a source file declares `edition = "...";` (1-based), if it does:
// protobuf 3.21's parser only says it expected "syntax".
bool edition_declaration(const std::string& text, int& line_number, int& column) {
  std::istringstream in(text);
  std::string line;
  for (int i = 0; i < 200 && std::getline(in, line); ++i) {
    size_t p = line.find_first_not_of(" \t");
    if (p != std::string::npos && line.compare(p, 7, "edition") == 0) {
      line_number = i + 1;
      column = static_cast<int>(p) + 1;
      return true;
    }
  }
  return false;
}

std::string editions_unsupported() {
  return "this file uses protobuf editions (`edition = ...;`): this protobuf (Debian's libprotobuf version " +
         pb::internal::VersionString(GOOGLE_PROTOBUF_VERSION) + ") cannot parse editions";
}

core::Status reject_editions(const pb::FileDescriptorSet& set, const std::string& set_path) {
  for (const pb::FileDescriptorProto& f : set.file()) {
    if (f.syntax() != "editions") continue;
    int line = 0, column = 0;
    edition_position(f, line, column);
    return core::make_error(editions_unsupported() + " (in descriptor set " + set_path + ")", f.name(),
                            static_cast<uint32_t>(line), static_cast<uint32_t>(column));
  }
  return core::ok_status();
}

}  // namespace accord::diff::proto
