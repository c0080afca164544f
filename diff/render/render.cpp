#include "diff/render/render.h"

namespace accord::diff {

std::optional<OutputFormat> parse_output_format(std::string_view name) {
  if (name == "text") return OutputFormat::text;
  if (name == "json") return OutputFormat::json;
  if (name == "markdown" || name == "md") return OutputFormat::markdown;
  if (name == "junit") return OutputFormat::junit;
  if (name == "sarif") return OutputFormat::sarif;
  if (name == "github-actions" || name == "github") return OutputFormat::github_actions;
  return std::nullopt;
}

std::string_view output_format_names() { return "text|json|markdown|junit|sarif|github-actions"; }

SeverityCounts count_by_severity(const std::vector<Finding>& findings) {
  SeverityCounts c;
  for (const Finding& f : findings) {
    if (f.severity == Severity::error) ++c.error;
    else if (f.severity == Severity::warning) ++c.warning;
    else ++c.info;
  }
  return c;
}

std::string place_text(const Place& p) {
  if (p.file.empty()) return {};
  std::string s = p.file;
  if (p.line) {
    s += ':' + std::to_string(p.line);
    if (p.column) s += ':' + std::to_string(p.column);
  }
  return s;
}

std::string render_findings(const std::vector<Finding>& findings, OutputFormat format, const RenderContext& ctx) {
  switch (format) {
    case OutputFormat::text: return render_text(findings, ctx);
    case OutputFormat::json: return render_json(findings, ctx);
    case OutputFormat::markdown: return render_markdown(findings, ctx);
    case OutputFormat::junit: return render_junit(findings, ctx);
    case OutputFormat::sarif: return render_sarif(findings, ctx);
    case OutputFormat::github_actions: return render_github_actions(findings, ctx);
  }
  return {};
}

}  // namespace accord::diff
