#include "core/json_pointer.h"

namespace accord::core {

namespace {
// find_first_of with a set calls memchr once per character of the text;
// two finds are two memchr calls over it.
bool has_either(std::string_view text, char a, char b) {
  return text.find(a) != std::string_view::npos || text.find(b) != std::string_view::npos;
}
}  // namespace

std::string pointer_escape(std::string_view token) {
  if (!has_either(token, '~', '/')) return std::string(token);
  std::string out;
  out.reserve(token.size());
  for (char c : token) {
    if (c == '~') out += "~0";
    else if (c == '/') out += "~1";
    else out += c;
  }
  return out;
}

std::string pointer_append(std::string_view base, std::string_view token) {
  std::string out;
  out.reserve(base.size() + 1 + token.size());
  out += base;
  out += '/';
  if (!has_either(token, '~', '/')) out += token;
  else out += pointer_escape(token);
  return out;
}

std::string pointer_append(std::string_view base, size_t index) {
  std::string out(base);
  out += '/';
  out += std::to_string(index);
  return out;
}

namespace {
int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}
}  // namespace

namespace {
// One token of a pointer: a member of an object or an index into an array.
const Node* step(const Node* cur, std::string_view t) {
  if (!cur) return nullptr;
  if (cur->is_object()) return cur->get(t);
  if (cur->is_array()) {
    if (t.empty() || t.size() > 9 || t.find_first_not_of("0123456789") != std::string_view::npos) return nullptr;
    return cur->at(std::stoul(std::string(t)));
  }
  return nullptr;
}
}  // namespace

bool pointer_split(std::string_view pointer, std::vector<std::string>& tokens) {
  tokens.clear();
  bool fragment = false;
  if (!pointer.empty() && pointer[0] == '#') {
    fragment = true;
    pointer.remove_prefix(1);
  }
  if (pointer.empty()) return true;
  if (pointer[0] != '/') return false;
  std::string token;
  for (size_t i = 1; i <= pointer.size(); ++i) {
    if (i == pointer.size() || pointer[i] == '/') {
      tokens.push_back(std::move(token));
      token.clear();
      continue;
    }
    char c = pointer[i];
    if (c == '~') {
      if (i + 1 >= pointer.size()) return false;
      char n = pointer[++i];
      if (n == '0') token += '~';
      else if (n == '1') token += '/';
      else return false;
    } else if (fragment && c == '%' && i + 2 < pointer.size() + 0 && hex_value(pointer[i + 1]) >= 0 &&
               hex_value(pointer[i + 2]) >= 0) {
      token += static_cast<char>(hex_value(pointer[i + 1]) * 16 + hex_value(pointer[i + 2]));
      i += 2;
    } else {
      token += c;
    }
  }
  return true;
}

const Node* pointer_resolve(const Node* root, std::string_view pointer) {
  // Most pointers have no escapes: walk their tokens in place.
  std::string_view body = !pointer.empty() && pointer[0] == '#' ? pointer.substr(1) : pointer;
  if (!has_either(body, '~', '%')) {
    if (body.empty()) return root;
    if (body[0] != '/') return nullptr;
    const Node* cur = root;
    size_t start = 1;
    while (true) {
      size_t slash = body.find('/', start);
      std::string_view t = body.substr(start, slash == std::string_view::npos ? std::string_view::npos : slash - start);
      if (!(cur = step(cur, t))) return nullptr;
      if (slash == std::string_view::npos) return cur;
      start = slash + 1;
    }
  }
  std::vector<std::string> tokens;
  if (!pointer_split(pointer, tokens)) return nullptr;
  const Node* cur = root;
  for (const std::string& t : tokens)
    if (!(cur = step(cur, t))) return nullptr;
  return cur;
}

}  // namespace accord::core
