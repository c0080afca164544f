// GraphQL's lexical grammar (October 2021 spec): punctuators, names, numbers,
// strings and block strings; whitespace, commas and comments are skipped.
#pragma once

#include <string>
#include <string_view>

#include "core/expected.h"
#include "diff/graphql/ast.h"

namespace accord::diff::graphql {

struct Token {
  enum class Kind : uint8_t { end, punct, name, int_value, float_value, string, block_string };
  Kind kind = Kind::end;
  std::string_view raw;  // the source text (punctuator, name, number)
  std::string value;     // strings: the decoded value
  Pos pos;
};

class Lexer {
 public:
  Lexer(std::string file, std::string_view text) : file_(std::move(file)), text_(text) {}
  // The next token, or an error naming file:line:col.
  core::Expected<Token> next();
  const std::string& file() const { return file_; }

 private:
  void skip_ignored();
  core::Expected<Token> string_token(Pos pos);
  core::Expected<Token> block_string_token(Pos pos);
  core::Expected<Token> number_token(Pos pos);
  core::Error error(Pos pos, std::string message) const;
  char peek(size_t ahead = 0) const { return at_ + ahead < text_.size() ? text_[at_ + ahead] : '\0'; }
  void advance(size_t n = 1);

  std::string file_;
  std::string_view text_;
  size_t at_ = 0;
  uint32_t line_ = 1, column_ = 1;
};

}  // namespace accord::diff::graphql
