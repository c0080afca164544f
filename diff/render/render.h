// One formatter per output format; each turns finished findings into text.
// Nothing here prints: the CLI writes the returned string.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diff/model/finding.h"
#include "diff/model/rules.h"

namespace accord::diff {

enum class OutputFormat { text, json, markdown, junit, sarif, github_actions };
std::optional<OutputFormat> parse_output_format(std::string_view name);
std::string_view output_format_names();  // "text|json|markdown|junit|sarif|github-actions"

// Context a renderer may need beyond the findings themselves.
struct RenderContext {
  std::string command = "breaking";  // "breaking" or "diff"
  std::string old_path;
  std::string new_path;
  std::string tool_version;
  std::vector<std::string> notes;  // e.g. "ignore for X expired on 2026-01-01"
  // The rule registry, for formats that describe every rule (SARIF's
  // tool.driver.rules). The CLI passes all_rules(); empty means "only the
  // rules the findings name".
  std::vector<const RuleInfo*> rules;
};

std::string render_findings(const std::vector<Finding>& findings, OutputFormat format, const RenderContext& ctx);

// Individual formatters (render_findings dispatches to these).
std::string render_text(const std::vector<Finding>& findings, const RenderContext& ctx);
std::string render_json(const std::vector<Finding>& findings, const RenderContext& ctx);
std::string render_markdown(const std::vector<Finding>& findings, const RenderContext& ctx);
std::string render_junit(const std::vector<Finding>& findings, const RenderContext& ctx);
std::string render_sarif(const std::vector<Finding>& findings, const RenderContext& ctx);
std::string render_github_actions(const std::vector<Finding>& findings, const RenderContext& ctx);

struct SeverityCounts {
  size_t error = 0, warning = 0, info = 0;
};
SeverityCounts count_by_severity(const std::vector<Finding>& findings);

// "file:line:col", shortened when the line or column is unknown; "" when the
// place names no file.
std::string place_text(const Place& place);

}  // namespace accord::diff
