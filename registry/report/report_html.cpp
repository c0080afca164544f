// The HTML usage report: one self-contained file (inline CSS and SVG, no
// scripts, nothing fetched) that opens offline in any browser.
#include <algorithm>
#include <sstream>

#include "core/json_writer.h"
#include "core/clock.h"
#include "registry/report/report.h"

namespace accord::registry {

namespace {

using core::xml_escape;

// Weekly calls of one operation as a bar chart.
void weekly_chart(std::ostringstream& out, const OperationUsage& op) {
  const int width = 360, height = 80, gap = 4;
  int64_t peak = 1;
  for (const WeekCalls& w : op.weekly) peak = std::max(peak, w.calls);
  const int n = static_cast<int>(std::max<size_t>(op.weekly.size(), 1));
  const int bar = std::max(2, (width - gap * (n + 1)) / n);
  out << "<svg class=\"trend\" role=\"img\" width=\"" << width << "\" height=\"" << height + 16
      << "\" viewBox=\"0 0 " << width << " " << height + 16 << "\"><title>Calls per week: " << xml_escape(op.label)
      << "</title>";
  for (int i = 0; i < static_cast<int>(op.weekly.size()); ++i) {
    const WeekCalls& w = op.weekly[static_cast<size_t>(i)];
    const int h = static_cast<int>(static_cast<double>(w.calls) / static_cast<double>(peak) * (height - 12));
    const int x = gap + i * (bar + gap);
    out << "<rect x=\"" << x << "\" y=\"" << height - h << "\" width=\"" << bar << "\" height=\"" << h
        << "\"><title>week of " << core::format_day(w.week) << ": " << w.calls << " calls</title></rect>";
    out << "<text x=\"" << x + bar / 2 << "\" y=\"" << height - h - 2 << "\" class=\"v\">" << w.calls << "</text>";
    out << "<text x=\"" << x + bar / 2 << "\" y=\"" << height + 12 << "\" class=\"d\">" << core::format_day(w.week).substr(5)
        << "</text>";
  }
  out << "</svg>";
}

// Who still calls a deprecated operation, as horizontal bars.
void consumer_chart(std::ostringstream& out, const OperationUsage& op) {
  const int row = 22, label = 140, width = 420;
  int64_t peak = 1;
  for (const ConsumerUsage& c : op.consumers) peak = std::max(peak, c.calls);
  const int height = row * static_cast<int>(std::max<size_t>(op.consumers.size(), 1)) + 4;
  out << "<svg class=\"consumers\" role=\"img\" width=\"" << width << "\" height=\"" << height << "\" viewBox=\"0 0 "
      << width << " " << height << "\"><title>Consumers of " << xml_escape(op.label) << "</title>";
  if (op.consumers.empty()) out << "<text x=\"4\" y=\"16\">no calls in the window</text>";
  for (size_t i = 0; i < op.consumers.size(); ++i) {
    const ConsumerUsage& c = op.consumers[i];
    const int y = static_cast<int>(i) * row + 2;
    const int w = static_cast<int>(static_cast<double>(c.calls) / static_cast<double>(peak) * (width - label - 60));
    out << "<text x=\"4\" y=\"" << y + 15 << "\">" << xml_escape(c.id) << "</text><rect x=\"" << label << "\" y=\"" << y
        << "\" width=\"" << std::max(w, 1) << "\" height=\"" << row - 6 << "\"/><text x=\"" << label + w + 6
        << "\" y=\"" << y + 15 << "\">" << c.calls << "</text>";
  }
  out << "</svg>";
}

}  // namespace

std::string render_report_html(const UsageReport& r) {
  std::ostringstream out;
  const Coverage& c = r.coverage;
  out << "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>API usage: " << xml_escape(r.spec)
      << "</title>\n<style>"
         "body{font-family:system-ui,sans-serif;margin:2em;color:#222}table{border-collapse:collapse}"
         "td,th{border:1px solid #ccc;padding:4px 8px;text-align:left}th{background:#f3f3f3}"
         ".safe-to-remove{color:#17702f}.blocked{color:#a11}.unknown{color:#8a6d00}"
         "svg rect{fill:#4a78c2}svg text{font-size:11px;fill:#333}svg .v,svg .d{text-anchor:middle}"
         "section{margin:1.5em 0}"
         "</style></head><body>\n";
  out << "<h1>API usage: " << xml_escape(r.spec) << "</h1>\n<p id=\"api\">API: " << xml_escape(r.api) << "</p>\n";
  out << "<p id=\"window\">" << core::format_day(r.since_day) << " to " << core::format_day(r.until_day) << " (" << c.days
      << " days). Coverage: <span id=\"days-with-data\">" << c.days_with_data << "</span>/" << c.days
      << " days with log data, <span id=\"requests\">" << c.requests << "</span> requests, <span id=\"unmatched\">"
      << r.unmatched << "</span> unmatched, <span id=\"unknown-calls\">" << c.unknown_consumer_calls
      << "</span> calls from unknown consumers.</p>\n";
  out << "<table id=\"operations\"><thead><tr><th>Operation</th><th>Deprecated</th><th>Sunset</th><th>Calls</th>"
         "<th>Consumers</th><th>Pacts</th><th>Verdict</th></tr></thead><tbody>\n";
  for (const OperationUsage& op : r.operations) {
    out << "<tr data-operation=\"" << xml_escape(op.label) << "\"><td><code>" << xml_escape(op.label)
        << "</code></td><td>" << (op.deprecated ? "yes" : "") << "</td><td>" << xml_escape(op.sunset)
        << "</td><td class=\"calls\">" << op.calls << "</td><td>";
    for (size_t i = 0; i < op.consumers.size(); ++i)
      out << (i ? ", " : "") << xml_escape(op.consumers[i].id) << " (" << op.consumers[i].calls << ", last "
          << core::format_day(core::day_of(op.consumers[i].last_seen)) << ")";
    out << "</td><td>";
    for (size_t i = 0; i < op.pacts.size(); ++i) out << (i ? ", " : "") << xml_escape(op.pacts[i].consumer);
    out << "</td><td class=\"" << verdict_name(op.verdict) << "\" title=\"" << xml_escape(op.reason) << "\">"
        << verdict_name(op.verdict) << "</td></tr>\n";
  }
  out << "</tbody></table>\n";
  out << "<h2>Calls per operation over time</h2>\n";
  for (const OperationUsage& op : r.operations) {
    if (op.calls == 0) continue;
    out << "<section class=\"trend\"><h3><code>" << xml_escape(op.label) << "</code>: " << op.calls << " calls</h3>";
    weekly_chart(out, op);
    out << "</section>\n";
  }
  out << "<h2>Consumers of deprecated operations</h2>\n";
  bool any = false;
  for (const OperationUsage& op : r.operations) {
    if (!op.deprecated) continue;
    any = true;
    out << "<section class=\"deprecated\"><h3><code>" << xml_escape(op.label) << "</code> ("
        << verdict_name(op.verdict) << ")</h3>";
    consumer_chart(out, op);
    out << "</section>\n";
  }
  if (!any) out << "<p>No operation of this spec is deprecated.</p>\n";
  if (!r.top_unmatched.empty()) {
    out << "<h2>Most frequent unmatched requests</h2><ul>\n";
    for (const UnmatchedCount& u : r.top_unmatched)
      out << "<li><code>" << xml_escape(u.request) << "</code>: " << u.calls << "</li>\n";
    out << "</ul>\n";
  }
  out << "</body></html>\n";
  return out.str();
}

}  // namespace accord::registry
