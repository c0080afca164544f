#include <catch2/catch.hpp>

#include <unistd.h>

#include <cstdio>
#include <map>
#include <sstream>

#include "registry/ingest/ingest.h"

using namespace accord::registry;
namespace core = accord::core;

namespace {

SpecOperations tiny_spec() {
  SpecOperations spec;
  for (auto [method, path] : {std::pair{"GET", "/users/{id}"}, std::pair{"DELETE", "/users/{id}"}}) {
    SpecOperation op;
    op.method = method;
    op.path = path;
    op.key = operation_key(method, path);
    op.label = std::string(method) + " " + path;
    spec.operations.push_back(op);
  }
  return spec;
}

// A log of `lines` requests from three consumers over two days, with some noise.
std::string make_log(int lines) {
  std::ostringstream out;
  const char* consumers[] = {"web", "ios", "-"};
  for (int i = 0; i < lines; ++i) {
    if (i % 97 == 13) {
      out << "corrupted line " << i << "\n";
      continue;
    }
    const char* method = i % 5 == 0 ? "DELETE" : "GET";
    const char* path = i % 11 == 0 ? "/unknown" : "/users/";
    out << "10.0.0." << i % 7 << " - - [" << (22 + i % 2) << "/Nov/2026:10:" << (10 + i % 50) << ":00 +0000] \""
        << method << " " << path << i << " HTTP/1.1\" " << (i % 13 == 0 ? 503 : 200) << " 5 \"-\" \""
        << consumers[i % 3] << "\"\n";
  }
  return out.str();
}

struct Fixture {
  std::string db = "/tmp/accord-ingest-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++) + ".db";
  SpecOperations spec = tiny_spec();
  std::unique_ptr<LineParser> parser = make_combined_parser();
  ConsumerIdentity identity = ConsumerIdentity::parse("user-agent").value();
  accord::core::FixedClock clock{1'800'000'000};
  static inline int counter = 0;
  ~Fixture() {
    for (const char* suffix : {"", "-wal", "-shm"}) std::remove((db + suffix).c_str());
  }
  std::unique_ptr<UsageStore> store() { return std::move(open_store(db).value()); }
};

// Everything a report reads, as one comparable value.
std::map<std::string, int64_t> totals_of(UsageStore& store) {
  auto snap = store.load("", 0);
  REQUIRE(snap.ok());
  std::map<std::string, int64_t> out;
  for (const UsageCount& c : snap->counts) {
    const std::string key = c.operation + "|" + c.consumer + "|" + std::to_string(c.day) + "|" + std::to_string(c.status_class);
    out[key + "|calls"] = c.calls;
    out[key + "|first"] = c.first_seen;
    out[key + "|last"] = c.last_seen;
  }
  for (const DayLines& d : snap->days) {
    out["day|" + std::to_string(d.day)] = d.lines;
    out["unmatched-day|" + std::to_string(d.day)] = d.unmatched;
  }
  for (const UnmatchedCount& u : snap->unmatched) out["unmatched|" + u.request] = u.calls;
  out["malformed"] = snap->malformed_lines;
  return out;
}

// Fails the n-th commit, as a crash between two commits would lose it.
class FailingStore final : public UsageStore {
 public:
  FailingStore(UsageStore& inner, int fail_at) : inner_(inner), fail_at_(fail_at) {}
  std::string describe() const override { return inner_.describe(); }
  accord::core::Status migrate() override { return inner_.migrate(); }
  int schema_version() override { return inner_.schema_version(); }
  accord::core::Expected<std::optional<Checkpoint>> find_checkpoint(const std::string& api,
                                                                    const std::string& k) override {
    return inner_.find_checkpoint(api, k);
  }
  accord::core::Expected<std::vector<Checkpoint>> find_checkpoints_with_prefix(const std::string& api,
                                                                               const std::string& p) override {
    return inner_.find_checkpoints_with_prefix(api, p);
  }
  accord::core::Status commit(const IngestBatch& b) override {
    if (++commits_ == fail_at_) return accord::core::make_error("simulated crash");
    return inner_.commit(b);
  }
  accord::core::Status replace_pact_usage(const PactKey& k, const std::vector<PactUsage>& u) override {
    return inner_.replace_pact_usage(k, u);
  }
  accord::core::Expected<int64_t> forget_pacts(const std::string& c, const std::optional<std::string>& v) override {
    return inner_.forget_pacts(c, v);
  }
  accord::core::Expected<AdoptResult> adopt_unnamed_rows(const std::string& api) override {
    return inner_.adopt_unnamed_rows(api);
  }
  accord::core::Expected<UsageSnapshot> load(const std::string& api, int64_t since) override {
    return inner_.load(api, since);
  }

