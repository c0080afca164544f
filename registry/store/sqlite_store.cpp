// The default registry: one SQLite file. WAL journal, so a killed ingest
// never loses a committed batch and readers do not block the writer.
#include <sqlite3.h>
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <variant>

#include "registry/store/migrations.h"
#include "registry/store/sql_text.h"
#include "registry/store/store.h"

namespace accord::registry {

namespace {

using Value = std::variant<int64_t, std::string>;

class Statement {
 public:
  Statement(sqlite3* db, const std::string& sql) { rc_ = sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt_, nullptr); }
  ~Statement() { sqlite3_finalize(stmt_); }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  bool ok() const { return rc_ == SQLITE_OK; }
  void bind(const std::vector<Value>& values) {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
    for (size_t i = 0; i < values.size(); ++i) {
      const int index = static_cast<int>(i + 1);
      if (const int64_t* n = std::get_if<int64_t>(&values[i])) sqlite3_bind_int64(stmt_, index, *n);
      else {
        const std::string& s = std::get<std::string>(values[i]);
        sqlite3_bind_text(stmt_, index, s.data(), static_cast<int>(s.size()), SQLITE_TRANSIENT);
      }
    }
  }
  // A usage row, bound without copying its strings (SQLITE_STATIC): the batch
  // outlives the step that follows. The hot loop of a commit.
  void bind_count(const std::string& api, const UsageCount& c) {
    sqlite3_reset(stmt_);
    bind_text_static(1, api);
    bind_text_static(2, c.operation);
    bind_text_static(3, c.consumer);
    sqlite3_bind_int64(stmt_, 4, c.day);
    sqlite3_bind_int64(stmt_, 5, c.status_class);
    sqlite3_bind_int64(stmt_, 6, c.calls);
    sqlite3_bind_int64(stmt_, 7, c.first_seen);
    sqlite3_bind_int64(stmt_, 8, c.last_seen);
  }
  int step() { return sqlite3_step(stmt_); }
  int64_t integer(int column) { return sqlite3_column_int64(stmt_, column); }
  std::string text(int column) {
    const unsigned char* t = sqlite3_column_text(stmt_, column);
    return t ? std::string(reinterpret_cast<const char*>(t), static_cast<size_t>(sqlite3_column_bytes(stmt_, column)))
             : std::string();
  }

 private:
  void bind_text_static(int index, const std::string& s) {
    sqlite3_bind_text(stmt_, index, s.data(), static_cast<int>(s.size()), SQLITE_STATIC);
  }

  sqlite3_stmt* stmt_ = nullptr;
  int rc_;
};

// Creates the parent directories of `path` (like mkdir -p).
void make_parent_directories(const std::string& path) {
  for (size_t slash = path.find('/', 1); slash != std::string::npos; slash = path.find('/', slash + 1))
    ::mkdir(path.substr(0, slash).c_str(), 0755);
}

class SqliteStore final : public UsageStore {
 public:
  SqliteStore(sqlite3* db, std::string path) : db_(db), path_(std::move(path)), sql_(sql_text(SqlDialect::sqlite)) {}
  ~SqliteStore() override { sqlite3_close(db_); }

  std::string describe() const override { return "sqlite:" + path_; }

  core::Status migrate() override {
    if (auto s = exec(sql_.create_migrations_table); !s) return s;
    auto applied = applied_versions();
    if (!applied) return applied.error();
    for (const Migration& m : migrations()) {
      if (std::find(applied->begin(), applied->end(), m.version) != applied->end()) continue;
      if (auto s = exec("BEGIN IMMEDIATE"); !s) return s;
      // Another process opening the same registry may have applied it since
      // we looked: look again under the write lock, so it is applied once.
      auto now = applied_versions();
      if (!now) return rollback(now.error());
      if (std::find(now->begin(), now->end(), m.version) != now->end()) {
        if (auto s = exec("COMMIT"); !s) return rollback(s);
        continue;
      }
      for (std::string_view statement : m.statements)
        if (auto sql = statement_for(statement, SqlDialect::sqlite))
          if (auto s = exec(std::string(*sql)); !s) return rollback(s);
      if (auto s = run(sql_.insert_version, {int64_t{m.version}, std::string(m.description)}); !s) return rollback(s);
      if (auto s = exec("COMMIT"); !s) return rollback(s);
    }
    return core::ok_status();
  }

