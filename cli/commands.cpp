#include "cli/command.h"

#include <cstdio>
#include <fstream>
#include <iostream>

namespace accord::cli {

std::span<const Command> command_table() {
  static const Command commands[] = {
      {"breaking", "Report breaking changes between two versions of a contract (exit 1 if any)", setup_breaking},
      {"diff", "Report every change between two versions of a contract, breaking or not", setup_diff},
      {"rules", "List the rules accord checks", setup_rules},
      {"verify", "Replay consumers' Pact files against a running provider", setup_verify},
      {"stub", "Serve what pacts or an OpenAPI document promise, for consumers to develop against", setup_stub},
      {"test", "Call a running service with the examples of its OpenAPI document and check the answers", setup_test},
      {"usage", "Record and report who calls which operation (usage registry)", setup_usage},
      {"plan", "Join breaking changes with recorded usage: who is affected, when removal is safe", setup_plan},
      {"lock", "Write protolock's proto.lock snapshot of a .proto tree", setup_lock},
      {"completion", "Print a shell completion script: bash, zsh or fish", setup_completion},
  };
  return commands;
}

int report_unusable(const std::string& message) {
  std::cerr << "accord: error: " << message << "\n";
  return kExitUnusable;
}

bool write_output(const std::string& text, const std::string& path) {
  if (path.empty() || path == "-") {
    std::cout << text;
    std::cout.flush();
    return static_cast<bool>(std::cout);
  }
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
  return static_cast<bool>(out);
}

}  // namespace accord::cli
