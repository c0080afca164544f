#include "contracts/verify/report.h"

#include <cstdio>

#include "core/json_writer.h"

namespace accord::contracts::verify {

Summary summarise(const std::vector<InteractionResult>& results) {
  Summary s;
  for (const auto& r : results) {
    if (r.outcome == Outcome::pass) ++s.pass;
    else if (r.outcome == Outcome::fail) ++s.fail;
    else ++s.pending;
  }
  return s;
}

std::optional<ReportFormat> parse_report_format(std::string_view name) {
  if (name == "text") return ReportFormat::text;
  if (name == "json") return ReportFormat::json;
  if (name == "junit") return ReportFormat::junit;
  if (name == "markdown" || name == "md") return ReportFormat::markdown;
  return std::nullopt;
}

std::string redact_text(std::string text, const std::vector<std::string>& secrets) {
  for (const std::string& s : secrets) {
    if (s.size() < 1) continue;
    size_t pos = 0;
    while ((pos = text.find(s, pos)) != std::string::npos) {
      text.replace(pos, s.size(), "***");
      pos += 3;
    }
  }
  return text;
}

void redact(std::vector<InteractionResult>& results, const std::vector<std::string>& secrets) {
  if (secrets.empty()) return;
  for (auto& r : results) {
    r.description = redact_text(r.description, secrets);
    for (auto& c : r.comments) c = redact_text(c, secrets);
    for (auto& m : r.mismatches) {
      m.path = redact_text(m.path, secrets);
      m.expected = redact_text(m.expected, secrets);
      m.actual = redact_text(m.actual, secrets);
      m.message = redact_text(m.message, secrets);
    }
  }
}

namespace {

const char* outcome_name(Outcome o) {
  switch (o) {
    case Outcome::pass: return "pass";
    case Outcome::fail: return "fail";
    case Outcome::pending_fail: return "pending-fail";
  }
  return "";
}

std::string summary_line(const Summary& s, size_t total) {
  return std::to_string(total) + " interaction(s): " + std::to_string(s.pass) + " passed, " + std::to_string(s.fail) +
         " failed, " + std::to_string(s.pending) + " pending failure(s)";
}

std::string states_suffix(const InteractionResult& r) {
  if (r.states.empty()) return "";
  std::string s = " [given ";
  for (size_t i = 0; i < r.states.size(); ++i) s += (i ? "; " : "") + r.states[i];
  return s + "]";
}

std::string render_text(const std::vector<InteractionResult>& results, const ReportOptions& options) {
  std::string out;
  std::string group;
  for (const auto& r : results) {
    std::string g = r.consumer + " -> " + r.provider + " (" + r.source + ")";
    if (g != group) {
      out += "Verifying " + g + "\n";
      group = g;
    }
    const char* tag = r.outcome == Outcome::pass ? "PASS" : r.outcome == Outcome::fail ? "FAIL" : "FAIL (pending)";
    out += std::string("  ") + tag + "  " + r.description + states_suffix(r) + "\n";
    if (!r.test_name.empty()) out += "      test: " + r.test_name + "\n";
    for (const auto& c : r.comments) out += "      comment: " + c + "\n";
    for (const auto& m : r.mismatches) {
      out += "      " + m.path + ": " + m.message + "\n";
      if (!m.expected.empty() || !m.actual.empty()) {
        out += "        expected: " + m.expected + "\n";
        out += "        actual:   " + m.actual + "\n";
      }
    }
  }
  for (const auto& n : options.notes) out += "note: " + n + "\n";
  out += summary_line(summarise(results), results.size()) + "\n";
  return out;
}

std::string render_json(const std::vector<InteractionResult>& results) {
  core::JsonWriter w(true);
  w.begin_object().key("interactions").begin_array();
  for (const auto& r : results) {
    w.begin_object();
    w.key("consumer").value(r.consumer);
    w.key("provider").value(r.provider);
    w.key("source").value(r.source);
    w.key("description").value(r.description);
    w.key("states").begin_array();
    for (const auto& s : r.states) w.value(s);
    w.end_array();
    w.key("pending").value(r.pending);
    if (!r.test_name.empty()) w.key("testName").value(r.test_name);
    if (!r.comments.empty()) {
      w.key("comments").begin_array();
      for (const auto& c : r.comments) w.value(c);
      w.end_array();
    }
    w.key("status").value(outcome_name(r.outcome));
    w.key("mismatches").begin_array();
    for (const auto& m : r.mismatches) {
      w.begin_object();
      w.key("path").value(m.path);
      w.key("expected").value(m.expected);
      w.key("actual").value(m.actual);
      w.key("message").value(m.message);
      w.end_object();
    }
    w.end_array();
    w.end_object();
  }
  w.end_array();
  Summary s = summarise(results);
  w.key("summary").begin_object();
  w.key("pass").value(static_cast<uint64_t>(s.pass));
  w.key("fail").value(static_cast<uint64_t>(s.fail));
  w.key("pending").value(static_cast<uint64_t>(s.pending));
  w.end_object();
  w.end_object();
  return w.take() + "\n";
}

std::string render_junit(const std::vector<InteractionResult>& results, const ReportOptions& options) {
  using core::xml_escape;
  Summary s = summarise(results);
  double total_ms = 0;
  for (const auto& r : results) total_ms += r.duration_ms;
  char secs[32];
  std::snprintf(secs, sizeof secs, "%.3f", total_ms / 1000.0);
  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out += "<testsuites name=\"" + xml_escape(options.title) + "\" tests=\"" + std::to_string(results.size()) +
         "\" failures=\"" + std::to_string(s.fail) + "\" time=\"" + secs + "\">\n";
  std::string current;
  bool open = false;
  for (const auto& r : results) {
    std::string suite = r.consumer + " -> " + r.provider;
    if (suite != current || !open) {
      if (open) out += "  </testsuite>\n";
      out += "  <testsuite name=\"" + xml_escape(suite) + "\" file=\"" + xml_escape(r.source) + "\">\n";
      current = suite;
      open = true;
    }
    std::snprintf(secs, sizeof secs, "%.3f", r.duration_ms / 1000.0);
    out += "    <testcase classname=\"" + xml_escape(suite) + "\" name=\"" + xml_escape(r.description + states_suffix(r)) +
           "\" time=\"" + secs + "\">";
    if (r.outcome == Outcome::pass) {
      out += "</testcase>\n";
      continue;
    }
    std::string body;
    for (const auto& m : r.mismatches)
      body += m.path + ": " + m.message + "\n  expected: " + m.expected + "\n  actual:   " + m.actual + "\n";
    std::string first = r.mismatches.empty() ? "failed" : r.mismatches.front().path + ": " + r.mismatches.front().message;
    if (r.outcome == Outcome::pending_fail)
      out += "\n      <skipped message=\"" + xml_escape("pending: " + first) + "\">" + xml_escape(body) + "</skipped>\n    </testcase>\n";
    else
      out += "\n      <failure message=\"" + xml_escape(first) + "\">" + xml_escape(body) + "</failure>\n    </testcase>\n";
  }
  if (open) out += "  </testsuite>\n";
  out += "</testsuites>\n";
  return out;
}

std::string render_markdown(const std::vector<InteractionResult>& results, const ReportOptions& options) {
  Summary s = summarise(results);
  std::string out = "## " + options.title + "\n\n" + summary_line(s, results.size()) + "\n\n";
  out += "| Result | Consumer | Interaction |\n|---|---|---|\n";
  for (const auto& r : results) {
    const char* tag = r.outcome == Outcome::pass ? "PASS" : r.outcome == Outcome::fail ? "**FAIL**" : "FAIL (pending)";
    out += std::string("| ") + tag + " | " + core::markdown_escape(r.consumer) + " | " + core::markdown_escape(r.description + states_suffix(r)) + " |\n";
  }
  bool any = false;
  for (const auto& r : results) {
    if (r.mismatches.empty()) continue;
    if (!any) out += "\n### Mismatches\n";
    any = true;
    out += "\n**" + core::markdown_escape(r.consumer) + ": " + core::markdown_escape(r.description) + "**" +
           (r.outcome == Outcome::pending_fail ? " (pending)" : "") + "\n\n";
    out += "| Path | Expected | Actual | Problem |\n|---|---|---|---|\n";
    for (const auto& m : r.mismatches)
      out += "| " + core::markdown_code(m.path, true) + " | " + core::markdown_code(m.expected, true) + " | " + core::markdown_code(m.actual, true) + " | " + core::markdown_escape(m.message) + " |\n";
  }
  for (const auto& n : options.notes) out += "\n> " + core::markdown_escape(n) + "\n";
  return out;
}

}  // namespace

std::string render_report(const std::vector<InteractionResult>& results, ReportFormat format,
                          const ReportOptions& options) {
  switch (format) {
    case ReportFormat::text: return render_text(results, options);
    case ReportFormat::json: return render_json(results);
    case ReportFormat::junit: return render_junit(results, options);
    case ReportFormat::markdown: return render_markdown(results, options);
  }
  return "";
}

}  // namespace accord::contracts::verify
