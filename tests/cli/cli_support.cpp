#include "cli_support.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "test_paths.h"

extern char** environ;

namespace accord::test {

std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

Run run(const std::vector<std::string>& argv, const std::string& cwd, const std::vector<std::string>& extra_env) {
  TempDir capture;
  const std::string out_path = capture.str() + "/out", err_path = capture.str() + "/err";
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  posix_spawn_file_actions_addopen(&actions, 2, err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  if (!cwd.empty()) posix_spawn_file_actions_addchdir_np(&actions, cwd.c_str());
  std::vector<char*> args;
  for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  // extra_env replaces variables of the same name (getenv takes the first).
  std::vector<std::string> env_strings = extra_env;
  auto overridden = [&](std::string_view entry) {
    std::string_view name = entry.substr(0, entry.find('='));
    for (const std::string& e : extra_env)
      if (std::string_view(e).substr(0, e.find('=')) == name) return true;
    return false;
  };
  for (char** e = environ; *e; ++e)
    if (!overridden(*e)) env_strings.emplace_back(*e);
  std::vector<char*> env;
  for (std::string& e : env_strings) env.push_back(e.data());
  env.push_back(nullptr);
  pid_t pid = 0;
  Run r;
  if (posix_spawnp(&pid, args[0], &actions, nullptr, args.data(), env.data()) == 0) {
    int status = 0;
    waitpid(pid, &status, 0);
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }
  posix_spawn_file_actions_destroy(&actions);
  r.out = read_text(out_path);
  r.err = read_text(err_path);
  return r;
}

Run run_accord(const std::vector<std::string>& args, const std::string& cwd) {
  std::vector<std::string> argv = {ACCORD_BINARY};
  argv.insert(argv.end(), args.begin(), args.end());
  return run(argv, cwd);
}

TempDir::TempDir() {
  std::string tmpl = (std::filesystem::temp_directory_path() / "accord-test-XXXXXX").string();
  REQUIRE(mkdtemp(tmpl.data()) != nullptr);
  path_ = tmpl;
}

TempDir::~TempDir() {
  std::error_code ignored;
  std::filesystem::remove_all(path_, ignored);
}

TempRepo::TempRepo() {
  git({"init", "-q", "-b", "main"});
  git({"config", "user.name", "accord tests"});
  git({"config", "user.email", "tests@accord.invalid"});
  git({"config", "commit.gpgsign", "false"});
}

std::string TempRepo::git(const std::vector<std::string>& args) const {
  std::vector<std::string> argv = {"git", "-C", str()};
  argv.insert(argv.end(), args.begin(), args.end());
  // Isolated from the user's and the system's git configuration.
  Run r = run(argv, {}, {"GIT_CONFIG_NOSYSTEM=1", "GIT_CONFIG_GLOBAL=/dev/null"});
  INFO("git " << args.front() << ": " << r.err);
  REQUIRE(r.exit_code == 0);
  return r.out;
}

void TempRepo::write(const std::string& relative, const std::string& content) const {
  std::filesystem::path p = path() / relative;
  std::filesystem::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary | std::ios::trunc) << content;
}

void TempRepo::copy_in(const std::string& source, const std::string& relative) const {
  std::string text = read_text(std::string(ACCORD_SOURCE_DIR) + "/" + source);
  REQUIRE(!text.empty());
  write(relative, text);
}

void TempRepo::commit_all(const std::string& message) const {
  git({"add", "-A"});
  git({"commit", "-q", "-m", message});
}

void TempRepo::install_pre_commit_hook() const {
  auto hook = path() / ".git/hooks/pre-commit";
  std::filesystem::create_directories(hook.parent_path());
  std::filesystem::copy_file(std::string(ACCORD_SOURCE_DIR) + "/ci/pre-commit/accord-pre-commit", hook,
                             std::filesystem::copy_options::overwrite_existing);
  std::filesystem::permissions(hook, std::filesystem::perms::owner_all, std::filesystem::perm_options::add);
}

GitLog::GitLog() {
  auto real = run({"sh", "-c", "command -v git"});
  REQUIRE(real.exit_code == 0);
  const std::string git = real.out.substr(0, real.out.find('\n'));
  std::ofstream(dir_.path() / "git") << "#!/bin/sh\nprintf '%s\\n' \"$*\" >> '" << log() << "'\nexec '" << git
                                     << "' \"$@\"\n";
  std::filesystem::permissions(dir_.path() / "git", std::filesystem::perms::owner_all);
}

std::map<std::string, int> GitLog::blob_reads() const {
  std::map<std::string, int> out;
  std::istringstream in(read_text(log()));
  for (std::string line; std::getline(in, line);) {
    const size_t at = line.find(" cat-file blob ");
    if (at != std::string::npos) ++out[line.substr(line.find(':', at) + 1)];
  }
  return out;
}

bool GitLog::ran(const std::string& subcommand) const {
  return read_text(log()).find(" " + subcommand + " ") != std::string::npos;
}

Run GitLog::accord(const std::vector<std::string>& args, const std::string& cwd) const {
  std::vector<std::string> argv = {ACCORD_BINARY};
  argv.insert(argv.end(), args.begin(), args.end());
  return run(argv, cwd, {"PATH=" + dir_.str() + ":" + std::getenv("PATH")});
}

}  // namespace accord::test
