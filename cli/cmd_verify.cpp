// Placeholder: `accord verify` lands with its issue.
#include "cli/command.h"

namespace accord::cli {

Runner setup_verify(CLI::App& app) {
  app.allow_extras();
  return [] { return report_unusable("'accord verify' is not available yet"); };
}

}  // namespace accord::cli
