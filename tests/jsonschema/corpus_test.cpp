// The real JSON Schema pairs in ../shared/corpus/jsonschema: every pair is
// compared (never "not available"), the breaks their SOURCE.txt notes name
// are found, the control pairs report no error, and every document keeps
// the invariants.
#include "corpus_runner.h"

using namespace accord;

namespace {
test::CorpusRunner g_corpus("jsonschema");
}  // namespace

TEST_CASE("every JSON Schema corpus pair is compared", "[jsonschema][corpus]") {
  g_corpus.check_every_pair_compared(16);
}

TEST_CASE("JSON Schema corpus: the real breaks are found", "[jsonschema][corpus]") {
  // ruff drops the show-source and tab-size settings and the ANN101/ANN102 rule codes.
  CHECK(g_corpus.has("schemastore-ruff-draft07", "jsonschema.backward-property-removed-rejected", "show-source"));
  CHECK(g_corpus.has("schemastore-ruff-draft07", "jsonschema.backward-property-removed-rejected", "tab-size"));
  CHECK(g_corpus.has("schemastore-ruff-draft07", "jsonschema.backward-enum-value-removed", "'ANN101'"));
  CHECK(g_corpus.has("schemastore-ruff-draft07", "jsonschema.backward-enum-value-removed", "'ANN102'"));
  // cargo adds additionalProperties: false.
  CHECK(g_corpus.has("schemastore-cargo-draft07", "jsonschema.backward-additional-properties-forbidden", ""));
  // kratos renames whitelisted_return_urls (to allowed_return_urls).
  CHECK(g_corpus.has("ory-kratos-config-draft07", "jsonschema.backward-property-removed-rejected", "whitelisted_return_urls"));
}

TEST_CASE("JSON Schema corpus: reorder and version-line pairs report no error", "[jsonschema][corpus]") {
  CHECK(g_corpus.errors("schemastore-specif-2019-09") == 0);
}

TEST_CASE("every JSON Schema corpus document keeps the invariants", "[jsonschema][corpus][invariant]") {
  // Local $refs inlined: 25 of the 32 documents have some (the others have none, or nested $id / anchors).
  g_corpus.check_every_document_keeps_invariants(test::any_local_target, 25);
}
