// Compiler-style text: one line per finding, at the new side when there is one.
//   new.yaml:120:9: error: response property 'email' was removed (GET /users/{id}) [openapi.response-property-removed]
#include "diff/model/merge.h"
#include "diff/render/render.h"

namespace accord::diff {

std::string render_text(const std::vector<Finding>& findings, const RenderContext& ctx) {
  std::string out;
  size_t shown = 0;
  for (const Finding& f : findings) {
    if (ctx.max_findings && shown++ == ctx.max_findings) {
      out += "... " + std::to_string(findings.size() - ctx.max_findings) +
             " more not shown (--max-findings; the full list goes to a pipe or -o FILE)\n";
      break;
    }
    const Place* p = f.primary();
    if (p && !p->file.empty()) out += place_text(*p) + ": ";
    out += severity_name(f.severity);
    out += ": " + f.message;
    if (!f.operation.empty()) out += " (" + operations_summary(f) + ")";
    out += " [" + f.rule + "]\n";
    // The other side, so both versions are one click away.
    if (f.new_place && f.old_place && !f.old_place->file.empty())
      out += "  " + place_text(*f.old_place) + ": note: in the old version\n";
  }
  for (const std::string& note : ctx.notes) out += "note: " + note + "\n";
  if (findings.empty()) out += ctx.command == "diff" ? "no changes\n" : "no breaking changes\n";
  else out += summary_line(findings) + "\n";
  return out;
}

}  // namespace accord::diff
