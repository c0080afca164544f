// The SVG charts of the HTML usage report (inline, nothing fetched).
#pragma once

#include <sstream>

#include "registry/report/report.h"

namespace accord::registry::html {

// Calls per week of one operation as bars; partial weeks are drawn lighter and say why.
void weekly_chart(std::ostringstream& out, const OperationUsage& op);
// Who still calls a deprecated operation: one row per consumer with its total
// and its own weekly bars, so a consumer migrating away reads as a falling row.
void consumer_trend_chart(std::ostringstream& out, const OperationUsage& op);
// "week of 2026-11-16: 4 calls (partial: 3 of 7 days in the window)".
std::string week_title(const WeekCalls& w);

}  // namespace accord::registry::html
