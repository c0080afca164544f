#include "diff/render/render.h"

#include <set>

namespace accord::diff {

std::optional<OutputFormat> parse_output_format(std::string_view name) {
  if (name == "text") return OutputFormat::text;
  if (name == "json") return OutputFormat::json;
  if (name == "markdown" || name == "md") return OutputFormat::markdown;
  if (name == "junit") return OutputFormat::junit;
  if (name == "sarif") return OutputFormat::sarif;
  if (name == "github-actions" || name == "github") return OutputFormat::github_actions;
  if (name == "gitlab" || name == "codequality") return OutputFormat::gitlab;
  return std::nullopt;
}

std::string_view output_format_names() { return "text|json|markdown|junit|sarif|github-actions|gitlab"; }

SeverityCounts count_by_severity(const std::vector<Finding>& findings) {
  SeverityCounts c;
  for (const Finding& f : findings) {
    if (f.severity == Severity::error) ++c.error;
    else if (f.severity == Severity::warning) ++c.warning;
    else ++c.info;
  }
  return c;
}

namespace {
std::string counted(size_t n, std::string_view word) {
  return std::to_string(n) + " " + std::string(word) + (n == 1 ? "" : "s");
}
}  // namespace

std::string summary_line(const std::vector<Finding>& findings) {
  if (findings.empty()) return {};
  SeverityCounts c = count_by_severity(findings);
  std::set<std::string_view> operations;
  for (const Finding& f : findings) {
    if (f.operations.empty() && !f.operation.empty()) operations.insert(f.operation);
    for (const std::string& op : f.operations) operations.insert(op);
  }
  return counted(findings.size(), "change") + " (" + counted(c.error, "error") + ", " + counted(c.warning, "warning") +
         ", " + std::to_string(c.info) + " info) affecting " + counted(operations.size(), "operation");
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
    case OutputFormat::gitlab: return render_gitlab(findings, ctx);
  }
  return {};
}

}  // namespace accord::diff
