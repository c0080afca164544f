// Fuzz target: JSON Schema keyword reading and direction-aware comparison of
// two schemas (old and new split at a "=====" line). The last byte picks the
// direction, so both request (may only widen) and response rules run.
#include "core/loader.h"
#include "core/refs.h"
#include "diff/model/sink.h"
#include "diff/openapi/schema_profile.h"
#include "diff/schema/compare.h"
#include "tests/fuzz/fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace accord;
  if (size == 0) return 0;
  const bool request = data[size - 1] & 1;
  auto texts = fuzz::split_documents(std::string_view(reinterpret_cast<const char*>(data), size - 1), 2);
  auto old_doc = core::load_text("old.yaml", std::move(texts[0]));
  auto new_doc = core::load_text("new.yaml", std::move(texts[1]));
  if (!old_doc || !new_doc) return 0;
  core::DocumentSet old_set, new_set;
  const core::Document* o = old_set.adopt(std::move(*old_doc), "old.yaml");
  const core::Document* n = new_set.adopt(std::move(*new_doc), "new.yaml");
  diff::SchemaComparator comparator(old_set, new_set, diff::openapi_schema_profile());
  diff::FindingSink sink;
  diff::SchemaScope scope{"POST /fuzz", request ? "request body (application/json)" : "response 200 (application/json)",
                          request ? "openapi.request-" : "openapi.response-"};
  auto st = comparator.compare(o->root(), "", n->root(), "", request ? diff::Direction::request : diff::Direction::response,
                               scope, sink);
  if (!st) {
    (void)st.error().render();
    return 0;
  }
  auto findings = sink.take();
  diff::finalize_findings(findings);
  return 0;
}
