#include "contracts/matching/path_expr.h"

#include <cctype>

namespace accord::contracts::matching {

namespace {

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  return true;
}

bool identifier_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == ':' || c == '#' ||
         c == '@' || static_cast<unsigned char>(c) >= 0x80;
}

}  // namespace

PathExpr PathExpr::root() {
  PathExpr p;
  p.tokens_.push_back({PathToken::Kind::root, "$"});
  p.text_ = "$";
  return p;
}

core::Expected<PathExpr> PathExpr::parse(std::string_view text) {
  PathExpr out;
  out.text_ = std::string(text);
  auto fail = [&](const std::string& why) {
    return core::make_error("invalid matching rule path '" + std::string(text) + "': " + why);
  };
  size_t i = 0;
  if (text.empty()) return fail("empty");
  if (text[0] == '$') {
    out.tokens_.push_back({PathToken::Kind::root, "$"});
    i = 1;
  } else {
    // Header/query style names and V2 bare names: treat as a field of the root.
    out.tokens_.push_back({PathToken::Kind::root, "$"});
    size_t start = 0;
    while (i < text.size() && text[i] != '.' && text[i] != '[') ++i;
    out.tokens_.push_back({PathToken::Kind::field, std::string(text.substr(start, i - start))});
  }
  while (i < text.size()) {
    char c = text[i];
    if (c == '.') {
      ++i;
      if (i < text.size() && text[i] == '*') {
        out.tokens_.push_back({PathToken::Kind::star, "*"});
        ++i;
        continue;
      }
      size_t start = i;
      while (i < text.size() && identifier_char(text[i])) ++i;
      if (i == start) return fail("expected a name after '.'");
      out.tokens_.push_back({PathToken::Kind::field, std::string(text.substr(start, i - start))});
    } else if (c == '[') {
      ++i;
      if (i < text.size() && (text[i] == '\'' || text[i] == '"')) {
        char quote = text[i++];
        std::string name;
        while (i < text.size() && text[i] != quote) {
          if (text[i] == '\\' && i + 1 < text.size()) ++i;
          name += text[i++];
        }
        if (i >= text.size()) return fail("unterminated quoted name");
        ++i;
        out.tokens_.push_back({PathToken::Kind::field, name});
      } else if (i < text.size() && text[i] == '*') {
        ++i;
        out.tokens_.push_back({PathToken::Kind::star_index, "*"});
      } else {
        size_t start = i;
        while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) ++i;
        if (i == start) return fail("expected an index, '*' or a quoted name inside []");
        out.tokens_.push_back({PathToken::Kind::index, std::string(text.substr(start, i - start))});
      }
      if (i >= text.size() || text[i] != ']') return fail("expected ']'");
      ++i;
    } else {
      return fail(std::string("unexpected character '") + c + "'");
    }
  }
  return out;
}

size_t PathExpr::weight(const std::vector<std::string>& location) const {
  if (location.size() < tokens_.size()) return 0;
  size_t w = 1;
  for (size_t i = 0; i < tokens_.size(); ++i) {
    const PathToken& t = tokens_[i];
    const std::string& f = location[i];
    size_t tw = 0;
    switch (t.kind) {
      case PathToken::Kind::root: tw = f == "$" ? 2 : 0; break;
      case PathToken::Kind::field: tw = f == t.name ? 2 : 0; break;
      case PathToken::Kind::index: tw = all_digits(f) && std::stoull(f) == std::stoull(t.name) ? 2 : 0; break;
      case PathToken::Kind::star_index: tw = all_digits(f) ? 1 : 0; break;
      case PathToken::Kind::star: tw = 1; break;
    }
    w *= tw;
    if (w == 0) return 0;
  }
  return w;
}

PathExpr PathExpr::without_star_index() const {
  PathExpr out;
  out.text_ = text_;
  for (const PathToken& t : tokens_)
    if (t.kind != PathToken::Kind::star_index) out.tokens_.push_back(t);
  return out;
}

std::string render_location(const std::vector<std::string>& location) {
  std::string out;
  for (size_t i = 0; i < location.size(); ++i) {
    const std::string& f = location[i];
    if (i == 0) {
      out += f;
    } else if (all_digits(f)) {
      out += "[" + f + "]";
    } else {
      bool plain = !f.empty();
      for (char c : f)
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_' && c != '-') plain = false;
      out += plain ? "." + f : "['" + f + "']";
    }
  }
  return out;
}

}  // namespace accord::contracts::matching
