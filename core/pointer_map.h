// A map from pointers to pointers, open-addressed: one probe of a flat
// array per lookup. The schema graph's node -> schema map is asked tens of
// thousands of times on a large specification, and std::unordered_map's
// bucket-then-node walk missed the cache twice per question.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace accord::core {

template <class Key, class Value>
class PointerMap {
 public:
  // The value for `key`, or nullptr.
  Value* find(const Key* key) const {
    if (slots_.empty()) return nullptr;
    for (size_t i = slot_of(key);; i = (i + 1) & mask()) {
      if (slots_[i].key == key) return slots_[i].value;
      if (!slots_[i].key) return nullptr;
    }
  }
  // Sets `key` to `value` unless it has one already (as emplace does).
  void emplace(const Key* key, Value* value) {
    if ((size_ + 1) * 2 > slots_.size()) grow();
    for (size_t i = slot_of(key);; i = (i + 1) & mask()) {
      if (slots_[i].key == key) return;
      if (!slots_[i].key) {
        slots_[i] = {key, value};
        ++size_;
        return;
      }
    }
  }
  size_t size() const { return size_; }

 private:
  struct Slot {
    const Key* key = nullptr;
    Value* value = nullptr;
  };
  size_t mask() const { return slots_.size() - 1; }
  size_t slot_of(const Key* key) const {
    // Fibonacci hashing of the address (its low bits are alignment).
    return static_cast<size_t>((reinterpret_cast<uintptr_t>(key) * 0x9e3779b97f4a7c15ull) >> 20) & mask();
  }
  void grow() {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(old.empty() ? 64 : old.size() * 2, Slot{});
    size_ = 0;
    for (const Slot& s : old)
      if (s.key) emplace(s.key, s.value);
  }

  std::vector<Slot> slots_;
  size_t size_ = 0;
};

}  // namespace accord::core
