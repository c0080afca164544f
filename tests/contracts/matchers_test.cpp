// Matchers as the Pact compatibility suite describes them (features/V3 and V4
// matching_rules.feature): each rule accepts what it should and rejects, with
// a path, what it should not.
#include <catch2/catch.hpp>

#include "contracts/matching/http_match.h"
#include "contracts/pact/loader.h"
#include "core/loader.h"

using namespace accord::contracts;

namespace {

struct Compared {
  matching::Mismatches mismatches;
  bool ok() const { return mismatches.empty(); }
  bool has(const std::string& path, const std::string& fragment = "") const {
    for (const auto& m : mismatches)
      if (m.path == path && m.message.find(fragment) != std::string::npos) return true;
    return false;
  }
  std::string dump() const {
    std::string s;
    for (const auto& m : mismatches) s += m.path + ": " + m.message + "\n";
    return s;
  }
};

// `expected` and `actual` are V4 responses written as JSON.
Compared compare_responses(const std::string& expected, const std::string& actual) {
  static std::vector<std::unique_ptr<accord::core::Document>> keep;
  auto e = accord::core::load_text("expected", expected, accord::core::Syntax::json);
  auto a = accord::core::load_text("actual", actual, accord::core::Syntax::json);
  REQUIRE(e.ok());
  REQUIRE(a.ok());
  auto er = pact::parse_response((*e)->root(), pact::SpecVersion::v4);
  auto ar = pact::parse_response((*a)->root(), pact::SpecVersion::v4);
  REQUIRE(er.ok());
  REQUIRE(ar.ok());
  Compared c{matching::match_response(*er, *ar)};
  keep.push_back(std::move(*e));
  keep.push_back(std::move(*a));
  return c;
}

std::string body_with_rules(const std::string& body, const std::string& rules) {
  return R"({"status":200,"headers":{"Content-Type":"application/json"},"body":)" + body +
         R"(,"matchingRules":{"body":)" + rules + "}}";
}

std::string body_only(const std::string& body) {
  return R"({"status":200,"headers":{"Content-Type":"application/json"},"body":)" + body + "}";
}

std::string one_rule(const std::string& path, const std::string& matcher) {
  return "{\"" + path + "\":{\"combine\":\"AND\",\"matchers\":[" + matcher + "]}}";
}

}  // namespace

TEST_CASE("matchers: regex matches the whole value", "[matchers]") {
  auto rules = one_rule("$.one", R"({"match":"regex","regex":"\\d+"})");
  CHECK(compare_responses(body_with_rules(R"({"one":"12"})", rules), body_only(R"({"one":"987"})")).ok());
  auto bad = compare_responses(body_with_rules(R"({"one":"12"})", rules), body_only(R"({"one":"98a"})"));
  INFO(bad.dump());
  CHECK(bad.has("$.body.one", "to match"));
}

TEST_CASE("matchers: a regex whose repetition count or back-reference number overflows is refused, not compiled", "[matchers][errors]") {
  // libstdc++ reads these numbers into a long unchecked (found by fuzzing).
  for (const char* pattern : {R"(a{5555555555555555555})", R"(a{1,5555555555555555555})", R"((a)\\5555555555555555555)"}) {
    auto rules = one_rule("$.one", std::string(R"({"match":"regex","regex":")") + pattern + "\"}");
    auto bad = compare_responses(body_with_rules(R"({"one":"a"})", rules), body_only(R"({"one":"a"})"));
    INFO(pattern << "\n" << bad.dump());
    CHECK(bad.has("$.body.one", "is too large"));
  }
  // Small numbers, and digits after an escaped backslash, still compile.
  auto rules = one_rule("$.one", R"({"match":"regex","regex":"(a)\\1{2}\\\\55555555555"})");
  auto ok = compare_responses(body_with_rules(R"({"one":"aaa\\55555555555"})", rules),
                              body_only(R"({"one":"aaa\\55555555555"})"));
  INFO(ok.dump());
  CHECK(ok.ok());
}

