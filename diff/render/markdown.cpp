// Markdown: a changelog a person reads in a pull-request comment. Findings are
// grouped by severity (most severe first), then by operation, so a reviewer
// sees at a glance which endpoints a change touches.
#include <algorithm>
#include <map>

#include "core/json_writer.h"
#include "diff/model/merge.h"
#include "diff/render/render.h"

namespace accord::diff {

namespace {

using core::markdown_code;
using core::markdown_escape;

std::string_view heading_of(Severity s) {
  switch (s) {
    case Severity::error: return "Breaking changes (error)";
    case Severity::warning: return "Possibly breaking (warning)";
    case Severity::info: return "Other changes (info)";
  }
  return "";
}

std::string plural(size_t n, std::string_view word) {
  return std::to_string(n) + " " + std::string(word) + (n == 1 ? "" : "s");
}

}  // namespace

std::string render_markdown(const std::vector<Finding>& findings, const RenderContext& ctx) {
  std::string out = ctx.command == "diff" ? "## accord: API changes\n\n" : "## accord: breaking changes\n\n";
  if (!ctx.old_path.empty() && !ctx.new_path.empty())
    out += "Comparing " + markdown_code(ctx.old_path) + " with " + markdown_code(ctx.new_path) + ".\n\n";
  SeverityCounts c = count_by_severity(findings);
  if (findings.empty()) {
    out += ctx.command == "diff" ? "No changes.\n" : "No breaking changes.\n";
  } else {
    out += "**" + plural(c.error, "error") + ", " + plural(c.warning, "warning") + ", " + std::to_string(c.info) +
           " info**\n";
  }
  for (Severity sev : {Severity::error, Severity::warning, Severity::info}) {
    // Operation -> findings, in the order the comparator sorted them.
    // Changes outside any operation (components, messages) come last.
    std::map<std::string, std::vector<const Finding*>> by_operation;
    std::vector<const Finding*> without_operation;
    for (const Finding& f : findings) {
      if (f.severity != sev) continue;
      if (f.operation.empty()) without_operation.push_back(&f);
      else by_operation[f.operation].push_back(&f);
    }
    if (by_operation.empty() && without_operation.empty()) continue;
    out += "\n### " + std::string(heading_of(sev)) + "\n";
    auto write_group = [&](const std::string& title, const std::vector<const Finding*>& group) {
      out += "\n#### " + title + "\n\n";
      for (const Finding* f : group) {
        out += "- " + markdown_escape(f->message) + " " + markdown_code(f->rule);
        if (const Place* p = f->primary(); p && !p->file.empty()) out += " at " + markdown_code(place_text(*p));
        // A change reached from several operations is listed once, under its first.
        if (f->operations.size() > 1) {
          Finding rest = *f;
          rest.operations.erase(rest.operations.begin());
          out += " (also " + markdown_escape(operations_summary(rest)) + ")";
        }
        out += "\n";
      }
    };
    for (const auto& [operation, group] : by_operation) write_group(markdown_code(operation), group);
    if (!without_operation.empty()) write_group("Not tied to an operation", without_operation);
  }
  if (!ctx.notes.empty()) {
    out += "\n### Notes\n\n";
    for (const std::string& n : ctx.notes) out += "- " + markdown_escape(n) + "\n";
  }
  return out;
}

}  // namespace accord::diff
