// Running a helper program (git, tar) without a shell, for cli/ only.
#pragma once

#include <string>
#include <vector>

namespace accord::cli {

struct ProcessResult {
  int exit_code = -1;  // -1: could not start, or killed by a signal
  std::string out;
  std::string err;
};

// Runs argv[0] from PATH with no shell, stdin from /dev/null, and captures
// both output streams (polled together so neither pipe can fill and block).
ProcessResult run_process(const std::vector<std::string>& argv);

// `s` without trailing newlines and spaces.
std::string trim(std::string s);
// git's own message, first line only ("fatal: not a git repository ...").
std::string git_says(const ProcessResult& r);

}  // namespace accord::cli
