#include "pet_provider.h"

#include <arpa/inet.h>
#include <httplib.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>

namespace accord::spec_test_support {

namespace {

bool authorised(const httplib::Request& req) { return req.get_header_value("Authorization") == kSecretToken; }

}  // namespace

PetProvider::PetProvider() : server_(std::make_unique<httplib::Server>()) {
  add_routes();
  port_ = server_->bind_to_any_port("127.0.0.1");
  if (port_ > 0) thread_ = std::thread([this] { server_->listen_after_bind(); });
}

PetProvider::~PetProvider() {
  stopping_ = true;
  server_->stop();
  if (thread_.joinable()) thread_.join();
}

void PetProvider::add_routes() {
  using httplib::Request;
  using httplib::Response;
  httplib::Server& s = *server_;
  // Right answers only for the request the examples describe; anything else
  // gets an undeclared 500, so a wrongly built request fails the test.
  s.Get(R"((/v1)?/pets/(\d+))", [](const Request& req, Response& res) {
    bool right = req.matches[1] == "/v1"  // swagger2.yaml, served under basePath /v1
                     ? req.matches[2] == "3" && req.get_header_value("X-Trace") == "abc"
                     : req.matches[2] == "7" && req.get_param_value("fields") == "name";
    if (!right) {
      res.status = 500;
    } else if (req.matches[1] == "/v1") {
      res.set_content(R"({"id":3})", "application/json");
    } else {
      res.set_header("X-Rate-Limit", "10");
      res.set_content(R"({"id":7,"name":"Rex"})", "application/json");
    }
  });
  s.Post("/pets", [](const Request& req, Response& res) {
    bool named_example = req.body == R"({"id":11,"name":"Rex"})" || req.body == R"({"id":12,"name":"Tom"})";
    if (req.get_header_value("Content-Type") == "application/json" && named_example) {
      res.status = 201;
      res.set_content(req.body, "application/json");
    } else {
      res.status = 500;
    }
  });
  // Built from the schema: petId's example, quantity's minimum, status's first
  // enum value, a date-time that parses, note's default; readOnly id left out.
  s.Post("/orders", [](const Request& req, Response& res) {
    bool right = req.body == R"({"petId":7,"quantity":1,"status":"placed","placed":"2024-01-02T03:04:05Z","note":"none"})";
    res.status = right ? 201 : 500;
  });
  s.Get("/owners/string", [](const Request&, Response& res) { res.status = 200; });
  s.Get("/flaky", [](const Request&, Response& res) { res.status = 503; });
  s.Get("/health", [](const Request&, Response& res) { res.set_content(R"({"status":"up"})", "application/json"); });
  s.Get("/wrong-status", [](const Request&, Response& res) { res.status = 418; });
  s.Get("/wrong-content-type", [](const Request&, Response& res) { res.set_content("hello", "text/plain"); });
  s.Get("/bad-body", [](const Request&, Response& res) {
    res.set_content(R"([{"id":1,"name":"a"},{"id":"two","name":"b"}])", "application/json");
  });
  s.Get("/missing-header", [](const Request&, Response& res) { res.set_content("", "text/plain"); });
  s.Get("/legacy", [](const Request&, Response& res) { res.status = 200; });
  s.Get("/legacy-announced", [](const Request&, Response& res) { res.set_header("Deprecation", "@1688169599"); });
  s.Get("/secure", [](const Request& req, Response& res) {
    if (authorised(req)) res.set_content("{}", "application/json");
    else res.status = 401;
  });
  // Echoes the credential where accord shows it (the content type), so an
  // unredacted report would leak it.
  s.Get("/secure-echo", [](const Request& req, Response& res) {
    if (!authorised(req)) {
      res.status = 401;
      return;
    }
    res.set_content("{}", "text/plain; echo=" + req.get_header_value("Authorization"));
  });
  // Answers after 5 s at most, sooner when the provider stops.
  s.Get("/slow", [this](const Request&, Response& res) {
    auto until = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    while (!stopping_ && std::chrono::steady_clock::now() < until)
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    res.status = 200;
  });
}

RefusingPort::RefusingPort() {
  fd_ = socket(AF_INET, SOCK_STREAM, 0);
  if (fd_ < 0) return;
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  if (bind(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) return;
  socklen_t len = sizeof addr;
  if (getsockname(fd_, reinterpret_cast<sockaddr*>(&addr), &len) == 0) port_ = ntohs(addr.sin_port);
}

RefusingPort::~RefusingPort() {
  if (fd_ >= 0) close(fd_);
}

}  // namespace accord::spec_test_support
