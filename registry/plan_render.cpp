// Text and JSON forms of an expand/contract plan.
#include <sstream>

#include "core/json_writer.h"
#include "core/clock.h"
#include "registry/plan.h"

namespace accord::registry {

namespace {

std::string join_operations(const std::vector<std::string>& labels) {
  std::string out;
  for (const std::string& l : labels) out += (out.empty() ? "" : ", ") + l;
  return out;
}

std::string deprecation_header(int64_t today) { return "Deprecation: @" + std::to_string(today * 86400); }
std::string sunset_header(int64_t day) { return "Sunset: " + core::format_http_date(day * 86400); }

}  // namespace

std::string render_plan_text(const Plan& plan) {
  std::ostringstream out;
  size_t active = 0;
  for (const PlanStep& s : plan.steps) active += s.active() ? 1 : 0;
  out << "Expand/contract plan: " << plan.old_spec << " -> " << plan.new_spec << "\n";
  out << "Usage window: " << plan.window_days << " days up to " << core::format_day(plan.today) << "; removal is safe after "
      << plan.quiet_days << " quiet days\n";
  out << plan.steps.size() << " breaking change(s), " << active << " still used, " << plan.steps.size() - active
      << " unused\n";
  int n = 0;
  for (const PlanStep& s : plan.steps) {
    out << "\n" << ++n << ". " << (s.active() ? "BLOCKED " : "SAFE    ");
    out << (s.operations.empty() ? std::string("(document)") : join_operations(s.operations)) << ": "
        << s.finding.message << "  [" << s.finding.rule << "]\n";
    if (s.consumers.empty() && !s.unknown_callers) {
      out << "   consumers: none in the last " << plan.window_days << " days";
      if (s.last_call) out << " (last call " << core::format_day(core::day_of(s.last_call)) << ")";
      out << "\n";
    } else {
      out << "   consumers:";
      for (const AffectedConsumer& c : s.consumers) {
        out << " " << c.id;
        if (c.calls) out << " (" << c.calls << " calls, last seen " << core::format_day(core::day_of(c.last_seen)) << ")";
        if (c.from_pact) out << " (pact)";
        out << ";";
      }
      if (s.unknown_callers) out << " and callers that named no consumer;";
      out << "\n";
    }
    // Expand: keep the old interface beside its successor.
    if (!s.successor.empty())
      out << "   expand:   keep " << (s.field.empty() ? join_operations(s.operations) : "'" + s.field + "'")
          << " beside its likely successor " << (s.field.empty() ? s.successor : "'" + s.successor + "'")
          << " until the removal date\n";
    else
      out << "   expand:   keep the old " << (s.field.empty() ? "operation" : "'" + s.field + "'")
          << " working next to the new version until the removal date\n";
    out << "   announce: mark " << (s.field.empty() ? "the operation" : "'" + s.field + "'")
        << " `deprecated: true` and send\n"
        << "               " << deprecation_header(plan.today) << "   (RFC 9745)\n"
        << "               " << sunset_header(s.safe_from_day) << "   (RFC 8594)\n";
    if (!s.consumers.empty() || s.unknown_callers) {
      out << "   migrate:  ";
      std::string who;
      for (const AffectedConsumer& c : s.consumers) who += (who.empty() ? "" : ", ") + c.id;
      if (s.unknown_callers) who += std::string(who.empty() ? "" : ", ") + "unidentified callers (see the usage report)";
      out << who << "\n";
    }
    out << "   contract: remove on or after " << core::format_day(s.safe_from_day);
    if (s.active()) out << " (" << plan.quiet_days << " quiet days after the last consumer stops)";
    out << "\n";
  }
  return out.str();
}

std::string render_plan_json(const Plan& plan) {
  core::JsonWriter w;
  w.begin_object();
  w.key("old").value(plan.old_spec);
  w.key("new").value(plan.new_spec);
  w.key("today").value(core::format_day(plan.today));
  w.key("window_days").value(plan.window_days);
  w.key("quiet_days").value(plan.quiet_days);
  w.key("active").value(plan.has_active_consumers());
  w.key("changes").begin_array();
  for (const PlanStep& s : plan.steps) {
    w.begin_object();
    w.key("rule").value(s.finding.rule);
    w.key("severity").value(diff::severity_name(s.finding.severity));
    w.key("message").value(s.finding.message);
    w.key("operations").begin_array();
    for (const std::string& op : s.operations) w.value(op);
    w.end_array();
    if (!s.field.empty()) w.key("field").value(s.field);
    if (!s.successor.empty()) w.key("successor").value(s.successor);
    w.key("status").value(s.active() ? "blocked" : "safe");
    w.key("consumers").begin_array();
    for (const AffectedConsumer& c : s.consumers) {
      w.begin_object().key("id").value(c.id).key("calls").value(c.calls);
      if (c.last_seen) w.key("last_seen").value(core::format_timestamp(c.last_seen));
      w.key("pact").value(c.from_pact).end_object();
    }
    w.end_array();
    w.key("unknown_callers").value(s.unknown_callers);
    if (s.last_call) w.key("last_call").value(core::format_timestamp(s.last_call));
    w.key("headers").begin_object();
    w.key("Deprecation").value(deprecation_header(plan.today).substr(13));
    w.key("Sunset").value(sunset_header(s.safe_from_day).substr(8));
    w.end_object();
    w.key("safe_from").value(core::format_day(s.safe_from_day));
    w.end_object();
  }
  w.end_array();
  w.end_object();
  return w.take() + "\n";
}

}  // namespace accord::registry
