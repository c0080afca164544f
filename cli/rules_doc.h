#pragma once
#include <string>

namespace accord::cli {
// The registry rendered as "text", "json" or "markdown" (the markdown form is
// the checked-in docs/rules.md; a test fails when that file is stale).
std::string render_rules(const std::string& format, const std::string& only_format);
}  // namespace accord::cli
