// The HTTP side of `accord stub`: a cpp-httplib server (keep-alive, a thread
// pool) that turns each request into a StubRequest, asks the Answerer, and
// writes the answer; optional CORS and a request log.
#pragma once

#include <memory>
#include <string>

#include "contracts/stub/stub.h"
#include "core/expected.h"

namespace accord::contracts::stub {

struct ServerOptions {
  std::string host = "127.0.0.1";
  int port = 0;               // 0: any free port
  bool cors = false;          // answer preflights, allow any origin
  std::string log_file;       // one line per request ("" = no log)
  std::string default_state;  // --state: used when a request names none
};

class StubServer {
 public:
  StubServer(std::unique_ptr<Answerer> answerer, ServerOptions options);
  ~StubServer();
  // Binds; the port actually bound is port() afterwards.
  core::Status bind();
  // Serves until stop() (from another thread).
  void serve();
  void stop();
  int port() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace accord::contracts::stub