  int schema_version() override {
    auto applied = applied_versions();
    return applied && !applied->empty() ? applied->back() : 0;
  }

  core::Expected<std::optional<Checkpoint>> find_checkpoint(const std::string& api,
                                                            const std::string& file_key) override {
    Statement st(db_, sql_.select_checkpoint);
    if (!st.ok()) return error("prepare");
    st.bind({api, file_key});
    int rc = st.step();
    if (rc == SQLITE_DONE) return std::optional<Checkpoint>();
    if (rc != SQLITE_ROW) return error("read checkpoint");
    Checkpoint cp;
    cp.file_key = file_key;
    cp.path = st.text(0);
    cp.byte_offset = st.integer(1);
    cp.line_number = st.integer(2);
    cp.malformed = st.integer(3);
    cp.complete = st.integer(4) != 0;
    return std::optional<Checkpoint>(cp);
  }

  core::Expected<std::vector<Checkpoint>> find_checkpoints_with_prefix(const std::string& api,
                                                                       const std::string& prefix) override {
    Statement st(db_, sql_.select_checkpoints_with_prefix);
    if (!st.ok()) return error("prepare");
    st.bind({api, static_cast<int64_t>(prefix.size()), prefix});
    std::vector<Checkpoint> found;
    int rc;
    while ((rc = st.step()) == SQLITE_ROW)
      found.push_back({st.text(0), st.text(1), st.integer(2), st.integer(3), st.integer(4), st.integer(5) != 0});
    if (rc != SQLITE_DONE) return error("read checkpoints");
    return found;
  }

  core::Status commit(const IngestBatch& batch) override {
    if (auto s = exec("BEGIN IMMEDIATE"); !s) return s;
    Statement counts(db_, sql_.upsert_count), unmatched(db_, sql_.upsert_unmatched), days(db_, sql_.upsert_day),
        labels(db_, sql_.upsert_label), checkpoint(db_, sql_.upsert_checkpoint);
    if (!counts.ok() || !unmatched.ok() || !days.ok() || !labels.ok() || !checkpoint.ok())
      return rollback(error("prepare"));
    for (const UsageCount& c : batch.counts) {
      counts.bind_count(batch.api, c);
      if (counts.step() != SQLITE_DONE) return rollback(error("write usage"));
    }
    for (const UnmatchedCount& u : batch.unmatched) {
      unmatched.bind({batch.api, u.request, u.calls});
      if (unmatched.step() != SQLITE_DONE) return rollback(error("write unmatched"));
    }
    for (const DayLines& d : batch.days) {
      days.bind({batch.api, d.day, d.lines, d.unmatched});
      if (days.step() != SQLITE_DONE) return rollback(error("write days"));
    }
    for (const auto& [key, label] : batch.operation_labels) {
      labels.bind({batch.api, key, label});
      if (labels.step() != SQLITE_DONE) return rollback(error("write operations"));
    }
    if (const auto& cp = batch.checkpoint) {
      // BEGIN IMMEDIATE holds the write lock: no other ingest can move the checkpoint between this read and the write.
      auto stored = find_checkpoint(batch.api, cp->file_key);
      if (!stored) return rollback(stored.error());
      if ((*stored ? (*stored)->byte_offset : -1) != cp->claimed_offset)
        return rollback(core::make_error(concurrent_ingest_message(cp->path)));
      checkpoint.bind({batch.api, cp->file_key, cp->path, cp->byte_offset, cp->line_number, cp->malformed,
                       int64_t{cp->complete ? 1 : 0}});
      if (checkpoint.step() != SQLITE_DONE) return rollback(error("write checkpoint"));
    }
    if (auto s = exec("COMMIT"); !s) return rollback(s);
    return core::ok_status();
  }

