// On every real pair in ../shared/corpus/openapi, no two findings describe the
// same change at the same place (same rule, old and new places, arguments other
// than the route an operation takes to it):
// a change reached from many operations must be one finding naming them all.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <map>

#include "diff/engine.h"

namespace fs = std::filesystem;
using namespace accord;

namespace {

struct Pair {
  fs::path old_spec, new_spec;
};

std::vector<Pair> corpus_pairs() {
  std::vector<Pair> out;
  for (const auto& dir : fs::directory_iterator("../shared/corpus/openapi")) {
    Pair p;
    for (const auto& f : fs::directory_iterator(dir.path())) {
      std::string name = f.path().filename().string();
      if (name.rfind("old.", 0) == 0) p.old_spec = f.path();
      if (name.rfind("new.", 0) == 0) p.new_spec = f.path();
    }
    if (!p.old_spec.empty() && !p.new_spec.empty()) out.push_back(p);
  }
  std::sort(out.begin(), out.end(), [](const Pair& a, const Pair& b) { return a.old_spec < b.old_spec; });
  return out;
}

std::string change_at_place(const diff::Finding& f) {
  std::string key = f.rule;
  for (const auto* p : {&f.old_place, &f.new_place}) {
    key += '|';
    if (*p) key.append((*p)->file).append("#").append((*p)->pointer);
  }
  // The route by which an operation reaches the place is not part of the change.
  for (const diff::Arg& a : f.args)
    if (a.name != "where" && a.name != "subject" && a.name != "property") key.append("|").append(a.name).append("=").append(a.value);
  return key;
}

}  // namespace

TEST_CASE("corpus: no two findings describe the same change at the same place", "[merge][corpus]") {
  // CI always has ../shared: a missing corpus is a failure, not a skip.
  REQUIRE(fs::is_directory("../shared/corpus/openapi"));
  auto pairs = corpus_pairs();
  REQUIRE(pairs.size() >= 10);
  size_t multi_operation = 0;
  for (const Pair& p : pairs) {
    INFO(p.old_spec.string());
    auto findings = diff::compare_contracts({p.old_spec.string(), std::nullopt}, {p.new_spec.string(), std::nullopt}, {});
    REQUIRE(findings.ok());
    std::map<std::string, size_t> seen;
    for (const diff::Finding& f : *findings) {
      INFO(change_at_place(f));
      CHECK(++seen[change_at_place(f)] == 1);
      CHECK(std::is_sorted(f.operations.begin(), f.operations.end()));
      if (!f.operations.empty()) CHECK(f.operation == f.operations.front());
      if (f.operations.size() > 1) ++multi_operation;
    }
  }
  // The corpus has shared schemas reached from many operations (Stripe, GitHub):
  // the check above must have had something to join.
  CHECK(multi_operation > 0);
}
