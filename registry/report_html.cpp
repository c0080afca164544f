// Placeholder replaced below in this session.
#include "registry/report.h"

namespace accord::registry {
std::string render_report_html(const UsageReport& r) { return render_report_markdown(r); }
}  // namespace accord::registry
