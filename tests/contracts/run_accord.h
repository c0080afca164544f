// Runs the built `accord verify` as a user would, for the CLI end-to-end tests.
#pragma once

#include <string>

namespace accord_test {

struct RunResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// `args` are already shell-quoted; `env` is prepended as NAME=value assignments.
RunResult run_accord(const std::string& args, const std::string& env = "");

// Path of fixtures/pact/<name> in the source tree.
std::string pact_fixture(const std::string& name);

}  // namespace accord_test
