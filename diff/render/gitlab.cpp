// GitLab Code Quality JSON, the report a merge request's Code Quality widget
// reads (artifacts:reports:codequality): an array of issues, each with a
// description, check name, fingerprint, severity and location.
//   [{"description": "...", "check_name": "openapi.operation-removed", "fingerprint": "9f86...",
//     "severity": "critical", "location": {"path": "api.yaml", "lines": {"begin": 12}}}]
#include "core/json_writer.h"
#include "diff/model/merge.h"
#include "diff/render/render.h"

namespace accord::diff {

namespace {

// GitLab's scale is info|minor|major|critical|blocker. What fails the gate is
// critical (errors) or major; the rest is minor or info, so the widget's
// ranking agrees with the exit code.
std::string_view gitlab_severity(const Finding& f, const RenderContext& ctx) {
  if (ctx.fails(f)) return f.severity == Severity::error ? "critical" : "major";
  return f.severity == Severity::info ? "info" : "minor";
}

}  // namespace

std::string render_gitlab(const std::vector<Finding>& findings, const RenderContext& ctx) {
  core::JsonWriter w;
  w.begin_array();
  for (const Finding& f : findings) {
    w.begin_object();
    std::string description = f.message;
    if (!f.operation.empty()) description += " (" + operations_summary(f) + ")";
    w.key("description").value(description);
    w.key("check_name").value(f.rule);
    w.key("fingerprint").value(f.fingerprint);
    w.key("severity").value(gitlab_severity(f, ctx));
    // Every issue needs a location; a finding without a file points at NEW.
    const Place* p = f.primary();
    w.key("location").begin_object();
    w.key("path").value(p && !p->file.empty() ? p->file : ctx.new_path);
    w.key("lines").begin_object().key("begin").value(p && p->line ? p->line : 1u).end_object();
    w.end_object();
    w.end_object();
  }
  w.end_array();
  return w.take() + "\n";
}

}  // namespace accord::diff
