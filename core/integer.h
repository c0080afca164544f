// A JSON/YAML number read as an int only when it is one: whole and within
// int's range. A status code or a field number of 7.7e58 is an error to
// report, not a value to wrap (casting it is undefined behaviour).
#pragma once

#include <cmath>
#include <limits>
#include <optional>

#include "core/node.h"

namespace accord::core {

// A number read as the integer type T only when it is whole and in T's range
// (a size of -1 or 1e300 is not a size_t: the cast would be undefined).
template <class T>
std::optional<T> whole_number(const Node* node) {
  if (!node || !node->is_number()) return std::nullopt;
  const double v = node->as_number();
  const double past_max = std::ldexp(1.0, std::numeric_limits<T>::digits);  // 2^digits, exact in a double
  const double min = std::numeric_limits<T>::is_signed ? -past_max : 0.0;
  if (!(v >= min && v < past_max) || v != std::floor(v)) return std::nullopt;
  return static_cast<T>(v);
}

inline std::optional<int> whole_int(const Node* node) { return whole_number<int>(node); }

}  // namespace accord::core
