// The usage registry's storage, behind one interface so SQLite (one file,
// the default) and PostgreSQL (shared by CI runners) pass the same tests.
// Only aggregates are stored: operation x consumer x day x status class.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/expected.h"

namespace accord::registry {

struct UsageCount {
  std::string operation;  // operation key, "GET /users/{}"
  std::string consumer;   // "unknown" when the line named nobody
  int64_t day = 0;        // days since 1970-01-01 (UTC)
  int status_class = 0;   // 2 for 2xx ... 5 for 5xx; 0 unknown
  int64_t calls = 0;
  int64_t first_seen = 0;  // Unix seconds
  int64_t last_seen = 0;
};

struct UnmatchedCount {
  std::string request;  // "GET /nope" (query stripped)
  int64_t calls = 0;
};

struct DayLines {
  int64_t day = 0;
  int64_t lines = 0;      // requests seen that day, matched or not: what "coverage" counts
  int64_t unmatched = 0;  // of which no operation of the spec matched
};

// Where one input file stands. The key identifies the file by its content
// (see ingest.cpp), so a renamed or re-read file is recognised.
struct Checkpoint {
  std::string file_key;
  std::string path;
  int64_t byte_offset = 0;  // just after the last committed line
  int64_t line_number = 0;  // lines committed
  int64_t malformed = 0;    // malformed lines so far
  bool complete = false;
  // The offset the committing ingest started from (-1: no checkpoint was stored).
  // A commit is refused when the stored offset moved meanwhile: another ingest
  // of the same file committed first, and its lines must not count twice.
  int64_t claimed_offset = -1;
};

// Why a commit whose claim lost was refused (both stores say it the same way).
inline std::string concurrent_ingest_message(const std::string& path) {
  return "another ingest of " + path +
         " committed it while this one ran (its lines count once, by that run); nothing of this run was counted: "
         "run again to continue from the checkpoint";
}

// One transaction's worth of ingest: counts and the checkpoint that covers them.
struct IngestBatch {
  std::string api;  // every row of the batch, and its checkpoint, belong to this API
  std::vector<UsageCount> counts;
  std::vector<UnmatchedCount> unmatched;
  std::vector<DayLines> days;
  std::vector<std::pair<std::string, std::string>> operation_labels;  // key -> "GET /users/{id}"
  std::optional<Checkpoint> checkpoint;  // absent for stdin
};

struct PactUsage {
  std::string consumer;
  std::string provider;
  std::string method;  // upper case
  std::string path;    // concrete path from the pact ("/users/42"); matched to operations when reported
  std::string field;   // response field the consumer reads ("$.name", "$.items[*].id"), "" for the call itself
  std::string source;  // pact file
  std::string consumer_version;  // --consumer-version at import ("" when not given)
  std::string interaction;       // the interaction's description, so a plan can say which one reads the field
};

// A pact is known by who wrote it against whom, at which version: importing it
// again replaces what that version said; other versions stay (still deployed).
struct PactKey {
  std::string consumer;
  std::string provider;
  std::string consumer_version;
};

// What reports and plans read: one API's rows (pacts are matched to its operations later).
struct UsageSnapshot {
  std::string api;
  std::vector<UsageCount> counts;
  std::vector<UnmatchedCount> unmatched;
  std::vector<DayLines> days;
  std::vector<PactUsage> pacts;
  std::vector<std::pair<std::string, std::string>> operation_labels;
  int64_t malformed_lines = 0;
  std::vector<std::string> recorded_apis;  // every API with days in the registry ("" = before APIs were recorded)
};

// What `adopt_unnamed_rows` moved.
struct AdoptResult {
  int64_t days = 0;           // days of log data
  int64_t overlapping_days = 0;  // days the API already had (then nothing moved)
};

class UsageStore {
 public:
  virtual ~UsageStore() = default;
  virtual std::string describe() const = 0;  // "sqlite:.accord/usage.db", never a password
  // Applies pending migrations (idempotent).
  virtual core::Status migrate() = 0;
  virtual int schema_version() = 0;
  // Checkpoints are per API: one gateway log ingested for two APIs counts once for each.
  virtual core::Expected<std::optional<Checkpoint>> find_checkpoint(const std::string& api,
                                                                    const std::string& file_key) = 0;
  // Every checkpoint whose key starts with `prefix` (files that share a first line), ordered by key.
  virtual core::Expected<std::vector<Checkpoint>> find_checkpoints_with_prefix(const std::string& api,
                                                                               const std::string& prefix) = 0;
  // All of it or nothing, in one transaction.
  virtual core::Status commit(const IngestBatch& batch) = 0;
  // Replaces what the pact `key` said before (re-importing a pact is idempotent).
  virtual core::Status replace_pact_usage(const PactKey& key, const std::vector<PactUsage>& usage) = 0;
  // Removes a consumer's pacts (every version when `version` is absent); returns the interactions removed.
  virtual core::Expected<int64_t> forget_pacts(const std::string& consumer, const std::optional<std::string>& version) = 0;
  // Gives the rows written before usage carried an API (api '') to `api`, in
  // one transaction, so upgrading never loses the usage already recorded.
  // Refused (nothing changed) when `api` already has log data on one of
  // those days: that day's lines would count twice.
  virtual core::Expected<AdoptResult> adopt_unnamed_rows(const std::string& api) = 0;
  // The API's counts with day >= since_day (pass a very small day for everything).
  virtual core::Expected<UsageSnapshot> load(const std::string& api, int64_t since_day) = 0;
};

// `create` for commands that write (ingest, import-pacts): a missing SQLite file
// (and its directory) is created, an empty database gets the schema.
// `existing` for commands that only read (report, plan): a registry that was
// never created is an error, so a typo'd --registry cannot read as "no calls".
enum class OpenMode { create, existing };

// "postgresql://..." / "postgres://..." -> PostgreSQL; anything else is a SQLite file path.
core::Expected<std::unique_ptr<UsageStore>> open_store(const std::string& target, OpenMode mode = OpenMode::create);
core::Expected<std::unique_ptr<UsageStore>> open_sqlite_store(const std::string& path,
                                                              OpenMode mode = OpenMode::create);
core::Expected<std::unique_ptr<UsageStore>> open_postgres_store(const std::string& conninfo,
                                                                OpenMode mode = OpenMode::create);

}  // namespace accord::registry
