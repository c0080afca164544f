// Text and JSON forms of an expand/contract plan.
#include <sstream>

#include "core/clock.h"
#include "core/json_writer.h"
#include "registry/plan/plan.h"

namespace accord::registry {

namespace {

std::string join_operations(const std::vector<std::string>& labels) {
  std::string out;
  for (const std::string& l : labels) out += (out.empty() ? "" : ", ") + l;
  return out;
}

std::string_view status_name(Verdict v) {
  switch (v) {
    case Verdict::safe_to_remove: return "safe";
    case Verdict::blocked: return "blocked";
    case Verdict::unknown: return "unknown";
  }
  return "unknown";
}

std::string_view status_column(Verdict v) {
  switch (v) {
    case Verdict::safe_to_remove: return "SAFE    ";
    case Verdict::blocked: return "BLOCKED ";
    case Verdict::unknown: return "UNKNOWN ";
  }
  return "UNKNOWN ";
}

std::string deprecation_value(int64_t today) { return "@" + std::to_string(today * 86400); }
std::string sunset_value(int64_t day) { return core::format_http_date(day * 86400); }

std::string evidence_line(const Plan& plan) {
  const PlanEvidence& ev = plan.evidence;
  std::ostringstream out;
  out << "Evidence for API '" << ev.api << "': logs from " << core::format_day(ev.first_day) << " to " << core::format_day(ev.last_day);
  if (ev.declared) out << " (declared with --coverage-from)";
  out << ": " << ev.days_with_data << " of " << ev.days() << " days covered, " << ev.requests << " requests";
  if (!ev.missing_days.empty()) {
    out << "; missing:";
    const size_t shown = std::min<size_t>(ev.missing_days.size(), 5);
    for (size_t i = 0; i < shown; ++i) out << " " << core::format_day(ev.missing_days[i]);
    if (ev.missing_days.size() > shown) out << " and " << ev.missing_days.size() - shown << " more";
  }
  out << "; pacts from " << ev.pact_consumers << " consumer(s)\n";
  return out.str();
}

void render_consumers(std::ostringstream& out, const Plan& plan, const PlanStep& s) {
  if (s.consumers.empty() && !s.unknown_callers) {
    out << "   consumers: none from " << core::format_day(plan.evidence.first_day);
    if (s.last_call) out << " (last call " << core::format_day(core::day_of(s.last_call)) << ")";
    out << "\n";
    return;
  }
  out << "   consumers:";
  for (const AffectedConsumer& c : s.consumers) {
    out << " " << c.id;
    if (c.calls) out << " (" << c.calls << " calls, last seen " << core::format_day(core::day_of(c.last_seen)) << ")";
    if (c.from_pact) out << " (pact)";
    out << ";";
  }
  if (s.unknown_callers) out << " and callers that named no consumer;";
  out << "\n";
  for (const PactRead& r : s.pact_reads)
    out << "   pact:     " << r.consumer << (r.consumer_version.empty() ? "" : " " + r.consumer_version) << " uses "
        << r.field << (r.interaction.empty() ? "" : " in \"" + r.interaction + "\"") << " (" << r.source << ")\n";
}

}  // namespace

std::string render_plan_text(const Plan& plan) {
  std::ostringstream out;
  out << "Expand/contract plan: " << plan.old_spec << " -> " << plan.new_spec << "\n";
  out << "Usage window: " << plan.window_days << " days up to " << core::format_day(plan.today)
      << "; removal is safe after " << plan.quiet_days << " quiet days\n";
  out << evidence_line(plan);
  out << plan.steps.size() << " breaking change(s): " << plan.count(Verdict::blocked) << " blocked, "
      << plan.count(Verdict::unknown) << " unknown, " << plan.count(Verdict::safe_to_remove) << " safe\n";
  int n = 0;
  for (const PlanStep& s : plan.steps) {
    out << "\n" << ++n << ". " << status_column(s.verdict);
    out << (s.operations.empty() ? std::string("(document)") : join_operations(s.operations)) << ": "
        << s.finding.message << "  [" << s.finding.rule << "]\n";
    out << "   why:      " << s.reason << "\n";
    render_consumers(out, plan, s);
    const std::string subject = s.field.empty() ? "the operation" : "'" + s.field + "'";
    // Expand: keep the old interface beside its successor.
    if (!s.successor.empty())
      out << "   expand:   keep " << (s.field.empty() ? join_operations(s.operations) : "'" + s.field + "'")
          << " beside its likely successor " << (s.field.empty() ? s.successor : "'" + s.successor + "'")
          << " until the removal date\n";
    else
      out << "   expand:   keep the old " << (s.field.empty() ? "operation" : "'" + s.field + "'")
          << " working next to the new version until the removal date\n";
    if (!s.deprecated) out << "   deprecate first: mark " << subject << " `deprecated: true`, then announce\n";
    out << "   announce: send\n"
        << "               Deprecation: " << deprecation_value(plan.today) << "   (RFC 9745)\n"
        << "               Sunset: " << sunset_value(s.sunset_day) << "   (RFC 8594";
    if (s.announced_sunset && s.announced_sunset == s.sunset_day) out << "; the x-sunset already announced";
    else if (s.sunset_day == plan.today + plan.deprecation_days) out << "; " << plan.deprecation_days << " days' notice";
    out << ")\n";
    if (!s.consumers.empty() || s.unknown_callers) {
      out << "   migrate:  ";
      std::string who;
      for (const AffectedConsumer& c : s.consumers) who += (who.empty() ? "" : ", ") + c.id;
      if (s.unknown_callers) who += std::string(who.empty() ? "" : ", ") + "unidentified callers (see the usage report)";
      out << who << "\n";
    }
    out << "   contract: remove on or after " << core::format_day(s.sunset_day);
    if (s.active()) out << " (and " << plan.quiet_days << " quiet days after the last consumer stops)";
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
  w.key("deprecation_days").value(plan.deprecation_days);
  w.key("active").value(plan.has_active_consumers());
  const PlanEvidence& ev = plan.evidence;
  w.key("evidence").begin_object();
  w.key("api").value(ev.api);
  w.key("from").value(core::format_day(ev.first_day));
  w.key("to").value(core::format_day(ev.last_day));
  w.key("declared").value(ev.declared);
  w.key("days").value(ev.days());
  w.key("days_with_data").value(ev.days_with_data);
  w.key("missing_days").begin_array();
  for (int64_t d : ev.missing_days) w.value(core::format_day(d));
  w.end_array();
  w.key("requests").value(ev.requests);
  w.key("pact_consumers").value(static_cast<int64_t>(ev.pact_consumers));
  w.end_object();
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
    w.key("status").value(status_name(s.verdict));
    w.key("reason").value(s.reason);
    w.key("consumers").begin_array();
    for (const AffectedConsumer& c : s.consumers) {
      w.begin_object().key("id").value(c.id).key("calls").value(c.calls);
      if (c.last_seen) w.key("last_seen").value(core::format_timestamp(c.last_seen));
      w.key("pact").value(c.from_pact).end_object();
    }
    w.end_array();
    w.key("pact_fields").begin_array();
    for (const PactRead& r : s.pact_reads)
      w.begin_object()
          .key("consumer").value(r.consumer)
          .key("consumer_version").value(r.consumer_version)
          .key("field").value(r.field)
          .key("interaction").value(r.interaction)
          .key("source").value(r.source)
          .end_object();
    w.end_array();
    w.key("unknown_callers").value(s.unknown_callers);
    if (s.last_call) w.key("last_call").value(core::format_timestamp(s.last_call));
    w.key("deprecate_first").value(!s.deprecated);
    if (s.announced_sunset) w.key("announced_sunset").value(core::format_day(s.announced_sunset));
    w.key("headers").begin_object();
    w.key("Deprecation").value(deprecation_value(plan.today));
    w.key("Sunset").value(sunset_value(s.sunset_day));
    w.end_object();
    w.key("safe_from").value(core::format_day(s.safe_from_day));
    w.key("remove_from").value(core::format_day(s.sunset_day));
    w.end_object();
  }
  w.end_array();
  w.end_object();
  return w.take() + "\n";
}

}  // namespace accord::registry
