// Compiler-style text: one line per finding, at the new side when there is one.
//   new.yaml:120:9: error: response property 'email' was removed (GET /users/{id}) [openapi.response-property-removed]
#include "diff/render/render.h"

namespace accord::diff {

std::string render_text(const std::vector<Finding>& findings, const RenderContext& ctx) {
  std::string out;
  for (const Finding& f : findings) {
    const Place* p = f.primary();
    if (p && !p->file.empty()) out += place_text(*p) + ": ";
    out += severity_name(f.severity);
    out += ": " + f.message;
    if (!f.operation.empty()) out += " (" + f.operation + ")";
    out += " [" + f.rule + "]\n";
    // The other side, so both versions are one click away.
    if (f.new_place && f.old_place && !f.old_place->file.empty())
      out += "  " + place_text(*f.old_place) + ": note: in the old version\n";
  }
  for (const std::string& note : ctx.notes) out += "note: " + note + "\n";
  SeverityCounts c = count_by_severity(findings);
  if (findings.empty()) {
    out += ctx.command == "diff" ? "no changes\n" : "no breaking changes\n";
  } else {
    out += std::to_string(c.error) + " error(s), " + std::to_string(c.warning) + " warning(s), " +
           std::to_string(c.info) + " info\n";
  }
  return out;
}

}  // namespace accord::diff
