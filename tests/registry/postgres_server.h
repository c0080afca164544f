// A throwaway PostgreSQL server for tests: Debian's initdb + pg_ctl in a temp
// directory, on 127.0.0.1 and a free port, as an unprivileged user when the
// tests run as root (PostgreSQL refuses root). Stopped by the destructor.
#pragma once

#include <string>

class PostgresServer {
 public:
  PostgresServer() = default;
  ~PostgresServer();
  PostgresServer(const PostgresServer&) = delete;
  PostgresServer& operator=(const PostgresServer&) = delete;

  bool start();  // false (with failure()) when PostgreSQL is not installed or will not start
  const std::string& failure() const { return failure_; }
  std::string url() const;  // postgresql://accord@127.0.0.1:PORT/postgres

 private:
  bool run(const std::string& command);
  std::string bin_;
  std::string dir_;
  std::string run_as_;
  int port_ = 0;
  bool running_ = false;
  std::string failure_;
};

// A TCP port on 127.0.0.1 that was free a moment ago.
int free_local_port();
// Runs `command` through /bin/sh as `user` when we are root ("" = ourselves).
std::string as_user(const std::string& user, const std::string& command);
// An unprivileged account to run servers under when we are root ("postgres", else "nobody").
std::string unprivileged_user();
