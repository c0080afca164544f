// An open-addressing hash table from a packed 64-bit key to request totals:
// the aggregator's hot path. std::unordered_map allocated a node per key and
// divided by a prime on every lookup; here a lookup is one multiply, a mask
// and (nearly always) one cache line. Slots are 32 bytes, two to a cache line,
// because with tens of thousands of keys per batch the table outgrows the
// CPU caches and each lookup's cache miss is most of its cost.
#pragma once

#include <cstdint>
#include <vector>

namespace accord::registry {

struct RequestTotals {
  int64_t calls = 0;  // 0 marks a free slot: a stored key has been counted at least once
  int64_t first_seen = 0;
  int64_t last_seen = 0;
};

class FlatCounts {
 public:
  FlatCounts() { reset(kInitialCapacity); }

  // Counts one request of `key` at `time`.
  void add(uint64_t key, int64_t time) {
    for (size_t i = slot_of(key);; i = (i + 1) & mask_) {
      Slot& s = slots_[i];
      if (s.totals.calls != 0) {
        if (s.key != key) continue;
        if (time < s.totals.first_seen) s.totals.first_seen = time;
        if (time > s.totals.last_seen) s.totals.last_seen = time;
        ++s.totals.calls;
        return;
      }
      if ((size_ + 1) * 2 > slots_.size()) {  // keep probes short: at most half full
        grow();
        add(key, time);
        return;
      }
      s.key = key;
      s.totals = {1, time, time};
      ++size_;
      return;
    }
  }

  // Starts loading the slot of `key` into the cache, for an add() a little later.
  void prefetch(uint64_t key) const { __builtin_prefetch(&slots_[slot_of(key)]); }

  size_t size() const { return size_; }

  template <class Fn>  // fn(key, totals) for each counted key, in no particular order
  void for_each(Fn&& fn) const {
    for (const Slot& s : slots_)
      if (s.totals.calls != 0) fn(s.key, s.totals);
  }

  void clear() { reset(kInitialCapacity); }

 private:
  static constexpr size_t kInitialCapacity = 1 << 12;
  struct alignas(32) Slot {  // never across two cache lines
    uint64_t key = 0;
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
      if (s.totals.calls == 0) continue;
      size_t i = slot_of(s.key);
      while (slots_[i].totals.calls != 0) i = (i + 1) & mask_;
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
