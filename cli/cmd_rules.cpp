// `accord rules`: the rule registry as text, JSON or markdown.
#include <memory>

#include "cli/command.h"
#include "cli/rules_doc.h"

namespace accord::cli {

Runner setup_rules(CLI::App& app) {
  auto format = std::make_shared<std::string>("text");
  auto only = std::make_shared<std::string>();
  app.add_option("--format", *format, "text|json|markdown")->check(CLI::IsMember({"text", "json", "markdown"}));
  app.add_option("--only-format", *only, "Only rules of this contract format (openapi, proto, ...)");
  return [format, only]() {
    return write_output(render_rules(*format, *only), "") ? kExitClean : kExitUnusable;
  };
}

}  // namespace accord::cli
