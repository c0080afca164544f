// The lower half of the SDL parser: a cursor over the lexer's tokens and the
// pieces every definition is made of (names, descriptions, type references,
// directive uses and constant values). parser.cpp builds the type-system
// definitions on top of it. Internal to diff/graphql's parser.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/expected.h"
#include "diff/graphql/ast.h"
#include "diff/graphql/lexer.h"

// Returns the error of a failed step (a Status or an Expected) from the
// enclosing function: errors are values, and most steps can fail.
#define SDL_TRY(expr)                       \
  do {                                      \
    auto _status = (expr);                  \
    if (!_status) return _status.error();   \
  } while (0)

namespace accord::diff::graphql {

class SdlReader {
 protected:
  SdlReader(const std::string& file, std::string_view text) : lexer_(file, text) {}

  core::Status shift();  // to the next token
  core::Error error(std::string message) const;  // at the current token
  bool is_punct(std::string_view p) const { return tok_.kind == Token::Kind::punct && tok_.raw == p; }
  bool is_name(std::string_view n) const { return tok_.kind == Token::Kind::name && tok_.raw == n; }
  std::string describe_token() const;  // for "expected ..., found ..." errors
  core::Status expect(std::string_view p);
  core::Expected<std::string> name();
  core::Expected<std::string> description();  // "" when none
  core::Expected<TypeRef> type_ref();
  core::Status directives(std::vector<DirectiveUse>& out);
  // A constant value printed the way graphql-js's print() does, so equal
  // values compare equal whatever their spacing.
  core::Expected<std::string> const_value();

  Lexer lexer_;
  Token tok_;

 private:
  core::Expected<std::string> list_value();
  core::Expected<std::string> object_value();
};

}  // namespace accord::diff::graphql
