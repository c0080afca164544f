// Temporary: markdown, junit, sarif and github-actions formatters land with
// the outputs work; until then they fall back to the text form.
#include "diff/render/render.h"

namespace accord::diff {
std::string render_markdown(const std::vector<Finding>& f, const RenderContext& c) { return render_text(f, c); }
std::string render_junit(const std::vector<Finding>& f, const RenderContext& c) { return render_text(f, c); }
std::string render_sarif(const std::vector<Finding>& f, const RenderContext& c) { return render_text(f, c); }
std::string render_github_actions(const std::vector<Finding>& f, const RenderContext& c) { return render_text(f, c); }
}  // namespace accord::diff
