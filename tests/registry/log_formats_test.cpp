#include <catch2/catch.hpp>

#include "core/clock.h"
#include "registry/log_format.h"

using namespace accord::registry;
namespace core = accord::core;

namespace {

std::unique_ptr<LineParser> parser_for(std::string_view format) {
  auto p = make_line_parser(format);
  REQUIRE(p.ok());
  return std::move(p.value());
}

}  // namespace

TEST_CASE("combined lines", "[registry][formats]") {
  auto p = parser_for("combined");
  Request r;
  std::string why;
  REQUIRE(p->parse(R"(10.0.0.1 - bob [10/Oct/2000:13:55:36 -0700] "GET /a/b?c=1 HTTP/1.0" 200 2326 "http://x/" "Mozilla/4.08 \"quoted\" [en]")",
                   r, why));
  CHECK(r.remote_addr == "10.0.0.1");
  CHECK(r.remote_user == "bob");
  CHECK(r.method == "GET");
  CHECK(r.target == "/a/b?c=1");
  CHECK(r.status == 200);
  CHECK(r.user_agent == R"(Mozilla/4.08 \"quoted\" [en])");
  CHECK(r.time == core::days_from_civil(2000, 10, 10) * 86400 + 20 * 3600 + 55 * 60 + 36);
  CHECK_FALSE(p->parse("not a log line", r, why));
  CHECK_FALSE(why.empty());
  CHECK_FALSE(p->parse(R"(1.2.3.4 - - [10/Oct/2000:13:55:36 -0700] "GET /x HTTP/1.0" abc 1 "-" "-")", r, why));
  CHECK(why == "malformed status");
}

TEST_CASE("nginx log_format templates", "[registry][formats]") {
  auto p = parser_for(R"($remote_addr [$time_iso8601] "$request" $status "$http_x_client_id" $request_time)");
  Request r;
  std::string why;
  REQUIRE(p->parse(R"(127.0.0.1 [2026-11-23T10:00:00+00:00] "POST /orders HTTP/1.1" 201 "shop-web" 0.003)", r, why));
  CHECK(r.method == "POST");
  CHECK(r.status == 201);
  CHECK(r.field("http_x_client_id") == "shop-web");
  CHECK(r.field("request_time") == "0.003");
  CHECK(r.time == core::days_from_civil(2026, 11, 23) * 86400 + 10 * 3600);
  CHECK_FALSE(make_line_parser("$status$request").ok());         // touching variables
  CHECK_FALSE(make_line_parser("$remote_addr $status").ok());    // no request
}

TEST_CASE("JSON lines with default and mapped fields", "[registry][formats]") {
  auto p = parser_for("envoy");
  Request r;
  std::string why;
  REQUIRE(p->parse(R"({"start_time":"2026-11-23T10:00:00.123Z","method":"GET","path":"/users/1","response_code":404,)"
                   R"("user_agent":"curl/8","x-client-id":"ios","headers":{"authorization":"Bearer x"}})",
                   r, why));
  CHECK(r.method == "GET");
  CHECK(r.target == "/users/1");
  CHECK(r.status == 404);
  CHECK(r.user_agent == "curl/8");
  CHECK(r.field("x-client-id") == "ios");
  CHECK(r.field("headers.authorization") == "Bearer x");
  CHECK(r.time == core::days_from_civil(2026, 11, 23) * 86400 + 10 * 3600);

  auto mapped = parser_for("json:method=verb,path=req.url,status=code,time=epoch");
  REQUIRE(mapped->parse(R"({"verb":"PUT","req":{"url":"/x"},"code":"204","epoch":1700000000123})", r, why));
  CHECK(r.method == "PUT");
  CHECK(r.target == "/x");
  CHECK(r.status == 204);
  CHECK(r.time == 1700000000);
  CHECK_FALSE(mapped->parse("{\"verb\":\"PUT\"}", r, why));
  CHECK_FALSE(mapped->parse("{broken", r, why));
  CHECK(why.rfind("not JSON", 0) == 0);
  CHECK_FALSE(make_line_parser("json:colour=red").ok());
}

