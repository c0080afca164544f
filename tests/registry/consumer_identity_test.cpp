#include <catch2/catch.hpp>

#include "registry/ingest/consumer_identity.h"

using namespace accord::registry;

namespace {

std::string identify(std::string_view spec, const Request& r) {
  auto id = ConsumerIdentity::parse(spec);
  REQUIRE(id.ok());
  return id->identify(r);
}

}  // namespace

TEST_CASE("consumer from headers, fields, user agent, address", "[registry][consumer]") {
  Request r;
  r.user_agent = "billing-service/2.3 (linux; x64)";
  r.remote_addr = "10.1.2.3";
  r.fields = {{"http_x_client_id", "shop"}, {"team", "payments"}};
  CHECK(identify("header:X-Client-Id", r) == "shop");
  CHECK(identify("field:team", r) == "payments");
  CHECK(identify("user-agent", r) == "billing-service");
  CHECK(identify("remote-addr", r) == "10.1.2.3");
  CHECK(identify("header:X-Other", r).empty());
  CHECK_FALSE(ConsumerIdentity::parse("header:").ok());
  CHECK_FALSE(ConsumerIdentity::parse("cookie:x").ok());
}

TEST_CASE("JWT claims are decoded, the token never kept", "[registry][consumer]") {
  // {"alg":"none"} . {"sub":"svc-42","client_id":"mobile-app"} . signature
  const std::string token =
      "eyJhbGciOiJub25lIn0.eyJzdWIiOiJzdmMtNDIiLCJjbGllbnRfaWQiOiJtb2JpbGUtYXBwIn0.c2ln";
  const std::string header = "Bearer " + token;
  Request r;
  r.fields = {{"http_authorization", header}};
  CHECK(identify("jwt:client_id", r) == "mobile-app");
  CHECK(identify("jwt:sub", r) == "svc-42");
  CHECK(identify("jwt:missing", r).empty());
  Request garbage;
  garbage.fields = {{"http_authorization", "Bearer not-a-jwt"}};
  CHECK(identify("jwt:sub", garbage).empty());
}

TEST_CASE("API keys become a stable hash, basic users their name", "[registry][consumer]") {
  Request r;
  r.fields = {{"http_x_api_key", "sk_live_secret"}, {"http_authorization", "Basic YWxpY2U6cGFzc3dvcmQ="}};
  const std::string id = identify("api-key:X-Api-Key", r);
  CHECK(id.rfind("key:", 0) == 0);
  CHECK(id.find("secret") == std::string::npos);
  CHECK(id == identify("api-key:x-api-key", r));
  Request other;
  other.fields = {{"http_x_api_key", "sk_live_other"}};
  CHECK(identify("api-key:X-Api-Key", other) != id);
  CHECK(identify("basic-user", r) == "alice");
  CHECK(base64url_decode("aGVsbG8") == "hello");
}
