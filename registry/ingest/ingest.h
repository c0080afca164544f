// Reads access logs into the usage registry: parse each line, match it to an
// operation of the spec, name its consumer, count it, and commit counts with
// the file's checkpoint in one transaction (so re-running is idempotent and a
// killed run resumes where its last commit stopped).
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/expected.h"
#include "core/clock.h"
#include "registry/ingest/consumer_identity.h"
#include "registry/ingest/input_source.h"
#include "registry/formats/log_format.h"
#include "registry/spec/operation_matcher.h"
#include "registry/spec/spec_operations.h"
#include "registry/store/store.h"

namespace accord::registry {

struct MalformedLine {
  int64_t line = 0;
  std::string reason;
};

struct IngestResult {
  std::string path;
  int64_t lines = 0;       // lines read in this run
  int64_t requests = 0;    // requests counted in this run
  int64_t matched = 0;
  int64_t unmatched = 0;
  int64_t unknown_consumer = 0;
  int64_t malformed = 0;
  std::vector<MalformedLine> malformed_examples;  // the first few, with line numbers
  int64_t resumed_from_line = 0;  // > 0 when an earlier run had committed part of the file
  bool already_complete = false;  // nothing new since the last run
};

struct IngestProgress {
  std::string path;
  int64_t bytes = 0;
  int64_t lines = 0;
};

struct IngestOptions {
  std::string api;  // the API the counts and checkpoints are recorded under (see api_name_of)
  // Names a stream (stdin, made seekable by replayable_input) so a second run
  // finds its checkpoint: its keys are "stream:<id>:" + the content key, so
  // the same id with other content is a new stream, never skipped.
  std::string source_id;
  int64_t commit_every_lines = 2'000'000;
  int commit_delay_ms = 0;  // test hook: pause after each intermediate commit
  std::function<void(const IngestProgress&)> progress;  // called every few hundred thousand lines
};

class Ingestor {
 public:
  Ingestor(const SpecOperations& spec, LineParser& parser, const ConsumerIdentity& identity, UsageStore& store,
           const core::Clock& clock, IngestOptions options = {});

  // `display_path` names the input in checkpoints and messages ("-" for stdin).
  core::Expected<IngestResult> ingest(InputSource& input, const std::string& display_path);

 private:
  const SpecOperations& spec_;
  OperationMatcher matcher_;
  LineParser& parser_;
  const ConsumerIdentity& identity_;
  UsageStore& store_;
  const core::Clock& clock_;
  IngestOptions options_;
};

// A log file is known by its content, not its name, so a renamed or rotated
// file keeps its checkpoint: its first line plus a hash of its first bytes
// (up to kFileHeadBytes, as many as it had when first read, so a log that
// grows keeps its key). The first line alone would confuse two logs that
// start alike (two days opening with the same health check).
inline constexpr size_t kFileHeadBytes = 4096;
// "line1:<hash>:<length>": what every key of files with this first line starts with
// (and the whole key written by versions before the head hash).
std::string file_key_prefix(std::string_view first_line);
// prefix + ":head:<bytes>:<hash>"; `head` is the file's first bytes (at most kFileHeadBytes).
std::string file_key_of(std::string_view first_line, std::string_view head);
// Whether a stored key names the file that starts with `first_line` and `head`.
bool file_key_matches(std::string_view key, std::string_view first_line, std::string_view head);

}  // namespace accord::registry
