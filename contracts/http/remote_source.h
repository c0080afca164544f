// core::RemoteSource over the project's HTTP client, so `accord breaking
// --allow-remote-refs` can fetch http(s) $refs.
#pragma once

#include <memory>
#include <mutex>

#include "contracts/http/http_types.h"
#include "core/refs.h"

namespace accord::contracts::http {

class HttpRemoteSource : public core::RemoteSource {
 public:
  // Uses libcurl with `options` (TLS verification on unless options.insecure).
  explicit HttpRemoteSource(ClientOptions options = {});
  // Uses the given client (tests pass a fake); not owned.
  explicit HttpRemoteSource(Client* client);
  ~HttpRemoteSource() override;

  // GETs `url`; any status other than 2xx is an error naming the URL and status.
  core::Expected<std::string> fetch(const std::string& url) override;

 private:
  std::unique_ptr<Client> owned_;
  Client* client_ = nullptr;
  std::mutex mutex_;  // one client, possibly several resolving threads
};

}  // namespace accord::contracts::http
