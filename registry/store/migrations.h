// Versioned schema migrations, shared by both backends. Each migration is a
// list of statements; the SQL is the common subset of SQLite and PostgreSQL,
// except a statement that starts with "sqlite:" or "postgres:", which runs on
// that backend only (statement_for). Append new migrations; never edit a
// shipped one.
#pragma once

#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "registry/store/sql_text.h"

namespace accord::registry {

struct Migration {
  int version;
  std::string_view description;
  std::vector<std::string_view> statements;
};

std::span<const Migration> migrations();

// The SQL of `statement` for `dialect`, without its backend prefix; nothing
// when it is another backend's statement.
std::optional<std::string_view> statement_for(std::string_view statement, SqlDialect dialect);

}  // namespace accord::registry
