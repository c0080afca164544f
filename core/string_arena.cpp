#include "core/string_arena.h"

#include <charconv>
#include <cstring>

namespace accord::core {

namespace {
constexpr size_t kBlock = 32 * 1024;

// memcpy of an empty view: its data() may be null, which memcpy must not get.
char* put(char* to, std::string_view text) {
  if (!text.empty()) std::memcpy(to, text.data(), text.size());
  return to + text.size();
}
}  // namespace

char* StringArena::room(size_t size) {
  if (size > left_) {
    if (size > kBlock / 4) {  // a long one gets its own block; the current one stays in use
      blocks_.push_back(std::make_unique_for_overwrite<char[]>(size));
      return blocks_.back().get();
    }
    blocks_.push_back(std::make_unique_for_overwrite<char[]>(kBlock));
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
  put(at, text);
  return {at, text.size()};
}

std::string_view StringArena::append(std::string_view base, std::string_view token) {
  size_t escapes = 0;
  for (char c : token) escapes += c == '~' || c == '/';
  size_t size = base.size() + 1 + token.size() + escapes;
  char* at = room(size);
  char* out = put(at, base);
  *out++ = '/';
  if (escapes == 0) {
    put(out, token);
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
  char* out = put(at, base);
  *out++ = '/';
  put(out, {digits, count});
  return {at, size};
}

}  // namespace accord::core