TEST_CASE("matchers: a regex with a quantifier on a quantifier is refused, not backtracked for ever", "[matchers][errors]") {
  // libstdc++ compiles "0**" into nested repetitions (a fuzzed pact with 46 stars hung the loader).
  for (const char* pattern : {"c_0**", "a+*", "a{2}*", "b*??", "x?+"}) {
    auto rules = one_rule("$.one", std::string(R"({"match":"regex","regex":")") + pattern + "\"}");
    auto bad = compare_responses(body_with_rules(R"({"one":"c_0"})", rules), body_only(R"({"one":"c_0"})"));
    INFO(pattern << "\n" << bad.dump());
    CHECK(bad.has("$.body.one", "a quantifier follows a quantifier"));
  }
  // Lazy quantifiers, escaped and bracketed stars are single repetitions: they still match.
  for (auto [pattern, value] : {std::pair{"c_0*?", R"({"one":"c_0"})"}, std::pair{R"(c\\*_0+?)", R"({"one":"c*_0"})"},
                                std::pair{"[*+]?c_0{1}?", R"({"one":"c_0"})"}, std::pair{R"(\\d*c_0)", R"({"one":"12c_0"})"}}) {
    auto rules = one_rule("$.one", std::string(R"({"match":"regex","regex":")") + pattern + "\"}");
    auto ok = compare_responses(body_with_rules(value, rules), body_only(value));
    INFO(pattern << "\n" << ok.dump());
    CHECK(ok.ok());
  }
}

TEST_CASE("matchers: type with min and max on arrays", "[matchers]") {
  auto rules = one_rule("$.ids", R"({"match":"type","min":1,"max":3})");
  std::string e = body_with_rules(R"({"ids":[1]})", rules);
  CHECK(compare_responses(e, body_only(R"({"ids":[5,6,7]})")).ok());
  CHECK(compare_responses(e, body_only(R"({"ids":[]})")).has("$.body.ids", "at least 1"));
  CHECK(compare_responses(e, body_only(R"({"ids":[1,2,3,4]})")).has("$.body.ids", "at most 3"));
  CHECK(compare_responses(e, body_only(R"({"ids":[1,"x"]})")).has("$.body.ids[1]", "number"));
}

TEST_CASE("matchers: equality resets a cascading type rule", "[matchers]") {
  std::string rules = R"({"$.one":{"matchers":[{"match":"type"}]},"$.one.a.status":{"matchers":[{"match":"equality"}]}})";
  std::string e = body_with_rules(R"({"one":{"a":{"status":"OK","n":1}}})", rules);
  CHECK(compare_responses(e, body_only(R"({"one":{"a":{"status":"OK","n":7}}})")).ok());
  CHECK(compare_responses(e, body_only(R"({"one":{"a":{"status":"Lovely","n":7}}})")).has("$.body.one.a.status"));
}

TEST_CASE("matchers: include, number, integer, decimal, boolean, null", "[matchers]") {
  auto check = [](const std::string& matcher, const std::string& good, const std::string& bad) {
    auto rules = one_rule("$.one", matcher);
    std::string e = body_with_rules(R"({"one":"x"})", rules);
    INFO(matcher << " good=" << good << " bad=" << bad);
    CHECK(compare_responses(e, body_only("{\"one\":" + good + "}")).ok());
    CHECK(compare_responses(e, body_only("{\"one\":" + bad + "}")).has("$.body.one"));
  };
  check(R"({"match":"include","value":"a"})", R"("cat")", R"("dog")");
  check(R"({"match":"number"})", "100.01", R"("100")");
  check(R"({"match":"integer"})", "100", "100.1");
  check(R"({"match":"decimal"})", "100.1", "100");
  check(R"({"match":"boolean"})", "false", R"("")");
  check(R"({"match":"null"})", "null", R"("")");
  check(R"({"match":"semver"})", R"("1.0.0")", R"("1.0")");
  check(R"({"match":"notEmpty"})", R"("cat")", R"("")");
}

TEST_CASE("matchers: numbers in headers and query may come as strings", "[matchers]") {
  std::string e = R"({"status":200,"headers":{"X-A":"1234"},"matchingRules":{"header":{"X-A":{"matchers":[{"match":"integer"}]}}}})";
  CHECK(compare_responses(e, R"({"status":200,"headers":{"x-a":"100"}})").ok());
  CHECK(compare_responses(e, R"({"status":200,"headers":{"X-A":"100.5"}})").has("header.X-A", "integer"));
}

