// The shared registry: PostgreSQL through libpq, for teams whose CI runners
// write to one registry. Same schema and migrations as SQLite.
#include <algorithm>
#include <variant>

#include "registry/store/migrations.h"
#include "registry/store/pq_library.h"
#include "registry/store/sql_text.h"
#include "registry/store/store.h"

namespace accord::registry {

namespace {

using Value = std::variant<int64_t, std::string>;

// libpq, loaded: open_postgres_store returns an error before any connection
// exists when it could not be, so everything below may use it.
const PqLibrary& pq() { return **pq_library(); }

struct ResultDeleter {
  void operator()(PGresult* r) const { pq().clear(r); }
};
using Result = std::unique_ptr<PGresult, ResultDeleter>;

// "postgresql://user:secret@host/db" -> "postgresql://user@host/db": never print a password.
std::string redact(const std::string& url) {
  size_t scheme = url.find("://");
  size_t at = url.find('@');
  if (scheme == std::string::npos || at == std::string::npos) return url;
  size_t colon = url.find(':', scheme + 3);
  if (colon == std::string::npos || colon > at) return url;
  return url.substr(0, colon) + url.substr(at);
}

class PostgresStore final : public UsageStore {
 public:
  PostgresStore(PGconn* conn, std::string target)
      : conn_(conn), target_(redact(target)), sql_(sql_text(SqlDialect::postgres)) {}
  ~PostgresStore() override { pq().finish(conn_); }

  std::string describe() const override { return target_; }

  core::Status migrate() override {
    // Two runners migrating at once: the advisory lock makes one wait for the other.
    if (auto r = exec("SELECT pg_advisory_lock(4242001)"); !r) return r.error();
    core::Status status = migrate_locked();
    exec("SELECT pg_advisory_unlock(4242001)");
    return status;
  }

  int schema_version() override {
    auto r = exec(sql_.select_versions);
    if (!r || pq().ntuples(r->get()) == 0) return 0;
    return std::atoi(pq().getvalue(r->get(), pq().ntuples(r->get()) - 1, 0));
  }

  core::Expected<std::optional<Checkpoint>> find_checkpoint(const std::string& api,
                                                            const std::string& file_key) override {
    auto r = exec(sql_.select_checkpoint, {api, file_key});
    if (!r) return r.error();
    if (pq().ntuples(r->get()) == 0) return std::optional<Checkpoint>();
    Checkpoint cp;
    cp.file_key = file_key;
    cp.path = pq().getvalue(r->get(), 0, 0);
    cp.byte_offset = integer(*r, 0, 1);
    cp.line_number = integer(*r, 0, 2);
    cp.malformed = integer(*r, 0, 3);
    cp.complete = integer(*r, 0, 4) != 0;
    return std::optional<Checkpoint>(cp);
  }

  core::Expected<std::vector<Checkpoint>> find_checkpoints_with_prefix(const std::string& api,
                                                                       const std::string& prefix) override {
    auto r = exec(sql_.select_checkpoints_with_prefix, {api, static_cast<int64_t>(prefix.size()), prefix});
    if (!r) return r.error();
    std::vector<Checkpoint> found;
    for (int i = 0; i < pq().ntuples(r->get()); ++i)
      found.push_back({text(*r, i, 0), text(*r, i, 1), integer(*r, i, 2), integer(*r, i, 3), integer(*r, i, 4),
                       integer(*r, i, 5) != 0});
    return found;
  }

  // One transaction at a time per file identity: the advisory lock, taken before
  // any counter is touched, serializes concurrent ingests of one file even before
  // its checkpoint row exists; the loser sees the offset moved and counts nothing.
  core::Status claim_checkpoint(const std::string& api, const Checkpoint& cp) {
    if (auto r = exec("SELECT pg_advisory_xact_lock(hashtext($1))", {api + "\n" + cp.file_key}); !r) return r.error();
    auto stored = find_checkpoint(api, cp.file_key);
    if (!stored) return stored.error();
    if ((*stored ? (*stored)->byte_offset : -1) != cp.claimed_offset) return core::make_error(concurrent_ingest_message(cp.path));
    return core::ok_status();
  }

