// Unmatched requests grouped by the route they look like
// (registry/spec/request_template.h). Ingest already counts them by route;
// rows written by earlier versions hold one request per id and are grouped
// here, so both read the same.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "registry/store/store.h"

namespace accord::registry {

struct UnmatchedGroup {
  std::string route;  // "GET /v1/carts/{}"
  int64_t calls = 0;
};

// Most calls first (then by route).
std::vector<UnmatchedGroup> group_unmatched(const std::vector<UnmatchedCount>& unmatched);

}  // namespace accord::registry
