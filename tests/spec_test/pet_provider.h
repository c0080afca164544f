// A small real HTTP provider on 127.0.0.1 for the end-to-end tests: each
// route of fixtures/spec_test/petstore.yaml (and swagger2.yaml) answers the
// way its name says (right, wrong status, wrong content type, ...). It runs
// on its own thread and stops itself when the object goes away.
#pragma once

#include <atomic>
#include <memory>
#include <string>
#include <thread>

namespace httplib {
class Server;
}

namespace accord::spec_test_support {

// The credential /secure and /secure-echo expect in Authorization.
inline constexpr const char* kSecretToken = "Bearer s3cret-7f2a9c-do-not-print";

class PetProvider {
 public:
  PetProvider();
  ~PetProvider();
  PetProvider(const PetProvider&) = delete;
  PetProvider& operator=(const PetProvider&) = delete;

  bool running() const { return port_ > 0; }
  std::string base_url() const { return "http://127.0.0.1:" + std::to_string(port_); }

 private:
  void add_routes();
  std::unique_ptr<httplib::Server> server_;
  std::thread thread_;
  int port_ = -1;
  std::atomic<bool> stopping_{false};
};

// A 127.0.0.1 port that refuses connections while this object lives (bound,
// never listening), for "provider down".
class RefusingPort {
 public:
  RefusingPort();
  ~RefusingPort();
  RefusingPort(const RefusingPort&) = delete;
  RefusingPort& operator=(const RefusingPort&) = delete;
  int port() const { return port_; }

 private:
  int fd_ = -1;
  int port_ = -1;
};

}  // namespace accord::spec_test_support
