// --allow-remote-refs: http(s) $refs are fetched only when the flag is given.
// An in-process HTTP server stands in for the remote schema host.
#include <catch2/catch.hpp>

#include <httplib.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <chrono>
#include <thread>

#include "cli_support.h"
#include "test_paths.h"

using namespace accord;

namespace {

std::string spec_with_remote_ref(int port) {
  return "openapi: 3.0.3\ninfo: {title: U, version: '1'}\npaths:\n  /users/{id}:\n    get:\n      parameters:\n"
         "        - {name: id, in: path, required: true, schema: {type: string}}\n      responses:\n"
         "        '200':\n          description: ok\n          content:\n            application/json:\n"
         "              schema:\n                $ref: 'http://127.0.0.1:" +
         std::to_string(port) + "/user.yaml#/User'\n";
}

}  // namespace

TEST_CASE("cli: remote $refs need --allow-remote-refs", "[cli][remote]") {
  httplib::Server server;
  std::atomic<int> fetches = 0;
  server.Get("/user.yaml", [&](const httplib::Request&, httplib::Response& res) {
    ++fetches;
    res.set_content("User:\n  type: object\n  properties:\n    id: {type: string}\n", "application/yaml");
  });
  const int port = server.bind_to_any_port("127.0.0.1");
  REQUIRE(port > 0);
  std::thread serving([&] { server.listen_after_bind(); });
  for (int i = 0; i < 5000 && !server.is_running(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(1));

  test::TempDir dir;
  std::ofstream(dir.path() / "old.yaml") << spec_with_remote_ref(port);
  std::ofstream(dir.path() / "new.yaml") << spec_with_remote_ref(port);

  auto refused = test::run_accord({"breaking", "old.yaml", "new.yaml"}, dir.str());
  const int fetched_without_flag = fetches.load();
  auto allowed = test::run_accord({"breaking", "--allow-remote-refs", "old.yaml", "new.yaml"}, dir.str());
  server.stop();
  serving.join();

  INFO(refused.err << "\n" << allowed.out << allowed.err);
  // Without the flag the comparison either never needs the body or refuses
  // with a message naming the flag; it never fetches.
  if (refused.exit_code != 0) CHECK(refused.err.find("--allow-remote-refs") != std::string::npos);
  CHECK(allowed.exit_code == 0);
  CHECK(allowed.out == "no breaking changes\n");
  // Only the run with the flag reached the server.
  CHECK(fetched_without_flag == 0);
  CHECK(fetches.load() >= 1);
}

TEST_CASE("cli: an http(s) OLD or NEW is fetched, and --no-remote refuses it", "[cli][remote]") {
  const std::string v1 = test::read_text(std::string(ACCORD_SOURCE_DIR) + "/fixtures/cli/users-v1.yaml");
  REQUIRE(!v1.empty());
  httplib::Server server;
  std::atomic<int> fetches = 0;
  server.Get("/users.yaml", [&](const httplib::Request&, httplib::Response& res) {
    ++fetches;
    res.set_content(v1, "application/yaml");
  });
  const int port = server.bind_to_any_port("127.0.0.1");
  REQUIRE(port > 0);
  std::thread serving([&] { server.listen_after_bind(); });
  for (int i = 0; i < 5000 && !server.is_running(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  const std::string url = "http://127.0.0.1:" + std::to_string(port) + "/users.yaml";

  auto refused = test::run_accord({"breaking", "--no-remote", url, "fixtures/cli/users-v2-removed.yaml"});
  const int fetched_when_refused = fetches.load();
  auto fetched = test::run_accord({"breaking", url, "fixtures/cli/users-v2-removed.yaml"});
  server.stop();
  serving.join();

  INFO(refused.err << "\n" << fetched.out << fetched.err);
  CHECK(refused.exit_code == 2);
  CHECK(refused.err.find("--no-remote") != std::string::npos);
  CHECK(fetched_when_refused == 0);
  CHECK(fetched.exit_code == 1);
  CHECK(fetched.out.find("[openapi.operation-removed]") != std::string::npos);
  CHECK(fetched.out.find(url) != std::string::npos);  // the old side is named by its URL
  CHECK(fetches.load() == 1);
}
