// JUnit XML, the report format GitLab (and most CI dashboards) read: one
// testsuite, one failing testcase per finding that fails the gate (at or above
// --fail-on, so the dashboard agrees with the exit code), a passing testcase
// for every other finding, and a single passing testcase when there is nothing
// to report (so the dashboard shows the check ran).
#include "core/json_writer.h"
#include "diff/model/merge.h"
#include "diff/render/render.h"

namespace accord::diff {

namespace {

std::string attr(std::string_view s) { return core::xml_attribute(s); }

std::string testcase_name(const Finding& f) {
  return f.operation.empty() ? f.message : operations_summary(f) + ": " + f.message;
}

// The failure body: where to look in both versions, and how to silence it.
std::string failure_body(const Finding& f) {
  std::string body;
  if (f.new_place && !f.new_place->file.empty()) body += "new: " + place_text(*f.new_place) + "\n";
  if (f.old_place && !f.old_place->file.empty()) body += "old: " + place_text(*f.old_place) + "\n";
  const Place* p = f.primary();
  if (p && !p->pointer.empty()) body += "pointer: " + p->pointer + "\n";
  body += "rule: " + f.rule + "\n";
  body += "fingerprint: " + f.fingerprint + "\n";
  return core::xml_escape(body);
}

}  // namespace

std::string render_junit(const std::vector<Finding>& findings, const RenderContext& ctx) {
  size_t failures = 0;
  for (const Finding& f : findings)
    if (ctx.fails(f)) ++failures;
  const size_t tests = findings.empty() ? 1 : findings.size();
  const std::string suite = "accord " + ctx.command;
  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out += "<testsuites name=\"accord\" tests=\"" + std::to_string(tests) + "\" failures=\"" +
         std::to_string(failures) + "\" errors=\"0\">\n";
  out += "  <testsuite name=\"" + attr(suite) + "\" tests=\"" + std::to_string(tests) + "\" failures=\"" +
         std::to_string(failures) + "\" errors=\"0\" skipped=\"0\">\n";
  if (!ctx.notes.empty()) {
    out += "    <properties>\n";
    for (const std::string& n : ctx.notes) out += "      <property name=\"note\" value=\"" + attr(n) + "\"/>\n";
    out += "    </properties>\n";
  }
  if (findings.empty()) {
    const std::string name = ctx.command == "diff" ? "no changes" : "no breaking changes";
    out += "    <testcase classname=\"accord\" name=\"" + name + "\"/>\n";
  }
  for (const Finding& f : findings) {
    out += "    <testcase classname=\"" + attr(f.rule) + "\" name=\"" + attr(testcase_name(f)) + "\"";
    if (const Place* p = f.primary(); p && !p->file.empty()) {
      out += " file=\"" + attr(p->file) + "\"";
      if (p->line) out += " line=\"" + std::to_string(p->line) + "\"";
    }
    if (!ctx.fails(f)) {
      out += "/>\n";
      continue;
    }
    out += ">\n      <failure type=\"" + std::string(severity_name(f.severity)) + "\" message=\"" + attr(f.message) +
           "\">" + failure_body(f) + "</failure>\n    </testcase>\n";
  }
  out += "  </testsuite>\n</testsuites>\n";
  return out;
}

}  // namespace accord::diff
