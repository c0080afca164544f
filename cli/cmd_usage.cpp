// Placeholder: `accord usage` lands with its issue.
#include "cli/command.h"

namespace accord::cli {

Runner setup_usage(CLI::App& app) {
  app.allow_extras();
  return [] { return report_unusable("'accord usage' is not available yet"); };
}

}  // namespace accord::cli