  core::Status replace_pact_usage(const PactKey& key, const std::vector<PactUsage>& usage) override {
    if (auto s = exec("BEGIN IMMEDIATE"); !s) return s;
    if (auto s = run(sql_.delete_pacts, {key.consumer, key.provider, key.consumer_version}); !s) return rollback(s);
    Statement insert(db_, sql_.insert_pact);
    if (!insert.ok()) return rollback(error("prepare"));
    for (const PactUsage& p : usage) {
      insert.bind({p.source, p.consumer, p.provider, p.method, p.path, p.field, p.consumer_version, p.interaction});
      if (insert.step() != SQLITE_DONE) return rollback(error("write pact usage"));
    }
    if (auto s = exec("COMMIT"); !s) return rollback(s);
    return core::ok_status();
  }

  core::Expected<int64_t> forget_pacts(const std::string& consumer, const std::optional<std::string>& version) override {
    if (auto s = exec("BEGIN IMMEDIATE"); !s) return s.error();
    Statement count(db_, version ? sql_.count_consumer_version_pacts : sql_.count_consumer_pacts);
    if (!count.ok()) return rollback(error("prepare")).error();
    if (version) count.bind({consumer, *version});
    else count.bind({consumer});
    if (count.step() != SQLITE_ROW) return rollback(error("count pacts")).error();
    const int64_t interactions = count.integer(0);
    auto removed = version ? run(sql_.forget_consumer_version_pacts, {consumer, *version})
                           : run(sql_.forget_consumer_pacts, {consumer});
    if (!removed) return rollback(removed).error();
    if (auto s = exec("COMMIT"); !s) return rollback(s).error();
    return interactions;
  }

  core::Expected<AdoptResult> adopt_unnamed_rows(const std::string& api) override {
    if (auto s = exec("BEGIN IMMEDIATE"); !s) return s.error();
    AdoptResult result;
    auto days = count(sql_.count_unnamed_days, {});
    auto overlap = count(sql_.count_overlapping_days, {api});
    if (!days || !overlap) return rollback(error("count days")).error();
    result.days = *days;
    result.overlapping_days = *overlap;
    if (result.days == 0 || result.overlapping_days > 0) {
      exec("ROLLBACK");
      return result;
    }
    for (const std::string& sql : sql_.adopt_unnamed)
      if (auto s = run(sql, {api}); !s) return rollback(s).error();
    for (const std::string& sql : sql_.drop_unnamed)
      if (auto s = exec(sql); !s) return rollback(s).error();
    if (auto s = exec("COMMIT"); !s) return rollback(s).error();
    return result;
  }

  core::Expected<UsageSnapshot> load(const std::string& api, int64_t since_day) override {
    UsageSnapshot snap;
    snap.api = api;
    Statement counts(db_, sql_.select_counts);
    if (!counts.ok()) return error("prepare");
    counts.bind({api, since_day});
    while (counts.step() == SQLITE_ROW)
      snap.counts.push_back({counts.text(0), counts.text(1), counts.integer(2), static_cast<int>(counts.integer(3)),
                             counts.integer(4), counts.integer(5), counts.integer(6)});
    Statement unmatched(db_, sql_.select_unmatched);
    unmatched.bind({api});
    while (unmatched.ok() && unmatched.step() == SQLITE_ROW)
      snap.unmatched.push_back({unmatched.text(0), unmatched.integer(1)});
    Statement days(db_, sql_.select_days);
    days.bind({api, since_day});
    while (days.ok() && days.step() == SQLITE_ROW)
      snap.days.push_back({days.integer(0), days.integer(1), days.integer(2)});
    Statement pacts(db_, sql_.select_pacts);
    while (pacts.ok() && pacts.step() == SQLITE_ROW)
      snap.pacts.push_back({pacts.text(1), pacts.text(2), pacts.text(3), pacts.text(4), pacts.text(5), pacts.text(0),
                            pacts.text(6), pacts.text(7)});
    Statement labels(db_, sql_.select_labels);
    labels.bind({api});
    while (labels.ok() && labels.step() == SQLITE_ROW) snap.operation_labels.emplace_back(labels.text(0), labels.text(1));
    Statement malformed(db_, sql_.select_malformed);
    malformed.bind({api});
    if (malformed.ok() && malformed.step() == SQLITE_ROW) snap.malformed_lines = malformed.integer(0);
    Statement apis(db_, sql_.select_apis);
    while (apis.ok() && apis.step() == SQLITE_ROW) snap.recorded_apis.push_back(apis.text(0));
    return snap;
  }