 private:
  UsageStore& inner_;
  int fail_at_;
  int commits_ = 0;
};

}  // namespace

TEST_CASE("ingest counts per operation, consumer, day and status class", "[registry][ingest]") {
  Fixture f;
  auto store = f.store();
  Ingestor ingestor(f.spec, *f.parser, f.identity, *store, f.clock);
  auto input = memory_input(make_log(300));
  auto result = ingestor.ingest(*input, "mem.log");
  REQUIRE(result.ok());
  CHECK(result->lines == 300);
  CHECK(result->malformed == 3);  // i = 13, 110, 207
  REQUIRE(result->malformed_examples.size() == 3);
  CHECK(result->malformed_examples[0].line == 14);
  CHECK(result->requests == 297);
  CHECK(result->matched + result->unmatched == result->requests);
  int64_t expected_unmatched = 0, expected_unknown = 0;
  for (int i = 0; i < 300; ++i) {
    if (i % 97 == 13) continue;
    if (i % 11 == 0) ++expected_unmatched;
    else if (i % 3 == 2) ++expected_unknown;
  }
  CHECK(result->unmatched == expected_unmatched);
  CHECK(result->unknown_consumer == expected_unknown);
  auto totals = totals_of(*store);
  int64_t calls = 0;
  for (const auto& [k, v] : totals)
    if (k.size() > 6 && k.compare(k.size() - 6, 6, "|calls") == 0) calls += v;
  CHECK(calls == result->matched);
  CHECK(totals["malformed"] == 3);
}

TEST_CASE("re-ingesting the same input is idempotent", "[registry][ingest]") {
  Fixture f;
  auto store = f.store();
  Ingestor ingestor(f.spec, *f.parser, f.identity, *store, f.clock);
  auto first = memory_input(make_log(500));
  REQUIRE(ingestor.ingest(*first, "a.log").ok());
  auto before = totals_of(*store);
  auto again = memory_input(make_log(500));
  auto second = ingestor.ingest(*again, "renamed.log");
  REQUIRE(second.ok());
  CHECK(second->already_complete);
  CHECK(totals_of(*store) == before);
}

TEST_CASE("a grown log continues after its checkpoint", "[registry][ingest]") {
  Fixture clean, grown;
  const std::string full = make_log(800);
  const std::string half = full.substr(0, full.find('\n', full.size() / 2) + 1);
  {
    auto store = clean.store();
    Ingestor ingestor(clean.spec, *clean.parser, clean.identity, *store, clean.clock);
    auto input = memory_input(full);
    REQUIRE(ingestor.ingest(*input, "x.log").ok());
  }
  auto store = grown.store();
  Ingestor ingestor(grown.spec, *grown.parser, grown.identity, *store, grown.clock);
  auto part = memory_input(half);
  REQUIRE(ingestor.ingest(*part, "x.log").ok());
  auto rest = memory_input(full);
  auto result = ingestor.ingest(*rest, "x.log");
  REQUIRE(result.ok());
  CHECK(result->resumed_from_line > 0);
  CHECK(result->resumed_from_line + result->lines == 800);
  auto clean_store = clean.store();
  CHECK(totals_of(*store) == totals_of(*clean_store));
}

TEST_CASE("a run that dies between commits resumes to the counts of a clean run", "[registry][ingest]") {
  Fixture clean, crashed;
  const std::string log = make_log(1000);
  IngestOptions options;
  options.commit_every_lines = 64;
  {
    auto store = clean.store();
    Ingestor ingestor(clean.spec, *clean.parser, clean.identity, *store, clean.clock, options);
    auto input = memory_input(log);
    REQUIRE(ingestor.ingest(*input, "x.log").ok());
  }
  auto store = crashed.store();
  for (int fail_at : {3, 7}) {
    FailingStore failing(*store, fail_at);
    Ingestor ingestor(crashed.spec, *crashed.parser, crashed.identity, failing, crashed.clock, options);
    auto input = memory_input(log);
    CHECK_FALSE(ingestor.ingest(*input, "x.log").ok());
  }
  Ingestor ingestor(crashed.spec, *crashed.parser, crashed.identity, *store, crashed.clock, options);
  auto input = memory_input(log);
  auto result = ingestor.ingest(*input, "x.log");
  REQUIRE(result.ok());
  CHECK(result->resumed_from_line > 0);
  auto clean_store = clean.store();
  CHECK(totals_of(*store) == totals_of(*clean_store));
}

TEST_CASE("two logs that start with the same line are told apart by their first bytes", "[registry][ingest]") {
  Fixture f;
  auto store = f.store();
  Ingestor ingestor(f.spec, *f.parser, f.identity, *store, f.clock);
  // Two days of logs, both opening with the same line (a shipper that starts each file with a fixed probe).
  const std::string health =
      "10.0.0.9 - - [01/Jan/2026:00:00:00 +0000] \"GET /healthz HTTP/1.1\" 200 2 \"-\" \"kube-probe/1.27\"\n";
  const std::string monday = health + make_log(300);
  std::string tuesday = monday;
  for (size_t at = tuesday.find("Nov/2026"); at != std::string::npos; at = tuesday.find("Nov/2026", at))
    tuesday.replace(at, 8, "Dec/2026");
  REQUIRE(tuesday.size() == monday.size());  // same length too: nothing but the content differs

  auto first = memory_input(monday);
  REQUIRE(ingestor.ingest(*first, "access.log").ok());
  auto second = memory_input(tuesday);
  auto result = ingestor.ingest(*second, "access.log");
  REQUIRE(result.ok());
  CHECK_FALSE(result->already_complete);
  CHECK(result->resumed_from_line == 0);
  CHECK(result->lines == 301);
  auto snap = store->load("", 0);
  REQUIRE(snap.ok());
  int64_t lines = 0;
  for (const DayLines& d : snap->days) lines += d.lines;
  CHECK(lines == 2 * (297 + 1));  // both logs counted: 300 lines with 3 malformed, and the probe

  // Each is still recognised when read again.
  auto monday_again = memory_input(monday);
  auto again = ingestor.ingest(*monday_again, "renamed.log");
  REQUIRE(again.ok());
  CHECK(again->already_complete);
}

TEST_CASE("a log shorter than the hashed head keeps its key as it grows", "[registry][ingest]") {
  Fixture clean, grown;
  const std::string full = make_log(800);
  const std::string small = make_log(10);  // under kFileHeadBytes
  REQUIRE(small.size() < kFileHeadBytes);
  REQUIRE(full.compare(0, small.size(), small) == 0);
  {
    auto store = clean.store();
    Ingestor ingestor(clean.spec, *clean.parser, clean.identity, *store, clean.clock);
    auto input = memory_input(full);
    REQUIRE(ingestor.ingest(*input, "x.log").ok());
  }
  auto store = grown.store();
  Ingestor ingestor(grown.spec, *grown.parser, grown.identity, *store, grown.clock);
  auto part = memory_input(small);
  REQUIRE(ingestor.ingest(*part, "x.log").ok());
  auto rest = memory_input(full);
  auto result = ingestor.ingest(*rest, "x.log");
  REQUIRE(result.ok());
  CHECK(result->resumed_from_line == 10);
  CHECK(result->lines == 790);
  auto clean_store = clean.store();
  CHECK(totals_of(*store) == totals_of(*clean_store));
}

TEST_CASE("a checkpoint keyed by the first line only (older versions) still resumes", "[registry][ingest]") {
  Fixture f;
  const std::string log = make_log(400);
  const std::string first_line = log.substr(0, log.find('\n'));
  size_t half = 0;  // just after line 200
  for (int line = 0; line < 200; ++line) half = log.find('\n', half) + 1;
  auto store = f.store();
  IngestBatch legacy;
  legacy.checkpoint = Checkpoint{file_key_prefix(first_line), "old.log", static_cast<int64_t>(half), 200, 0, false};
  REQUIRE(store->commit(legacy).ok());
  Ingestor ingestor(f.spec, *f.parser, f.identity, *store, f.clock);
  auto input = memory_input(log);
  auto result = ingestor.ingest(*input, "old.log");
  REQUIRE(result.ok());
  CHECK(result->resumed_from_line == 200);
  CHECK(result->lines == 200);
  CHECK(file_key_matches(file_key_prefix(first_line), first_line, "anything"));
  CHECK_FALSE(file_key_matches(file_key_of(first_line, log), first_line, "other bytes"));
}
