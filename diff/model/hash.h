// The one way diff's hash maps and content hashes fold values together.
#pragma once

#include <cstdint>

namespace accord::diff {

// Folds `value` into the hash `h` (boost's hash_combine, 64-bit).
constexpr uint64_t hash_mix(uint64_t h, uint64_t value) {
  return h ^ (value + 0x9e3779b97f4a7c15ull + (h << 6) + (h >> 2));
}

}  // namespace accord::diff
