#include "registry/report/report_html_charts.h"

#include <algorithm>

#include "core/clock.h"
#include "core/json_writer.h"

namespace accord::registry::html {

using core::xml_escape;

std::string week_title(const WeekCalls& w) {
  std::string title = "week of " + core::format_day(w.week) + ": " + std::to_string(w.calls) + " calls";
  if (w.days_in_window < 7)
    title += " (partial: " + std::to_string(w.days_in_window) + " of 7 days in the window)";
  else if (w.days_with_data < w.days_in_window)
    title += " (partial: " + std::to_string(w.days_with_data) + " of 7 days with log data)";
  return title;
}

namespace {

int64_t peak_of(const std::vector<WeekCalls>& weeks) {
  int64_t peak = 1;
  for (const WeekCalls& w : weeks) peak = std::max(peak, w.calls);
  return peak;
}

// Bars for `weeks` from (x0, baseline) upwards, at most `height` tall.
void bars(std::ostringstream& out, const std::vector<WeekCalls>& weeks, int64_t peak, int x0, int baseline,
          int height, int bar, int gap, bool labels) {
  for (size_t i = 0; i < weeks.size(); ++i) {
    const WeekCalls& w = weeks[i];
    const int h = static_cast<int>(static_cast<double>(w.calls) / static_cast<double>(peak) * height);
    const int x = x0 + static_cast<int>(i) * (bar + gap);
    out << "<rect" << (w.partial() ? " class=\"partial\"" : "") << " x=\"" << x << "\" y=\"" << baseline - h
        << "\" width=\"" << bar << "\" height=\"" << std::max(h, w.calls ? 1 : 0) << "\"><title>" << week_title(w)
        << "</title></rect>";
    if (!labels) continue;
    out << "<text x=\"" << x + bar / 2 << "\" y=\"" << baseline - h - 2 << "\" class=\"v\">" << w.calls
        << (w.partial() ? "*" : "") << "</text>";
    out << "<text x=\"" << x + bar / 2 << "\" y=\"" << baseline + 12 << "\" class=\"d\">"
        << core::format_day(w.week).substr(5) << "</text>";
  }
}

}  // namespace

void weekly_chart(std::ostringstream& out, const OperationUsage& op) {
  const int width = 360, height = 80, gap = 4;
  const int n = static_cast<int>(std::max<size_t>(op.weekly.size(), 1));
  const int bar = std::max(2, (width - gap * (n + 1)) / n);
  out << "<svg class=\"trend\" role=\"img\" width=\"" << width << "\" height=\"" << height + 16
      << "\" viewBox=\"0 0 " << width << " " << height + 16 << "\"><title>Calls per week: " << xml_escape(op.label)
      << "</title>";
  bars(out, op.weekly, peak_of(op.weekly), gap, height, height - 12, bar, gap, true);
  out << "</svg>";
}

void consumer_trend_chart(std::ostringstream& out, const OperationUsage& op) {
  const int row = 26, label = 150, total = 60, bar = 14, gap = 3;
  const size_t weeks = op.weekly.size();
  const int width = label + total + static_cast<int>(weeks) * (bar + gap) + 8;
  const int height = row * static_cast<int>(std::max<size_t>(op.consumers.size(), 1)) + 4;
  out << "<svg class=\"consumers\" role=\"img\" width=\"" << width << "\" height=\"" << height << "\" viewBox=\"0 0 "
      << width << " " << height << "\"><title>Consumers of " << xml_escape(op.label) << ", calls per week</title>";
  if (op.consumers.empty()) out << "<text x=\"4\" y=\"16\">no calls in the window</text>";
  for (size_t i = 0; i < op.consumers.size(); ++i) {
    const ConsumerUsage& c = op.consumers[i];
    const int y = static_cast<int>(i) * row + 2;
    std::string series;
    for (const WeekCalls& w : c.weekly) series += (series.empty() ? "" : ", ") + std::to_string(w.calls);
    out << "<g class=\"consumer-trend\" data-consumer=\"" << xml_escape(c.id) << "\"><title>" << xml_escape(c.id)
        << ": " << series << " calls per week</title>";
    out << "<text x=\"4\" y=\"" << y + 17 << "\">" << xml_escape(c.id) << "</text><text x=\"" << label << "\" y=\""
        << y + 17 << "\">" << c.calls << "</text>";
    bars(out, c.weekly, peak_of(c.weekly), label + total, y + row - 4, row - 8, bar, gap, false);
    out << "</g>";
  }
  out << "</svg>";
}

}  // namespace accord::registry::html
