// GitHub Actions workflow commands: each finding becomes an annotation on the
// pull request's diff.
//   ::error file=api/openapi.yaml,line=120,col=9,title=openapi.response-property-removed::response property ...
#include "diff/model/merge.h"
#include "diff/render/render.h"

namespace accord::diff {

namespace {

// GitHub's escaping for a command's message: '%', CR and LF.
std::string escape_data(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '%') out += "%25";
    else if (c == '\r') out += "%0D";
    else if (c == '\n') out += "%0A";
    else out += c;
  }
  return out;
}

// Property values also escape ':' and ',', which separate properties.
std::string escape_property(std::string_view s) {
  std::string out;
  for (char c : escape_data(s)) {
    if (c == ':') out += "%3A";
    else if (c == ',') out += "%2C";
    else out += c;
  }
  return out;
}

// An error annotation exactly when the finding fails the gate, so a green
// job never shows errors.
std::string_view command_of(const Finding& f, const RenderContext& ctx) {
  if (ctx.fails(f)) return "error";
  return f.severity >= Severity::warning ? "warning" : "notice";
}

}  // namespace

std::string render_github_actions(const std::vector<Finding>& findings, const RenderContext& ctx) {
  std::string out;
  for (const Finding& f : findings) {
    out += "::" + std::string(command_of(f, ctx)) + " ";
    std::vector<std::string> props;
    if (const Place* p = f.primary(); p && !p->file.empty()) {
      props.push_back("file=" + escape_property(p->file));
      if (p->line) props.push_back("line=" + std::to_string(p->line));
      if (p->column) props.push_back("col=" + std::to_string(p->column));
    }
    props.push_back("title=" + escape_property(f.rule));
    for (size_t i = 0; i < props.size(); ++i) out += (i ? "," : "") + props[i];
    std::string message = f.message;
    if (!f.operation.empty()) message += " (" + operations_summary(f) + ")";
    if (f.new_place && f.old_place && !f.old_place->file.empty())
      message += "\nold version: " + place_text(*f.old_place);
    out += "::" + escape_data(message) + "\n";
  }
  for (const std::string& note : ctx.notes) out += "::notice title=accord::" + escape_data(note) + "\n";
  if (findings.empty()) out += ctx.command == "diff" ? "accord: no changes\n" : "accord: no breaking changes\n";
  else out += "accord: " + summary_line(findings) + "\n";
  return out;
}

}  // namespace accord::diff
