// `accord breaking OLD NEW` and `accord diff OLD NEW`: the same comparison,
// filtered and gated differently. OLD and NEW are files, directories, `-`
// (stdin) or http(s):// URLs (cli/contract_inputs.h); OLD may instead come
// from git (`--against git:REF NEW`), and accord.yaml (beside NEW, or
// --config) adjusts severities, ignores accepted changes and sets the failure
// threshold.
#include <filesystem>
#include <memory>

#include "cli/command.h"
#include "cli/contract_inputs.h"
#include "cli/git_reader.h"
#include "cli/report_support.h"
#include "cli/version.h"
#include "contracts/http/remote_source.h"
#include "diff/config/config.h"
#include "diff/engine.h"
#include "diff/model/rules.h"
#include "diff/render/render.h"

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
  bool no_remote = false;
  std::string kind;
  std::vector<std::string> include_paths;
  std::vector<std::string> categories;
  std::string proto_config;
  size_t max_findings = 0;
  std::string today;
  // JSON Schema and Avro: backward | forward | full (Avro also *-transitive);
  // empty: accord.yaml's, else backward.
  std::string mode;
};

void declare_compare_options(CLI::App& app, CompareArgs& a, bool gate) {
  app.add_option("specs", a.specs,
                 "OLD NEW (files, proto directories or descriptor sets), or NEW alone with --against git:REF; "
                 "Avro: V1 ... OLD NEW, a history for the transitive modes")
      ->required()
      ->expected(1, -1);
  app.add_option("--against", a.against, "Take OLD from git: git:REF (same path as NEW at that commit/branch/tag)");
  app.add_option("--format", a.format, std::string(diff::output_format_names()));
  if (gate) app.add_option("--fail-on", a.fail_on, "Lowest severity that fails the run: error|warning|info");
  app.add_option("--config", a.config, "accord.yaml to use (default: the one beside NEW, if any)");
  app.add_option("--buf-config", a.proto_config, "Proto: buf.yaml / buf.work.yaml to read (default: NEW's root)");
  app.add_option("-o,--output", a.output, "Write the report to this file instead of stdout");
  app.add_flag("--allow-remote-refs", a.allow_remote_refs, "Resolve http(s) $refs over the network");
  app.add_flag("--no-remote", a.no_remote, "Never fetch an http(s):// OLD or NEW");
  app.add_option("--kind", a.kind, "What both versions are, when detection guesses wrong: " + diff::format_names());
  app.add_option("-I,--include", a.include_paths, "Proto import root (repeatable)");
  app.add_option("--mode", a.mode,
                 "JSON Schema / Avro compatibility: backward (default) | forward | full; Avro also "
                 "backward-transitive | forward-transitive | full-transitive over a history");
  app.add_option("--category", a.categories, "Proto rule category: FILE|PACKAGE|WIRE_JSON|WIRE")
      ->check(CLI::IsMember({"FILE", "PACKAGE", "WIRE_JSON", "WIRE"}));
  app.add_option("--max-findings", a.max_findings,
                 "On a terminal, show at most N findings in text output (pipes, files and machine formats get all)");
  app.add_option("--today", a.today, "Today (YYYY-MM-DD) for ignore expiry and sunset dates; default: the system clock (UTC)");
}

bool is_buf_config(const std::string& path) {
  std::string name = path.substr(path.rfind('/') == std::string::npos ? 0 : path.rfind('/') + 1);
  return name == "buf.yaml" || name == "buf.work.yaml" || name == "buf.yml";
}

// The accord.yaml in force: --config, else the one beside NEW, else none.
core::Expected<std::optional<diff::Config>> load_policy(const CompareArgs& a, const std::string& new_path) {
  std::optional<std::string> path = !a.config.empty()           ? std::optional(a.config)
                                    : is_local_path(new_path) ? diff::find_config_for(new_path)
                                                              : std::nullopt;
  if (!path) return std::optional<diff::Config>();
  auto config = diff::load_config(*path, [](std::string_view id) { return diff::find_rule(id) != nullptr; });
  if (!config) return config.error();
  return std::optional<diff::Config>(std::move(*config));
}

// --today fixes the day for the whole run (ignore expiry, sunset notice);
// otherwise the system clock (UTC).
std::unique_ptr<core::Clock> clock_for(const std::string& today) {
  if (today.empty()) return std::make_unique<core::SystemClock>();
  auto day = core::parse_date(today);
  if (!day) return nullptr;
  return std::make_unique<core::FixedClock>(*day);
}

// OLD at the ref is NEW's path spelled another way (absolute for a relative
// NEW, relative for an absolute one), so the two versions' files and errors
// never share a name; the git reader shows it as "REF:path".
std::string spelled_apart(const std::string& path) {
  namespace fs = std::filesystem;
  fs::path spelled = fs::path(path).is_absolute() ? fs::path(path).lexically_relative(fs::current_path())
                                                  : fs::absolute(path).lexically_normal();
  std::string out = spelled.generic_string();
  while (out.size() > 1 && out.back() == '/') out.pop_back();
  return out;
}

// The directory git is asked about for NEW: NEW itself, or the one holding it.
std::string directory_of(const std::string& path) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) return path;
  const std::string parent = std::filesystem::path(path).parent_path().string();
  return parent.empty() ? "." : parent;
}

