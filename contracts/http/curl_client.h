// The HTTP client over libcurl. One CurlClient owns one easy handle and reuses
// it (and so its kept-alive connections) for every request it sends; give each
// worker thread its own client.
#pragma once

#include <memory>

#include "contracts/http/http_types.h"

namespace accord::contracts::http {

class CurlClient : public Client {
 public:
  explicit CurlClient(ClientOptions options);
  ~CurlClient() override;
  CurlClient(const CurlClient&) = delete;
  CurlClient& operator=(const CurlClient&) = delete;

  core::Expected<Response> send(const Request& request) override;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Loads libcurl and runs its global init: call once before any thread starts
// (that init is not thread-safe). An error when libcurl cannot be loaded.
core::Status global_init();

}  // namespace accord::contracts::http
