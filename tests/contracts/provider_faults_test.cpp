// Provider faults during verification (issue 14): a connection reset in the
// middle of a body, a TLS handshake that fails, a response that never ends and
// a 10 GB body. Each gives one clear verdict for its interaction and the run
// goes on to the next; `accord verify` checks --max-body as a user types it.
#include <catch2/catch.hpp>

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <regex>
#include <fstream>
#include <string>
#include <thread>

#include "contracts/http/curl_client.h"
#include "contracts/pact/loader.h"
#include "contracts/verify/verifier.h"
#include "run_accord.h"

using namespace accord::contracts;

namespace {

// A raw-socket provider whose answer depends on the request path. Connections
// are served one at a time (the verifier runs with concurrency 1 here).
class FaultyProvider {
 public:
  FaultyProvider() {
    listener_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::bind(listener_, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
    ::listen(listener_, 8);
    socklen_t len = sizeof addr;
    ::getsockname(listener_, reinterpret_cast<sockaddr*>(&addr), &len);
    port_ = ntohs(addr.sin_port);
    thread_ = std::thread([this] { serve(); });
  }
  ~FaultyProvider() {
    stop_ = true;
    ::shutdown(listener_, SHUT_RDWR);
    ::close(listener_);
    thread_.join();
  }
  std::string url(const char* scheme = "http") const { return std::string(scheme) + "://127.0.0.1:" + std::to_string(port_); }
  uint64_t huge_bytes_sent() const { return huge_sent_; }

 private:
  int listener_ = -1;
  int port_ = 0;
  std::atomic<bool> stop_{false};
  std::atomic<uint64_t> huge_sent_{0};
  std::thread thread_;

  static bool send_all(int fd, const std::string& s) {
    size_t done = 0;
    while (done < s.size()) {
      ssize_t n = ::send(fd, s.data() + done, s.size() - done, MSG_NOSIGNAL);
      if (n <= 0) return false;
      done += static_cast<size_t>(n);
    }
    return true;
  }

  void serve() {
    while (!stop_) {
      int fd = ::accept(listener_, nullptr, nullptr);
      if (fd < 0) return;
      handle(fd);
      ::close(fd);
    }
  }

  void handle(int fd) {
    std::string request;
    char buf[4096];
    while (request.find("\r\n\r\n") == std::string::npos) {
      ssize_t n = ::recv(fd, buf, sizeof buf, 0);
      if (n <= 0) return;
      request.append(buf, static_cast<size_t>(n));
      if (static_cast<unsigned char>(request[0]) == 0x16) {  // a TLS ClientHello: answer in plain HTTP
        send_all(fd, "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n");
        return;
      }
    }
    const std::string path = request.substr(request.find(' ') + 1, request.find(' ', request.find(' ') + 1) - request.find(' ') - 1);
    const std::string json = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n";
    if (path == "/ok") {
      send_all(fd, json + "Content-Length: 13\r\n\r\n{\"name\":\"ok\"}");
    } else if (path == "/reset-mid-body") {
      send_all(fd, json + "Content-Length: 1000\r\n\r\n{\"name\":\"trunc");
      linger l{1, 0};  // close with RST, not FIN
      ::setsockopt(fd, SOL_SOCKET, SO_LINGER, &l, sizeof l);
    } else if (path == "/never-ends") {
      send_all(fd, json + "Content-Length: 1000000\r\n\r\n{\"name\":\"");
      for (int i = 0; i < 300 && !stop_ && send_all(fd, "a"); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(20));
    } else if (path == "/huge") {  // 10 GB, chunked, until the client hangs up
      send_all(fd, json + "Transfer-Encoding: chunked\r\n\r\n" + "1\r\n[\r\n");
      const std::string chunk = "10000\r\n" + std::string(0x10000, '1') + "\r\n";
      for (uint64_t sent = 0; sent < (10ull << 30) && !stop_; sent += 0x10000) {
        if (!send_all(fd, chunk)) break;
        huge_sent_ = sent;
      }
    }
  }
};

constexpr const char* kPact = R"({
  "consumer": {"name": "c"}, "provider": {"name": "p"},
  "interactions": [
    {"description": "reset mid-body", "request": {"method": "GET", "path": "/reset-mid-body"}, "response": {"status": 200}},
    {"description": "never ends", "request": {"method": "GET", "path": "/never-ends"}, "response": {"status": 200}},
    {"description": "huge body", "request": {"method": "GET", "path": "/huge"}, "response": {"status": 200}},
    {"description": "fine", "request": {"method": "GET", "path": "/ok"}, "response": {"status": 200, "body": {"name": "ok"}}}
  ],
  "metadata": {"pactSpecification": {"version": "3.0.0"}}
})";

