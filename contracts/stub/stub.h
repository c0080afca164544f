// `accord stub`: answers requests the way the provider a contract describes
// would. The answering logic is independent of the HTTP server (stub_server.h)
// so that it can be tested and benchmarked on its own.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "contracts/http/http_types.h"

namespace accord::contracts::stub {

struct StubRequest {
  std::string method;      // upper case
  std::string path;        // decoded
  std::string raw_query;   // without '?'
  http::HeaderList headers;
  std::string body;
  std::string state;       // provider state asked for (X-Pact-Provider-State or --state), "" for any
};

struct StubAnswer {
  int status = 404;
  http::HeaderList headers;
  std::string body;
  std::string matched;  // the interaction / example that answered ("" when none did)
};

// One source of answers: pacts or an OpenAPI document.
class Answerer {
 public:
  virtual ~Answerer() = default;
  // Must be safe to call from several threads at once.
  virtual StubAnswer answer(const StubRequest& request) const = 0;
};

}  // namespace accord::contracts::stub
