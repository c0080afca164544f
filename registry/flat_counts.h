// An open-addressing hash table from a packed 64-bit key to request totals:
// the aggregator's hot path. std::unordered_map allocated a node per key and
// divided by a prime on every lookup; here a lookup is one multiply, a mask
// and (nearly always) one cache line.
#pragma once

#include <cstdint>
#include <vector>

namespace accord::registry {

struct RequestTotals {
  int64_t calls = 0;
  int64_t first_seen = 0;
  int64_t last_seen = 0;
};

class FlatCounts {
 public:
  FlatCounts() { reset(kInitialCapacity); }

  // The totals of `key`, inserted with calls = 0 when new (the caller counts).
  RequestTotals& at(uint64_t key) {
    for (size_t i = slot_of(key);; i = (i + 1) & mask_) {
      Slot& s = slots_[i];
      if (s.claimed) {
        if (s.key == key) return s.totals;
        continue;
      }
      if ((size_ + 1) * 2 > slots_.size()) {  // keep probes short: at most half full
        grow();
        return at(key);
      }
      s.claimed = true;
      s.key = key;
      ++size_;
      return s.totals;
    }
  }

  size_t size() const { return size_; }

  template <class Fn>  // fn(key, totals) for each counted key, in no particular order
  void for_each(Fn&& fn) const {
    for (const Slot& s : slots_)
      if (s.claimed) fn(s.key, s.totals);
  }

  void clear() { reset(kInitialCapacity); }

 private:
  static constexpr size_t kInitialCapacity = 1 << 12;
  struct Slot {
    uint64_t key = 0;
    bool claimed = false;
    RequestTotals totals;
  };

  size_t slot_of(uint64_t key) const {
    // Fibonacci hashing: the packed fields sit in different bit ranges, the multiply mixes them all into the top bits.
    return static_cast<size_t>((key * 0x9e3779b97f4a7c15ull) >> shift_);
  }
  void reset(size_t capacity) {
    slots_.assign(capacity, Slot{});
    mask_ = capacity - 1;
    shift_ = 64;
    for (size_t c = capacity; c > 1; c >>= 1) --shift_;
    size_ = 0;
  }
  void grow() {
    std::vector<Slot> old = std::move(slots_);
    reset(old.size() * 2);
    for (const Slot& s : old) {
      if (!s.claimed) continue;
      size_t i = slot_of(s.key);
      while (slots_[i].claimed) i = (i + 1) & mask_;
      slots_[i] = s;
      ++size_;
    }
  }

  std::vector<Slot> slots_;
  size_t mask_ = 0;
  int shift_ = 64;
  size_t size_ = 0;
};

}  // namespace accord::registry
