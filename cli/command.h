// The table of subcommands. Each subcommand lives in its own cmd_*.cpp file
// and exposes one setup function: it declares its options on the CLI11
// sub-app and returns the function main() runs when that subcommand was chosen.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <span>
#include <string>

namespace accord::cli {

// Exit codes, as promised to CI users.
inline constexpr int kExitClean = 0;
inline constexpr int kExitFindings = 1;  // breaking changes / failed verification
inline constexpr int kExitUnusable = 2;  // unusable input or usage error

using Runner = std::function<int()>;

struct Command {
  const char* name;
  const char* summary;
  Runner (*setup)(CLI::App& app);
};

std::span<const Command> command_table();

// Setup functions, one per cmd_*.cpp.
Runner setup_breaking(CLI::App& app);
Runner setup_diff(CLI::App& app);
Runner setup_rules(CLI::App& app);
Runner setup_verify(CLI::App& app);  // cmd_verify.cpp (Pact)
Runner setup_test(CLI::App& app);    // cmd_test.cpp (OpenAPI-driven tests)
Runner setup_stub(CLI::App& app);    // cmd_stub.cpp (stub server from pacts or OpenAPI)
Runner setup_usage(CLI::App& app);   // cmd_usage.cpp (usage registry: ingest, import-pacts, report)
Runner setup_plan(CLI::App& app);    // cmd_plan.cpp (expand/contract plan)
Runner setup_completion(CLI::App& app);  // cmd_completion.cpp (shell completion scripts)
Runner setup_lock(CLI::App& app);        // cmd_lock.cpp (proto.lock snapshot of a .proto tree)

// Prints "accord: error: <message>" to stderr and returns kExitUnusable.
int report_unusable(const std::string& message);
// Writes to stdout, or to `path` when it is not empty. Returns false on failure.
bool write_output(const std::string& text, const std::string& path);

}  // namespace accord::cli
