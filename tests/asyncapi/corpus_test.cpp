// The real AsyncAPI pairs in ../shared/corpus/asyncapi: every pair is
// compared (2.x -> 3.0 migrations included), the documented breaks are
// found, the control pairs report no error, every document keeps the invariants.
#include "../jsonschema/corpus_runner.h"

using namespace accord;

namespace {
test::CorpusRunner g_corpus("asyncapi");
}  // namespace

TEST_CASE("every AsyncAPI corpus pair is compared", "[asyncapi][corpus]") {
  g_corpus.check_every_pair_compared(8);
}

TEST_CASE("AsyncAPI corpus: the real breaks are found", "[asyncapi][corpus]") {
  // rimfrost renames its request channel vah.kundbehovsflode.requests -> handlaggning.requests.
  CHECK(g_corpus.has("fk-rimfrost-process-3.0", "asyncapi.channel-renamed", "/channels/handlaggning.requests/address"));
  // printnanny splits Camera.framerate into framerate_n / framerate_d and makes video_udp_port required:
  // a break for what the service receives (senders omit them) and for what it sends (readers lose framerate).
  CHECK(g_corpus.has("printnanny-os", "asyncapi.receive-property-became-required", "video_udp_port"));
  CHECK(g_corpus.has("printnanny-os", "asyncapi.send-property-removed", "framerate"));
  CHECK(g_corpus.has("printnanny-os", "asyncapi.receive-required-property-added", "framerate_n"));
  CHECK(g_corpus.has("printnanny-os", "asyncapi.receive-required-property-added", "framerate_d"));
}

TEST_CASE("AsyncAPI corpus: version-line pairs report no error", "[asyncapi][corpus]") {
  // Only `asyncapi: 3.0.0` -> `3.1.0` changes.
  CHECK(g_corpus.errors("spec-example-kraken-3x") == 0);
  CHECK(g_corpus.findings_of("spec-example-kraken-3x").empty());
}

TEST_CASE("every AsyncAPI corpus document keeps the invariants", "[asyncapi][corpus][invariant]") {
  // Component schema $refs inlined: all 16 documents have some.
  g_corpus.check_every_document_keeps_invariants(test::component_schema_target, 16);
}