std::vector<pact::Pact> faults_pact() {
  auto p = pact::load_pact_text("faults.json", kPact);
  REQUIRE(p.ok());
  std::vector<pact::Pact> pacts;
  pacts.push_back(std::move(*p));
  return pacts;
}

verify::ClientFactory curl(long timeout_ms, uint64_t max_body) {
  return [=] {
    http::ClientOptions o;
    o.timeout_ms = timeout_ms;
    o.max_body_bytes = max_body;
    return std::make_unique<http::CurlClient>(o);
  };
}

std::string only_message(const verify::InteractionResult& r) {
  INFO(r.description);
  REQUIRE(r.mismatches.size() == 1);
  return r.mismatches[0].message;
}

}  // namespace

TEST_CASE("verify: each provider fault is one clear verdict and the run finishes", "[verify][e2e][faults]") {
  FaultyProvider provider;
  auto pacts = faults_pact();
  verify::VerifyOptions o;
  o.provider_base_url = provider.url();
  auto results = verify::verify_pacts(pacts, o, curl(1500, 1 << 20));
  REQUIRE(results.size() == 4);

  CHECK(results[0].outcome == verify::Outcome::fail);
  std::string reset = only_message(results[0]);
  INFO(reset);
  CHECK((reset.find("connection closed by the provider") != std::string::npos ||
         reset.find("connection reset") != std::string::npos));

  CHECK(results[1].outcome == verify::Outcome::fail);
  CHECK(only_message(results[1]).find("timed out after 1500 ms") != std::string::npos);

  CHECK(results[2].outcome == verify::Outcome::fail);
  CHECK(only_message(results[2]).find("response body larger than --max-body (1 MiB)") != std::string::npos);
  CHECK(provider.huge_bytes_sent() < (64ull << 20));  // the client hung up near the limit, not at 10 GB

  CHECK(results[3].outcome == verify::Outcome::pass);
}

TEST_CASE("verify: the default --max-body (64 MiB) cuts a 10 GB body", "[verify][e2e][faults]") {
  FaultyProvider provider;
  auto pacts = faults_pact();
  verify::VerifyOptions o;
  o.provider_base_url = provider.url();
  o.interaction_filter = std::regex("huge body");
  auto results = verify::verify_pacts(pacts, o, curl(60000, http::ClientOptions{}.max_body_bytes));
  REQUIRE(results.size() == 1);
  CHECK(only_message(results[0]).find("larger than --max-body (64 MiB)") != std::string::npos);
  CHECK(provider.huge_bytes_sent() < (80ull << 20));
}

TEST_CASE("verify: a failed TLS handshake is a TLS verdict for every interaction", "[verify][e2e][faults][tls]") {
  FaultyProvider provider;  // speaks plain HTTP on an https:// URL
  auto pacts = faults_pact();
  verify::VerifyOptions o;
  o.provider_base_url = provider.url("https");
  auto results = verify::verify_pacts(pacts, o, curl(3000, 1 << 20));
  REQUIRE(results.size() == 4);
  for (const auto& r : results) {
    CHECK(r.outcome == verify::Outcome::fail);
    CHECK(only_message(r).find("TLS failure") != std::string::npos);
  }
}

TEST_CASE("accord verify --max-body: a limit a user sets, and a malformed one is exit 2", "[verify][e2e][cli][faults]") {
  FaultyProvider provider;
  const std::string pact = "/tmp/accord-faults-" + std::to_string(::getpid()) + ".json";
  std::ofstream(pact) << kPact;
  auto cut = accord_test::run_accord("'" + pact + "' --provider-base-url " + provider.url() +
                                     " --interaction 'huge body' --max-body 512K --timeout 20");
  CHECK(cut.exit_code == 1);
  CHECK(cut.out.find("larger than --max-body (512 KiB)") != std::string::npos);
  auto bad = accord_test::run_accord("'" + pact + "' --provider-base-url " + provider.url() + " --max-body lots");
  CHECK(bad.exit_code == 2);
  CHECK(bad.err.find("--max-body must be a size") != std::string::npos);
  std::remove(pact.c_str());
}
