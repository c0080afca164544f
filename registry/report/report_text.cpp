// The plain-text and Markdown forms of the usage report.
#include <sstream>

#include "core/clock.h"
#include "registry/report/report.h"

namespace accord::registry {

namespace {

std::string percent(int64_t part, int64_t whole) {
  if (whole == 0) return "n/a";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f%%", 100.0 * static_cast<double>(part) / static_cast<double>(whole));
  return buf;
}

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& s : items) out += (out.empty() ? "" : ", ") + s;
  return out;
}

}  // namespace

std::string render_report_text(const UsageReport& r) {
  std::ostringstream out;
  const Coverage& c = r.coverage;
  out << "Usage of " << r.spec << " (API '" << r.api << "') from " << core::format_day(r.since_day) << " to " << core::format_day(r.until_day) << " ("
      << c.days << " days)\n";
  out << "Coverage: " << c.days_with_data << "/" << c.days << " days with log data; " << c.requests
      << " requests, " << c.matched_calls << " matched, " << r.unmatched << " unmatched; "
      << percent(c.matched_calls - c.unknown_consumer_calls, c.matched_calls) << " of matched calls name a consumer ("
      << c.unknown_consumer_calls << " unknown)";
  if (r.malformed_lines) out << "; " << r.malformed_lines << " malformed lines";
  out << "\n\n";
  for (const OperationUsage& op : r.operations) {
    out << op.label;
    if (op.deprecated) out << "  [deprecated]";
    if (!op.sunset.empty()) out << "  [sunset " << op.sunset << "]";
    out << "\n  calls: " << op.calls << "   verdict: " << verdict_name(op.verdict) << " (" << op.reason << ")\n";
    for (const ConsumerUsage& who : op.consumers)
      out << "    " << who.id << ": " << who.calls << " calls, first " << core::format_timestamp(who.first_seen) << ", last "
          << core::format_timestamp(who.last_seen) << "\n";
    for (const PactReference& p : op.pacts)
      out << "    pact " << p.consumer << (p.field.empty() ? "" : " reads " + p.field) << " (" << p.source << ")\n";
    if (op.calls > 0) {
      out << "    weekly:";
      for (const WeekCalls& w : op.weekly) out << " " << core::format_day(w.week) << "=" << w.calls;
      out << "\n";
    }
  }
  if (!r.top_unmatched.empty()) {
    out << "\nMost frequent unmatched requests, by route:\n";
    for (const UnmatchedCount& u : r.top_unmatched) out << "  " << u.calls << "  " << u.request << "\n";
  }
  return out.str();
}

std::string render_report_markdown(const UsageReport& r) {
  std::ostringstream out;
  const Coverage& c = r.coverage;
  out << "# API usage: " << r.spec << "\n\nAPI: " << r.api << ". ";
  out << "Window: " << core::format_day(r.since_day) << " to " << core::format_day(r.until_day) << " (" << c.days << " days). ";
  out << "Coverage: " << c.days_with_data << "/" << c.days << " days with log data, " << c.requests << " requests, "
      << r.unmatched << " unmatched, " << c.unknown_consumer_calls << " calls from unknown consumers.\n\n";
  out << "| Operation | Deprecated | Sunset | Calls | Consumers | Pacts | Verdict |\n";
  out << "|---|---|---|---:|---|---|---|\n";
  for (const OperationUsage& op : r.operations) {
    std::vector<std::string> who, pacts;
    for (const ConsumerUsage& u : op.consumers)
      who.push_back(u.id + " (" + std::to_string(u.calls) + ", last " + core::format_day(core::day_of(u.last_seen)) + ")");
    for (const PactReference& p : op.pacts) pacts.push_back(p.consumer + (p.field.empty() ? "" : " " + p.field));
    out << "| `" << op.label << "` | " << (op.deprecated ? "yes" : "") << " | " << op.sunset << " | " << op.calls
        << " | " << join(who) << " | " << join(pacts) << " | " << verdict_name(op.verdict) << " |\n";
  }
  if (!r.top_unmatched.empty()) {
    out << "\n## Most frequent unmatched requests, by route\n\n";
    for (const UnmatchedCount& u : r.top_unmatched) out << "- `" << u.request << "`: " << u.calls << "\n";
  }
  return out.str();
}

}  // namespace accord::registry
