// `accord plan OLD NEW`: the diff's breaking changes joined with recorded
// usage, as an expand/contract plan. Exit 1 while a change has active consumers.
#include <climits>
#include <memory>

#include "cli/command.h"
#include "diff/engine.h"
#include "core/clock.h"
#include "registry/plan/plan.h"

namespace accord::cli {

namespace {

struct PlanArgs {
  std::string old_path;
  std::string new_path;
  std::string registry = ".accord/usage.db";
  std::string since = "30d";
  int64_t quiet_days = 30;
  std::string format = "text";
  std::string today;
  std::string output;
};

int run_plan(const PlanArgs& a) {
  auto window = core::parse_window_days(a.since);
  if (!window) return report_unusable("--since: expected a number of days such as 30d, 4w or 48h, got '" + a.since + "'");
  if (a.quiet_days < 0) return report_unusable("--quiet-days must not be negative");
  if (a.format != "text" && a.format != "json") return report_unusable("unknown --format '" + a.format + "' (expected text|json)");
  int64_t today = core::day_of(core::SystemClock().now_seconds());
  if (!a.today.empty()) {
    auto day = core::parse_day(a.today);
    if (!day) return report_unusable("--today: expected YYYY-MM-DD, got '" + a.today + "'");
    today = *day;
  }
  auto old_spec = registry::load_spec_operations(a.old_path);
  if (!old_spec) return report_unusable(old_spec.error().render());
  auto new_spec = registry::load_spec_operations(a.new_path);
  if (!new_spec) return report_unusable(new_spec.error().render());
  auto findings = diff::compare_contracts({a.old_path, std::nullopt}, {a.new_path, std::nullopt}, {});
  if (!findings) return report_unusable(findings.error().render());
  // Read only: a registry that does not exist (a typo'd path) is not "no calls".
  auto store = registry::open_store(a.registry, registry::OpenMode::existing);
  if (!store) return report_unusable(store.error().render());
  auto usage = (*store)->load(INT64_MIN / 2);
  if (!usage) return report_unusable(usage.error().render());

  registry::PlanInputs inputs;
  inputs.old_spec = &*old_spec;
  inputs.new_spec = &*new_spec;
  inputs.findings = std::move(*findings);
  inputs.usage = &*usage;
  inputs.today = today;
  inputs.window_days = *window;
  inputs.quiet_days = a.quiet_days;
  registry::Plan plan = registry::build_plan(inputs);
  const std::string text = a.format == "json" ? registry::render_plan_json(plan) : registry::render_plan_text(plan);
  if (!write_output(text, a.output)) return report_unusable("cannot write " + a.output);
  return plan.has_active_consumers() ? kExitFindings : kExitClean;
}

}  // namespace

Runner setup_plan(CLI::App& app) {
  auto args = std::make_shared<PlanArgs>();
  app.add_option("old", args->old_path, "Old version of the OpenAPI document")->required();
  app.add_option("new", args->new_path, "New version")->required();
  app.add_option("--registry", args->registry, "SQLite file or postgresql:// URL")->capture_default_str();
  app.add_option("--since", args->since, "Usage window: 30d, 4w, 48h")->capture_default_str();
  app.add_option("--quiet-days", args->quiet_days, "Days without calls before removal is safe")->capture_default_str();
  app.add_option("--format", args->format, "text|json")->capture_default_str();
  app.add_option("--today", args->today, "Today (YYYY-MM-DD) for reproducible plans; default: the system clock (UTC)");
  app.add_option("-o,--output", args->output, "Write the plan to this file instead of stdout");
  return [args] { return run_plan(*args); };
}

}  // namespace accord::cli
