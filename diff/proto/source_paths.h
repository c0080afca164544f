// How a source input's files are named, as protoc names them: relative to
// the -I root the input lies in, else to the input's own directory.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace accord::diff::proto {

// A single file: {the root it is named from, its proto path}.
std::pair<std::string, std::string> split_single_file(const std::string& path, const std::vector<std::string>& includes);

// The -I root a target directory lies in, if any.
std::optional<std::string> include_root_of(const std::string& dir, const std::vector<std::string>& includes);

}  // namespace accord::diff::proto
