// A registry written before usage carried an API (schema 1) is migrated in
// place: nothing is lost, and its rows count for no named API, so a shared
// registry upgraded from one API never lends its days to another.
#include <catch2/catch.hpp>

#include <libpq-fe.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <functional>
#include <vector>

#include "postgres_server.h"
#include "process_util.h"
#include "test_paths.h"
#include "registry/store/migrations.h"
#include "registry/store/store.h"

using namespace accord::registry;

namespace {

using RunSql = std::function<bool(const std::string&)>;

// What accord wrote before migration 2: the schema of migration 1, one day of usage, one checkpoint.
bool write_schema_1_registry(const RunSql& sql) {
  if (!sql("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, description TEXT NOT NULL)")) return false;
  for (std::string_view statement : migrations()[0].statements)
    if (!sql(std::string(statement))) return false;
  return sql("INSERT INTO schema_migrations VALUES (1, 'usage aggregates')") &&
         sql("INSERT INTO usage_counts VALUES ('GET /users/{}', 'web', 20400, 2, 42, 1000, 2000)") &&
         sql("INSERT INTO log_days VALUES (20400, 50, 8)") &&
         sql("INSERT INTO unmatched_requests VALUES ('GET /nope', 8)") &&
         sql("INSERT INTO operations VALUES ('GET /users/{}', 'GET /users/{id}')") &&
         sql("INSERT INTO ingest_files VALUES ('line1:abc:10', 'access.log', 500, 50, 3, 1)") &&
         sql("INSERT INTO pact_usage VALUES ('a.json', 'mobile', 'users', 'GET', '/users/1', '')") &&
         sql("INSERT INTO pact_usage VALUES ('a.json', 'mobile', 'users', 'GET', '/users/1', '$.name')");
}

void check_migrated(UsageStore& store) {
  CHECK(store.schema_version() == migrations().back().version);
  // A named API sees none of the old rows: they were never said to be its traffic.
  auto users = store.load("Users v1", 0);
  REQUIRE(users.ok());
  CHECK(users->counts.empty());
  CHECK(users->days.empty());
  CHECK(users->recorded_apis == std::vector<std::string>{""});
  // They are all still there, under no API.
  auto legacy = store.load("", 0);
  REQUIRE(legacy.ok());
  REQUIRE(legacy->counts.size() == 1);
  CHECK(legacy->counts[0].calls == 42);
  CHECK(legacy->counts[0].consumer == "web");
  REQUIRE(legacy->days.size() == 1);
  CHECK(legacy->days[0].lines == 50);
  REQUIRE(legacy->unmatched.size() == 1);
  CHECK(legacy->unmatched[0].calls == 8);
  CHECK(legacy->operation_labels.size() == 1);
  CHECK(legacy->malformed_lines == 3);
  auto cp = store.find_checkpoint("", "line1:abc:10");
  REQUIRE(cp.ok());
  REQUIRE(cp->has_value());
  CHECK((*cp)->byte_offset == 500);
  // New rows of an API go beside them.
  IngestBatch batch;
  batch.api = "Users v1";
  batch.counts = {{"GET /users/{}", "web", 20401, 2, 5, 3000, 3000}};
  batch.days = {{20401, 5, 0}};
  REQUIRE(store.commit(batch).ok());
  auto after = store.load("Users v1", 0);
  REQUIRE(after.ok());
  REQUIRE(after->counts.size() == 1);
  CHECK(after->counts[0].calls == 5);
  REQUIRE(store.migrate().ok());  // nothing left to apply
  CHECK(store.schema_version() == migrations().back().version);
  // Pacts keep their rows, now without a consumer version or interaction.
  REQUIRE(after->pacts.size() == 2);
  CHECK(after->pacts[0].consumer == "mobile");
  CHECK(after->pacts[0].consumer_version.empty());
  CHECK(after->pacts[1].field == "$.name");
}

// After check_migrated: the unnamed rows are given to an API, once, and never
// onto days that API already has.
void check_adopted(UsageStore& store) {
  IngestBatch other;
  other.api = "Other v2";
  other.counts = {{"GET /users/{}", "batch", 20400, 2, 7, 1500, 1500}};
  other.days = {{20400, 7, 0}};
  REQUIRE(store.commit(other).ok());
  auto refused = store.adopt_unnamed_rows("Other v2");  // 20400 is both its day and the unnamed rows'
  REQUIRE(refused.ok());
  CHECK(refused->days == 1);
  CHECK(refused->overlapping_days == 1);
  auto untouched = store.load("", 0);
  REQUIRE(untouched.ok());
  CHECK(untouched->counts.size() == 1);

  auto adopted = store.adopt_unnamed_rows("Users v1");  // it has 20401 only
  REQUIRE(adopted.ok());
  CHECK(adopted->days == 1);
  CHECK(adopted->overlapping_days == 0);
  auto users = store.load("Users v1", 0);
  REQUIRE(users.ok());
  REQUIRE(users->counts.size() == 2);
  CHECK(users->counts[0].calls + users->counts[1].calls == 42 + 5);
  CHECK(users->days.size() == 2);
  REQUIRE(users->unmatched.size() == 1);
  CHECK(users->unmatched[0].calls == 8);
  CHECK(users->operation_labels.size() == 1);
  CHECK(users->malformed_lines == 3);
  auto cp = store.find_checkpoint("Users v1", "line1:abc:10");
  REQUIRE(cp.ok());
  CHECK(cp->has_value());  // the old log resumes under its new API, not counted again
  auto none = store.load("", 0);
  REQUIRE(none.ok());
  CHECK(none->counts.empty());
  CHECK(none->days.empty());
  CHECK(none->unmatched.empty());
  CHECK(none->recorded_apis == std::vector<std::string>{"Other v2", "Users v1"});
  auto again = store.adopt_unnamed_rows("Users v1");
  REQUIRE(again.ok());
  CHECK(again->days == 0);
}

}  // namespace