int run_compare(CompareArgs a, bool gate) {
  auto format = diff::parse_output_format(a.format);
  if (!format)
    return report_unusable("unknown --format '" + a.format + "' (expected " + std::string(diff::output_format_names()) +
                           ")");
  // buf's own configuration given to --config is meant for the proto comparator.
  if (!a.config.empty() && is_buf_config(a.config) && a.proto_config.empty()) std::swap(a.config, a.proto_config);

  std::string old_path, new_path;
  // --against git:REF: OLD is NEW's path at REF, read file by file as the
  // comparison reaches them (cli/git_reader.h).
  std::unique_ptr<GitSourceReader> git;
  if (!a.against.empty()) {
    std::string ref = parse_git_against(a.against);
    if (ref.empty()) return report_unusable("--against takes git:REF (for example git:main), not '" + a.against + "'");
    if (a.specs.size() != 1) return report_unusable("with --against, name only the NEW spec");
    new_path = a.specs[0];
    old_path = spelled_apart(new_path);
    auto reader = GitSourceReader::open(ref, directory_of(new_path));
    if (!reader) return report_unusable(reader.error().render());
    git = std::move(*reader);
  } else {
    if (a.specs.size() < 2) return report_unusable("expected OLD and NEW (or NEW with --against git:REF)");
    if (a.specs.size() > 2 && a.mode.find("-transitive") == std::string::npos)
      return report_unusable("more than OLD and NEW is a history, for the Avro --mode ...-transitive modes");
    old_path = a.specs[a.specs.size() - 2];
    new_path = a.specs.back();
  }

  auto policy = load_policy(a, new_path);
  if (!policy) return report_unusable(policy.error().render());
  std::optional<diff::Severity> fail_on = diff::Severity::error;
  if (!a.fail_on.empty()) fail_on = diff::parse_severity(a.fail_on);
  else if (*policy && (*policy)->fail_on) fail_on = (*policy)->fail_on;
  if (!fail_on) return report_unusable("unknown --fail-on '" + a.fail_on + "' (expected error|warning|info)");
  auto clock = clock_for(a.today);
  if (!clock) return report_unusable("--today: expected YYYY-MM-DD, got '" + a.today + "'");

  diff::CompareOptions options;
  if (!a.kind.empty()) {
    auto kind = parse_kind(a.kind);
    if (!kind) return report_unusable(kind.error().render());
    options.kind = *kind;
  }
  // The network is touched only for what the user named: a URL OLD or NEW
  // (unless --no-remote), remote $refs with --allow-remote-refs.
  std::unique_ptr<core::RemoteSource> http;  // made only when something is fetched
  auto network = [&]() -> core::RemoteSource* {
    if (!http) http = std::make_unique<contracts::http::HttpRemoteSource>();
    return http.get();
  };
  if (a.allow_remote_refs) options.remote = network();
  if (old_path == "-" && new_path == "-") return report_unusable("only one of OLD and NEW can be read from stdin ('-')");
  auto old_input = git ? core::Expected<diff::ContractInput>(
                             diff::ContractInput{old_path, std::nullopt, git->is_directory(old_path), git.get()})
                       : resolve_input(old_path, a.no_remote || !is_url(old_path) ? nullptr : network());
  if (!old_input) return report_unusable(old_input.error().render());
  auto new_input = resolve_input(new_path, a.no_remote || !is_url(new_path) ? nullptr : network());
  if (!new_input) return report_unusable(new_input.error().render());
  options.include_paths = a.include_paths;
  options.proto_categories = a.categories;
  options.proto_config = a.proto_config;
  if (a.specs.size() > 2) options.earlier_versions.assign(a.specs.begin(), a.specs.end() - 2);
  // The process ends after rendering, so the loaded versions are left to the
  // OS; not under AddressSanitizer, whose leak check would report each of them.
#if defined(__SANITIZE_ADDRESS__)
  options.disable_free = false;
#else
  options.disable_free = true;
#endif
  if (*policy && (*policy)->deprecation_days) options.min_deprecation_days = *(*policy)->deprecation_days;
  // Parsed and checked against the format by the engine (diff/format/format.h).
  options.compat_mode = !a.mode.empty() ? a.mode : *policy ? diff::mode_for(**policy, new_path) : "";
  options.clock = clock.get();
  std::vector<std::string> input_notes;  // the format's warnings about its input
  options.notes = &input_notes;
  const std::string old_name = git ? git->display_name(old_path) : old_path;
  Progress progress("comparing " + old_name + " with " + new_path);
  auto findings = diff::compare_contracts(*old_input, *new_input, options);
  if (!findings) return report_unusable(findings.error().render());
  progress.stop();

  diff::RenderContext ctx;
  ctx.command = gate ? "breaking" : "diff";
  ctx.old_path = old_name;
  ctx.new_path = new_path;
  ctx.tool_version = kAccordVersion;
  // Only SARIF describes every rule; building every format's table costs a small run a third of its time.
  if (*format == diff::OutputFormat::sarif) ctx.rules = diff::all_rules();
  if (gate) ctx.fail_on = *fail_on;
  else ctx.fail_on.reset();
  if (*format == diff::OutputFormat::text && a.output.empty() && stdout_is_terminal()) ctx.max_findings = a.max_findings;
  // Files taken from git are named "main:api.yaml": SARIF counts their
  // columns on the text already read, not on a file of that name.
  if (git) ctx.source_line = source_line_reader([&git](const std::string& file) { return git->text_named(file); });
  else ctx.source_line = source_line_reader();
  std::vector<diff::Finding> kept = std::move(*findings);
  if (*policy) {
    diff::AppliedConfig applied = diff::apply_config(**policy, std::move(kept), *clock);
    kept = std::move(applied.findings);
    ctx.notes = std::move(applied.notes);
  }
  ctx.notes.insert(ctx.notes.begin(), input_notes.begin(), input_notes.end());
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
