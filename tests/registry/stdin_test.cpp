// stdin has no name and cannot seek: without --source-id a second run counts
// the stream again (and the CLI says so); with one it is identified by its
// content like a file, resumes, and never counts twice.
#include <catch2/catch.hpp>

#include <fstream>

#include "core/loader.h"
#include "process_util.h"
#include "registry/ingest/input_source.h"
#include "test_paths.h"

using namespace accord;

namespace {

const std::string kSpec = ACCORD_SOURCE_DIR "/fixtures/usage/plan-old.yaml";

std::string read_all(registry::InputSource& in) {
  std::string out;
  char buffer[7];
  while (true) {
    auto n = in.read(buffer, sizeof buffer);
    REQUIRE(n.ok());
    if (*n == 0) return out;
    out.append(buffer, *n);
  }
}

// Through a pipe (`cat file |`), so stdin really cannot seek.
CommandResult ingest_stdin(const std::string& db, const std::string& log, const std::string& source_id) {
  std::string command = "cat '" + log + "' | '" + std::string(ACCORD_BINARY) + "' usage ingest --spec '" + kSpec +
                        "' --registry '" + db + "' --log-format combined --consumer user-agent";
  if (!source_id.empty()) command += " --source-id " + source_id;
  return run_command({"/bin/sh", "-c", command + " -"});
}

int64_t total_calls(const std::string& db) {
  auto report = run_command({ACCORD_BINARY, "usage", "report", "--spec", kSpec, "--registry", db, "--today",
                             "2026-11-23", "--format", "json"});
  REQUIRE(report.exit_code == 0);
  auto doc = core::load_text("report.json", report.out);
  REQUIRE(doc.ok());
  int64_t calls = 0;
  for (const core::Member& op : (*doc)->root()->get("operations")->children())
    calls += std::stoll(std::string(op.value->get_text("calls")));
  return calls;
}

}  // namespace

TEST_CASE("a replayable stream re-reads its kept start and seeks forward", "[registry][ingest][stdin]") {
  auto in = registry::replayable_input(registry::memory_input("0123456789abcdefghij"), 12);
  char head[10];
  REQUIRE(*in->read(head, sizeof head) == 10);
  REQUIRE(in->seek(3));  // all 10 bytes read so far are kept
  CHECK(read_all(*in) == "3456789abcdefghij");
  CHECK_FALSE(in->seek(0));  // bytes 12.. were read but not kept: the start cannot be replayed any more
  REQUIRE(in->seek(20));     // where it is: fine

  auto forward = registry::replayable_input(registry::memory_input("0123456789abcdefghij"), 4);
  REQUIRE(forward->seek(15));  // past what was read: read on and drop
  CHECK(read_all(*forward) == "fghij");
  CHECK_FALSE(forward->seek(2));  // bytes 4.. were never kept
  auto short_stream = registry::replayable_input(registry::memory_input("0123"), 16);
  CHECK_FALSE(short_stream->seek(10));  // shorter than the offset
}

TEST_CASE("stdin twice: counted twice without --source-id (and said), once with it", "[registry][ingest][stdin][cli]") {
  const std::string dir = make_temp_dir("accord-stdin");
  const std::string log = dir + "/access.log";
  {
    std::ofstream out(log);
    for (int i = 0; i < 3000; ++i)
      out << "10.0.0.1 - - [" << 10 + i % 9 << "/Nov/2026:10:00:00 +0000] \"GET /v1/orders HTTP/1.1\" 200 5 \"-\" \"crm/1\"\n";
  }
  const std::string anonymous = dir + "/anonymous.db";
  auto first = ingest_stdin(anonymous, log, "");
  INFO(first.out << first.err);
  REQUIRE(first.exit_code == 0);
  CHECK(first.err.find("stdin without --source-id has no checkpoint") != std::string::npos);
  REQUIRE(ingest_stdin(anonymous, log, "").exit_code == 0);
  CHECK(total_calls(anonymous) == 6000);  // what the note warned about

  const std::string named = dir + "/named.db";
  auto once = ingest_stdin(named, log, "gateway-a");
  INFO(once.out << once.err);
  REQUIRE(once.exit_code == 0);
  CHECK(once.err.find("--source-id") == std::string::npos);
  auto twice = ingest_stdin(named, log, "gateway-a");
  INFO(twice.out << twice.err);
  REQUIRE(twice.exit_code == 0);
  CHECK(twice.out.find("already ingested (3000 lines), nothing new") != std::string::npos);
  CHECK(total_calls(named) == 3000);

  // The stream grew: only the new lines count.
  std::ofstream(log, std::ios::app)
      << "10.0.0.1 - - [23/Nov/2026:11:00:00 +0000] \"GET /v1/orders HTTP/1.1\" 200 5 \"-\" \"crm/1\"\n";
  auto grown = ingest_stdin(named, log, "gateway-a");
  INFO(grown.out << grown.err);
  CHECK(grown.out.find("1 lines (resumed after line 3000)") != std::string::npos);
  CHECK(total_calls(named) == 3001);
  // Another source's stream is its own, even with the same content.
  REQUIRE(ingest_stdin(named, log, "gateway-b").exit_code == 0);
  CHECK(total_calls(named) == 6002);

  auto misuse = run_command({ACCORD_BINARY, "usage", "ingest", "--spec", kSpec, "--registry", named, "--log-format",
                             "combined", "--source-id", "x", log});
  CHECK(misuse.exit_code == 2);
  CHECK(misuse.err.find("--source-id names the stream on stdin") != std::string::npos);
  std::system(("rm -rf " + dir).c_str());
}
