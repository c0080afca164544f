// Test helper shared by the JSON Schema and AsyncAPI fixture tests: runs the
// engine on a fixture directory (old.yaml, new.yaml, optional accord.yaml)
// and renders each finding as `<rule> <old line:col|-> <new line:col|->`.
#pragma once

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "diff/config/config.h"
#include "diff/engine.h"
#include "diff/jsonschema/mode.h"
#include "diff/model/rules.h"

namespace accord::test {

inline std::string position(const std::optional<diff::Place>& p) {
  return p ? std::to_string(p->line) + ":" + std::to_string(p->column) : "-";
}

inline std::vector<std::string> expected_lines(const std::filesystem::path& file) {
  std::vector<std::string> out;
  std::ifstream in(file);
  for (std::string line; std::getline(in, line);) {
    while (!line.empty() && (line.back() == ' ' || line.back() == '\r')) line.pop_back();
    if (!line.empty() && line[0] != '#') out.push_back(line);
  }
  std::sort(out.begin(), out.end());
  return out;
}

// The options accord.yaml beside NEW gives, as the CLI would derive them (mode:).
inline diff::CompareOptions options_for(const std::filesystem::path& dir) {
  diff::CompareOptions options;
  if (!std::filesystem::exists(dir / "accord.yaml")) return options;
  auto config = diff::load_config((dir / "accord.yaml").string(),
                                  [](std::string_view id) { return diff::find_rule(id) != nullptr; });
  if (!config) return options;
  std::string mode = diff::mode_for(*config, (dir / "new.yaml").string());
  if (auto m = diff::parse_schema_mode(mode)) options.schema_mode = *m;
  return options;
}

inline std::vector<std::string> actual_lines(const std::filesystem::path& dir, const diff::CompareOptions& options) {
  auto findings = diff::compare_contracts({(dir / "old.yaml").string(), std::nullopt},
                                          {(dir / "new.yaml").string(), std::nullopt}, options);
  if (!findings) return {"error: " + findings.error().render()};
  std::vector<std::string> out;
  for (const diff::Finding& f : *findings) out.push_back(f.rule + " " + position(f.old_place) + " " + position(f.new_place));
  std::sort(out.begin(), out.end());
  return out;
}

inline std::vector<std::filesystem::path> subdirectories(const std::filesystem::path& root) {
  std::vector<std::filesystem::path> dirs;
  if (!std::filesystem::is_directory(root)) return dirs;
  for (const auto& e : std::filesystem::directory_iterator(root))
    if (e.is_directory() && e.path().filename().string()[0] != '_') dirs.push_back(e.path());
  std::sort(dirs.begin(), dirs.end());
  return dirs;
}

}  // namespace accord::test
