// Invariants on the real specs in ../shared/corpus/openapi: a spec against
// itself, against its JSON<->YAML conversion and against a copy with every
// object's keys reversed gives no finding at all.
#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>

#include "core/loader.h"
#include "diff/engine.h"
#include "tree_writer.h"

namespace fs = std::filesystem;
using namespace accord;

namespace {

const char* kCorpus = "../shared/corpus/openapi";
constexpr uintmax_t kConversionLimit = 5u << 20;  // conversions of the 11-13 MB GitHub spec add nothing but time

std::vector<fs::path> corpus_specs() {
  std::vector<fs::path> out;
  if (!fs::is_directory(kCorpus)) return out;
  for (const auto& dir : fs::directory_iterator(kCorpus)) {
    if (!dir.is_directory()) continue;
    for (const auto& f : fs::directory_iterator(dir.path())) {
      std::string name = f.path().filename().string();
      if (name.rfind("old.", 0) == 0 || name.rfind("new.", 0) == 0) out.push_back(f.path());
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

bool is_json(const fs::path& p) { return p.extension() == ".json"; }

// Findings of `spec` against an in-memory rewrite of it, as "rule @ place" lines (empty is the goal).
std::vector<std::string> findings_against(const fs::path& spec, std::string rewritten_name, std::string text) {
  auto findings = diff::compare_contracts({spec.string(), std::nullopt},
                                          {std::move(rewritten_name), std::move(text)}, {});
  if (!findings) return {"error: " + findings.error().render()};
  std::vector<std::string> out;
  for (const diff::Finding& f : *findings) {
    out.push_back(f.rule + " " + f.operation + " " + f.message);
    if (out.size() == 5) break;  // enough to see what is wrong
  }
  return out;
}

}  // namespace

TEST_CASE("every corpus spec compared with itself gives no finding", "[openapi][corpus][invariant]") {
  auto specs = corpus_specs();
  if (specs.empty()) {
    WARN("../shared/corpus/openapi is absent; skipped");
    return;
  }
  for (const fs::path& spec : specs) {
    INFO(spec.string());
    auto findings = diff::compare_contracts({spec.string(), std::nullopt}, {spec.string(), std::nullopt}, {});
    REQUIRE(findings.ok());
    CHECK(findings->empty());
  }
}

TEST_CASE("JSON <-> YAML conversion of a corpus spec gives no finding", "[openapi][corpus][invariant]") {
  auto specs = corpus_specs();
  if (specs.empty()) {
    WARN("../shared/corpus/openapi is absent; skipped");
    return;
  }
  for (const fs::path& spec : specs) {
    if (fs::file_size(spec) > kConversionLimit) continue;
    INFO(spec.string());
    auto doc = core::load_file(spec.string());
    REQUIRE(doc.ok());
    std::string text = is_json(spec) ? test::write_yaml(*(*doc)->root()) : test::write_json(*(*doc)->root(), false);
    CHECK(findings_against(spec, is_json(spec) ? "converted.yaml" : "converted.json", std::move(text)).empty());
  }
}

TEST_CASE("reordering every object's keys in a corpus spec gives no finding", "[openapi][corpus][invariant]") {
  auto specs = corpus_specs();
  if (specs.empty()) {
    WARN("../shared/corpus/openapi is absent; skipped");
    return;
  }
  for (const fs::path& spec : specs) {
    if (fs::file_size(spec) > kConversionLimit) continue;
    INFO(spec.string());
    auto doc = core::load_file(spec.string());
    REQUIRE(doc.ok());
    CHECK(findings_against(spec, "reordered.json", test::write_json(*(*doc)->root(), true)).empty());
  }
}
