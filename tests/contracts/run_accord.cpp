#include "run_accord.h"

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "test_paths.h"

namespace accord_test {

namespace {

std::string slurp(const std::string& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace

RunResult run_accord(const std::string& args, const std::string& env) {
  static int counter = 0;
  std::string base = "/tmp/accord-verify-e2e-" + std::to_string(::getpid()) + "-" + std::to_string(counter++);
  std::string cmd = env + " " + ACCORD_BINARY + std::string(" verify ") + args + " >" + base + ".out 2>" + base + ".err";
  int status = std::system(cmd.c_str());
  RunResult r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = slurp(base + ".out");
  r.err = slurp(base + ".err");
  std::remove((base + ".out").c_str());
  std::remove((base + ".err").c_str());
  return r;
}

std::string pact_fixture(const std::string& name) { return std::string(ACCORD_SOURCE_DIR) + "/fixtures/pact/" + name; }

}  // namespace accord_test
