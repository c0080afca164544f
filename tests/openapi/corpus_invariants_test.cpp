// Invariants on the real specs in ../shared/corpus/openapi: a spec against
// itself, against its JSON<->YAML conversion, against a copy with every
// object's keys reversed, and against a copy whose component schemas are
// split into allOf halves (response $refs wrapped in allOf), or whose component
// schema $refs are written inline, gives no finding
// at all. The corpus is always present (CI has it): its absence fails.
#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>

#include "core/json_pointer.h"
#include "core/json_writer.h"
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

// Writes `n` as JSON, rewritten without changing what any schema accepts:
// each component schema with two or more properties becomes an allOf of two
// halves (required split with them), and each response schema that is a
// bare $ref becomes `allOf: [$ref]`.
class AllOfRewriter {
 public:
  std::string write(const core::Node& root) {
    emit(root, "");
    return w_.take();
  }

 private:
  static bool is_component_schema(const std::string& parent) {
    return parent == "/components/schemas" || parent == "/definitions";
  }
  static bool is_response_schema(const std::string& pointer) {
    return pointer.find("/responses/") != std::string::npos && pointer.size() > 7 &&
           pointer.compare(pointer.size() - 7, 7, "/schema") == 0;
  }
  static bool splittable(const core::Node& n) {
    const core::Node* props = n.get("properties");
    if (!props || !props->is_object() || props->size() < 2) return false;
    return !n.get("allOf") && !n.get("$ref");
  }

  void emit(const core::Node& n, const std::string& pointer, const std::string& parent = "") {
    if (n.is_object() && is_component_schema(parent) && splittable(n)) return emit_split(n, pointer);
    if (n.is_object() && is_response_schema(pointer) && n.size() == 1 && n.get("$ref")) {
      w_.begin_object().key("allOf").begin_array();
      emit_plain(n, pointer);
      w_.end_array().end_object();
      return;
    }
    emit_plain(n, pointer);
  }

  void emit_plain(const core::Node& n, const std::string& pointer) {
    switch (n.kind()) {
      case core::Node::Kind::null: w_.null(); break;
      case core::Node::Kind::boolean: w_.value(n.as_bool()); break;
      case core::Node::Kind::number: w_.raw(n.text()); break;
      case core::Node::Kind::string: w_.value(n.text()); break;
      case core::Node::Kind::array: {
        w_.begin_array();
        size_t i = 0;
        for (const core::Member& m : n.children()) emit(*m.value, core::pointer_append(pointer, i++), pointer);
        w_.end_array();
        break;
      }
      case core::Node::Kind::object:
        w_.begin_object();
        for (const core::Member& m : n.children()) {
          w_.key(m.key);
          emit(*m.value, core::pointer_append(pointer, m.key), pointer);
        }
        w_.end_object();
        break;
    }
  }

  void emit_split(const core::Node& n, const std::string& pointer) {
    const core::Node* props = n.get("properties");
    const core::Node* required = n.get("required");
    const size_t half = props->size() / 2;
    auto in_half = [&](std::string_view name, int which) {
      for (size_t i = 0; i < props->size(); ++i)
        if (props->children()[i].key == name) return (i < half ? 0 : 1) == which;
      return false;
    };
    w_.begin_object();
    for (const core::Member& m : n.children()) {
      if (m.key == "properties" || m.key == "required") continue;
      w_.key(m.key);
      emit(*m.value, core::pointer_append(pointer, m.key), pointer);
    }
    if (required && required->is_array()) {  // names no half defines stay on the wrapper
      w_.key("required").begin_array();
      for (const core::Member& r : required->children())
        if (!in_half(r.value->text(), 0) && !in_half(r.value->text(), 1)) w_.value(r.value->text());
      w_.end_array();
    }
    w_.key("allOf").begin_array();
    for (int which = 0; which < 2; ++which) {
      w_.begin_object().key("properties").begin_object();
      for (size_t i = which == 0 ? 0 : half; i < (which == 0 ? half : props->size()); ++i) {
        const core::Member& m = props->children()[i];
        w_.key(m.key);
        emit(*m.value, core::pointer_append(core::pointer_append(pointer, "properties"), m.key), pointer);
      }
      w_.end_object();
      if (required && required->is_array()) {
        w_.key("required").begin_array();
        for (const core::Member& r : required->children())
          if (in_half(r.value->text(), which)) w_.value(r.value->text());
        w_.end_array();
      }
      w_.end_object();
    }
    w_.end_array().end_object();
  }

  core::JsonWriter w_{false};
};

}  // namespace

TEST_CASE("allOf halves and allOf-wrapped response refs in a corpus spec give no finding",
          "[openapi][corpus][invariant][allof]") {
  auto specs = corpus_specs();
  REQUIRE_FALSE(specs.empty());  // ../shared is always present
  for (const fs::path& spec : specs) {
    INFO(spec.string());
    auto doc = core::load_file(spec.string());
    REQUIRE(doc.ok());
    std::string text = AllOfRewriter().write(*(*doc)->root());
    CHECK(text.find("\"allOf\"") != std::string::npos);  // the rewrite did something
    CHECK(findings_against(spec, "allof.json", std::move(text)) == std::vector<std::string>{});
  }
}

TEST_CASE("every corpus spec compared with itself gives no finding", "[openapi][corpus][invariant]") {
  auto specs = corpus_specs();
  REQUIRE_FALSE(specs.empty());  // ../shared is always present
  for (const fs::path& spec : specs) {
    INFO(spec.string());
    auto findings = diff::compare_contracts({spec.string(), std::nullopt}, {spec.string(), std::nullopt}, {});
    REQUIRE(findings.ok());
    CHECK(findings->empty());
  }
}

TEST_CASE("JSON <-> YAML conversion of a corpus spec gives no finding", "[openapi][corpus][invariant]") {
  auto specs = corpus_specs();
  REQUIRE_FALSE(specs.empty());  // ../shared is always present
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
  REQUIRE_FALSE(specs.empty());  // ../shared is always present
  for (const fs::path& spec : specs) {
    if (fs::file_size(spec) > kConversionLimit) continue;
    INFO(spec.string());
    auto doc = core::load_file(spec.string());
    REQUIRE(doc.ok());
    CHECK(findings_against(spec, "reordered.json", test::write_json(*(*doc)->root(), true)).empty());
  }
}

namespace {
bool component_schema(std::string_view pointer) {
  return pointer.rfind("/components/schemas/", 0) == 0 || pointer.rfind("/definitions/", 0) == 0;
}
}  // namespace

TEST_CASE("component schema $refs written inline in a corpus spec give no finding",
          "[openapi][corpus][invariant][inline]") {
  auto specs = corpus_specs();
  REQUIRE_FALSE(specs.empty());  // ../shared is always present
  size_t with_refs = 0;
  for (const fs::path& spec : specs) {
    if (fs::file_size(spec) > kConversionLimit) continue;
    INFO(spec.string());
    auto doc = core::load_file(spec.string());
    REQUIRE(doc.ok());
    size_t inlined = 0;
    std::string text = test::write_json_inlined(*(*doc)->root(), component_schema, 300, &inlined);
    with_refs += inlined > 0;
    CHECK(findings_against(spec, "inlined.json", text) == std::vector<std::string>{});
    auto back = diff::compare_contracts({"inlined.json", text}, {spec.string(), std::nullopt}, {});
    REQUIRE(back.ok());
    CHECK(back->size() == 0);
  }
  CHECK(with_refs >= 28);  // the specs under the size limit with component schema refs: the rewrite did something
}
