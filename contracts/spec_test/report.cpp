#include "contracts/spec_test/report.h"

#include <cstdio>

#include "core/json_writer.h"

namespace accord::contracts::spec_test {

namespace {

const char* verdict_name(Verdict v) {
  switch (v) {
    case Verdict::pass: return "pass";
    case Verdict::fail: return "fail";
    case Verdict::skipped: return "skipped";
  }
  return "";
}

std::string summary_line(const TestRun& run) {
  TestSummary s = summarise(run);
  std::string counted = std::to_string(run.operations.size()) + " operation(s): ";
  if (run.operation_count && run.operation_count != run.operations.size())  // named examples: several requests each
    counted = std::to_string(run.operations.size()) + " request(s) for " + std::to_string(run.operation_count) + " operation(s): ";
  return counted + std::to_string(s.pass) + " passed, " +
         std::to_string(s.fail) + " failed, " + std::to_string(s.skipped) + " skipped";
}

std::string seconds(double ms) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3f", ms / 1000.0);
  return buf;
}

// What the service answered, for every operation that was called.
std::string received(const OperationResult& op) {
  if (op.verdict == Verdict::skipped) return "";
  return op.received_status ? "HTTP " + std::to_string(op.received_status) : "no response";
}

std::string render_text(const TestRun& run) {
  std::string out = "Testing " + run.title + " (" + run.spec + ") against " + run.base_url + "\n";
  for (const auto& op : run.operations) {
    const char* tag = op.verdict == Verdict::pass ? "PASS" : op.verdict == Verdict::fail ? "FAIL" : "SKIP";
    out += std::string("  ") + tag + "  " + op.label;
    if (op.verdict == Verdict::skipped) out += " (" + op.skip_reason + ")";
    if (op.verdict != Verdict::skipped) out += " -> " + received(op);
    out += "\n";
    for (const auto& w : op.warnings) out += "      warning: " + w + "\n";
    for (const auto& m : op.mismatches) {
      out += "      " + m.path + ": " + m.message + "\n";
      if (!m.expected.empty() || !m.actual.empty())
        out += "        expected: " + m.expected + "\n        actual:   " + m.actual + "\n";
    }
  }
  return out + summary_line(run) + "\n";
}

std::string render_json(const TestRun& run) {
  core::JsonWriter w(true);
  w.begin_object().key("interactions").begin_array();
  for (const auto& op : run.operations) {
    w.begin_object();
    w.key("consumer").value(run.title);
    w.key("provider").value(run.base_url);
    w.key("source").value(run.spec);
    w.key("description").value(op.label);
    w.key("status").value(verdict_name(op.verdict));
    if (op.verdict == Verdict::skipped) w.key("reason").value(op.skip_reason);
    if (op.received_status) w.key("receivedStatus").value(static_cast<uint64_t>(op.received_status));
    if (!op.warnings.empty()) {
      w.key("warnings").begin_array();
      for (const auto& warning : op.warnings) w.value(warning);
      w.end_array();
    }
    w.key("mismatches").begin_array();
    for (const auto& m : op.mismatches) {
      w.begin_object();
      w.key("path").value(m.path);
      w.key("expected").value(m.expected);
      w.key("actual").value(m.actual);
      w.key("message").value(m.message);
      w.end_object();
    }
    w.end_array();
    w.key("duration_ms").value(op.duration_ms);
    w.end_object();
  }
  w.end_array();
  TestSummary s = summarise(run);
  w.key("summary").begin_object();
  w.key("pass").value(static_cast<uint64_t>(s.pass));
  w.key("fail").value(static_cast<uint64_t>(s.fail));
  w.key("pending").value(static_cast<uint64_t>(0));
  w.key("skipped").value(static_cast<uint64_t>(s.skipped));
  w.end_object();
  w.end_object();
  return w.take() + "\n";
}

std::string render_junit(const TestRun& run) {
  using core::xml_escape;
  TestSummary s = summarise(run);
  double total = 0;
  for (const auto& op : run.operations) total += op.duration_ms;
  std::string suite = xml_escape(run.title);
  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out += "<testsuites name=\"accord test\" tests=\"" + std::to_string(run.operations.size()) + "\" failures=\"" +
         std::to_string(s.fail) + "\" skipped=\"" + std::to_string(s.skipped) + "\" time=\"" + seconds(total) + "\">\n";
  out += "  <testsuite name=\"" + suite + "\" file=\"" + xml_escape(run.spec) + "\" tests=\"" +
         std::to_string(run.operations.size()) + "\" failures=\"" + std::to_string(s.fail) + "\" skipped=\"" +
         std::to_string(s.skipped) + "\">\n";
  for (const auto& op : run.operations) {
    out += "    <testcase classname=\"" + suite + "\" name=\"" + xml_escape(op.label) + "\" time=\"" +
           seconds(op.duration_ms) + "\">";
    std::string system_out = "received: " + received(op) + "\n";
    for (const auto& warning : op.warnings) system_out += "warning: " + warning + "\n";
    system_out = "      <system-out>" + xml_escape(system_out) + "</system-out>\n";
    if (op.verdict == Verdict::pass) {
      out += "\n" + system_out + "    </testcase>\n";
      continue;
    }
    if (op.verdict == Verdict::skipped) {
      out += "\n      <skipped message=\"" + xml_escape(op.skip_reason) + "\"/>\n    </testcase>\n";
      continue;
    }
    std::string body;
    for (const auto& m : op.mismatches)
      body += m.path + ": " + m.message + "\n  expected: " + m.expected + "\n  actual:   " + m.actual + "\n";
    std::string first = op.mismatches.empty() ? "failed" : op.mismatches.front().path + ": " + op.mismatches.front().message;
    out += "\n      <failure message=\"" + xml_escape(first) + "\">" + xml_escape(body) + "</failure>\n" + system_out +
           "    </testcase>\n";
  }
  return out + "  </testsuite>\n</testsuites>\n";
}

std::string render_markdown(const TestRun& run) {
  std::string out = "## accord test: " + core::markdown_escape(run.title) + "\n\n" + summary_line(run) + "\n\n";
  out += "| Result | Operation | Received | Note |\n|---|---|---|---|\n";
  for (const auto& op : run.operations) {
    const char* tag = op.verdict == Verdict::pass ? "PASS" : op.verdict == Verdict::fail ? "**FAIL**" : "SKIP";
    std::string note = op.verdict == Verdict::skipped ? op.skip_reason
                       : op.mismatches.empty()        ? ""
                                                      : std::to_string(op.mismatches.size()) + " mismatch(es)";
    for (const auto& warning : op.warnings) note += (note.empty() ? "warning: " : "; warning: ") + warning;
    out += std::string("| ") + tag + " | " + core::markdown_code(op.label, true) + " | " + core::markdown_escape(received(op)) +
           " | " + core::markdown_escape(note) + " |\n";
  }
  bool any = false;
  for (const auto& op : run.operations) {
    if (op.mismatches.empty()) continue;
    if (!any) out += "\n### Mismatches\n";
    any = true;
    out += "\n**" + core::markdown_escape(op.label) + "**\n\n| Path | Expected | Actual | Problem |\n|---|---|---|---|\n";
    for (const auto& m : op.mismatches)
      out += "| " + core::markdown_code(m.path, true) + " | " + core::markdown_code(m.expected, true) + " | " + core::markdown_code(m.actual, true) + " | " + core::markdown_escape(m.message) + " |\n";
  }
  return out;
}

}  // namespace

