// Running the built `accord` binary from tests.
#pragma once

#include <string>
#include <sys/types.h>
#include <vector>

struct CommandResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Runs argv (argv[0] is a path) to completion, capturing stdout and stderr.
CommandResult run_command(const std::vector<std::string>& argv, const std::vector<std::string>& extra_env = {});
// Starts argv in the background with output to `log_path`; returns its pid.
pid_t spawn_command(const std::vector<std::string>& argv, const std::vector<std::string>& extra_env,
                    const std::string& log_path);
std::string read_text(const std::string& path);
std::string make_temp_dir(const std::string& prefix);