  core::Status commit(const IngestBatch& batch) override {
    if (auto r = exec("BEGIN"); !r) return r.error();
    if (batch.checkpoint)
      if (auto s = claim_checkpoint(batch.api, *batch.checkpoint); !s) return rollback(s.error());
    for (const UsageCount& c : batch.counts)
      if (auto r = exec(sql_.upsert_count, {batch.api, c.operation, c.consumer, c.day, int64_t{c.status_class}, c.calls,
                                            c.first_seen, c.last_seen});
          !r)
        return rollback(r.error());
    for (const UnmatchedCount& u : batch.unmatched)
      if (auto r = exec(sql_.upsert_unmatched, {batch.api, u.request, u.calls}); !r) return rollback(r.error());
    for (const DayLines& d : batch.days)
      if (auto r = exec(sql_.upsert_day, {batch.api, d.day, d.lines, d.unmatched}); !r) return rollback(r.error());
    for (const auto& [key, label] : batch.operation_labels)
      if (auto r = exec(sql_.upsert_label, {batch.api, key, label}); !r) return rollback(r.error());
    if (const auto& cp = batch.checkpoint) {
      if (auto r = exec(sql_.upsert_checkpoint, {batch.api, cp->file_key, cp->path, cp->byte_offset, cp->line_number,
                                                 cp->malformed, int64_t{cp->complete ? 1 : 0}});
          !r)
        return rollback(r.error());
    }
    if (auto r = exec("COMMIT"); !r) return rollback(r.error());
    return core::ok_status();
  }

  core::Status replace_pact_usage(const PactKey& key, const std::vector<PactUsage>& usage) override {
    if (auto r = exec("BEGIN"); !r) return r.error();
    if (auto r = exec(sql_.delete_pacts, {key.consumer, key.provider, key.consumer_version}); !r)
      return rollback(r.error());
    for (const PactUsage& p : usage)
      if (auto r = exec(sql_.insert_pact, {p.source, p.consumer, p.provider, p.method, p.path, p.field,
                                                p.consumer_version, p.interaction}); !r)
        return rollback(r.error());
    if (auto r = exec("COMMIT"); !r) return rollback(r.error());
    return core::ok_status();
  }

  core::Expected<int64_t> forget_pacts(const std::string& consumer, const std::optional<std::string>& version) override {
    if (auto r = exec("BEGIN"); !r) return r.error();
    auto count = version ? exec(sql_.count_consumer_version_pacts, {consumer, *version})
                         : exec(sql_.count_consumer_pacts, {consumer});
    if (!count) return rollback(count.error()).error();
    const int64_t interactions = integer(*count, 0, 0);
    auto removed = version ? exec(sql_.forget_consumer_version_pacts, {consumer, *version})
                           : exec(sql_.forget_consumer_pacts, {consumer});
    if (!removed) return rollback(removed.error()).error();
    if (auto r = exec("COMMIT"); !r) return rollback(r.error()).error();
    return interactions;
  }

  core::Expected<AdoptResult> adopt_unnamed_rows(const std::string& api) override {
    if (auto r = exec("BEGIN"); !r) return r.error();
    // One adoption at a time, and no ingest of '' rows meanwhile (none writes them any more).
    if (auto r = exec("LOCK TABLE log_days IN EXCLUSIVE MODE"); !r) return rollback(r.error()).error();
    auto days = exec(sql_.count_unnamed_days);
    if (!days) return rollback(days.error()).error();
    auto overlap = exec(sql_.count_overlapping_days, {api});
    if (!overlap) return rollback(overlap.error()).error();
    AdoptResult result{integer(*days, 0, 0), integer(*overlap, 0, 0)};
    if (result.days == 0 || result.overlapping_days > 0) {
      exec("ROLLBACK");
      return result;
    }
    for (const std::string& sql : sql_.adopt_unnamed)
      if (auto r = exec(sql, {api}); !r) return rollback(r.error()).error();
    for (const std::string& sql : sql_.drop_unnamed)
      if (auto r = exec(sql); !r) return rollback(r.error()).error();
    if (auto r = exec("COMMIT"); !r) return rollback(r.error()).error();
    return result;
  }

  core::Expected<UsageSnapshot> load(const std::string& api, int64_t since_day) override {
    UsageSnapshot snap;
    snap.api = api;
    auto counts = exec(sql_.select_counts, {api, since_day});
    if (!counts) return counts.error();
    for (int i = 0; i < pq().ntuples(counts->get()); ++i)
      snap.counts.push_back({text(*counts, i, 0), text(*counts, i, 1), integer(*counts, i, 2),
                             static_cast<int>(integer(*counts, i, 3)), integer(*counts, i, 4), integer(*counts, i, 5),
                             integer(*counts, i, 6)});
    auto unmatched = exec(sql_.select_unmatched, {api});
    if (!unmatched) return unmatched.error();
    for (int i = 0; i < pq().ntuples(unmatched->get()); ++i)
      snap.unmatched.push_back({text(*unmatched, i, 0), integer(*unmatched, i, 1)});
    auto days = exec(sql_.select_days, {api, since_day});
    if (!days) return days.error();
    for (int i = 0; i < pq().ntuples(days->get()); ++i)
      snap.days.push_back({integer(*days, i, 0), integer(*days, i, 1), integer(*days, i, 2)});
    auto pacts = exec(sql_.select_pacts);
    if (!pacts) return pacts.error();
    for (int i = 0; i < pq().ntuples(pacts->get()); ++i)
      snap.pacts.push_back({text(*pacts, i, 1), text(*pacts, i, 2), text(*pacts, i, 3), text(*pacts, i, 4),
                            text(*pacts, i, 5), text(*pacts, i, 0), text(*pacts, i, 6), text(*pacts, i, 7)});
    auto labels = exec(sql_.select_labels, {api});
    if (!labels) return labels.error();
    for (int i = 0; i < pq().ntuples(labels->get()); ++i)
      snap.operation_labels.emplace_back(text(*labels, i, 0), text(*labels, i, 1));
    auto malformed = exec(sql_.select_malformed, {api});
    if (!malformed) return malformed.error();
    if (pq().ntuples(malformed->get()) > 0) snap.malformed_lines = integer(*malformed, 0, 0);
    auto apis = exec(sql_.select_apis);
    if (!apis) return apis.error();
    for (int i = 0; i < pq().ntuples(apis->get()); ++i) snap.recorded_apis.push_back(text(*apis, i, 0));
    return snap;
  }

