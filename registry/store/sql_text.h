// The statements both SQL backends run, in each one's dialect. They differ
// only in placeholders ($1 vs ?) and LEAST/GREATEST vs min/max.
#pragma once

#include <string>
#include <vector>

namespace accord::registry {

enum class SqlDialect { sqlite, postgres };

struct SqlText {
  // Every statement on usage data takes the API first.
  std::string upsert_count;      // api, operation, consumer, day, status_class, calls, first_seen, last_seen
  std::string upsert_unmatched;  // api, request, calls
  std::string upsert_day;        // api, day, lines, unmatched
  std::string upsert_label;      // api, operation, label
  std::string upsert_checkpoint; // api, file_key, path, byte_offset, line_number, malformed, complete
  std::string select_checkpoint; // api, file_key
  std::string select_checkpoints_with_prefix;  // api, prefix length, prefix
  std::string delete_pacts;      // consumer, provider, consumer_version
  std::string count_consumer_pacts;           // consumer
  std::string count_consumer_version_pacts;   // consumer, consumer_version
  std::string forget_consumer_pacts;          // consumer
  std::string forget_consumer_version_pacts;  // consumer, consumer_version
  std::string insert_pact;       // source, consumer, provider, method, path, field, consumer_version, interaction
  std::string select_counts;     // api, since_day
  std::string select_unmatched;  // api
  std::string select_days;       // api, since_day
  std::string select_pacts;
  std::string select_labels;     // api
  std::string select_malformed;  // api
  std::string select_apis;       // the APIs that have days recorded
  std::string count_unnamed_days;      // days of log data under api ''
  std::string count_overlapping_days;  // api: days both '' and it have
  std::vector<std::string> adopt_unnamed;  // each takes the API once: moves every '' row to it
  std::vector<std::string> drop_unnamed;   // then removes the '' rows copied above
  std::string create_migrations_table;
  std::string select_versions;
  std::string insert_version;    // version, description
};

const SqlText& sql_text(SqlDialect dialect);

}  // namespace accord::registry
