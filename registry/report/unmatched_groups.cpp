#include "registry/report/unmatched_groups.h"

#include <algorithm>
#include <map>

#include "registry/spec/request_template.h"

namespace accord::registry {

std::vector<UnmatchedGroup> group_unmatched(const std::vector<UnmatchedCount>& unmatched) {
  std::map<std::string, int64_t> calls;
  for (const UnmatchedCount& u : unmatched) calls[request_template(u.request)] += u.calls;
  std::vector<UnmatchedGroup> out;
  for (auto& [route, n] : calls) out.push_back({route, n});
  std::sort(out.begin(), out.end(), [](const UnmatchedGroup& a, const UnmatchedGroup& b) {
    return a.calls != b.calls ? a.calls > b.calls : a.route < b.route;
  });
  return out;
}

}  // namespace accord::registry
