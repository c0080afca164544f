// The HTML usage report: one self-contained file (inline CSS, SVG and one
// inline script for sorting; nothing fetched) that opens offline in any
// browser. Written for the person deciding what can go: deprecated
// operations first, then those still called, then the rest.
#include <algorithm>
#include <map>
#include <sstream>

#include "core/clock.h"
#include "core/json_writer.h"
#include "registry/report/report.h"
#include "registry/report/report_html_charts.h"

namespace accord::registry {

namespace {

using core::xml_escape;

const char* kStyle =
    "body{font-family:system-ui,sans-serif;margin:2em;color:#222}table{border-collapse:collapse}"
    "td,th{border:1px solid #ccc;padding:4px 8px;text-align:left}th{background:#f3f3f3;cursor:pointer}"
    "th[aria-sort=ascending]::after{content:' \\25B2'}th[aria-sort=descending]::after{content:' \\25BC'}"
    "td.n{text-align:right}.safe-to-remove{color:#17702f}.blocked{color:#a11}.unknown{color:#8a6d00}"
    "tr.deprecated td:first-child{border-left:4px solid #a11}"
    "svg rect{fill:#4a78c2}svg rect.partial{fill:#b9c9e6}svg text{font-size:11px;fill:#333}"
    "svg .v,svg .d{text-anchor:middle}section{margin:1.5em 0}";

// Sorts #operations by a clicked header (numbers by data-value, the rest by
// text); "#sort=KEY-asc|desc" in the address sorts on load, so a sorted view
// can be linked.
const char* kSortScript =
    "(function(){var t=document.getElementById('operations');if(!t)return;"
    "var hs=Array.prototype.slice.call(t.tHead.rows[0].cells);"
    "function sort(col,dir){var b=t.tBodies[0],rows=Array.prototype.slice.call(b.rows);"
    "rows.sort(function(p,q){var x=p.cells[col],y=q.cells[col],a=x.getAttribute('data-value'),"
    "c=y.getAttribute('data-value');return dir*(a!==null&&c!==null?Number(a)-Number(c):"
    "x.textContent.localeCompare(y.textContent));});rows.forEach(function(r){b.appendChild(r);});"
    "hs.forEach(function(h,i){h.setAttribute('aria-sort',i===col?(dir>0?'ascending':'descending'):'none');});}"
    "hs.forEach(function(h,i){h.addEventListener('click',function(){"
    "sort(i,h.getAttribute('aria-sort')==='ascending'?-1:1);});});"
    "var m=/^#sort=([a-z0-9-]+)-(asc|desc)$/.exec(location.hash);"
    "if(m)hs.forEach(function(h,i){if(h.getAttribute('data-key')===m[1])sort(i,m[2]==='asc'?1:-1);});})();";

// Deprecated operations first, then those called in the window, then the
// rest; most calls first within each group.
std::vector<const OperationUsage*> reading_order(const UsageReport& r) {
  std::vector<const OperationUsage*> order;
  for (const OperationUsage& op : r.operations) order.push_back(&op);
  auto group = [](const OperationUsage* op) { return op->deprecated ? 0 : op->calls > 0 ? 1 : 2; };
  std::stable_sort(order.begin(), order.end(), [&](const OperationUsage* a, const OperationUsage* b) {
    if (group(a) != group(b)) return group(a) < group(b);
    return a->calls > b->calls;
  });
  return order;
}

void number_cell(std::ostringstream& out, int64_t n, const char* cls = "n") {
  out << "<td class=\"" << cls << "\" data-value=\"" << n << "\">" << n << "</td>";
}

// "mobile (fields: $.id, $.items[*].name)": the pact consumers, and what each reads.
void pacts_cell(std::ostringstream& out, const OperationUsage& op) {
  std::map<std::string, std::vector<std::string>> fields;
  for (const PactReference& p : op.pacts) {
    auto& list = fields[p.consumer];
    if (!p.field.empty()) list.push_back(p.field);
  }
  out << "<td class=\"pacts\">";
  bool first = true;
  for (const auto& [consumer, names] : fields) {
    out << (first ? "" : "; ") << xml_escape(consumer);
    first = false;
    for (size_t i = 0; i < names.size(); ++i) out << (i ? ", " : " (fields: ") << "<code>" << xml_escape(names[i]) << "</code>";
    if (!names.empty()) out << ")";
  }
  out << "</td>";
}

void operation_row(std::ostringstream& out, const OperationUsage& op) {
  out << "<tr data-operation=\"" << xml_escape(op.label) << "\"" << (op.deprecated ? " class=\"deprecated\"" : "")
      << "><td><code>" << xml_escape(op.label) << "</code></td><td>" << (op.deprecated ? "yes" : "") << "</td><td>"
      << xml_escape(op.sunset) << "</td>";
  number_cell(out, op.calls, "calls n");
  for (size_t cls = 2; cls <= 5; ++cls) number_cell(out, op.status[cls], ("n s" + std::to_string(cls) + "xx").c_str());
  out << "<td>";
  for (size_t i = 0; i < op.consumers.size(); ++i)
    out << (i ? ", " : "") << xml_escape(op.consumers[i].id) << " (" << op.consumers[i].calls << ", last "
        << core::format_day(core::day_of(op.consumers[i].last_seen)) << ")";
  out << "</td>";
  pacts_cell(out, op);
  out << "<td class=\"" << verdict_name(op.verdict) << "\" title=\"" << xml_escape(op.reason) << "\">"
      << verdict_name(op.verdict) << "</td></tr>\n";
}

void operations_table(std::ostringstream& out, const UsageReport& r) {
  out << "<table id=\"operations\"><thead><tr><th data-key=\"operation\">Operation</th>"
         "<th data-key=\"deprecated\">Deprecated</th><th data-key=\"sunset\">Sunset</th>"
         "<th data-key=\"calls\">Calls</th><th data-key=\"2xx\">2xx</th><th data-key=\"3xx\">3xx</th>"
         "<th data-key=\"4xx\">4xx</th><th data-key=\"5xx\">5xx</th><th data-key=\"consumers\">Consumers</th>"
         "<th data-key=\"pacts\">Pacts</th><th data-key=\"verdict\">Verdict</th></tr></thead><tbody>\n";
  for (const OperationUsage* op : reading_order(r)) operation_row(out, *op);
  out << "</tbody></table>\n";
}

void unmatched_section(std::ostringstream& out, const UsageReport& r) {
  if (r.top_unmatched.empty()) return;
  out << "<h2>Requests no operation matched, by route</h2>\n<table id=\"unmatched-routes\"><thead><tr><th>Route</th>"
         "<th>Calls</th></tr></thead><tbody>\n";
  for (const UnmatchedCount& g : r.top_unmatched) {
    out << "<tr><td><code>" << xml_escape(g.request) << "</code></td>";
    number_cell(out, g.calls);
    out << "</tr>\n";
  }
  out << "</tbody></table>\n";
}

}  // namespace

std::string render_report_html(const UsageReport& r) {
  std::ostringstream out;
  const Coverage& c = r.coverage;
  out << "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>API usage: " << xml_escape(r.spec)
      << "</title>\n<style>" << kStyle << "</style></head><body>\n";
  out << "<h1>API usage: " << xml_escape(r.spec) << "</h1>\n<p id=\"api\">API: " << xml_escape(r.api) << "</p>\n";
  out << "<p id=\"window\">" << core::format_day(r.since_day) << " to " << core::format_day(r.until_day) << " (" << c.days
      << " days). Coverage: <span id=\"days-with-data\">" << c.days_with_data << "</span>/" << c.days
      << " days with log data, <span id=\"requests\">" << c.requests << "</span> requests, <span id=\"unmatched\">"
      << r.unmatched << "</span> unmatched, <span id=\"unknown-calls\">" << c.unknown_consumer_calls
      << "</span> calls from unknown consumers. Lighter bars and a * mark partial weeks.</p>\n";
  operations_table(out, r);
  out << "<h2>Consumers of deprecated operations, per week</h2>\n";
  bool any = false;
  for (const OperationUsage* op : reading_order(r)) {
    if (!op->deprecated) continue;
    any = true;
    out << "<section class=\"deprecated\"><h3><code>" << xml_escape(op->label) << "</code> ("
        << verdict_name(op->verdict) << ")</h3>";
    html::consumer_trend_chart(out, *op);
    out << "</section>\n";
  }
  if (!any) out << "<p>No operation of this spec is deprecated.</p>\n";
  out << "<h2>Calls per operation over time</h2>\n";
  for (const OperationUsage* op : reading_order(r)) {
    if (op->calls == 0) continue;
    out << "<section class=\"trend\"><h3><code>" << xml_escape(op->label) << "</code>: " << op->calls << " calls</h3>";
    html::weekly_chart(out, *op);
    out << "</section>\n";
  }
  unmatched_section(out, r);
  out << "<script>" << kSortScript << "</script>\n</body></html>\n";
  return out.str();
}

}  // namespace accord::registry
