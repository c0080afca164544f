#include "contracts/verify/report.h"

#include <cstdio>

#include "core/json_writer.h"

namespace accord::contracts::verify {

Summary summarise(const std::vector<InteractionResult>& results) {
  Summary s;
  for (const auto& r : results) {
    if (r.outcome == Outcome::pass) ++s.pass;
    else if (r.outcome == Outcome::fail) ++s.fail;
    else if (r.outcome == Outcome::skipped) ++s.skipped;
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
    case Outcome::skipped: return "skipped";
  }
  return "";
}

std::string summary_line(const Summary& s, size_t total) {
  return std::to_string(total) + " interaction(s): " + std::to_string(s.pass) + " passed, " + std::to_string(s.fail) +
         " failed, " + std::to_string(s.pending) + " pending failure(s)" +
         (s.skipped ? ", " + std::to_string(s.skipped) + " skipped (not verified)" : "");
}

const char* outcome_tag(Outcome o, bool markdown) {
  switch (o) {
    case Outcome::pass: return "PASS";
    case Outcome::fail: return markdown ? "**FAIL**" : "FAIL";
    case Outcome::pending_fail: return "FAIL (pending)";
    case Outcome::skipped: return markdown ? "**SKIPPED**" : "SKIPPED";
  }
  return "";
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
    const char* tag = outcome_tag(r.outcome, false);
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
    w.key("kind").value(r.kind);
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
  w.key("skipped").value(static_cast<uint64_t>(s.skipped));
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
    // The contract's comments and test name, where JUnit viewers show a test's output.
    std::string notes;
    if (!r.test_name.empty()) notes += "test: " + r.test_name + "\n";
    for (const auto& c : r.comments) notes += "comment: " + c + "\n";
    std::string system_out = notes.empty() ? "" : "<system-out>" + xml_escape(notes) + "</system-out>";
    if (r.outcome == Outcome::pass) {
      out += system_out + "</testcase>\n";
      continue;
    }
    if (!system_out.empty()) system_out = "      " + system_out + "\n";
    std::string body;
    for (const auto& m : r.mismatches)
      body += m.path + ": " + m.message + "\n  expected: " + m.expected + "\n  actual:   " + m.actual + "\n";
    std::string first = r.mismatches.empty() ? "failed" : r.mismatches.front().path + ": " + r.mismatches.front().message;
    if (r.outcome == Outcome::skipped)
      out += "\n      <skipped message=\"" + xml_escape(first) + "\"/>\n" + system_out + "    </testcase>\n";
    else if (r.outcome == Outcome::pending_fail)
      out += "\n      <skipped message=\"" + xml_escape("pending: " + first) + "\">" + xml_escape(body) + "</skipped>\n" + system_out + "    </testcase>\n";
    else
      out += "\n      <failure message=\"" + xml_escape(first) + "\">" + xml_escape(body) + "</failure>\n" + system_out + "    </testcase>\n";
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
    const char* tag = outcome_tag(r.outcome, true);
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
  any = false;
  for (const auto& r : results) {
    if (r.comments.empty() && r.test_name.empty()) continue;
    if (!any) out += "\n### Comments\n\n";
    any = true;
    out += "- **" + core::markdown_escape(r.consumer) + ": " + core::markdown_escape(r.description) + "**";
    if (!r.test_name.empty()) out += " (test " + core::markdown_escape(r.test_name) + ")";
    std::string joined;
    for (const auto& c : r.comments) joined += (joined.empty() ? "" : "; ") + core::markdown_escape(c);
    out += (joined.empty() ? "" : ": " + joined) + "\n";
  }
  for (const auto& n : options.notes) out += "\n> " + core::markdown_escape(n) + "\n";
  return out;
}

}  // namespace

std::string valid_utf8(std::string_view in) {
  std::string out;
  out.reserve(in.size());
  size_t i = 0;
  while (i < in.size()) {
    unsigned char c = static_cast<unsigned char>(in[i]);
    size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xe ? 3 : (c >> 3) == 0x1e ? 4 : 0;
    bool ok = len > 0 && i + len <= in.size();
    for (size_t k = 1; ok && k < len; ++k) ok = (static_cast<unsigned char>(in[i + k]) & 0xc0) == 0x80;
    if (ok && len == 2) ok = c >= 0xc2;  // overlong
    if (ok && len == 3) {
      unsigned char c1 = static_cast<unsigned char>(in[i + 1]);
      ok = !(c == 0xe0 && c1 < 0xa0) && !(c == 0xed && c1 >= 0xa0);  // overlong, surrogates
    }
    if (ok && len == 4) {
      unsigned char c1 = static_cast<unsigned char>(in[i + 1]);
      ok = c <= 0xf4 && !(c == 0xf0 && c1 < 0x90) && !(c == 0xf4 && c1 >= 0x90);
    }
    if (!ok) {
      out += "\xEF\xBF\xBD";  // U+FFFD for each byte that is not part of a valid sequence
      ++i;
      continue;
    }
    out.append(in.substr(i, len));
    i += len;
  }
  return out;
}

std::string render_report(const std::vector<InteractionResult>& raw, ReportFormat format, const ReportOptions& raw_options) {
  // Whatever bytes a provider sent, the report is valid UTF-8 (and so valid JSON / XML).
  std::vector<InteractionResult> results = raw;
  for (auto& r : results) {
    for (std::string* s : {&r.source, &r.consumer, &r.provider, &r.description, &r.test_name}) *s = valid_utf8(*s);
    for (auto& s : r.states) s = valid_utf8(s);
    for (auto& s : r.comments) s = valid_utf8(s);
    for (auto& m : r.mismatches)
      for (std::string* s : {&m.path, &m.expected, &m.actual, &m.message}) *s = valid_utf8(*s);
  }
  ReportOptions options = raw_options;
  for (auto& n : options.notes) n = valid_utf8(n);
  switch (format) {
    case ReportFormat::text: return render_text(results, options);
    case ReportFormat::json: return render_json(results);
    case ReportFormat::junit: return render_junit(results, options);
    case ReportFormat::markdown: return render_markdown(results, options);
  }
  return "";
}

}  // namespace accord::contracts::verify
