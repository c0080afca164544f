// HTTP request/response values and the client interface every caller uses.
// Matchers, the Pact verifier and `accord test` only see HttpClient, so tests
// can hand in a fake and the real one (libcurl) stays in curl_client.cpp.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "core/expected.h"

namespace accord::contracts::http {

// Header names keep the case they were given; lookups ignore case.
using HeaderList = std::vector<std::pair<std::string, std::string>>;

struct Request {
  std::string method = "GET";
  std::string url;  // absolute: scheme://host:port/path?query
  HeaderList headers;
  std::string body;
  bool has_body = false;
};

struct Response {
  int status = 0;
  HeaderList headers;
  std::string body;
};

// First value of a header, case-insensitively; nullptr when absent.
const std::string* find_header(const HeaderList& headers, std::string_view name);
bool iequals(std::string_view a, std::string_view b);
std::string to_lower(std::string_view s);

struct ClientOptions {
  long timeout_ms = 30000;     // whole request, connect included
  long connect_timeout_ms = 0; // 0: same as timeout_ms
  bool insecure = false;       // skip TLS peer/host verification
  std::string ca_file;         // extra CA bundle (PEM)
  uint64_t max_body_bytes = 64ull << 20;  // --max-body: a longer response is cut and the request fails
};

// Why a request produced no response: the verifier reports these per
// interaction ("connection refused", "timed out after 2000 ms", ...).
class Client {
 public:
  virtual ~Client() = default;
  virtual core::Expected<Response> send(const Request& request) = 0;
};

// Percent-encoding for query components and form bodies.
std::string url_encode(std::string_view s);
std::string url_decode(std::string_view s, bool plus_is_space = true);

}  // namespace accord::contracts::http
