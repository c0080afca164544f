// Objects that never move once made, allocated in blocks that double up to
// a cap: what std::deque gives, without its 512-byte blocks (a deque of
// 1.5 KB schemas made one allocation per schema; of 72-byte nodes, one per
// seven).
#pragma once

#include <algorithm>
#include <cstddef>
#include <memory>
#include <new>
#include <utility>
#include <vector>

namespace accord::core {

template <class T, size_t kMaxBlock = 64>
class StablePool {
 public:
  StablePool() = default;
  StablePool(const StablePool&) = delete;
  StablePool& operator=(const StablePool&) = delete;
  ~StablePool() {
    for (Block& b : blocks_) {
      std::destroy_n(b.items, b.used);
      std::allocator<T>().deallocate(b.items, b.capacity);
    }
  }

  template <class... Args>
  T& emplace_back(Args&&... args) {
    if (blocks_.empty() || blocks_.back().used == blocks_.back().capacity) {
      const size_t capacity = blocks_.empty() ? 4 : std::min(kMaxBlock, blocks_.back().capacity * 2);
      blocks_.push_back(Block{std::allocator<T>().allocate(capacity), 0, capacity});
    }
    Block& b = blocks_.back();
    T* made = ::new (static_cast<void*>(b.items + b.used)) T(std::forward<Args>(args)...);
    ++b.used;  // only once constructed: a throwing constructor leaves nothing to destroy
    ++size_;
    return *made;
  }

  size_t size() const { return size_; }

 private:
  struct Block {
    T* items;
    size_t used;
    size_t capacity;
  };
  std::vector<Block> blocks_;
  size_t size_ = 0;
};

}  // namespace accord::core
