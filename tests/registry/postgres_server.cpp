#include "postgres_server.h"

#include <arpa/inet.h>
#include <dirent.h>
#include <netinet/in.h>
#include <pwd.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <string>

int free_local_port() {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  socklen_t len = sizeof addr;
  int port = 0;
  if (::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0 &&
      ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) == 0)
    port = ntohs(addr.sin_port);
  ::close(fd);
  return port;
}

std::string unprivileged_user() {
  if (::getuid() != 0) return "";
  if (::getpwnam("postgres")) return "postgres";
  return "nobody";
}

std::string as_user(const std::string& user, const std::string& command) {
  if (user.empty()) return command;
  return "runuser -u " + user + " -- /bin/sh -c '" + command + "'";
}

namespace {

// The newest /usr/lib/postgresql/<version>/bin that has initdb.
std::string find_postgres_bin() {
  std::string best;
  if (DIR* dir = ::opendir("/usr/lib/postgresql")) {
    while (dirent* e = ::readdir(dir)) {
      std::string candidate = std::string("/usr/lib/postgresql/") + e->d_name + "/bin";
      if (e->d_name[0] != '.' && ::access((candidate + "/initdb").c_str(), X_OK) == 0 && candidate > best)
        best = candidate;
    }
    ::closedir(dir);
  }
  return best;
}

}  // namespace

bool PostgresServer::run(const std::string& command) {
  return std::system(as_user(run_as_, command + " >>" + dir_ + "/setup.log 2>&1").c_str()) == 0;
}

bool PostgresServer::start() {
  bin_ = find_postgres_bin();
  if (bin_.empty()) {
    failure_ = "no /usr/lib/postgresql/*/bin/initdb (install the postgresql package)";
    return false;
  }
  char pattern[] = "/tmp/accord-pg-XXXXXX";
  if (!::mkdtemp(pattern)) {
    failure_ = "mkdtemp failed";
    return false;
  }
  dir_ = pattern;
  run_as_ = unprivileged_user();
  if (!run_as_.empty()) {
    const passwd* pw = ::getpwnam(run_as_.c_str());
    if (!pw || ::chown(dir_.c_str(), pw->pw_uid, pw->pw_gid) != 0) {
      failure_ = "cannot hand " + dir_ + " to user " + run_as_;
      return false;
    }
  }
  port_ = free_local_port();
  if (!run(bin_ + "/initdb -D " + dir_ + "/data -U accord --auth=trust -E UTF8 --no-sync")) {
    failure_ = "initdb failed (see " + dir_ + "/setup.log)";
    return false;
  }
  const std::string options = "-k " + dir_ + " -h 127.0.0.1 -p " + std::to_string(port_) + " -F";
  if (!run(bin_ + "/pg_ctl -D " + dir_ + "/data -l " + dir_ + "/server.log -w -t 60 -o \"" + options + "\" start")) {
    failure_ = "pg_ctl start failed (see " + dir_ + "/server.log)";
    return false;
  }
  running_ = true;
  return true;
}

std::string PostgresServer::url() const {
  return "postgresql://accord@127.0.0.1:" + std::to_string(port_) + "/postgres";
}

PostgresServer::~PostgresServer() {
  if (running_) run(bin_ + "/pg_ctl -D " + dir_ + "/data -m immediate -w -t 30 stop");
  if (!dir_.empty()) std::system(("rm -rf " + dir_).c_str());
}
