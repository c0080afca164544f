// Placeholder: `accord plan` lands with its issue.
#include "cli/command.h"

namespace accord::cli {

Runner setup_plan(CLI::App& app) {
  app.allow_extras();
  return [] { return report_unusable("'accord plan' is not available yet"); };
}

}  // namespace accord::cli
