#include "registry/store/sql_text.h"

namespace accord::registry {

namespace {

// Writes "?" (SQLite) or "$n" (PostgreSQL) for each '?' in `sql`.
std::string placeholders(std::string_view sql, SqlDialect dialect) {
  if (dialect == SqlDialect::sqlite) return std::string(sql);
  std::string out;
  int n = 0;
  for (char c : sql) {
    if (c != '?') {
      out += c;
      continue;
    }
    out += '$';
    out += std::to_string(++n);
  }
  return out;
}

SqlText build(SqlDialect d) {
  const std::string least = d == SqlDialect::sqlite ? "min" : "LEAST";
  const std::string greatest = d == SqlDialect::sqlite ? "max" : "GREATEST";
  SqlText t;
  t.upsert_count = placeholders(
      "INSERT INTO usage_counts (api, operation, consumer, day, status_class, calls, first_seen, last_seen)"
      " VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (api, day, operation, consumer, status_class) DO UPDATE SET"
      " calls = usage_counts.calls + excluded.calls,"
      " first_seen = " + least + "(usage_counts.first_seen, excluded.first_seen),"
      " last_seen = " + greatest + "(usage_counts.last_seen, excluded.last_seen)", d);
  t.upsert_unmatched = placeholders(
      "INSERT INTO unmatched_requests (api, request, calls) VALUES (?, ?, ?)"
      " ON CONFLICT (api, request) DO UPDATE SET calls = unmatched_requests.calls + excluded.calls", d);
  t.upsert_day = placeholders(
      "INSERT INTO log_days (api, day, lines, unmatched) VALUES (?, ?, ?, ?) ON CONFLICT (api, day) DO UPDATE SET"
      " lines = log_days.lines + excluded.lines, unmatched = log_days.unmatched + excluded.unmatched", d);
  t.upsert_label = placeholders(
      "INSERT INTO operations (api, operation, label) VALUES (?, ?, ?)"
      " ON CONFLICT (api, operation) DO UPDATE SET label = excluded.label", d);
  t.upsert_checkpoint = placeholders(
      "INSERT INTO ingest_files (api, file_key, path, byte_offset, line_number, malformed, complete)"
      " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (api, file_key) DO UPDATE SET path = excluded.path,"
      " byte_offset = excluded.byte_offset, line_number = excluded.line_number, malformed = excluded.malformed,"
      " complete = excluded.complete", d);
  t.select_checkpoint = placeholders(
      "SELECT path, byte_offset, line_number, malformed, complete FROM ingest_files WHERE api = ? AND file_key = ?", d);
  t.select_checkpoints_with_prefix = placeholders(
      "SELECT file_key, path, byte_offset, line_number, malformed, complete FROM ingest_files"
      " WHERE api = ? AND substr(file_key, 1, ?) = ? ORDER BY file_key", d);
  t.delete_pacts = placeholders(
      "DELETE FROM pact_usage WHERE consumer = ? AND provider = ? AND consumer_version = ?", d);
  t.count_consumer_pacts = placeholders(
      "SELECT COUNT(*) FROM pact_usage WHERE consumer = ? AND field = ''", d);
  t.count_consumer_version_pacts = placeholders(
      "SELECT COUNT(*) FROM pact_usage WHERE consumer = ? AND consumer_version = ? AND field = ''", d);
  t.forget_consumer_pacts = placeholders("DELETE FROM pact_usage WHERE consumer = ?", d);
  t.forget_consumer_version_pacts =
      placeholders("DELETE FROM pact_usage WHERE consumer = ? AND consumer_version = ?", d);
  t.insert_pact = placeholders(
      "INSERT INTO pact_usage (source, consumer, provider, method, path, field, consumer_version, interaction)"
      " VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
      " ON CONFLICT DO NOTHING", d);
  t.select_counts = placeholders(
      "SELECT operation, consumer, day, status_class, calls, first_seen, last_seen FROM usage_counts"
      " WHERE api = ? AND day >= ? ORDER BY operation, consumer, day, status_class", d);
  t.select_unmatched = placeholders(
      "SELECT request, calls FROM unmatched_requests WHERE api = ? ORDER BY calls DESC, request LIMIT 20", d);
  t.select_days = placeholders("SELECT day, lines, unmatched FROM log_days WHERE api = ? AND day >= ? ORDER BY day", d);
  t.select_pacts = "SELECT source, consumer, provider, method, path, field, consumer_version, interaction"
                   " FROM pact_usage ORDER BY consumer, consumer_version, method, path, field, interaction";
  t.select_labels = placeholders("SELECT operation, label FROM operations WHERE api = ? ORDER BY operation", d);
  t.select_malformed = placeholders("SELECT COALESCE(SUM(malformed), 0) FROM ingest_files WHERE api = ?", d);
  t.select_apis = "SELECT DISTINCT api FROM log_days ORDER BY api";
  t.count_unnamed_days = "SELECT COUNT(*) FROM log_days WHERE api = ''";
  t.count_overlapping_days = placeholders(
      "SELECT COUNT(*) FROM log_days unnamed JOIN log_days named ON unnamed.day = named.day"
      " WHERE unnamed.api = '' AND named.api = ?", d);
  // Days do not overlap (checked first), so counts and days move as they are;
  // unmatched requests and labels have no day and are merged.
  t.adopt_unnamed = {
      placeholders("UPDATE usage_counts SET api = ? WHERE api = ''", d),
      placeholders("UPDATE log_days SET api = ? WHERE api = ''", d),
      placeholders("INSERT INTO unmatched_requests (api, request, calls) SELECT ?, request, calls FROM unmatched_requests"
                   " WHERE api = '' ON CONFLICT (api, request) DO UPDATE SET calls = unmatched_requests.calls + excluded.calls", d),
      placeholders("INSERT INTO operations (api, operation, label) SELECT ?, operation, label FROM operations"
                   " WHERE api = '' ON CONFLICT (api, operation) DO NOTHING", d),
      placeholders("INSERT INTO ingest_files (api, file_key, path, byte_offset, line_number, malformed, complete)"
                   " SELECT ?, file_key, path, byte_offset, line_number, malformed, complete FROM ingest_files"
                   " WHERE api = '' ON CONFLICT (api, file_key) DO NOTHING", d),
  };
  t.drop_unnamed = {"DELETE FROM unmatched_requests WHERE api = ''", "DELETE FROM operations WHERE api = ''",
                    "DELETE FROM ingest_files WHERE api = ''"};
  t.create_migrations_table =
      "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, description TEXT NOT NULL)";
  t.select_versions = "SELECT version FROM schema_migrations ORDER BY version";
  t.insert_version = placeholders("INSERT INTO schema_migrations (version, description) VALUES (?, ?)", d);
  return t;
}

}  // namespace

const SqlText& sql_text(SqlDialect dialect) {
  static const SqlText sqlite = build(SqlDialect::sqlite);
  static const SqlText postgres = build(SqlDialect::postgres);
  return dialect == SqlDialect::sqlite ? sqlite : postgres;
}

}  // namespace accord::registry
