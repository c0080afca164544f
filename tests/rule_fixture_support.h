// Helpers shared by the rule-fixture tests of every format (proto, avro,
// graphql, openapi, asyncapi): how a finding's place is written in an
// `expected` file, and how expected findings are read.
#pragma once

#include <algorithm>
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

// Expected findings carried by a YAML fixture's new version itself (as
// clang-tidy's tests carry theirs), so a rule's fixture is two files:
// `# expect: <rule-id> <old line:col> <new line:col>` lines, sorted, with
// `# expect: none` for a pair that must give nothing. An empty result means
// the fixture states no expectation at all, which the tests reject.
inline std::vector<std::string> expected_in(const std::string& new_version) {
  static const std::string kMarker = "# expect: ";
  std::ifstream in(new_version);
  std::vector<std::string> out;
  for (std::string line; std::getline(in, line);) {
    while (!line.empty() && (line.back() == ' ' || line.back() == '\r')) line.pop_back();
    if (line.rfind(kMarker, 0) == 0) out.push_back(line.substr(kMarker.size()));
  }
  std::sort(out.begin(), out.end());
  return out;
}

// What `expected_in` says the comparison must give: "none" stands for no finding.
inline std::vector<std::string> without_none(std::vector<std::string> lines) {
  if (lines == std::vector<std::string>{"none"}) lines.clear();
  return lines;
}

}  // namespace accord::test
