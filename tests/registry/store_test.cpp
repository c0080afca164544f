#include <catch2/catch.hpp>

#include <unistd.h>

#include <cstdio>
#include <fstream>

#include "postgres_server.h"
#include "registry/store/store.h"
#include "store_suite.h"

using namespace accord::registry;

TEST_CASE("SQLite store passes the store suite", "[registry][store]") {
  const std::string path = "/tmp/accord-store-test-" + std::to_string(::getpid()) + "/usage.db";
  std::remove(path.c_str());
  auto store = open_store(path);
  REQUIRE(store.ok());
  CHECK((*store)->describe() == "sqlite:" + path);
  run_store_suite(**store);
  std::remove(path.c_str());
}

TEST_CASE("a file that is not a registry is refused with a message", "[registry][store]") {
  const std::string path = "/tmp/accord-store-not-db-" + std::to_string(::getpid());
  std::ofstream(path) << "this is not a database, just some text that is long enough to have a header";
  auto store = open_store(path);
  REQUIRE_FALSE(store.ok());
  CHECK(store.error().message.find(path) != std::string::npos);
  std::remove(path.c_str());
}

TEST_CASE("PostgreSQL store passes the store suite", "[registry][store][postgres]") {
  PostgresServer server;
  // scripts/install-deps.sh installs PostgreSQL: a server that does not start is a failure, not a skip.
  if (!server.start()) FAIL("PostgreSQL did not start: " << server.failure());
  auto store = open_store(server.url());
  REQUIRE(store.ok());
  CHECK((*store)->describe().find("postgresql://") == 0);
  run_store_suite(**store);
}