TEST_CASE("matchers: date, time and datetime with formats", "[matchers]") {
  std::string rules = R"({"$.d":{"matchers":[{"match":"date","format":"yyyy-MM-dd"}]},
                         "$.t":{"matchers":[{"match":"time","format":"HH:mm:ss"}]},
                         "$.dt":{"matchers":[{"match":"datetime","format":"yyyy-MM-dd'T'HH:mm:ss.SSSX"}]}})";
  std::string e = body_with_rules(R"({"d":"2020-01-01","t":"10:00:00","dt":"2020-01-01T10:00:00.000Z"})", rules);
  CHECK(compare_responses(e, body_only(R"({"d":"2023-07-19","t":"23:59:01","dt":"2023-07-19T01:02:03.456+0100"})")).ok());
  auto bad = compare_responses(e, body_only(R"({"d":"23/07/19","t":"25:00:00","dt":"2023-07-19 01:02:03"})"));
  CHECK(bad.has("$.body.d", "yyyy-MM-dd"));
  CHECK(bad.has("$.body.t"));
  CHECK(bad.has("$.body.dt"));
}

TEST_CASE("matchers: values, eachKey and eachValue", "[matchers]") {
  std::string each_key = one_rule("$", R"({"match":"eachKey","rules":[{"match":"regex","regex":"[a-z]+"}]})");
  CHECK(compare_responses(body_with_rules(R"({"one":"a"})", each_key), body_only(R"({"one":"a","two":"b"})")).ok());
  CHECK(compare_responses(body_with_rules(R"({"one":"a"})", each_key), body_only(R"({"one":"a","100":"d"})")).has("$.body[100]"));

  std::string each_value = one_rule("$", R"({"match":"eachValue","rules":[{"match":"regex","regex":"[a-z]+"}]})");
  std::string e = body_with_rules(R"({"one":"a","two":"b"})", each_value);
  CHECK(compare_responses(e, body_only(R"({"one":"a","three":"b","four":"c"})")).ok());
  CHECK(compare_responses(e, body_only(R"({"one":"a","four":"100"})")).has("$.body.four", "to match"));

  std::string values = one_rule("$.m", R"({"match":"values"})");
  std::string ev = body_with_rules(R"({"m":{"x":{"id":1}}})", values);
  CHECK(compare_responses(ev, body_only(R"({"m":{"x":{"id":1},"y":{"id":1}}})")).ok());
  CHECK(compare_responses(ev, body_only(R"({"m":{"y":{"id":2}}})")).has("$.body.m.y.id"));
}

TEST_CASE("matchers: arrayContains finds each variant anywhere in the array", "[matchers]") {
  std::string rules = one_rule("$.actions", R"({"match":"arrayContains","variants":[
      {"index":0,"rules":{"$.name":{"matchers":[{"match":"regex","regex":"add-item"}]}}},
      {"index":1,"rules":{"$.name":{"matchers":[{"match":"regex","regex":"delete-item"}]}}}]})");
  std::string e = body_with_rules(R"({"actions":[{"name":"add-item"},{"name":"delete-item"}]})", rules);
  CHECK(compare_responses(e, body_only(R"({"actions":[{"name":"other"},{"name":"delete-item"},{"name":"add-item"}]})")).ok());
  CHECK(compare_responses(e, body_only(R"({"actions":[{"name":"add-item"}]})")).has("$.body.actions", "variant 1"));
}

TEST_CASE("matchers: statusCode and combine OR", "[matchers]") {
  std::string e = R"({"status":200,"matchingRules":{"status":{"matchers":[{"match":"statusCode","status":"success"}]}}})";
  CHECK(compare_responses(e, R"({"status":299})").ok());
  CHECK(compare_responses(e, R"({"status":400})").has("status", "expected a success status (2xx), got 400"));
  std::string codes = R"({"status":200,"matchingRules":{"status":{"matchers":[{"match":"statusCode","status":[200,204]}]}}})";
  CHECK(compare_responses(codes, R"({"status":404})").has("status", "expected one of the statuses 200, 204, got 404"));

  std::string either = R"({"$.v":{"combine":"OR","matchers":[{"match":"integer"},{"match":"regex","regex":"n/a"}]}})";
  std::string eo = body_with_rules(R"({"v":1})", either);
  CHECK(compare_responses(eo, body_only(R"({"v":7})")).ok());
  CHECK(compare_responses(eo, body_only(R"({"v":"n/a"})")).ok());
  CHECK_FALSE(compare_responses(eo, body_only(R"({"v":"none"})")).ok());
}

