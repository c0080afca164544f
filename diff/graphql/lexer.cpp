#include "diff/graphql/lexer.h"

#include <cctype>
#include <vector>

namespace accord::diff::graphql {

namespace {

bool name_start(char c) { return c == '_' || std::isalpha(static_cast<unsigned char>(c)); }
bool name_continue(char c) { return c == '_' || std::isalnum(static_cast<unsigned char>(c)); }

void append_utf8(std::string& out, uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// The spec's BlockStringValue(): common indentation removed, blank first
// and last lines dropped.
std::string dedent_block(std::string_view raw) {
  std::vector<std::string_view> lines;
  size_t start = 0;
  for (size_t i = 0; i <= raw.size(); ++i) {
    if (i == raw.size() || raw[i] == '\n' || raw[i] == '\r') {
      lines.push_back(raw.substr(start, i - start));
      if (i < raw.size() && raw[i] == '\r' && i + 1 < raw.size() && raw[i + 1] == '\n') ++i;
      start = i + 1;
    }
  }
  size_t common = std::string_view::npos;
  for (size_t i = 1; i < lines.size(); ++i) {
    size_t indent = lines[i].find_first_not_of(" \t");
    if (indent != std::string_view::npos && indent < common) common = indent;
  }
  if (common != std::string_view::npos)
    for (size_t i = 1; i < lines.size(); ++i) lines[i] = lines[i].size() >= common ? lines[i].substr(common) : "";
  auto blank = [](std::string_view l) { return l.find_first_not_of(" \t") == std::string_view::npos; };
  while (!lines.empty() && blank(lines.front())) lines.erase(lines.begin());
  while (!lines.empty() && blank(lines.back())) lines.pop_back();
  std::string out;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (i) out += '\n';
    out += lines[i];
  }
  return out;
}

}  // namespace

core::Error Lexer::error(Pos pos, std::string message) const {
  return core::make_error(std::move(message), file_, pos.line, pos.column);
}

void Lexer::advance(size_t n) {
  for (size_t i = 0; i < n && at_ < text_.size(); ++i, ++at_) {
    char c = text_[at_];
    if (c == '\n' || (c == '\r' && peek(1) != '\n')) {
      ++line_;
      column_ = 1;
    } else if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
      ++column_;  // columns count characters, not UTF-8 continuation bytes
    }
  }
}

void Lexer::skip_ignored() {
  while (at_ < text_.size()) {
    char c = peek();
    if (c == ' ' || c == '\t' || c == ',' || c == '\n' || c == '\r') {
      advance();
    } else if (c == '#') {
      while (at_ < text_.size() && peek() != '\n' && peek() != '\r') advance();
    } else if (static_cast<unsigned char>(c) == 0xEF && static_cast<unsigned char>(peek(1)) == 0xBB &&
               static_cast<unsigned char>(peek(2)) == 0xBF) {
      advance(3);  // byte order mark
    } else {
      break;
    }
  }
}

core::Expected<Token> Lexer::next() {
  skip_ignored();
  Pos pos{line_, column_};
  Token t;
  t.pos = pos;
  if (at_ >= text_.size()) return t;
  char c = peek();
  if (c == '.' ) {
    if (peek(1) == '.' && peek(2) == '.') {
      t.kind = Token::Kind::punct;
      t.raw = text_.substr(at_, 3);
      advance(3);
      return t;
    }
    return error(pos, "unexpected '.'");
  }
  if (std::string_view("!$&()=:@[]{}|").find(c) != std::string_view::npos) {
    t.kind = Token::Kind::punct;
    t.raw = text_.substr(at_, 1);
    advance();
    return t;
  }
  if (name_start(c)) {
    size_t start = at_;
    while (name_continue(peek())) advance();
    t.kind = Token::Kind::name;
    t.raw = text_.substr(start, at_ - start);
    return t;
  }
  if (c == '-' || std::isdigit(static_cast<unsigned char>(c))) return number_token(pos);
  if (c == '"') return peek(1) == '"' && peek(2) == '"' ? block_string_token(pos) : string_token(pos);
  return error(pos, std::string("unexpected character '") + c + "'");
}

core::Expected<Token> Lexer::number_token(Pos pos) {
  size_t start = at_;
  bool is_float = false;
  if (peek() == '-') advance();
  if (!std::isdigit(static_cast<unsigned char>(peek()))) return error(pos, "a number needs digits");
  while (std::isdigit(static_cast<unsigned char>(peek()))) advance();
  if (peek() == '.') {
    is_float = true;
    advance();
    if (!std::isdigit(static_cast<unsigned char>(peek()))) return error(pos, "a number needs digits after '.'");
    while (std::isdigit(static_cast<unsigned char>(peek()))) advance();
  }
  if (peek() == 'e' || peek() == 'E') {
    is_float = true;
    advance();
    if (peek() == '+' || peek() == '-') advance();
    if (!std::isdigit(static_cast<unsigned char>(peek()))) return error(pos, "a number needs digits in its exponent");
    while (std::isdigit(static_cast<unsigned char>(peek()))) advance();
  }
  if (name_start(peek()) || peek() == '.') return error(pos, "invalid number");
  Token t;
  t.kind = is_float ? Token::Kind::float_value : Token::Kind::int_value;
  t.raw = text_.substr(start, at_ - start);
  t.pos = pos;
  return t;
}

core::Expected<Token> Lexer::string_token(Pos pos) {
  advance();  // opening quote
  Token t;
  t.kind = Token::Kind::string;
  t.pos = pos;
  while (true) {
    if (at_ >= text_.size() || peek() == '\n' || peek() == '\r') return error(pos, "unterminated string");
    char c = peek();
    if (c == '"') {
      advance();
      return t;
    }
    if (c != '\\') {
      t.value += c;
      advance();
      continue;
    }
    char e = peek(1);
    advance(2);
    switch (e) {
      case '"': t.value += '"'; break;
      case '\\': t.value += '\\'; break;
      case '/': t.value += '/'; break;
      case 'b': t.value += '\b'; break;
      case 'f': t.value += '\f'; break;
      case 'n': t.value += '\n'; break;
      case 'r': t.value += '\r'; break;
      case 't': t.value += '\t'; break;
      case 'u': {
        uint32_t cp = 0;
        for (int i = 0; i < 4; ++i) {
          char h = peek();
          if (!std::isxdigit(static_cast<unsigned char>(h))) return error(pos, "invalid \\u escape in string");
          cp = cp * 16 + (std::isdigit(static_cast<unsigned char>(h)) ? h - '0' : (std::tolower(h) - 'a' + 10));
          advance();
        }
        append_utf8(t.value, cp);
        break;
      }
      default: return error(pos, "invalid escape in string");
    }
  }
}

core::Expected<Token> Lexer::block_string_token(Pos pos) {
  advance(3);
  std::string raw;
  while (true) {
    if (at_ >= text_.size()) return error(pos, "unterminated block string");
    if (peek() == '"' && peek(1) == '"' && peek(2) == '"') {
      advance(3);
      break;
    }
    if (peek() == '\\' && peek(1) == '"' && peek(2) == '"' && peek(3) == '"') {
      raw += "\"\"\"";
      advance(4);
      continue;
    }
    raw += peek();
    advance();
  }
  Token t;
  t.kind = Token::Kind::block_string;
  t.value = dedent_block(raw);
  t.pos = pos;
  return t;
}

}  // namespace accord::diff::graphql