 private:
  core::Expected<std::vector<int>> applied_versions() {
    Statement st(db_, sql_.select_versions);
    if (!st.ok()) return error("read schema version");
    std::vector<int> out;
    while (st.step() == SQLITE_ROW) out.push_back(static_cast<int>(st.integer(0)));
    return out;
  }
  core::Error error(const std::string& what) const {
    return core::make_error("usage registry " + path_ + ": " + what + ": " + sqlite3_errmsg(db_));
  }
  core::Status exec(const std::string& sql) {
    char* message = nullptr;
    if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
      std::string text = message ? message : "error";
      sqlite3_free(message);
      return core::make_error("usage registry " + path_ + ": " + text);
    }
    return core::ok_status();
  }
  core::Status run(const std::string& sql, const std::vector<Value>& values) {
    Statement st(db_, sql);
    if (!st.ok()) return error("prepare");
    st.bind(values);
    if (st.step() != SQLITE_DONE) return error("write");
    return core::ok_status();
  }
  std::optional<int64_t> count(const std::string& sql, const std::vector<Value>& values) {
    Statement st(db_, sql);
    if (!st.ok()) return std::nullopt;
    st.bind(values);
    if (st.step() != SQLITE_ROW) return std::nullopt;
    return st.integer(0);
  }
  core::Status rollback(core::Status failure) {
    sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
    return failure;
  }

  sqlite3* db_;
  std::string path_;
  const SqlText& sql_;
};

}  // namespace

core::Expected<std::unique_ptr<UsageStore>> open_sqlite_store(const std::string& path, OpenMode mode) {
  struct stat file_status {};
  if (mode == OpenMode::existing && ::stat(path.c_str(), &file_status) != 0)
    return core::make_error("no usage registry at " + path +
                            " (nothing was ingested there: check --registry, or run `accord usage ingest` first)");
  if (mode == OpenMode::create) make_parent_directories(path);
  sqlite3* db = nullptr;
  // One thread uses a store: no per-call connection mutex (NOMUTEX).
  const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | (mode == OpenMode::create ? SQLITE_OPEN_CREATE : 0);
  if (sqlite3_open_v2(path.c_str(), &db, flags, nullptr) != SQLITE_OK) {
    std::string message = db ? sqlite3_errmsg(db) : "out of memory";
    sqlite3_close(db);
    return core::make_error("cannot open usage registry " + path + ": " + message);
  }
  sqlite3_busy_timeout(db, 30000);
  // WAL: a committed transaction survives a killed process; NORMAL sync is enough for that.
  sqlite3_exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;", nullptr, nullptr, nullptr);
  // An ingest batch upserts tens of thousands of rows across the whole table
  // and its two indexes; with SQLite's default 2 MB page cache most of them
  // re-read and evict pages. Up to 64 MB, taken only as the file needs it.
  sqlite3_exec(db, "PRAGMA cache_size=-65536;", nullptr, nullptr, nullptr);
  std::unique_ptr<UsageStore> store = std::make_unique<SqliteStore>(db, path);
  if (mode == OpenMode::existing && store->schema_version() == 0)
    return core::make_error(path + " is not a usage registry (no accord schema in it): check --registry");
  if (auto s = store->migrate(); !s) return s.error();
  return store;
}

core::Expected<std::unique_ptr<UsageStore>> open_store(const std::string& target, OpenMode mode) {
  if (target.rfind("postgresql://", 0) == 0 || target.rfind("postgres://", 0) == 0)
    return open_postgres_store(target, mode);
  if (target.empty()) return core::make_error("empty --registry");
  return open_sqlite_store(target, mode);
}

}  // namespace accord::registry
