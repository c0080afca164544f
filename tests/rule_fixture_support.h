// Helpers shared by the rule-fixture tests of every format (proto, avro,
// graphql): how a finding's place is written in an `expected` file, and how
// that file is read.
#pragma once

#include <fstream>
#include <optional>
#include <string>
#include <vector>

#include "diff/model/finding.h"

namespace accord::test {

// "file:line:col" relative to `prefix` (the fixture folder), or "-" for no place.
inline std::string where(const std::optional<diff::Place>& p, const std::string& prefix) {
  if (!p) return "-";
  std::string file = p->file.rfind(prefix, 0) == 0 ? p->file.substr(prefix.size()) : p->file;
  if (!p->line) return file;
  // Appended piece by piece: GCC 12 at -O3 misreads `file += ":" + ...` as an
  // overflowing memcpy (-Wstringop-overflow false positive).
  file.append(1, ':').append(std::to_string(p->line)).append(1, ':').append(std::to_string(p->column));
  return file;
}

// The file's non-empty lines.
inline std::vector<std::string> read_lines(const std::string& path) {
  std::ifstream in(path);
  std::vector<std::string> out;
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) out.push_back(line);
  return out;
}

}  // namespace accord::test
