// Tag ranges (reserved and extension ranges) with inclusive ends, and the
// check that every previously covered number is still covered.
#pragma once

#include <string>
#include <vector>

namespace accord::diff::proto {

struct TagRange {
  int start = 0;
  int end = 0;  // inclusive
};

inline constexpr int kMessageMaxTag = 536870911;
inline constexpr int kMessageSetMaxTag = 2147483646;
inline constexpr int kEnumMaxValue = 2147483647;

// The parts of [start, end] that `ranges` do not cover, in order.
std::vector<TagRange> missing_parts(TagRange previous, std::vector<TagRange> ranges);

// "[5]", "[5,9]" or "[5,max]".
std::string range_text(TagRange r, int max_tag);
std::string ranges_text(const std::vector<TagRange>& rs, int max_tag);

}  // namespace accord::diff::proto
