// `accord rules`: the rule registry as text, JSON or markdown.
#include <memory>
#include <set>

#include "cli/command.h"
#include "cli/rules_doc.h"
#include "diff/model/rules.h"

namespace accord::cli {

Runner setup_rules(CLI::App& app) {
  auto format = std::make_shared<std::string>("text");
  auto only = std::make_shared<std::string>();
  app.add_option("--format", *format, "text|json|markdown")->check(CLI::IsMember({"text", "json", "markdown"}));
  // The formats that have rules, so `--only-format nope` is a usage error, not an empty list.
  std::set<std::string> formats;
  for (const diff::RuleInfo* r : diff::all_rules()) formats.insert(std::string(diff::format_name(r->format)));
  app.add_option("--only-format", *only, "Only rules of this contract format (openapi, proto, ...)")
      ->check(CLI::IsMember(formats));
  return [format, only]() {
    return write_output(render_rules(*format, *only), "") ? kExitClean : kExitUnusable;
  };
}

}  // namespace accord::cli
