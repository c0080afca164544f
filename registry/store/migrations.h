// Versioned schema migrations, shared by both backends. Each migration is a
// list of statements; the SQL is the common subset of SQLite and PostgreSQL.
// Append new migrations; never edit a shipped one.
#pragma once

#include <span>
#include <string_view>
#include <vector>

namespace accord::registry {

struct Migration {
  int version;
  std::string_view description;
  std::vector<std::string_view> statements;
};

std::span<const Migration> migrations();

}  // namespace accord::registry
