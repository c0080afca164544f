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
      // Evidence is per API: one shared registry serves many, and one API's
      // traffic must never cover another's days. Rows written before this
      // migration get api '' (recorded for no named API: evidence for none).
      {2,
       "usage rows, days, unmatched requests, operations and checkpoints carry their API",
       {
           "CREATE TABLE usage_counts_v2 ("
           " api TEXT NOT NULL, operation TEXT NOT NULL, consumer TEXT NOT NULL, day BIGINT NOT NULL,"
           " status_class INTEGER NOT NULL, calls BIGINT NOT NULL, first_seen BIGINT NOT NULL, last_seen BIGINT NOT NULL,"
           " PRIMARY KEY (api, operation, consumer, day, status_class))",
           "INSERT INTO usage_counts_v2 SELECT '', operation, consumer, day, status_class, calls, first_seen, last_seen"
           " FROM usage_counts",
           "DROP TABLE usage_counts",
           "ALTER TABLE usage_counts_v2 RENAME TO usage_counts",
           "CREATE INDEX usage_counts_api_day ON usage_counts (api, day)",
           "CREATE TABLE ingest_files_v2 ("
           " api TEXT NOT NULL, file_key TEXT NOT NULL, path TEXT NOT NULL, byte_offset BIGINT NOT NULL,"
           " line_number BIGINT NOT NULL, malformed BIGINT NOT NULL, complete INTEGER NOT NULL,"
           " PRIMARY KEY (api, file_key))",
           "INSERT INTO ingest_files_v2 SELECT '', file_key, path, byte_offset, line_number, malformed, complete"
           " FROM ingest_files",
           "DROP TABLE ingest_files",
           "ALTER TABLE ingest_files_v2 RENAME TO ingest_files",
           "CREATE TABLE unmatched_requests_v2 (api TEXT NOT NULL, request TEXT NOT NULL, calls BIGINT NOT NULL,"
           " PRIMARY KEY (api, request))",
           "INSERT INTO unmatched_requests_v2 SELECT '', request, calls FROM unmatched_requests",
           "DROP TABLE unmatched_requests",
           "ALTER TABLE unmatched_requests_v2 RENAME TO unmatched_requests",
           "CREATE TABLE log_days_v2 (api TEXT NOT NULL, day BIGINT NOT NULL, lines BIGINT NOT NULL,"
           " unmatched BIGINT NOT NULL, PRIMARY KEY (api, day))",
           "INSERT INTO log_days_v2 SELECT '', day, lines, unmatched FROM log_days",
           "DROP TABLE log_days",
           "ALTER TABLE log_days_v2 RENAME TO log_days",
           "CREATE TABLE operations_v2 (api TEXT NOT NULL, operation TEXT NOT NULL, label TEXT NOT NULL,"
           " PRIMARY KEY (api, operation))",
           "INSERT INTO operations_v2 SELECT '', operation, label FROM operations",
           "DROP TABLE operations",
           "ALTER TABLE operations_v2 RENAME TO operations",
       }},
      // Pacts are keyed by consumer, provider and consumer version (not by the
      // file they came from), and remember the interaction that reads a field.
      {3,
       "pact usage keyed by consumer, provider and consumer version, with the interaction",
       {
           "CREATE TABLE pact_usage_v3 ("
           " consumer TEXT NOT NULL, provider TEXT NOT NULL, consumer_version TEXT NOT NULL, interaction TEXT NOT NULL,"
           " method TEXT NOT NULL, path TEXT NOT NULL, field TEXT NOT NULL, source TEXT NOT NULL,"
           " PRIMARY KEY (consumer, provider, consumer_version, interaction, method, path, field))",
           // "WHERE true" lets SQLite parse ON CONFLICT after a SELECT.
           "INSERT INTO pact_usage_v3 SELECT consumer, provider, '', '', method, path, field, source FROM pact_usage"
           " WHERE true ON CONFLICT DO NOTHING",
           "DROP TABLE pact_usage",
           "ALTER TABLE pact_usage_v3 RENAME TO pact_usage",
       }},
      // Usage rows keyed by (api, day, ...): that one b-tree is both the upsert's
      // conflict target and the report's day range, so the (api, day) index
      // goes. On SQLite the table has no rowid either, so an ingest's upserts
      // write one b-tree instead of three, and a log's rows (one day after
      // another) land near each other instead of all over the file.
      {4,
       "usage rows keyed by API and day first",
       {
           "sqlite:CREATE TABLE usage_counts_v4 ("
           " api TEXT NOT NULL, day BIGINT NOT NULL, operation TEXT NOT NULL, consumer TEXT NOT NULL,"
           " status_class INTEGER NOT NULL, calls BIGINT NOT NULL, first_seen BIGINT NOT NULL, last_seen BIGINT NOT NULL,"
           " PRIMARY KEY (api, day, operation, consumer, status_class)) WITHOUT ROWID",
           "postgres:CREATE TABLE usage_counts_v4 ("
           " api TEXT NOT NULL, day BIGINT NOT NULL, operation TEXT NOT NULL, consumer TEXT NOT NULL,"
           " status_class INTEGER NOT NULL, calls BIGINT NOT NULL, first_seen BIGINT NOT NULL, last_seen BIGINT NOT NULL,"
           " PRIMARY KEY (api, day, operation, consumer, status_class))",
           "INSERT INTO usage_counts_v4 (api, day, operation, consumer, status_class, calls, first_seen, last_seen)"
           " SELECT api, day, operation, consumer, status_class, calls, first_seen, last_seen FROM usage_counts",
           "DROP TABLE usage_counts",
           "ALTER TABLE usage_counts_v4 RENAME TO usage_counts",
       }},
  };
  return kMigrations;
}

std::optional<std::string_view> statement_for(std::string_view statement, SqlDialect dialect) {
  constexpr std::string_view kSqlite = "sqlite:", kPostgres = "postgres:";
  if (statement.starts_with(kSqlite))
    return dialect == SqlDialect::sqlite ? std::optional(statement.substr(kSqlite.size())) : std::nullopt;
  if (statement.starts_with(kPostgres))
    return dialect == SqlDialect::postgres ? std::optional(statement.substr(kPostgres.size())) : std::nullopt;
  return statement;
}

}  // namespace accord::registry
