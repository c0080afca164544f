#include "core/string_arena.h"

#include <charconv>
#include <cstring>

namespace accord::core {

namespace {
constexpr size_t kBlock = 32 * 1024;
}

char* StringArena::room(size_t size) {
  if (size > left_) {
    if (size > kBlock / 4) {  // a long one gets its own block; the current one stays in use
      blocks_.push_back(std::make_unique<char[]>(size));
      return blocks_.back().get();
    }
    blocks_.push_back(std::make_unique<char[]>(kBlock));
    next_ = blocks_.back().get();
    left_ = kBlock;
  }
  char* at = next_;
  next_ += size;
  left_ -= size;
  return at;
}

std::string_view StringArena::keep(std::string_view text) {
  if (text.empty()) return {};
  char* at = room(text.size());
  std::memcpy(at, text.data(), text.size());
  return {at, text.size()};
}

std::string_view StringArena::append(std::string_view base, std::string_view token) {
  size_t escapes = 0;
  for (char c : token) escapes += c == '~' || c == '/';
  size_t size = base.size() + 1 + token.size() + escapes;
  char* at = room(size);
  char* out = at;
  std::memcpy(out, base.data(), base.size());
  out += base.size();
  *out++ = '/';
  if (escapes == 0) {
    std::memcpy(out, token.data(), token.size());
  } else {
    for (char c : token) {  // RFC 6901: '~' is "~0", '/' is "~1"
      if (c == '~' || c == '/') {
        *out++ = '~';
        *out++ = c == '~' ? '0' : '1';
      } else {
        *out++ = c;
      }
    }
  }
  return {at, size};
}

std::string_view StringArena::append(std::string_view base, size_t index) {
  char digits[24];
  auto [end, ec] = std::to_chars(digits, digits + sizeof digits, index);
  (void)ec;  // 24 digits hold any size_t
  size_t count = static_cast<size_t>(end - digits);
  size_t size = base.size() + 1 + count;
  char* at = room(size);
  std::memcpy(at, base.data(), base.size());
  at[base.size()] = '/';
  std::memcpy(at + base.size() + 1, digits, count);
  return {at, size};
}

}  // namespace accord::core