TEST_CASE("OpenTelemetry spans, OTLP batches and flat spans", "[registry][formats]") {
  auto p = parser_for("otel");
  Request r;
  std::string why;
  const std::string batch =
      R"({"resourceSpans":[{"scopeSpans":[{"spans":[)"
      R"({"kind":2,"startTimeUnixNano":"1763892000000000000","attributes":[)"
      R"({"key":"http.request.method","value":{"stringValue":"GET"}},{"key":"http.route","value":{"stringValue":"/users/{id}"}},)"
      R"({"key":"url.path","value":{"stringValue":"/users/5"}},{"key":"http.response.status_code","value":{"intValue":"200"}}]},)"
      R"({"kind":3,"attributes":[{"key":"http.request.method","value":{"stringValue":"GET"}},{"key":"url.full","value":{"stringValue":"http://x/y"}}]},)"
      R"({"kind":"SPAN_KIND_SERVER","attributes":[{"key":"http.request.method","value":{"stringValue":"DELETE"}},)"
      R"({"key":"url.path","value":{"stringValue":"/users/6"}},{"key":"http.response.status_code","value":{"intValue":"503"}}]})"
      R"(]}]}]})";
  REQUIRE(p->parse(batch, r, why));
  CHECK(r.method == "GET");
  CHECK(r.route == "/users/{id}");
  CHECK(r.status == 200);
  CHECK(r.time == 1763892000);
  REQUIRE(p->next(r));  // the client span (kind 3) is skipped
  CHECK(r.method == "DELETE");
  CHECK(r.target == "/users/6");
  CHECK(r.status == 503);
  CHECK_FALSE(p->next(r));
  // A batch with no HTTP server span has nothing to count, and is not malformed.
  CHECK_FALSE(p->parse(R"({"resourceSpans":[]})", r, why));
  CHECK(why.empty());
  REQUIRE(p->parse(R"({"attributes":{"http.request.method":"GET","url.path":"/a"}})", r, why));
  CHECK(r.target == "/a");
}

TEST_CASE("AWS ALB lines", "[registry][formats]") {
  auto p = parser_for("alb");
  Request r;
  std::string why;
  REQUIRE(p->parse(R"(https 2026-11-23T10:00:00.123456Z app/my-lb/50dc6c495c0c9188 192.168.131.39:2817 10.0.0.1:80 0.000 0.001 0.000 200 200 34 366 "GET https://api.example.com:443/users/7?x=1 HTTP/1.1" "curl/7.46.0" ECDHE-RSA-AES128-GCM-SHA256 TLSv1.2 arn:aws:elasticloadbalancing:us-east-2:1:targetgroup/t/1 "Root=1-58337262" "api.example.com" "arn:aws:acm:cert" 0 2026-11-23T09:59:59.999000Z "forward" "-" "-" "10.0.0.1:80" "200" "-" "-")",
                   r, why));
  CHECK(r.method == "GET");
  CHECK(r.target == "https://api.example.com:443/users/7?x=1");
  CHECK(r.status == 200);
  CHECK(r.remote_addr == "192.168.131.39");
  CHECK(r.user_agent == "curl/7.46.0");
  CHECK(r.time == core::days_from_civil(2026, 11, 23) * 86400 + 10 * 3600);
  CHECK_FALSE(p->parse("https 2026-11-23T10:00:00Z short", r, why));
}

TEST_CASE("the combined fast path reads every line as the combined template does", "[registry][formats]") {
  // `combined` parses most lines on an unrolled path; the same template through the generic steps is the reference.
  auto fast = parser_for("combined");
  auto reference = parser_for(
      "nginx:$remote_addr $ident $remote_user [$time_local] \"$request\" $status $body_bytes_sent \"$http_referer\" "
      "\"$http_user_agent\"");
  const std::vector<std::string> lines = {
      R"(10.0.0.1 - bob [10/Oct/2000:13:55:36 -0700] "GET /a/b?c=1 HTTP/1.0" 200 2326 "http://x/" "Mozilla/4.08 \"q\" [en]")",
      R"(- - - [10/Oct/2000:13:55:36 -0700] "POST /x HTTP/1.1" 201 - "-" "-")",
      R"(10.0.0.2 - - [10/Oct/2000:13:55:37 +0000] "GET /with \"quote\" HTTP/1.1" 404 0 "-" "curl/8")",
      R"(10.0.0.3 - - [10/Oct/2000:13:55:37 +0000] "-" 400 0 "-" "-")",
      R"(10.0.0.4 - - [not a time] "GET / HTTP/1.1" 200 1 "-" "x")",
      R"(10.0.0.5 - - [10/Oct/2000:13:55:38 +0000] "GET / HTTP/1.1" 2x0 1 "-" "x")",
      R"(10.0.0.6 - - [10/Oct/2000:13:55:38 +0000] "GET / HTTP/1.1" 200 1 "-")",
      R"(10.0.0.7 - - [10/Oct/2000:13:55:39 +0000] "GET /tail HTTP/1.1" 200 1 "-" "ua" trailing words)",
      R"(10.0.0.8 - - [-] "GET / HTTP/1.1" 200 1 "-" "x")",
      "garbage",
      "",
  };
  for (const std::string& line : lines) {
    INFO(line);
    Request a, b;
    std::string why_a, why_b;
    const bool ok_a = fast->parse(line, a, why_a);
    const bool ok_b = reference->parse(line, b, why_b);
    REQUIRE(ok_a == ok_b);
    CHECK(why_a == why_b);
    if (!ok_a) continue;
    CHECK(a.remote_addr == b.remote_addr);
    CHECK(a.remote_user == b.remote_user);
    CHECK(a.method == b.method);
    CHECK(a.target == b.target);
    CHECK(a.status == b.status);
    CHECK(a.time == b.time);
    CHECK(a.user_agent == b.user_agent);
    CHECK(a.field("http_referer") == b.field("http_referer"));
  }
}
