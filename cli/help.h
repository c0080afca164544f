// The parts of `--help` that read like a man page: what a command is for,
// examples to copy, and what its exit codes mean.
#pragma once

#include <CLI/CLI.hpp>

namespace accord::cli {

// Adds the examples and exit codes of every subcommand of `app` as its help footer.
void add_help_footers(CLI::App& app);

}  // namespace accord::cli
