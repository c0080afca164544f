#include "store_suite.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <map>

#include "registry/store/migrations.h"

using namespace accord::registry;

namespace {

// `claimed`: the offset this batch's ingest saw stored (-1: none yet).
IngestBatch batch_with(std::vector<UsageCount> counts, int64_t offset, bool complete, int64_t claimed) {
  IngestBatch b;
  b.api = "Users v1";
  b.counts = std::move(counts);
  b.days = {{100, 10, 2}};
  b.unmatched = {{"GET /nope", 2}};
  b.operation_labels = {{"GET /users/{}", "GET /users/{id}"}};
  Checkpoint cp;
  cp.file_key = "line1:abc:10";
  cp.path = "access.log";
  cp.byte_offset = offset;
  cp.line_number = offset / 10;
  cp.malformed = 1;
  cp.complete = complete;
  cp.claimed_offset = claimed;
  b.checkpoint = cp;
  return b;
}

}  // namespace

void run_store_suite(UsageStore& store) {
  CHECK(store.schema_version() == migrations().back().version);
  REQUIRE(store.migrate().ok());  // applying again changes nothing
  CHECK(store.schema_version() == migrations().back().version);

  auto none = store.find_checkpoint("Users v1", "line1:abc:10");
  REQUIRE(none.ok());
  CHECK_FALSE(none->has_value());

  REQUIRE(store.commit(batch_with({{"GET /users/{}", "web", 100, 2, 5, 1000, 2000},
                                   {"GET /users/{}", "unknown", 100, 5, 1, 1500, 1500}},
                                  50, false, -1))
              .ok());
  // A second ingest that started before the first committed claims "no checkpoint": refused, nothing counted.
  auto stale = store.commit(batch_with({{"GET /users/{}", "web", 100, 2, 1000, 1, 1}}, 50, false, -1));
  REQUIRE_FALSE(stale.ok());
  CHECK(stale.error().message.find("another ingest of access.log") != std::string::npos);
  // Same key again, from the stored offset: calls add up, first/last widen.
  REQUIRE(store.commit(batch_with({{"GET /users/{}", "web", 100, 2, 3, 900, 1800}}, 100, true, 50)).ok());

  auto cp = store.find_checkpoint("Users v1", "line1:abc:10");
  REQUIRE(cp.ok());
  REQUIRE(cp->has_value());
  CHECK((*cp)->byte_offset == 100);
  CHECK((*cp)->line_number == 10);
  CHECK((*cp)->complete);

  // Files that share a first line: every key with the prefix, in key order, and no other.
  for (const char* key : {"line1:abc:10:head:4096:ff", "line1:abc:100:head:9:00", "line1:abc:10:head:20:aa"}) {
    IngestBatch b;
    b.api = "Users v1";
    b.checkpoint = Checkpoint{key, "other.log", 7, 1, 0, false};
    REQUIRE(store.commit(b).ok());
  }
  auto sharing = store.find_checkpoints_with_prefix("Users v1", "line1:abc:10:");
  REQUIRE(sharing.ok());
  REQUIRE(sharing->size() == 2);
  CHECK((*sharing)[0].file_key == "line1:abc:10:head:20:aa");
  CHECK((*sharing)[1].file_key == "line1:abc:10:head:4096:ff");
  CHECK((*sharing)[1].byte_offset == 7);
  CHECK((*sharing)[1].path == "other.log");
  auto with_legacy = store.find_checkpoints_with_prefix("Users v1", "line1:abc:10");
  REQUIRE(with_legacy.ok());
  CHECK(with_legacy->size() == 4);  // also "line1:abc:10" itself and the ":100" key: ingest filters those

  std::vector<PactUsage> pacts = {{"mobile", "users-api", "GET", "/users/1", "", "a.json", "1.0", "get a user"},
                                  {"mobile", "users-api", "GET", "/users/1", "$.name", "a.json", "1.0", "get a user"}};
  const PactKey mobile_1{"mobile", "users-api", "1.0"};
  REQUIRE(store.replace_pact_usage(mobile_1, pacts).ok());
  pacts[0].source = "renamed.json";
  REQUIRE(store.replace_pact_usage(mobile_1, {pacts[0]}).ok());  // re-import replaces, whatever the file's name

  auto snap = store.load("Users v1", 0);
  REQUIRE(snap.ok());
  std::map<std::string, UsageCount> by_consumer;
  for (const UsageCount& c : snap->counts) by_consumer[c.consumer] = c;
  REQUIRE(snap->counts.size() == 2);
  CHECK(by_consumer["web"].calls == 8);
  CHECK(by_consumer["web"].first_seen == 900);
  CHECK(by_consumer["web"].last_seen == 2000);
  CHECK(by_consumer["unknown"].status_class == 5);
  REQUIRE(snap->days.size() == 1);
  CHECK(snap->days[0].lines == 20);
  CHECK(snap->days[0].unmatched == 4);
  REQUIRE(snap->unmatched.size() == 1);
  CHECK(snap->unmatched[0].calls == 4);
  REQUIRE(snap->pacts.size() == 1);
  CHECK(snap->pacts[0].consumer == "mobile");
  CHECK(snap->pacts[0].source == "renamed.json");
  CHECK(snap->pacts[0].consumer_version == "1.0");
  CHECK(snap->pacts[0].interaction == "get a user");
  REQUIRE(snap->operation_labels.size() == 1);
  CHECK(snap->operation_labels[0].second == "GET /users/{id}");
  CHECK(snap->malformed_lines == 1);

  CHECK(snap->api == "Users v1");
  CHECK(snap->recorded_apis == std::vector<std::string>{"Users v1"});

  // Another API in the same registry: its rows, days and checkpoints are its own.
  IngestBatch orders = batch_with({{"GET /users/{}", "web", 100, 2, 70, 1000, 2000}}, 40, false, -1);
  orders.api = "Orders v3";
  REQUIRE(store.commit(orders).ok());  // same file key, another API: its own claim (no checkpoint yet)
  auto orders_cp = store.find_checkpoint("Orders v3", "line1:abc:10");
  REQUIRE(orders_cp.ok());
  REQUIRE(orders_cp->has_value());
  CHECK((*orders_cp)->byte_offset == 40);
  auto users_again = store.load("Users v1", 0);
  REQUIRE(users_again.ok());
  REQUIRE(users_again->counts.size() == 2);
  CHECK(users_again->days[0].lines == 20);  // not 30: the other API's day is not this one's coverage
  CHECK(users_again->recorded_apis == std::vector<std::string>{"Orders v3", "Users v1"});
  auto nothing = store.load("Billing v1", 0);
  REQUIRE(nothing.ok());
  CHECK(nothing->counts.empty());
  CHECK(nothing->days.empty());
  CHECK(nothing->unmatched.empty());
  CHECK(nothing->operation_labels.empty());
  CHECK(nothing->malformed_lines == 0);

  // Another version of the consumer stays beside the first; forgetting is per version or all.
  REQUIRE(store.replace_pact_usage({"mobile", "users-api", "2.0"},
                                   {{"mobile", "users-api", "GET", "/users/2", "", "b.json", "2.0", "get"},
                                    {"mobile", "users-api", "GET", "/users/3", "", "b.json", "2.0", "get"}})
              .ok());
  REQUIRE(store.replace_pact_usage({"web", "users-api", "1.0"},
                                   {{"web", "users-api", "GET", "/users/4", "", "w.json", "1.0", "get"}})
              .ok());
  auto pacts_of = [&](const std::string& consumer) {
    auto s = store.load("Users v1", 0);
    REQUIRE(s.ok());
    return std::count_if(s->pacts.begin(), s->pacts.end(), [&](const PactUsage& p) { return p.consumer == consumer; });
  };
  CHECK(pacts_of("mobile") == 3);
  auto forgot_v2 = store.forget_pacts("mobile", std::string("2.0"));
  REQUIRE(forgot_v2.ok());
  CHECK(*forgot_v2 == 2);
  CHECK(pacts_of("mobile") == 1);
  auto forgot_all = store.forget_pacts("mobile", std::nullopt);
  REQUIRE(forgot_all.ok());
  CHECK(*forgot_all == 1);
  CHECK(pacts_of("mobile") == 0);
  CHECK(pacts_of("web") == 1);
  auto none_left = store.forget_pacts("mobile", std::nullopt);
  REQUIRE(none_left.ok());
  CHECK(*none_left == 0);

  auto later = store.load("Users v1", 101);  // counts before day 101 are left out
  REQUIRE(later.ok());
  CHECK(later->counts.empty());
  CHECK(later->days.empty());
}
