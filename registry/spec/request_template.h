// The route a logged request looks like, for requests no operation of the
// spec matched: a gateway log of a route the spec lacks holds one line per id
// ("GET /v1/carts/8812"); counted by route ("GET /v1/carts/{}") they stay few
// and name what is missing from the spec.
#pragma once

#include <string>
#include <string_view>

namespace accord::registry {

// A path segment that reads as an identifier rather than a route word: a
// number, a UUID, a hex string of 8 or more with a digit, or a token of 16+
// characters with a digit.
bool looks_like_identifier(std::string_view segment);

// Appends `path` (query and fragment cut) to `out` with identifier segments as "{}".
void append_route_template(std::string& out, std::string_view path);

// "GET /v1/carts/8812?x=1" -> "GET /v1/carts/{}".
std::string request_template(std::string_view request);

}  // namespace accord::registry