TEST_CASE("SQLite: a schema-1 registry migrates with its rows under no API", "[registry][store][migration]") {
  const std::string path = "/tmp/accord-migrate-" + std::to_string(::getpid()) + ".db";
  std::remove(path.c_str());
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
  const bool written = write_schema_1_registry(
      [db](const std::string& sql) { return sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK; });
  INFO(sqlite3_errmsg(db));
  sqlite3_close(db);
  REQUIRE(written);
  // Read-only commands migrate too (the schema is accord's; the data is kept).
  auto store = open_store(path, OpenMode::existing);
  REQUIRE(store.ok());
  check_migrated(**store);
  check_adopted(**store);
  store->reset();
  std::remove(path.c_str());
}

TEST_CASE("PostgreSQL: a schema-1 registry migrates with its rows under no API",
          "[registry][store][migration][postgres]") {
  PostgresServer server;
  // scripts/install-deps.sh installs PostgreSQL: a server that does not start is a failure, not a skip.
  if (!server.start()) FAIL("PostgreSQL did not start: " << server.failure());
  PGconn* conn = PQconnectdb(server.url().c_str());
  REQUIRE(PQstatus(conn) == CONNECTION_OK);
  const bool written = write_schema_1_registry([conn](const std::string& sql) {
    PGresult* r = PQexec(conn, sql.c_str());
    const bool ok = PQresultStatus(r) == PGRES_COMMAND_OK;
    PQclear(r);
    return ok;
  });
  INFO(PQerrorMessage(conn));
  PQfinish(conn);
  REQUIRE(written);
  auto store = open_store(server.url(), OpenMode::existing);
  REQUIRE(store.ok());
  check_migrated(**store);
  check_adopted(**store);
}

TEST_CASE("processes opening one new SQLite registry at once each find it migrated once", "[registry][store][sqlite][concurrency]") {
  char dir_template[] = "/tmp/accord-open-race-XXXXXX";
  REQUIRE(::mkdtemp(dir_template) != nullptr);
  const std::string path = std::string(dir_template) + "/usage.db";
  // Before the fix, the second of two concurrent openers failed with
  // "UNIQUE constraint failed: schema_migrations.version".
  constexpr int kOpeners = 4;
  std::vector<pid_t> children;
  for (int i = 0; i < kOpeners; ++i) {
    pid_t pid = ::fork();
    REQUIRE(pid >= 0);
    if (pid == 0) _exit(open_store(path).ok() ? 0 : 1);
    children.push_back(pid);
  }
  int failures = 0;
  for (pid_t pid : children) {
    int status = 0;
    ::waitpid(pid, &status, 0);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) ++failures;
  }
  CHECK(failures == 0);
  auto store = open_store(path, OpenMode::existing);
  REQUIRE(store.ok());
  CHECK((*store)->schema_version() == migrations().back().version);
  std::filesystem::remove_all(dir_template);
}

TEST_CASE("usage adopt: rows from before usage carried an API go to the one named, once", "[registry][store][migration][cli]") {
  const std::string path = "/tmp/accord-adopt-" + std::to_string(::getpid()) + ".db";
  std::remove(path.c_str());
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
  REQUIRE(write_schema_1_registry(
      [db](const std::string& sql) { return sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK; }));
  sqlite3_close(db);

  auto unnamed = run_command({ACCORD_BINARY, "usage", "adopt", "--registry", path});
  CHECK(unnamed.exit_code == 2);
  CHECK(unnamed.err.find("--api NAME or --spec SPEC") != std::string::npos);
  auto typo = run_command({ACCORD_BINARY, "usage", "adopt", "--registry", path + ".typo", "--api", "Users v1"});
  CHECK(typo.exit_code == 2);
  CHECK(!std::filesystem::exists(path + ".typo"));
  auto adopted = run_command({ACCORD_BINARY, "usage", "adopt", "--registry", path, "--api", "Users v1"});
  INFO(adopted.out << adopted.err);
  CHECK(adopted.exit_code == 0);
  CHECK(adopted.out == "adopted 1 days of usage recorded before usage carried an API into API 'Users v1'\n");
  auto again = run_command({ACCORD_BINARY, "usage", "adopt", "--registry", path, "--api", "Users v1"});
  CHECK(again.exit_code == 0);
  CHECK(again.out.find("nothing to adopt") == 0);
  auto store = open_store(path, OpenMode::existing);
  REQUIRE(store.ok());
  auto users = (*store)->load("Users v1", 0);
  REQUIRE(users.ok());
  REQUIRE(users->counts.size() == 1);
  CHECK(users->counts[0].calls == 42);
  store->reset();
  std::remove(path.c_str());
}
