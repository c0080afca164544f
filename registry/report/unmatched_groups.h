// Unmatched requests grouped by the path template they look like: a gateway
// log of a route the spec lacks holds one line per id ("GET /v1/carts/8812"),
// and the person reading the report needs the route ("GET /v1/carts/{}"),
// once, with its total.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "registry/store/store.h"

namespace accord::registry {

struct UnmatchedGroup {
  std::string request_template;  // "GET /v1/carts/{}"
  int64_t calls = 0;
  int64_t distinct = 0;   // distinct requests in the group
  std::string example;    // the most called of them
};

// A path segment that reads as an identifier rather than a route word: a
// number, a UUID, a hex string of 8 or more, or a token of 16+ characters
// that mixes letters and digits.
bool looks_like_identifier(std::string_view segment);

// "GET /v1/carts/8812?x=1" -> "GET /v1/carts/{}".
std::string request_template(std::string_view request);

// Groups by template, most calls first (then by template).
std::vector<UnmatchedGroup> group_unmatched(const std::vector<UnmatchedCount>& unmatched);

}  // namespace accord::registry
