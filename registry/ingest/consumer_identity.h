// Who made a request, from the parts of a log line the user points at with
// --consumer. Secrets never leave this file: a JWT is decoded for one claim
// and an API key becomes a short hash.
#pragma once

#include <string>
#include <string_view>

#include "core/expected.h"
#include "registry/formats/request.h"

namespace accord::registry {

inline constexpr std::string_view kUnknownConsumer = "unknown";

class ConsumerIdentity {
 public:
  // header:NAME | field:NAME | user-agent | remote-addr | basic-user | jwt:CLAIM | api-key:HEADER
  static core::Expected<ConsumerIdentity> parse(std::string_view spec);

  // The consumer id, or empty when the line does not name one.
  std::string identify(const Request& request) const;
  // The same without allocating per line (ingest's hot path): a view into the
  // request's line, or into `scratch` when the id had to be computed.
  std::string_view identify(const Request& request, std::string& scratch) const;

 private:
  enum class Kind { none, header, field, user_agent, remote_addr, basic_user, jwt, api_key };
  std::string_view header_value(const Request& request, std::string_view header) const;
  Kind kind_ = Kind::none;
  std::string name_;                   // header, field or claim name
  std::string nginx_variable_;         // "http_x_client_id" for header X-Client-Id
  std::string lower_name_;             // "x-client-id"
  std::string underscored_name_;       // "x_client_id" (JSON logs that write header names so)
  std::string otel_attribute_;         // "http.request.header.x-client-id"
};

// Helpers, exposed for tests.
std::string base64url_decode(std::string_view text);  // also accepts standard base64; stops at bad input
std::string api_key_fingerprint(std::string_view key);  // "key:" + 16 hex digits

}  // namespace accord::registry
