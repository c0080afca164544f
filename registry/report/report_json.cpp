// The JSON form of the usage report (a stable shape scripts can read).
#include "core/json_writer.h"
#include "core/clock.h"
#include "registry/report/report.h"

namespace accord::registry {

std::string render_report_json(const UsageReport& r) {
  core::JsonWriter w;
  const Coverage& c = r.coverage;
  w.begin_object();
  w.key("spec").value(r.spec);
  w.key("api").value(r.api);
  w.key("window").begin_object();
  w.key("since").value(core::format_day(r.since_day));
  w.key("until").value(core::format_day(r.until_day));
  w.key("days").value(c.days);
  w.end_object();
  w.key("coverage").begin_object();
  w.key("days_with_data").value(c.days_with_data);
  w.key("missing_days").value(static_cast<int64_t>(c.missing_days.size()));
  w.key("requests").value(c.requests);
  w.key("matched_calls").value(c.matched_calls);
  w.key("unknown_consumer_calls").value(c.unknown_consumer_calls);
  w.key("identified_ratio")
      .value(c.matched_calls ? static_cast<double>(c.matched_calls - c.unknown_consumer_calls) /
                                   static_cast<double>(c.matched_calls)
                             : 0.0);
  w.end_object();
  w.key("unmatched").value(r.unmatched);
  w.key("top_unmatched").begin_array();
  for (const UnmatchedCount& u : r.top_unmatched)
    w.begin_object().key("request").value(u.request).key("calls").value(u.calls).end_object();
  w.end_array();
  w.key("malformed_lines").value(r.malformed_lines);
  w.key("operations").begin_array();
  for (const OperationUsage& op : r.operations) {
    w.begin_object();
    w.key("operation").value(op.label);
    w.key("deprecated").value(op.deprecated);
    if (!op.sunset.empty()) w.key("sunset").value(op.sunset);
    w.key("calls").value(op.calls);
    w.key("status_classes").begin_object();
    for (size_t cls = 2; cls <= 5; ++cls) w.key(std::to_string(cls) + "xx").value(op.status[cls]);
    w.key("unknown").value(op.status[0]);
    w.end_object();
    w.key("consumers").begin_array();
    for (const ConsumerUsage& who : op.consumers) {
      w.begin_object();
      w.key("id").value(who.id);
      w.key("calls").value(who.calls);
      w.key("first_seen").value(core::format_timestamp(who.first_seen));
      w.key("last_seen").value(core::format_timestamp(who.last_seen));
      w.end_object();
    }
    w.end_array();
    w.key("weekly").begin_array();
    for (const WeekCalls& wk : op.weekly) {
      w.begin_object().key("week").value(core::format_day(wk.week)).key("calls").value(wk.calls);
      if (wk.partial()) w.key("partial").value(true);
      w.end_object();
    }
    w.end_array();
    w.key("pacts").begin_array();
    for (const PactReference& p : op.pacts) {
      w.begin_object().key("consumer").value(p.consumer);
      if (!p.field.empty()) w.key("field").value(p.field);
      w.key("source").value(p.source).end_object();
    }
    w.end_array();
    w.key("verdict").value(verdict_name(op.verdict));
    w.key("blocked_by").begin_array();
    for (const std::string& b : op.blocked_by) w.value(b);
    w.end_array();
    w.key("reason").value(op.reason);
    w.end_object();
  }
  w.end_array();
  w.end_object();
  return w.take() + "\n";
}

}  // namespace accord::registry
