// One formatter per output format; each turns finished findings into text.
// Nothing here prints: the CLI writes the returned string.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diff/model/finding.h"
#include "diff/model/rules.h"

namespace accord::diff {

enum class OutputFormat { text, json, markdown, junit, sarif, github_actions, gitlab };
std::optional<OutputFormat> parse_output_format(std::string_view name);
std::string_view output_format_names();  // "text|json|markdown|junit|sarif|github-actions|gitlab"

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
  // The gate: findings at or above it fail the run (exit 1), so they, and only
  // they, are JUnit failures, SARIF errors and GitHub error annotations.
  // std::nullopt: nothing fails (`accord diff`).
  std::optional<Severity> fail_on = Severity::error;
  // Text only: show at most this many findings (0 = all). The CLI sets it
  // only when stdout is a terminal; the summary still counts every finding.
  size_t max_findings = 0;
  // The text of a source line ("" when unknown), so SARIF can count columns
  // in UTF-16 code units; Place columns are UTF-8 bytes. Empty: bytes are used.
  std::function<std::string(const std::string& file, uint32_t line)> source_line;

  bool fails(const Finding& f) const { return fail_on && f.severity >= *fail_on; }
};

std::string render_findings(const std::vector<Finding>& findings, OutputFormat format, const RenderContext& ctx);

// Individual formatters (render_findings dispatches to these).
std::string render_text(const std::vector<Finding>& findings, const RenderContext& ctx);
std::string render_json(const std::vector<Finding>& findings, const RenderContext& ctx);
std::string render_markdown(const std::vector<Finding>& findings, const RenderContext& ctx);
std::string render_junit(const std::vector<Finding>& findings, const RenderContext& ctx);
std::string render_sarif(const std::vector<Finding>& findings, const RenderContext& ctx);
std::string render_github_actions(const std::vector<Finding>& findings, const RenderContext& ctx);
std::string render_gitlab(const std::vector<Finding>& findings, const RenderContext& ctx);

struct SeverityCounts {
  size_t error = 0, warning = 0, info = 0;
};
SeverityCounts count_by_severity(const std::vector<Finding>& findings);

// The closing line: changes by severity and the operations they affect, e.g.
// "3 changes (2 errors, 1 warning, 0 info) affecting 2 operations"; "" when
// there is nothing to count.
std::string summary_line(const std::vector<Finding>& findings);

// A 1-based column counted in UTF-8 bytes, as UTF-16 code units on `line`.
uint32_t utf16_column(std::string_view line, uint32_t byte_column);

// "file:line:col", shortened when the line or column is unknown; "" when the
// place names no file.
std::string place_text(const Place& place);

}  // namespace accord::diff
