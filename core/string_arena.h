// Strings that live as long as their arena and never move, written end to
// end into blocks: the JSON Pointers of a schema graph's handles and
// schemas. A big specification makes tens of thousands of them, and as
// std::strings each was a heap allocation (and 32 bytes in its owner).
#pragma once

#include <cstddef>
#include <memory>
#include <string_view>
#include <vector>

namespace accord::core {

class StringArena {
 public:
  StringArena() = default;
  StringArena(const StringArena&) = delete;
  StringArena& operator=(const StringArena&) = delete;

  // A copy of `text` that lives as long as the arena.
  std::string_view keep(std::string_view text);
  // pointer_append (core/json_pointer.h), written into the arena.
  std::string_view append(std::string_view base, std::string_view token);
  std::string_view append(std::string_view base, size_t index);

 private:
  char* room(size_t size);

  std::vector<std::unique_ptr<char[]>> blocks_;
  char* next_ = nullptr;
  size_t left_ = 0;
};

}  // namespace accord::core
