// What real gateways write: Envoy's default text access log (and its JSON
// form under the same --log-format), OTLP attribute values in every form, and
// consumer headers however a JSON log spells their names.
#include <catch2/catch.hpp>

#include "core/clock.h"
#include "registry/formats/log_format.h"
#include "registry/ingest/consumer_identity.h"

using namespace accord::registry;
namespace core = accord::core;

namespace {

std::unique_ptr<LineParser> parser_for(std::string_view format) {
  auto p = make_line_parser(format);
  REQUIRE(p.ok());
  return std::move(p.value());
}

std::string consumer(std::string_view spec, const Request& r) {
  auto id = ConsumerIdentity::parse(spec);
  REQUIRE(id.ok());
  return id->identify(r);
}

}  // namespace

TEST_CASE("Envoy's default text access log", "[registry][formats][envoy]") {
  auto p = parser_for("envoy");
  Request r;
  std::string why;
  // The example from Envoy's access-log documentation.
  REQUIRE(p->parse(R"([2016-04-15T20:17:00.310Z] "POST /api/v1/locations HTTP/2" 204 - 154 0 226 100 "10.0.1.12" )"
                   R"("nsq2http" "cc21d9b0-cf5c-432b-8c7e-98aeb7988cd2" "locations" "tcp://10.0.2.1:80")",
                   r, why));
  CHECK(r.method == "POST");
  CHECK(r.target == "/api/v1/locations");
  CHECK(r.status == 204);
  CHECK(r.time == core::days_from_civil(2016, 4, 15) * 86400 + 20 * 3600 + 17 * 60);
  CHECK(r.user_agent == "nsq2http");
  CHECK(r.remote_addr == "10.0.1.12");
  CHECK(r.field("authority") == "locations");
  CHECK(r.field("x_request_id") == "cc21d9b0-cf5c-432b-8c7e-98aeb7988cd2");
  CHECK(consumer("user-agent", r) == "nsq2http");

  // "-" fields are absent; the client is the first X-Forwarded-For address; Istio's extra fields are ignored.
  REQUIRE(p->parse(R"([2026-11-23T10:00:00.000Z] "GET /users/7?x=1 HTTP/1.1" 503 UF 0 91 3 - "203.0.113.9, 10.0.0.2" )"
                   R"("-" "abc" "users.svc" "10.0.3.4:8080" outbound|8080||users.svc 10.0.0.5:4000 10.0.0.6:80)",
                   r, why));
  CHECK(r.target == "/users/7?x=1");
  CHECK(r.status == 503);
  CHECK(r.remote_addr == "203.0.113.9");
  CHECK(r.user_agent.empty());
  CHECK_FALSE(r.has_field("user_agent"));

  // The JSON form under the same --log-format.
  REQUIRE(p->parse(R"({"start_time":"2026-11-23T10:00:00Z","method":"DELETE","path":"/users/1","response_code":204})",
                   r, why));
  CHECK(r.method == "DELETE");
  CHECK(r.status == 204);

  CHECK_FALSE(p->parse(R"(10.0.0.1 - - [23/Nov/2026:10:00:00 +0000] "GET / HTTP/1.1" 200 5)", r, why));
  CHECK(why.find("not an Envoy access log line") == 0);
  CHECK_FALSE(p->parse(R"([yesterday] "GET / HTTP/1.1" 200)", r, why));
  CHECK(why == "malformed start time");
  CHECK_FALSE(p->parse(R"([2026-11-23T10:00:00Z] "GET / HTTP/1.1" OK)", r, why));
  CHECK(why == "malformed response code");
}

TEST_CASE("OTel header attributes as OTLP arrays and plain arrays name the consumer", "[registry][formats][otel]") {
  auto p = parser_for("otel");
  Request r;
  std::string why;
  REQUIRE(p->parse(R"({"kind":2,"attributes":[{"key":"http.request.method","value":{"stringValue":"GET"}},)"
                   R"({"key":"url.path","value":{"stringValue":"/users/5"}},)"
                   R"({"key":"http.response.status_code","value":{"intValue":200}},)"
                   R"({"key":"http.request.header.x-consumer","value":{"arrayValue":{"values":[{"stringValue":"crm"},)"
                   R"({"stringValue":"other"}]}}}]})",
                   r, why));
  CHECK(r.status == 200);
  CHECK(r.field("http.request.header.x-consumer") == "crm");
  CHECK(consumer("header:X-Consumer", r) == "crm");
  // A plain exporter writing {"key": ["value"]}.
  REQUIRE(p->parse(R"({"attributes":{"http.request.method":"GET","url.path":"/a",)"
                   R"("http.request.header.x-consumer":["billing"]}})",
                   r, why));
  CHECK(consumer("header:X-Consumer", r) == "billing");
  // An empty array names nobody.
  REQUIRE(p->parse(R"({"attributes":{"http.request.method":"GET","url.path":"/a","http.request.header.x-consumer":[]}})",
                   r, why));
  CHECK(consumer("header:X-Consumer", r).empty());
}

TEST_CASE("header:X-Consumer matches JSON keys x_consumer and x-consumer", "[registry][consumer]") {
  auto p = parser_for("json");
  Request r;
  std::string why;
  REQUIRE(p->parse(R"({"method":"GET","path":"/a","x_consumer":"mobile"})", r, why));
  CHECK(consumer("header:X-Consumer", r) == "mobile");
  REQUIRE(p->parse(R"({"method":"GET","path":"/a","x-consumer":"web"})", r, why));
  CHECK(consumer("header:X-Consumer", r) == "web");
  REQUIRE(p->parse(R"({"method":"GET","path":"/a","x_other":"web"})", r, why));
  CHECK(consumer("header:X-Consumer", r).empty());
}
