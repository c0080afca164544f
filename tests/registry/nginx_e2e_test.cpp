// End to end: a real nginx logs a client-id header with its own log_format,
// libcurl sends known traffic from several consumers, and the report built
// from nginx's access log has exactly those counts (SQLite and PostgreSQL).
#include <catch2/catch.hpp>

#include <curl/curl.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <map>
#include <thread>

#include "core/loader.h"
#include "postgres_server.h"
#include "process_util.h"
#include "core/clock.h"
#include "test_paths.h"

using namespace accord;

namespace {

const std::string kSpec = ACCORD_SOURCE_DIR "/fixtures/usage/plan-old.yaml";
const char* const kLogFormat = R"($remote_addr [$time_local] "$request" $status "$http_x_client_id" "$http_user_agent")";

size_t discard(char*, size_t size, size_t n, void*) { return size * n; }

// One request; returns the HTTP status (0 when nginx did not answer).
long send(int port, const std::string& method, const std::string& path, const std::string& client) {
  CURL* curl = curl_easy_init();
  const std::string url = "http://127.0.0.1:" + std::to_string(port) + path;
  curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, method.c_str());
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, discard);
  curl_easy_setopt(curl, CURLOPT_TIMEOUT, 2L);
  curl_easy_setopt(curl, CURLOPT_USERAGENT, "accord-e2e/1.0");
  curl_slist* headers = nullptr;
  if (!client.empty()) headers = curl_slist_append(headers, ("X-Client-Id: " + client).c_str());
  curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
  long status = 0;
  if (curl_easy_perform(curl) == CURLE_OK) curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
  curl_slist_free_all(headers);
  curl_easy_cleanup(curl);
  return status;
}