TestSummary summarise(const TestRun& run) {
  TestSummary s;
  for (const auto& op : run.operations) {
    if (op.verdict == Verdict::pass) ++s.pass;
    else if (op.verdict == Verdict::fail) ++s.fail;
    else ++s.skipped;
  }
  return s;
}

void redact(TestRun& run, const std::vector<std::string>& secrets) {
  if (secrets.empty()) return;
  auto scrub = [&](std::string& s) { s = verify::redact_text(std::move(s), secrets); };
  scrub(run.spec);
  scrub(run.title);
  scrub(run.base_url);
  for (auto& op : run.operations) {
    scrub(op.label);
    scrub(op.skip_reason);
    for (auto& w : op.warnings) scrub(w);
    for (auto& m : op.mismatches) {
      scrub(m.path);
      scrub(m.expected);
      scrub(m.actual);
      scrub(m.message);
    }
  }
}

std::string render(const TestRun& run, verify::ReportFormat format) {
  switch (format) {
    case verify::ReportFormat::text: return render_text(run);
    case verify::ReportFormat::json: return render_json(run);
    case verify::ReportFormat::junit: return render_junit(run);
    case verify::ReportFormat::markdown: return render_markdown(run);
  }
  return "";
}

}  // namespace accord::contracts::spec_test
