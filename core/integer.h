// A JSON/YAML number read as an int only when it is one: whole and within
// int's range. A status code or a field number of 7.7e58 is an error to
// report, not a value to wrap (casting it is undefined behaviour).
#pragma once

#include <cmath>
#include <limits>
#include <optional>

#include "core/node.h"

namespace accord::core {

inline std::optional<int> whole_int(const Node* node) {
  if (!node || !node->is_number()) return std::nullopt;
  double v = node->as_number();
  if (!(v >= std::numeric_limits<int>::min() && v <= std::numeric_limits<int>::max()) || v != std::floor(v))
    return std::nullopt;
  return static_cast<int>(v);
}

}  // namespace accord::core