TEST_CASE("matchers: contentType checks the bytes of a body", "[matchers]") {
  std::string e = R"({"status":200,"headers":{"Content-Type":"application/octet-stream"},
    "body":{"contentType":"application/octet-stream","encoded":"base64","content":"JVBERi0xLjQK"},
    "matchingRules":{"body":{"$":{"matchers":[{"match":"contentType","value":"application/pdf"}]}}}})";
  CHECK(compare_responses(e, R"({"status":200,"headers":{"Content-Type":"application/octet-stream"},
    "body":{"contentType":"application/octet-stream","encoded":"base64","content":"JVBERi0xLjcKJcfs"}})").ok());
  CHECK(compare_responses(e, R"({"status":200,"headers":{"Content-Type":"application/octet-stream"},
    "body":{"contentType":"application/octet-stream","encoded":"base64","content":"iVBORw0KGgo="}})").has("$.body"));
}

TEST_CASE("matchers: form-urlencoded and XML bodies", "[matchers]") {
  std::string form = R"({"status":200,"headers":{"Content-Type":"application/x-www-form-urlencoded"},
    "body":{"contentType":"application/x-www-form-urlencoded","content":"a=1&b=two"},
    "matchingRules":{"body":{"$.a":{"matchers":[{"match":"integer"}]}}}})";
  CHECK(compare_responses(form, R"({"status":200,"headers":{"Content-Type":"application/x-www-form-urlencoded"},"body":{"content":"b=two&a=77"}})").ok());
  CHECK(compare_responses(form, R"({"status":200,"headers":{"Content-Type":"application/x-www-form-urlencoded"},"body":{"content":"a=x&b=two"}})").has("$.body.a"));

  std::string xml = R"({"status":200,"headers":{"Content-Type":"application/xml"},
    "body":{"contentType":"application/xml","content":"<a><b id=\"1\">x</b></a>"},
    "matchingRules":{"body":{"$.a.b['@id']":{"matchers":[{"match":"integer"}]}}}})";
  CHECK(compare_responses(xml, R"({"status":200,"headers":{"Content-Type":"application/xml"},"body":{"content":"<a><b id=\"42\">x</b></a>"}})").ok());
  CHECK(compare_responses(xml, R"({"status":200,"headers":{"Content-Type":"application/xml"},"body":{"content":"<a><b id=\"no\">y</b></a>"}})").has("$.body.a.b['@id']"));
}

TEST_CASE("matchers: notEmpty on binary bodies and across types", "[matchers]") {
  std::string binary = R"({"status":200,"headers":{"Content-Type":"image/jpeg"},
    "body":{"contentType":"image/jpeg","encoded":"base64","content":"/9j/4AAQSkZJRg=="},
    "matchingRules":{"body":{"$":{"matchers":[{"match":"notEmpty"}]}}}})";
  CHECK(compare_responses(binary, R"({"status":200,"headers":{"Content-Type":"image/jpeg"},
    "body":{"contentType":"image/jpeg","encoded":"base64","content":"/9j/4AAQSkZJRgABAQ=="}})").ok());
  auto empty = compare_responses(binary, R"({"status":200,"headers":{"Content-Type":"image/jpeg"}})");
  INFO(empty.dump());
  CHECK_FALSE(empty.ok());

  std::string rules = one_rule("$", R"({"match":"notEmpty"})");
  std::string e = body_with_rules(R"({"one":"a","two":["b"]})", rules);
  CHECK(compare_responses(e, body_only(R"({"one":"a","two":[]})")).has("$.body.two"));
  CHECK(compare_responses(e, body_only(R"({"one":"a","two":"b"})")).has("$.body.two"));  // array expected, string given
}

TEST_CASE("matchers: values with a type rule below rejects a wrongly typed value", "[matchers]") {
  std::string rules = R"({"$":{"matchers":[{"match":"values"}]},"$.*":{"matchers":[{"match":"type"}]}})";
  std::string e = body_with_rules(R"({"one":"a","two":"b"})", rules);
  CHECK(compare_responses(e, body_only(R"({"one":"","two":"b","three":"c"})")).ok());  // extra and missing keys are fine
  CHECK(compare_responses(e, body_only(R"({"one":"","two":"b","three":"c","four":100})")).has("$.body.four"));
}

