// Test helper: the real version pairs under ../shared/corpus/<format>, and
// the invariants every real document must keep (itself, JSON <-> YAML, keys
// reordered: no finding). A missing corpus fails the test (CI has it).
#pragma once

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <map>

#include "../openapi/tree_writer.h"
#include "core/loader.h"
#include "diff/engine.h"
#include "diff/model/rules.h"

namespace accord::test {

struct CorpusPair {
  std::string name;
  std::filesystem::path old_path, new_path;
};

inline std::vector<CorpusPair> corpus_pairs(const std::string& format) {
  std::filesystem::path root = "../shared/corpus/" + format;
  REQUIRE(std::filesystem::is_directory(root));
  std::vector<CorpusPair> out;
  for (const auto& dir : std::filesystem::directory_iterator(root)) {
    CorpusPair p{dir.path().filename().string(), {}, {}};
    for (const auto& f : std::filesystem::directory_iterator(dir.path())) {
      std::string stem = f.path().stem().string();
      if (stem == "old") p.old_path = f.path();
      if (stem == "new") p.new_path = f.path();
    }
    if (!p.old_path.empty() && !p.new_path.empty()) out.push_back(p);
  }
  std::sort(out.begin(), out.end(), [](const CorpusPair& a, const CorpusPair& b) { return a.name < b.name; });
  return out;
}

// Findings as "rule old-pointer new-pointer message" lines; an error is one "error: ..." line.
// `jsonschema.ref-not-resolved` / `asyncapi.ref-not-resolved` are left out
// with skip_unresolved: a remote $ref stays unverifiable even against itself.
inline std::vector<std::string> finding_lines(const diff::ContractInput& o, const diff::ContractInput& n,
                                              bool skip_unresolved = false) {
  diff::CompareOptions options;
  auto findings = diff::compare_contracts(o, n, options);
  if (!findings) return {"error: " + findings.error().render()};
  std::vector<std::string> out;
  for (const diff::Finding& f : *findings) {
    if (skip_unresolved && f.rule.find(".ref-not-resolved") != std::string::npos) continue;
    out.push_back(f.rule + " " + (f.old_place ? f.old_place->pointer : "-") + " " +
                  (f.new_place ? f.new_place->pointer : "-") + " " + f.message);
  }
  return out;
}

// Whether a document uses keywords whose meaning depends on where a schema
// sits (a nested `$id`/`id` changes the base of the `#/...` refs under it;
// anchors would be duplicated; dynamic refs follow the dynamic scope): its
// refs are not inlined.
inline bool position_dependent(const core::Node& n, bool at_root = true) {
  for (const core::Member& m : n.children()) {
    const bool id = (m.key == "$id" || m.key == "id") && m.value->is_string() && !at_root;
    if (id || m.key == "$anchor" || m.key == "$dynamicAnchor" || m.key == "$dynamicRef" ||
        m.key == "$recursiveRef" || m.key == "$recursiveAnchor")
      return true;
    if (!m.value->is_scalar() && position_dependent(*m.value, false)) return true;
  }
  return false;
}

// Which `$ref` targets are schemas that may be written inline: every local
// target in a JSON Schema document; in AsyncAPI only component schemas (a
// 3.0 operation's messages and channel must stay references).
inline bool any_local_target(std::string_view) { return true; }
inline bool component_schema_target(std::string_view pointer) { return pointer.rfind("/components/schemas/", 0) == 0; }

// Rewrites `spec` in memory (YAML <-> JSON, keys reversed, local schema
// `$ref`s inlined) under a name in its own directory, so relative $refs still
// resolve, and compares. Returns how many `$ref`s the inlined version replaced.
inline size_t check_invariants(const std::filesystem::path& spec, bool (*inline_target)(std::string_view)) {
  INFO(spec.string());
  diff::ContractInput original{spec.string(), std::nullopt};
  CHECK(finding_lines(original, original, true).empty());
  auto doc = core::load_file(spec.string());
  REQUIRE(doc.ok());
  bool json = spec.extension() == ".json";
  std::string converted = json ? write_yaml(*(*doc)->root()) : write_json(*(*doc)->root(), false);
  std::string sibling = (spec.parent_path() / ("converted-" + spec.stem().string() + (json ? ".yaml" : ".json"))).string();
  CHECK(finding_lines(original, {sibling, converted}, true).empty());
  std::string reversed = write_json(*(*doc)->root(), true);
  CHECK(finding_lines(original, {(spec.parent_path() / ("reversed-" + spec.stem().string() + ".json")).string(), reversed}, true).empty());
  if (position_dependent(*(*doc)->root())) return 0;
  size_t inlined = 0;
  diff::ContractInput inline_version{(spec.parent_path() / ("inlined-" + spec.stem().string() + ".json")).string(),
                                     write_json_inlined(*(*doc)->root(), inline_target, 300, &inlined)};
  CHECK(finding_lines(original, inline_version, true).empty());
  CHECK(finding_lines(inline_version, original, true).empty());
  return inlined;
}

}  // namespace accord::test
