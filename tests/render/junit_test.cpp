#include <catch2/catch.hpp>

#include <regex>

#include "diff/render/render.h"
#include "sample_findings.h"

using namespace accord;

namespace {

// Well-formedness for the subset of XML the formatter writes: balanced
// elements, quoted attributes, no raw '<' or stray '&' in text or values.
bool well_formed(const std::string& xml, std::string& why) {
  std::vector<std::string> open;
  auto bad_text = [](std::string_view t) {
    static const std::regex entity("^&(amp|lt|gt|quot|apos|#[0-9]+);");
    for (size_t i = 0; i < t.size(); ++i) {
      if (t[i] == '<') return true;
      if (t[i] == '&' && !std::regex_search(std::string(t.substr(i, 8)), entity)) return true;
    }
    return false;
  };
  size_t i = 0;
  while (i < xml.size()) {
    size_t lt = xml.find('<', i);
    if (bad_text(std::string_view(xml).substr(i, (lt == std::string::npos ? xml.size() : lt) - i))) {
      why = "bad text near " + std::to_string(i);
      return false;
    }
    if (lt == std::string::npos) break;
    size_t gt = lt;
    bool in_quote = false;
    for (++gt; gt < xml.size() && (in_quote || xml[gt] != '>'); ++gt)
      if (xml[gt] == '"') in_quote = !in_quote;
    if (gt >= xml.size()) {
      why = "unterminated tag";
      return false;
    }
    std::string tag = xml.substr(lt + 1, gt - lt - 1);
    i = gt + 1;
    if (tag.front() == '?') continue;
    if (tag.front() == '/') {
      if (open.empty() || open.back() != tag.substr(1)) {
        why = "mismatched </" + tag.substr(1) + ">";
        return false;
      }
      open.pop_back();
      continue;
    }
    bool self_closing = tag.back() == '/';
    if (self_closing) tag.pop_back();
    static const std::regex element(R"(^[A-Za-z_][\w.-]*(\s+[A-Za-z_][\w.-]*="[^"<]*")*\s*$)");
    if (!std::regex_match(tag, element)) {
      why = "malformed tag <" + tag + ">";
      return false;
    }
    static const std::regex value(R"re(="([^"]*)")re");
    for (auto it = std::sregex_iterator(tag.begin(), tag.end(), value); it != std::sregex_iterator(); ++it) {
      if (bad_text((*it)[1].str())) {
        why = "bad attribute value in <" + tag + ">";
        return false;
      }
    }
    if (!self_closing) open.push_back(tag.substr(0, tag.find_first_of(" \t\n")));
  }
  if (!open.empty()) why = "unclosed <" + open.back() + ">";
  return open.empty();
}

size_t count(const std::string& s, std::string_view needle) {
  size_t n = 0;
  for (size_t p = s.find(needle); p != std::string::npos; p = s.find(needle, p + 1)) ++n;
  return n;
}

}  // namespace

TEST_CASE("junit: one suite, a failing testcase per finding at or above --fail-on", "[render][junit]") {
  auto findings = test::sample_findings();
  diff::RenderContext gate;
  gate.fail_on = diff::Severity::warning;
  std::string xml = diff::render_junit(findings, gate);
  std::string why;
  INFO(xml);
  CHECK(well_formed(xml, why));
  INFO(why);
  CHECK(count(xml, "<testsuite ") == 1);
  CHECK(count(xml, "<testcase ") == 5);
  CHECK(count(xml, "<failure ") == 3);
  CHECK(xml.find("<testsuite name=\"accord breaking\" tests=\"5\" failures=\"3\"") != std::string::npos);
  CHECK(xml.find("classname=\"openapi.response-property-removed\" name=\"GET /users/{id}: response property "
                 "&apos;email&apos; was removed\" file=\"new.yaml\" line=\"120\"") != std::string::npos);
  CHECK(xml.find("new: new.yaml:120:9\nold: old.yaml:98:11\n") != std::string::npos);
}

TEST_CASE("junit: failures are exactly what fails the exit code", "[render][junit]") {
  auto findings = test::sample_findings();  // 2 errors, 1 warning, 2 info
  diff::RenderContext ctx;                  // the default gate: error
  std::string xml = diff::render_junit(findings, ctx);
  CHECK(count(xml, "<failure ") == 2);
  CHECK(xml.find("tests=\"5\" failures=\"2\"") != std::string::npos);
  // The warning is a passing testcase, not a failure on a green job.
  CHECK(xml.find("name=\"GET /users/{id}: query parameter &apos;limit&apos; became required\" file=\"new.yaml\" "
                 "line=\"110\"/>") != std::string::npos);
  ctx.fail_on = diff::Severity::info;
  CHECK(count(diff::render_junit(findings, ctx), "<failure ") == 5);
  ctx.fail_on.reset();  // `accord diff` never fails
  CHECK(count(diff::render_junit(findings, ctx), "<failure ") == 0);
}

TEST_CASE("junit: hostile text stays well-formed", "[render][junit]") {
  auto f = test::finding("openapi.x", diff::Severity::error, "a <b> & \"c\"\nd \x01", "GET /a&b", std::nullopt,
                         test::place("dir/<n>.yaml", 3, 4, "/paths/~1a&b"));
  diff::RenderContext ctx;
  ctx.notes = {"note with \"quotes\" & <tags>"};
  std::string xml = diff::render_junit({f}, ctx);
  std::string why;
  INFO(xml);
  CHECK(well_formed(xml, why));
  INFO(why);
  CHECK(xml.find("a &lt;b&gt; &amp; &quot;c&quot;&#10;d  ") != std::string::npos);
  CHECK(xml.find('\x01') == std::string::npos);
}

TEST_CASE("junit: no findings is one passing testcase", "[render][junit]") {
  std::string xml = diff::render_junit({}, {});
  std::string why;
  CHECK(well_formed(xml, why));
  CHECK(count(xml, "<testcase ") == 1);
  CHECK(count(xml, "<failure") == 0);
  CHECK(xml.find("tests=\"1\" failures=\"0\"") != std::string::npos);
}
