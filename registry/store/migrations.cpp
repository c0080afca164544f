#include "registry/store/migrations.h"

namespace accord::registry {

std::span<const Migration> migrations() {
  static const Migration kMigrations[] = {
      {1,
       "usage aggregates, checkpoints, unmatched requests, days covered, pact usage",
       {
           "CREATE TABLE IF NOT EXISTS usage_counts ("
           " operation TEXT NOT NULL, consumer TEXT NOT NULL, day BIGINT NOT NULL, status_class INTEGER NOT NULL,"
           " calls BIGINT NOT NULL, first_seen BIGINT NOT NULL, last_seen BIGINT NOT NULL,"
           " PRIMARY KEY (operation, consumer, day, status_class))",
           "CREATE INDEX IF NOT EXISTS usage_counts_day ON usage_counts (day)",
           "CREATE TABLE IF NOT EXISTS ingest_files ("
           " file_key TEXT PRIMARY KEY, path TEXT NOT NULL, byte_offset BIGINT NOT NULL, line_number BIGINT NOT NULL,"
           " malformed BIGINT NOT NULL, complete INTEGER NOT NULL)",
           "CREATE TABLE IF NOT EXISTS unmatched_requests (request TEXT PRIMARY KEY, calls BIGINT NOT NULL)",
           "CREATE TABLE IF NOT EXISTS log_days (day BIGINT PRIMARY KEY, lines BIGINT NOT NULL, unmatched BIGINT NOT NULL)",
           "CREATE TABLE IF NOT EXISTS operations (operation TEXT PRIMARY KEY, label TEXT NOT NULL)",
           "CREATE TABLE IF NOT EXISTS pact_usage ("
           " source TEXT NOT NULL, consumer TEXT NOT NULL, provider TEXT NOT NULL, method TEXT NOT NULL,"
           " path TEXT NOT NULL, field TEXT NOT NULL, PRIMARY KEY (source, consumer, method, path, field))",
       }},
  };
  return kMigrations;
}

}  // namespace accord::registry
