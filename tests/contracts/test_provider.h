// In-process providers on 127.0.0.1 for end-to-end tests: a cpp-httplib server
// (plain HTTP, or HTTPS when given an httplib::SSLServer) with the handlers a
// test installs, and a raw socket that resets connections.
#pragma once

#include <httplib.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

namespace accord_test {

class TestProvider {
 public:
  TestProvider() : server_(std::make_unique<httplib::Server>()) {}
  // An HTTPS provider: pass an httplib::SSLServer.
  TestProvider(std::unique_ptr<httplib::Server> server, std::string scheme)
      : server_(std::move(server)), scheme_(std::move(scheme)) {}
  ~TestProvider() { stop(); }

  httplib::Server& server() { return *server_; }

  // Binds a free port on 127.0.0.1 and serves in the background.
  void start() {
    port_ = server_->bind_to_any_port("127.0.0.1");
    thread_ = std::thread([this] { server_->listen_after_bind(); });
    // cpp-httplib 0.11 has no wait_until_ready(): poll, bounded.
    for (int i = 0; i < 5000 && !server_->is_running(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  void stop() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      stopping_ = true;
    }
    wake_.notify_all();
    if (thread_.joinable()) {
      server_->stop();
      thread_.join();
    }
  }
  int port() const { return port_; }
  std::string url() const { return scheme_ + "://127.0.0.1:" + std::to_string(port_); }

  // For "slow" handlers: waits up to `seconds`, returning early when the provider stops.
  void slow_down(int seconds) {
    std::unique_lock<std::mutex> lock(mutex_);
    wake_.wait_for(lock, std::chrono::seconds(seconds), [this] { return stopping_; });
  }

 private:
  std::unique_ptr<httplib::Server> server_;
  std::string scheme_ = "http";
  std::thread thread_;
  int port_ = 0;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
};

// Accepts connections on 127.0.0.1, reads the request and resets the connection (RST).
class ResettingProvider {
 public:
  ResettingProvider();
  ~ResettingProvider();
  int port() const { return port_; }
  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }

 private:
  int listener_ = -1;
  int port_ = 0;
  std::atomic<bool> stop_{false};
  std::thread thread_;
};

// Answers every connection with the same raw bytes (a response cpp-httplib
// would never write, such as obsolete folded headers), then closes it.
class RawProvider {
 public:
  explicit RawProvider(std::string response);
  ~RawProvider();
  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }

 private:
  std::string response_;
  int listener_ = -1;
  int port_ = 0;
  std::atomic<bool> stop_{false};
  std::thread thread_;
};

// A port on 127.0.0.1 where nothing listens.
int closed_port();

}  // namespace accord_test
