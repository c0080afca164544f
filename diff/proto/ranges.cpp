#include "diff/proto/ranges.h"

#include <algorithm>

namespace accord::diff::proto {

std::vector<TagRange> missing_parts(TagRange previous, std::vector<TagRange> ranges) {
  std::sort(ranges.begin(), ranges.end(),
            [](TagRange a, TagRange b) { return a.start != b.start ? a.start < b.start : a.end < b.end; });
  std::vector<TagRange> missing;
  long long next = previous.start;  // first number not yet known to be covered
  for (TagRange r : ranges) {
    if (next > previous.end) break;
    if (r.end < next) continue;
    if (r.start > previous.end) break;
    if (r.start > next) missing.push_back({static_cast<int>(next), r.start - 1});
    next = static_cast<long long>(r.end) + 1;
  }
  if (next <= previous.end) missing.push_back({static_cast<int>(next), previous.end});
  return missing;
}

std::string range_text(TagRange r, int max_tag) {
  std::string out(1, '[');
  out += std::to_string(r.start);
  if (r.start != r.end) {
    out += ',';
    out += r.end == max_tag ? std::string("max") : std::to_string(r.end);
  }
  out += ']';
  return out;
}

std::string ranges_text(const std::vector<TagRange>& rs, int max_tag) {
  std::string out;
  for (const TagRange& r : rs) {
    if (!out.empty()) out += ", ";
    out += range_text(r, max_tag);
  }
  return out;
}

}  // namespace accord::diff::proto
