// Runs the built `accord` as a user would (no shell), with extra environment
// variables, and gives back its exit code and output. A run that outlives its
// deadline is killed and reported as such, so a hang fails the test instead
// of stalling the suite.
#pragma once

#include <string>
#include <vector>

namespace accord::spec_test_support {

struct AccordRun {
  int exit_code = -1;
  bool killed_after_deadline = false;
  std::string out;
  std::string err;
};

AccordRun run_accord(const std::vector<std::string>& args, const std::vector<std::string>& extra_env = {},
                     int deadline_seconds = 60);

}  // namespace accord::spec_test_support