// features/V3/http_matching.feature: content types compare by media type and
// charset (case-insensitively); list headers compare value by value, ignoring parameters.
TEST_CASE("matchers: Content-Type charset and Accept parameters", "[matchers][headers]") {
  auto header = [](const char* name, const std::string& value) {
    return std::string(R"({"status":200,"headers":{")") + name + "\":\"" + value + "\"}}";
  };
  auto same = [&](const char* name, const std::string& expected, const std::string& actual) {
    return compare_responses(header(name, expected), header(name, actual));
  };
  CHECK(same("Content-Type", "application/json", "application/json").ok());
  CHECK(same("Content-Type", "application/json;charset=UTF-8", "application/json;charset=utf-8").ok());
  CHECK(same("Content-Type", "application/json", "application/json;charset=UTF-8").ok());
  CHECK(same("Content-Type", "application/json;charset=UTF-8", "application/json").has("header.Content-Type"));
  CHECK(same("Content-Type", "application/json;charset=UTF-16", "application/json;charset=UTF-8").has("header.Content-Type"));

  std::string accept = "text/html, application/xhtml+xml, application/xml, image/webp, */*";
  CHECK(same("Accept", accept, "text/html, application/xhtml+xml, application/xml;q=0.9, image/webp, */*;q=0.8").ok());
  CHECK(same("Accept", accept, "text/html, application/xml;q=0.9, image/webp, */*;q=0.8").has("header.Accept"));
}

TEST_CASE("a status that is no HTTP status code is unusable input naming where", "[pact][errors]") {
  const std::string head = R"({"consumer": {"name": "c"}, "provider": {"name": "p"},
"interactions": [{"description": "d", "request": {"method": "GET", "path": "/"},
"response": {"status": )";
  const std::string tail = "}}],\n\"metadata\": {\"pactSpecification\": {\"version\": \"3.0.0\"}}}";
  for (const char* status : {"7.7e58", "200.5", "42", "-1"}) {
    INFO(status);
    auto pact = pact::load_pact_text("p.json", head + status + tail);
    REQUIRE_FALSE(pact.ok());
    CHECK(pact.error().render() == "p.json:3:24: 'status' must be an HTTP status code (100-999)");
  }
  auto fine = pact::load_pact_text("p.json", head + "201" + tail);
  REQUIRE(fine.ok());
}

TEST_CASE("a statusCode matcher listing no HTTP status codes is unusable input", "[pact][errors]") {
  std::string text = R"({"consumer": {"name": "c"}, "provider": {"name": "p"},
"interactions": [{"description": "d", "request": {"method": "GET", "path": "/"},
"response": {"status": 200, "matchingRules": {"status": {"matchers": [{"match": "statusCode", "status": [200, 1e40]}]}}}}],
"metadata": {"pactSpecification": {"version": "4.0"}}})";
  auto pact = pact::load_pact_text("p.json", text);
  REQUIRE_FALSE(pact.ok());
  CHECK(pact.error().render().find("statusCode matcher 'status' lists HTTP status codes (100-999)") != std::string::npos);
}

TEST_CASE("a type matcher's min/max that is no count is no bound (not a wrapped cast)", "[matchers][errors]") {
  // Found by fuzzing pact_loader: "min": -1 was cast to size_t (undefined behaviour).
  auto parse = [](const std::string& json) {
    auto doc = accord::core::load_text("rule", json, accord::core::Syntax::json);
    REQUIRE(doc.ok());
    auto rule = matching::parse_rule((*doc)->root());
    REQUIRE(rule.ok());
    return *rule;
  };
  auto negative_min = parse(R"({"match": "type", "min": -1, "max": 99999999999})");
  CHECK(negative_min.kind == matching::RuleKind::max_type);
  CHECK(negative_min.max == 99999999999u);
  CHECK(parse(R"({"match": "type", "min": 1e300})").kind == matching::RuleKind::type);
  CHECK(parse(R"({"match": "type", "min": 2.5})").kind == matching::RuleKind::type);
  auto fine = parse(R"({"match": "type", "min": 2})");
  CHECK(fine.kind == matching::RuleKind::min_type);
  CHECK(fine.min == 2u);
}
