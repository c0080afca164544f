// `accord breaking OLD NEW` and `accord diff OLD NEW`: the same comparison,
// filtered and gated differently.
#include <memory>

#include "cli/command.h"
#include "diff/engine.h"
#include "diff/render/render.h"

namespace accord::cli {

namespace {

struct CompareArgs {
  std::string old_path;
  std::string new_path;
  std::string format = "text";
  std::string fail_on = "error";
  std::string output;
  bool allow_remote_refs = false;
  std::vector<std::string> include_paths;
  std::vector<std::string> categories;
};

void declare_compare_options(CLI::App& app, CompareArgs& a, bool gate) {
  app.add_option("old", a.old_path, "Old version: a file, a proto directory or descriptor set")->required();
  app.add_option("new", a.new_path, "New version")->required();
  app.add_option("--format", a.format, std::string(diff::output_format_names()));
  if (gate) app.add_option("--fail-on", a.fail_on, "Lowest severity that fails the run: error|warning|info");
  app.add_option("-o,--output", a.output, "Write the report to this file instead of stdout");
  app.add_flag("--allow-remote-refs", a.allow_remote_refs, "Resolve http(s) $refs over the network");
  app.add_option("-I,--include", a.include_paths, "Proto import root (repeatable)");
  app.add_option("--category", a.categories, "Proto rule category: FILE|PACKAGE|WIRE_JSON|WIRE");
}

int run_compare(const CompareArgs& a, bool gate) {
  auto format = diff::parse_output_format(a.format);
  if (!format) return report_unusable("unknown --format '" + a.format + "' (expected " +
                                      std::string(diff::output_format_names()) + ")");
  auto fail_on = diff::parse_severity(a.fail_on);
  if (!fail_on) return report_unusable("unknown --fail-on '" + a.fail_on + "' (expected error|warning|info)");
  diff::CompareOptions options;
  options.include_paths = a.include_paths;
  options.proto_categories = a.categories;
  auto findings = diff::compare_contracts({a.old_path, std::nullopt}, {a.new_path, std::nullopt}, options);
  if (!findings) return report_unusable(findings.error().render());
  std::vector<diff::Finding> shown;
  for (diff::Finding& f : *findings)
    if (!gate || f.severity >= diff::Severity::warning || f.severity >= *fail_on) shown.push_back(std::move(f));
  diff::RenderContext ctx;
  ctx.command = gate ? "breaking" : "diff";
  ctx.old_path = a.old_path;
  ctx.new_path = a.new_path;
  ctx.tool_version = "0.1.0";
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
