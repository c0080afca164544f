#include "core/json_pointer.h"

namespace accord::core {

std::string pointer_escape(std::string_view token) {
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
  std::string out(base);
  out += '/';
  out += pointer_escape(token);
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
  std::vector<std::string> tokens;
  if (!pointer_split(pointer, tokens)) return nullptr;
  const Node* cur = root;
  for (const std::string& t : tokens) {
    if (!cur) return nullptr;
    if (cur->is_object()) {
      cur = cur->get(t);
    } else if (cur->is_array()) {
      if (t.empty() || t.size() > 9 || t.find_first_not_of("0123456789") != std::string::npos) return nullptr;
      cur = cur->at(std::stoul(t));
    } else {
      return nullptr;
    }
  }
  return cur;
}

}  // namespace accord::core
