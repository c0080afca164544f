// `accord plan OLD NEW`: the diff's breaking changes joined with recorded
// usage, as an expand/contract plan. Exit 1 while a change is blocked by a
// consumer, or when the evidence cannot tell (unless --allow-unknown).
#include <climits>
#include <memory>

#include "cli/command.h"
#include "core/clock.h"
#include "diff/config/config.h"
#include "diff/engine.h"
#include "diff/model/rules.h"
#include "registry/plan/plan.h"

namespace accord::cli {

namespace {

struct PlanArgs {
  std::string old_path;
  std::string new_path;
  std::string registry = ".accord/usage.db";
  std::string api;  // default: OLD's info.title + major version (the API in production)
  std::string since = "30d";
  int64_t quiet_days = 30;
  std::string format = "text";
  std::string today;
  std::string coverage_from;
  std::string config;
  bool allow_unknown = false;
  std::string output;
};

// accord.yaml `deprecation-days` (--config, else the one beside NEW); 90 when unset.
core::Expected<int64_t> deprecation_days_for(const PlanArgs& a) {
  std::optional<std::string> path = a.config.empty() ? diff::find_config_for(a.new_path) : std::optional(a.config);
  if (!path) return int64_t{90};
  auto config = diff::load_config(*path, [](std::string_view id) { return diff::find_rule(id) != nullptr; });
  if (!config) return config.error();
  return config->deprecation_days ? int64_t{*config->deprecation_days} : int64_t{90};
}

core::Expected<int64_t> day_option(const std::string& flag, const std::string& text) {
  auto day = core::parse_day(text);
  if (!day || text.size() != 10) return core::make_error(flag + ": expected YYYY-MM-DD, got '" + text + "'");
  return *day;
}

int run_plan(const PlanArgs& a) {
  auto window = core::parse_window_days(a.since);
  if (!window) return report_unusable("--since: expected a number of days such as 30d, 4w or 48h, got '" + a.since + "'");
  if (a.quiet_days < 0) return report_unusable("--quiet-days must not be negative");
  if (a.format != "text" && a.format != "json") return report_unusable("unknown --format '" + a.format + "' (expected text|json)");
  int64_t today = core::SystemClock().today_day();
  if (!a.today.empty()) {
    auto day = day_option("--today", a.today);
    if (!day) return report_unusable(day.error().render());
    today = *day;
  }
  std::optional<int64_t> coverage_from;
  if (!a.coverage_from.empty()) {
    auto day = day_option("--coverage-from", a.coverage_from);
    if (!day) return report_unusable(day.error().render());
    if (*day > today) return report_unusable("--coverage-from " + a.coverage_from + " is after today");
    coverage_from = *day;
  }
  auto deprecation_days = deprecation_days_for(a);
  if (!deprecation_days) return report_unusable(deprecation_days.error().render());
  auto old_spec = registry::load_spec_operations(a.old_path);
  if (!old_spec) return report_unusable(old_spec.error().render());
  auto new_spec = registry::load_spec_operations(a.new_path);
  if (!new_spec) return report_unusable(new_spec.error().render());
  auto api = registry::api_name_of(*old_spec, a.api);
  if (!api) return report_unusable(api.error().render());
  auto findings = diff::compare_contracts({a.old_path, std::nullopt}, {a.new_path, std::nullopt}, {});
  if (!findings) return report_unusable(findings.error().render());
  // Read only: a registry that does not exist (a typo'd path) is not "no calls".
  auto store = registry::open_store(a.registry, registry::OpenMode::existing);
  if (!store) return report_unusable(store.error().render());
  auto usage = (*store)->load(*api, INT64_MIN / 2);
  if (!usage) return report_unusable(usage.error().render());

  registry::PlanInputs inputs;
  inputs.old_spec = &*old_spec;
  inputs.new_spec = &*new_spec;
  inputs.findings = std::move(*findings);
  inputs.usage = &*usage;
  inputs.today = today;
  inputs.window_days = *window;
  inputs.quiet_days = a.quiet_days;
  inputs.deprecation_days = *deprecation_days;
  inputs.coverage_from = coverage_from;
  registry::Plan plan = registry::build_plan(inputs);
  const std::string text = a.format == "json" ? registry::render_plan_json(plan) : registry::render_plan_text(plan);
  if (!write_output(text, a.output)) return report_unusable("cannot write " + a.output);
  if (plan.count(registry::Verdict::blocked)) return kExitFindings;
  if (plan.count(registry::Verdict::unknown) && !a.allow_unknown) return kExitFindings;
  return kExitClean;
}

}  // namespace

Runner setup_plan(CLI::App& app) {
  auto args = std::make_shared<PlanArgs>();
  app.add_option("old", args->old_path, "Old version of the OpenAPI document")->required();
  app.add_option("new", args->new_path, "New version")->required();
  app.add_option("--registry", args->registry, "SQLite file or postgresql:// URL (must exist)")->capture_default_str();
  app.add_option("--api", args->api, "API whose usage to read; default: OLD's info.title + major version");
  app.add_option("--since", args->since, "Usage window: 30d, 4w, 48h")->capture_default_str();
  app.add_option("--quiet-days", args->quiet_days, "Days without calls before removal is safe")->capture_default_str();
  app.add_option("--coverage-from", args->coverage_from,
                 "Logs exist only from this day (YYYY-MM-DD): days before it are not required to be covered");
  app.add_flag("--allow-unknown", args->allow_unknown, "Exit 0 when changes are unknown (not blocked) for lack of evidence");
  app.add_option("--config", args->config, "accord.yaml (deprecation-days); default: the one beside NEW");
  app.add_option("--format", args->format, "text|json")->capture_default_str();
  app.add_option("--today", args->today, "Today (YYYY-MM-DD) for reproducible plans; default: the system clock (UTC)");
  app.add_option("-o,--output", args->output, "Write the plan to this file instead of stdout");
  return [args] { return run_plan(*args); };
}

}  // namespace accord::cli