 private:
  core::Status migrate_locked() {
    if (auto r = exec(sql_.create_migrations_table); !r) return r.error();
    auto versions = exec(sql_.select_versions);
    if (!versions) return versions.error();
    std::vector<int> applied;
    for (int i = 0; i < pq().ntuples(versions->get()); ++i) applied.push_back(static_cast<int>(integer(*versions, i, 0)));
    for (const Migration& m : migrations()) {
      if (std::find(applied.begin(), applied.end(), m.version) != applied.end()) continue;
      if (auto r = exec("BEGIN"); !r) return r.error();
      for (std::string_view statement : m.statements)
        if (auto sql = statement_for(statement, SqlDialect::postgres))
          if (auto r = exec(std::string(*sql)); !r) return rollback(r.error());
      if (auto r = exec(sql_.insert_version, {int64_t{m.version}, std::string(m.description)}); !r)
        return rollback(r.error());
      if (auto r = exec("COMMIT"); !r) return rollback(r.error());
    }
    return core::ok_status();
  }

  static int64_t integer(const Result& r, int row, int column) {
    return std::strtoll(pq().getvalue(r.get(), row, column), nullptr, 10);
  }
  static std::string text(const Result& r, int row, int column) {
    return std::string(pq().getvalue(r.get(), row, column), static_cast<size_t>(pq().getlength(r.get(), row, column)));
  }

  core::Expected<Result> exec(const std::string& sql, const std::vector<Value>& values = {}) {
    std::vector<std::string> texts;
    texts.reserve(values.size());
    for (const Value& v : values)
      texts.push_back(std::holds_alternative<int64_t>(v) ? std::to_string(std::get<int64_t>(v)) : std::get<std::string>(v));
    std::vector<const char*> params;
    for (const std::string& t : texts) params.push_back(t.c_str());
    Result r(values.empty() ? pq().exec(conn_, sql.c_str())
                            : pq().exec_params(conn_, sql.c_str(), static_cast<int>(params.size()), nullptr,
                                           params.data(), nullptr, nullptr, 0));
    ExecStatusType status = r ? pq().result_status(r.get()) : PGRES_FATAL_ERROR;
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
      std::string message = pq().error_message(conn_);
      while (!message.empty() && message.back() == '\n') message.pop_back();
      return core::make_error("usage registry " + target_ + ": " + message);
    }
    return r;
  }

  core::Status rollback(core::Error failure) {
    Result(pq().exec(conn_, "ROLLBACK"));
    return failure;
  }

  PGconn* conn_;
  std::string target_;
  const SqlText& sql_;
};

}  // namespace

core::Expected<std::unique_ptr<UsageStore>> open_postgres_store(const std::string& conninfo, OpenMode mode) {
  if (const auto& loaded = pq_library(); !loaded) return loaded.error();
  PGconn* conn = pq().connectdb(conninfo.c_str());
  if (!conn || pq().status(conn) != CONNECTION_OK) {
    std::string message = conn ? pq().error_message(conn) : "out of memory";
    while (!message.empty() && message.back() == '\n') message.pop_back();
    if (conn) pq().finish(conn);
    return core::make_error("cannot connect to usage registry " + redact(conninfo) + ": " + message);
  }
  Result(pq().exec(conn, "SET client_min_messages TO warning"));
  std::unique_ptr<UsageStore> store = std::make_unique<PostgresStore>(conn, conninfo);
  if (mode == OpenMode::existing && store->schema_version() == 0)
    return core::make_error("no usage registry in " + redact(conninfo) +
                            " (no accord schema: check --registry, or run `accord usage ingest` first)");
  if (auto s = store->migrate(); !s) return s.error();
  return store;
}

}  // namespace accord::registry
