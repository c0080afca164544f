// accord: keeps API contracts compatible while services evolve.
// main() is the only place where errors become text and exit codes.
#include <iostream>
#include <string_view>
#include <vector>

#include "cli/command.h"
#include "cli/help.h"
#include "cli/suggest.h"
#include "cli/version.h"

#if defined(ACCORD_JEMALLOC)
// jemalloc's options, read before main (MALLOC_CONF in the environment
// overrides them). Transparent huge pages for the heap: comparing two
// versions of a large contract first-touches tens of MB, and a third of its
// CPU time was the kernel faulting them in 4 KB at a time (vector's schema:
// 7,500 faults -> 2,450, 27 -> 23 ms; the GitHub REST API 126 -> 95 ms). It
// costs about 0.15 ms on a small pair (one huge page zeroed) and 10-15% more
// peak RSS. Where the kernel disables THP it changes nothing.
extern "C" {
const char* malloc_conf = "thp:always,metadata_thp:auto";
}
#endif

namespace {
// Declaring every command's options was a quarter of `accord --version` and of
// a small diff (3.5M of 15M instructions): a run that names a command sets up
// that one, `--version` none. `completion` describes them all, and anything
// else (help, a typo to suggest a command or flag for) sees them all too.
// Returns the one command to set up, or nullptr for all of them.
const accord::cli::Command* only_command(std::string_view first_argument) {
  for (const accord::cli::Command& c : accord::cli::command_table())
    if (first_argument == c.name && first_argument != "completion") return &c;
  return nullptr;
}
}  // namespace

int main(int argc, char** argv) {
  using namespace accord::cli;
  CLI::App app{"accord: diff, verify and track usage of API contracts"};
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string("accord ") + kAccordVersion);
  std::vector<std::pair<CLI::App*, Runner>> runners;
  const std::string_view first = argc > 1 ? argv[1] : "";
  const Command* only = only_command(first);
  for (const Command& c : command_table()) {
    CLI::App* sub = app.add_subcommand(c.name, c.summary);
    if (first != "--version" && (!only || only == &c)) runners.emplace_back(sub, c.setup(*sub));
  }
  add_help_footers(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // A mistyped command or flag: name the closest one rather than CLI11's
    // "arguments were not expected".
    if (e.get_exit_code() != 0) {
      std::string hint = suggestion_for(app, std::vector<std::string>(argv + 1, argv + argc));
      if (!hint.empty()) return report_unusable(hint);
    }
    const int rc = app.exit(e);
    return rc == 0 ? kExitClean : kExitUnusable;
  }
  try {
    for (auto& [sub, run] : runners)
      if (sub->parsed()) return run();
  } catch (const std::exception& e) {
    // Should not happen: modules return errors as values. Never crash on it.
    return report_unusable(std::string("internal error: ") + e.what());
  }
  return kExitUnusable;
}
