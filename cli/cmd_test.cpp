// Placeholder: `accord test` lands with its issue.
#include "cli/command.h"

namespace accord::cli {

Runner setup_test(CLI::App& app) {
  app.allow_extras();
  return [] { return report_unusable("'accord test' is not available yet"); };
}

}  // namespace accord::cli
