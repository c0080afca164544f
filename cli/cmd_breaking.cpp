// `accord breaking OLD NEW` and `accord diff OLD NEW`: the same comparison,
// filtered and gated differently. OLD may instead come from git
// (`--against git:REF NEW`), and accord.yaml (beside NEW, or --config) adjusts
// severities, ignores accepted changes and sets the failure threshold.
#include <memory>

#include "cli/command.h"
#include "cli/git_source.h"
#include "diff/config/config.h"
#include "diff/engine.h"
#include "diff/model/rules.h"
#include "diff/render/render.h"

// The HTTP RemoteSource lives in accord_contracts; a build without it refuses
// --allow-remote-refs instead of silently ignoring it.
#if __has_include("contracts/http/remote_source.h")
#include "contracts/http/remote_source.h"
#define ACCORD_HAS_REMOTE_SOURCE 1
#endif

namespace accord::cli {

namespace {

struct CompareArgs {
  std::vector<std::string> specs;  // OLD NEW, or NEW alone with --against
  std::string against;
  std::string format = "text";
  std::string fail_on;  // empty: accord.yaml's fail-on, else "error"
  std::string config;
  std::string output;
  bool allow_remote_refs = false;
  std::vector<std::string> include_paths;
  std::vector<std::string> categories;
  std::string proto_config;
};

void declare_compare_options(CLI::App& app, CompareArgs& a, bool gate) {
  app.add_option("specs", a.specs,
                 "OLD NEW (files, proto directories or descriptor sets), or NEW alone with --against git:REF")
      ->required()
      ->expected(1, 2);
  app.add_option("--against", a.against, "Take OLD from git: git:REF (same path as NEW at that commit/branch/tag)");
  app.add_option("--format", a.format, std::string(diff::output_format_names()));
  if (gate) app.add_option("--fail-on", a.fail_on, "Lowest severity that fails the run: error|warning|info");
  app.add_option("--config", a.config, "accord.yaml to use (default: the one beside NEW, if any)");
  app.add_option("--buf-config", a.proto_config, "Proto: buf.yaml / buf.work.yaml to read (default: NEW's root)");
  app.add_option("-o,--output", a.output, "Write the report to this file instead of stdout");
  app.add_flag("--allow-remote-refs", a.allow_remote_refs, "Resolve http(s) $refs over the network");
  app.add_option("-I,--include", a.include_paths, "Proto import root (repeatable)");
  app.add_option("--category", a.categories, "Proto rule category: FILE|PACKAGE|WIRE_JSON|WIRE");
}

bool is_buf_config(const std::string& path) {
  std::string name = path.substr(path.rfind('/') == std::string::npos ? 0 : path.rfind('/') + 1);
  return name == "buf.yaml" || name == "buf.work.yaml" || name == "buf.yml";
}

// The accord.yaml in force: --config, else the one beside NEW, else none.
core::Expected<std::optional<diff::Config>> load_policy(const CompareArgs& a, const std::string& new_path) {
  std::optional<std::string> path = a.config.empty() ? diff::find_config_for(new_path) : std::optional(a.config);
  if (!path) return std::optional<diff::Config>();
  auto config = diff::load_config(*path, [](std::string_view id) { return diff::find_rule(id) != nullptr; });
  if (!config) return config.error();
  return std::optional<diff::Config>(std::move(*config));
}

void rename_places(std::vector<diff::Finding>& findings, const GitSnapshot& snapshot) {
  for (diff::Finding& f : findings)
    for (auto* place : {&f.old_place, &f.new_place})
      if (*place) (*place)->file = snapshot.display((*place)->file);
}

int run_compare(CompareArgs a, bool gate) {
  auto format = diff::parse_output_format(a.format);
  if (!format)
    return report_unusable("unknown --format '" + a.format + "' (expected " + std::string(diff::output_format_names()) +
                           ")");
  // buf's own configuration given to --config is meant for the proto comparator.
  if (!a.config.empty() && is_buf_config(a.config) && a.proto_config.empty()) std::swap(a.config, a.proto_config);

  std::string old_path, new_path;
  std::unique_ptr<GitSnapshot> snapshot;
  if (!a.against.empty()) {
    std::string ref = parse_git_against(a.against);
    if (ref.empty()) return report_unusable("--against takes git:REF (for example git:main), not '" + a.against + "'");
    if (a.specs.size() != 1) return report_unusable("with --against, name only the NEW spec");
    new_path = a.specs[0];
    auto snap = snapshot_at_ref(ref, new_path);
    if (!snap) return report_unusable(snap.error().render());
    snapshot = std::move(*snap);
    old_path = snapshot->spec_path();
  } else {
    if (a.specs.size() != 2) return report_unusable("expected OLD and NEW (or NEW with --against git:REF)");
    old_path = a.specs[0];
    new_path = a.specs[1];
  }

  auto policy = load_policy(a, new_path);
  if (!policy) return report_unusable(policy.error().render());
  std::optional<diff::Severity> fail_on = diff::Severity::error;
  if (!a.fail_on.empty()) fail_on = diff::parse_severity(a.fail_on);
  else if (*policy && (*policy)->fail_on) fail_on = (*policy)->fail_on;
  if (!fail_on) return report_unusable("unknown --fail-on '" + a.fail_on + "' (expected error|warning|info)");

  diff::CompareOptions options;
  // The network is touched only when the user asked for it.
#ifdef ACCORD_HAS_REMOTE_SOURCE
  std::unique_ptr<core::RemoteSource> remote;
  if (a.allow_remote_refs) {
    remote = std::make_unique<contracts::http::HttpRemoteSource>();
    options.remote = remote.get();
  }
#else
  if (a.allow_remote_refs) return report_unusable("--allow-remote-refs is not available in this build");
#endif
  options.include_paths = a.include_paths;
  options.proto_categories = a.categories;
  options.proto_config = a.proto_config;
  options.disable_free = true;  // the process ends after rendering
  if (*policy && (*policy)->deprecation_days) options.min_deprecation_days = *(*policy)->deprecation_days;
  auto findings = diff::compare_contracts({old_path, std::nullopt}, {new_path, std::nullopt}, options);
  if (!findings && snapshot && snapshot->needs_whole_tree(findings.error().render())) {
    // A $ref of the old version reaches outside the spec's directory: read
    // the whole tree at the ref and compare again.
    auto whole = snapshot_at_ref(parse_git_against(a.against), new_path, true);
    if (!whole) return report_unusable(whole.error().render());
    snapshot = std::move(*whole);
    old_path = snapshot->spec_path();
    findings = diff::compare_contracts({old_path, std::nullopt}, {new_path, std::nullopt}, options);
  }
  if (!findings) {
    std::string message = findings.error().render();
    return report_unusable(snapshot ? snapshot->display(message) : message);
  }
  if (snapshot) rename_places(*findings, *snapshot);

  diff::RenderContext ctx;
  ctx.command = gate ? "breaking" : "diff";
  ctx.old_path = snapshot ? snapshot->display(old_path) : old_path;
  ctx.new_path = new_path;
  ctx.tool_version = "0.1.0";
  ctx.rules = diff::all_rules();
  std::vector<diff::Finding> kept = std::move(*findings);
  if (*policy) {
    diff::AppliedConfig applied = diff::apply_config(**policy, std::move(kept), core::SystemClock());
    kept = std::move(applied.findings);
    ctx.notes = std::move(applied.notes);
  }
  // `breaking` shows what can break a client: errors and warnings, and info
  // too when the threshold asks for it. `diff` shows everything.
  std::vector<diff::Finding> shown;
  for (diff::Finding& f : kept)
    if (!gate || f.severity >= diff::Severity::warning || f.severity >= *fail_on) shown.push_back(std::move(f));
  if (!write_output(diff::render_findings(shown, *format, ctx), a.output))
    return report_unusable("cannot write " + a.output);
  if (!gate) return kExitClean;
  for (const diff::Finding& f : shown)
    if (f.severity >= *fail_on) return kExitFindings;
  return kExitClean;
}

}  // namespace

Runner setup_breaking(CLI::App& app) {
  auto args = std::make_shared<CompareArgs>();
  declare_compare_options(app, *args, true);
  return [args] { return run_compare(*args, true); };
}

Runner setup_diff(CLI::App& app) {
  auto args = std::make_shared<CompareArgs>();
  declare_compare_options(app, *args, false);
  return [args] { return run_compare(*args, false); };
}

}  // namespace accord::cli
