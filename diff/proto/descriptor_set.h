// What a binary FileDescriptorSet says about its own files: which are
// imports (buf images mark them, protoc --include_imports does not) and
// whether any is an editions file this protobuf cannot build (and where a
// source file declares its edition).
#pragma once

#include <google/protobuf/descriptor.pb.h>

#include <string>
#include <vector>

#include "core/expected.h"

namespace accord::diff::proto {

namespace pb = google::protobuf;

enum class SetFileRole {
  compared,         // a file of the contract
  import,           // marked as an import by buf, or a well-known type
  dependency_only,  // unmarked, imported by another file of the set: an import unless the other version names it
};

// One role per file of the set, in the set's order.
std::vector<SetFileRole> classify_set_files(const pb::FileDescriptorSet& set);

// Where a source file (its text) declares `edition = "...";` (1-based), if it does.
bool edition_declaration(const std::string& text, int& line_number, int& column);

// The wording every editions error shares: which protobuf this build links.
std::string editions_unsupported();

// An error naming the first editions file of the set (with the position of
// its `edition` line when the set carries source info); ok when none is.
core::Status reject_editions(const pb::FileDescriptorSet& set, const std::string& set_path);

}  // namespace accord::diff::proto