class Nginx {
 public:
  explicit Nginx(std::string dir) : dir_(std::move(dir)) {}
  ~Nginx() {
    if (pid_ > 0) {
      ::kill(pid_, SIGQUIT);  // graceful: finishes and closes the log
      int status = 0;
      for (int i = 0; i < 100 && ::waitpid(pid_, &status, WNOHANG) == 0; ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
      ::kill(pid_, SIGKILL);
      ::waitpid(pid_, &status, WNOHANG);
    }
  }
  bool start() {
    if (::access("/usr/sbin/nginx", X_OK) != 0) return false;
    port_ = free_local_port();
    ::mkdir((dir_ + "/tmp").c_str(), 0777);
    std::ofstream(dir_ + "/nginx.conf")
        << "daemon off;\nworker_processes 1;\npid " << dir_ << "/nginx.pid;\nerror_log " << dir_ << "/error.log;\n"
        << "events { worker_connections 64; }\nhttp {\n"
        << "  log_format clientid '" << kLogFormat << "';\n"
        << "  access_log " << dir_ << "/access.log clientid;\n"
        << "  client_body_temp_path " << dir_ << "/tmp/body;\n  proxy_temp_path " << dir_ << "/tmp/proxy;\n"
        << "  fastcgi_temp_path " << dir_ << "/tmp/fastcgi;\n  uwsgi_temp_path " << dir_ << "/tmp/uwsgi;\n"
        << "  scgi_temp_path " << dir_ << "/tmp/scgi;\n"
        << "  server {\n    listen 127.0.0.1:" << port_ << ";\n    location / { return 200 \"ok\\n\"; }\n  }\n}\n";
    pid_ = spawn_command({"/usr/sbin/nginx", "-p", dir_, "-c", dir_ + "/nginx.conf"}, {}, dir_ + "/nginx.out");
    for (int i = 0; i < 50; ++i) {  // bounded wait for the listener
      if (send(port_, "GET", "/ready", "") == 200) return true;
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    return false;
  }
  int port() const { return port_; }
  std::string access_log() const { return dir_ + "/access.log"; }

 private:
  std::string dir_;
  pid_t pid_ = -1;
  int port_ = 0;
};

struct Expected {
  std::map<std::string, std::map<std::string, int64_t>> calls;  // operation -> consumer -> calls
  int64_t unmatched = 0;
};

Expected send_known_traffic(int port) {
  Expected e;
  auto call = [&](const std::string& method, const std::string& path, const std::string& client, int times,
                  const std::string& operation) {
    for (int i = 0; i < times; ++i) REQUIRE(send(port, method, path, client) == 200);
    if (operation.empty()) e.unmatched += times;
    else e.calls[operation][client.empty() ? "unknown" : client] += times;
  };
  call("GET", "/v1/users/1", "web", 3, "GET /users/{id}");
  call("GET", "/v1/users/2/profile?x=1", "web", 2, "GET /users/{id}/profile");
  call("GET", "/v1/orders", "ios", 4, "GET /orders");
  call("DELETE", "/v1/users/9", "ios", 1, "DELETE /users/{id}");
  call("GET", "/v1/users/5", "", 2, "GET /users/{id}");
  call("GET", "/v1/users/7", "batch-job", 1, "GET /users/{id}");
  call("GET", "/v1/nope", "web", 1, "");
  return e;
}

void check_report(const std::string& registry, const Expected& expected, int64_t ready_probes) {
  const std::string today = core::format_day(core::day_of(core::SystemClock().now_seconds()));
  auto report = run_command({ACCORD_BINARY, "usage", "report", "--spec", kSpec, "--registry", registry, "--since",
                             "7d", "--today", today, "--format", "json"});
  INFO(report.out << report.err);
  REQUIRE(report.exit_code == 0);
  auto doc = core::load_text("report.json", report.out);
  REQUIRE(doc.ok());
  const core::Node* root = (*doc)->root();
  // The readiness probes (GET /ready) are requests too, and match nothing.
  CHECK(root->get("unmatched")->as_number() == static_cast<double>(expected.unmatched + ready_probes));
  int64_t unknown = 0;
  for (const core::Member& m : root->get("operations")->children()) {
    const std::string op(m.value->get_text("operation"));
    auto want = expected.calls.count(op) ? expected.calls.at(op) : std::map<std::string, int64_t>{};
    int64_t total = 0;
    for (auto& [who, n] : want) total += n;
    CHECK(m.value->get("calls")->as_number() == static_cast<double>(total));
    std::map<std::string, int64_t> got;
    for (const core::Member& c : m.value->get("consumers")->children())
      got[std::string(c.value->get_text("id"))] = static_cast<int64_t>(c.value->get("calls")->as_number());
    CHECK(got == want);
    if (want.count("unknown")) unknown += want.at("unknown");
  }
  CHECK(root->get("coverage")->get("unknown_consumer_calls")->as_number() == static_cast<double>(unknown));
}

}  // namespace

TEST_CASE("nginx access log end to end, SQLite and PostgreSQL registries", "[registry][e2e][nginx]") {
  const std::string dir = make_temp_dir("accord-nginx");
  ::chmod(dir.c_str(), 0755);
  int64_t probes = 0;
  Expected expected;
  {
    Nginx nginx(dir);
    // scripts/install-deps.sh installs nginx: one that does not start fails the test.
    if (!nginx.start()) FAIL("nginx did not start: " << read_text(dir + "/error.log"));
    expected = send_known_traffic(nginx.port());
  }  // nginx stops here, its log complete
  const std::string log = read_text(dir + "/access.log");
  for (size_t at = log.find("GET /ready"); at != std::string::npos; at = log.find("GET /ready", at + 1)) ++probes;
  REQUIRE(probes >= 1);

  // Ingest through a file path for SQLite; stdin is exercised below for PostgreSQL.
  const std::string db = dir + "/usage.db";
  auto ingest = run_command({ACCORD_BINARY, "usage", "ingest", "--spec", kSpec, "--registry", db, "--log-format",
                             kLogFormat, "--consumer", "header:X-Client-Id", dir + "/access.log"});
  INFO(ingest.out << ingest.err);
  REQUIRE(ingest.exit_code == 0);
  CHECK(ingest.out.find(" 0 malformed") != std::string::npos);
  check_report(db, expected, probes);

  PostgresServer pg;
  if (!pg.start()) FAIL("PostgreSQL did not start: " << pg.failure());
  auto pg_ingest = run_command({"/bin/sh", "-c",
                                std::string(ACCORD_BINARY) + " usage ingest --spec " + kSpec + " --registry '" +
                                    pg.url() + "' --log-format '" + kLogFormat +
                                    "' --consumer header:X-Client-Id - < " + dir + "/access.log"});
  INFO(pg_ingest.out << pg_ingest.err);
  REQUIRE(pg_ingest.exit_code == 0);
  check_report(pg.url(), expected, probes);
  std::system(("rm -rf " + dir).c_str());
}
