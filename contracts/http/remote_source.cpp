#include "contracts/http/remote_source.h"

#include "contracts/http/curl_client.h"

namespace accord::contracts::http {

HttpRemoteSource::HttpRemoteSource(ClientOptions options)
    : owned_(std::make_unique<CurlClient>(std::move(options))), client_(owned_.get()) {}

HttpRemoteSource::HttpRemoteSource(Client* client) : client_(client) {}

HttpRemoteSource::~HttpRemoteSource() = default;

core::Expected<std::string> HttpRemoteSource::fetch(const std::string& url) {
  if (url.rfind("http://", 0) != 0 && url.rfind("https://", 0) != 0)
    return core::make_error("only http(s) URLs can be fetched: '" + url + "'");
  Request request;
  request.method = "GET";
  request.url = url;
  request.headers.emplace_back("Accept", "application/json, application/yaml, */*");
  std::lock_guard<std::mutex> lock(mutex_);
  auto response = client_->send(request);
  if (!response) return core::make_error("cannot fetch " + url + ": " + response.error().message);
  if (response->status < 200 || response->status >= 300)
    return core::make_error("cannot fetch " + url + ": HTTP status " + std::to_string(response->status));
  return std::move(response->body);
}

}  // namespace accord::contracts::http
