// A log line over 1 MiB is skipped and counted as malformed, with its line
// number, and ingest goes on: one corrupt line (a binary blob, a missing
// newline for a gigabyte) must not cost the usage counts of the whole log,
// and the count shows in the report, so nothing passes silently.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <cstdio>

#include "core/clock.h"
#include "registry/ingest/ingest.h"

using namespace accord::registry;

namespace {

std::string line(const std::string& target) {
  return "10.0.0.1 - - [20/Nov/2026:10:00:00 +0000] \"GET " + target + " HTTP/1.1\" 200 5 \"-\" \"crm/2.0\"\n";
}

}  // namespace

TEST_CASE("limits: a log line over 1 MiB is skipped, counted malformed with its number, and ingest goes on", "[limits][registry]") {
  SpecOperations spec;
  SpecOperation op;
  op.method = "GET";
  op.path = "/users/{id}";
  op.key = operation_key("GET", "/users/{id}");
  op.label = "GET /users/{id}";
  spec.operations.push_back(op);
  auto parser = make_combined_parser();
  ConsumerIdentity identity = ConsumerIdentity::parse("user-agent").value();
  accord::core::FixedClock clock{1'800'000'000};
  const std::string db = "/tmp/accord-limits-log-" + std::to_string(::getpid()) + ".db";
  {
    auto store = std::move(open_store(db).value());
    Ingestor ingestor(spec, *parser, identity, *store, clock);
    const std::string log = line("/users/1") + line("/users/" + std::string(2u << 20, '9')) + line("/users/3");
    auto input = memory_input(log);
    auto result = ingestor.ingest(*input, "big-line.log");
    REQUIRE(result.ok());
    CHECK(result->lines == 3);
    CHECK(result->requests == 2);
    CHECK(result->matched == 2);
    CHECK(result->malformed == 1);
    REQUIRE(result->malformed_examples.size() == 1);
    CHECK(result->malformed_examples[0].line == 2);
    CHECK(result->malformed_examples[0].reason == "line longer than 1 MiB");
  }
  for (const char* suffix : {"", "-wal", "-shm"}) std::remove((db + suffix).c_str());
}
