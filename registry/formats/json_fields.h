// Shared by the JSON log formats: scalar members of a JSON object as named
// fields, and JSON time values.
#pragma once

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/node.h"

namespace accord::registry {

// Adds every scalar under `node` as ("a.b.c", text). Nested key names are
// kept alive in `keys`.
void flatten_json_fields(const core::Node* node, const std::string& prefix, std::deque<std::string>& keys,
                         std::vector<std::pair<std::string_view, std::string_view>>& fields);

// Epoch seconds / milliseconds / micro / nanoseconds (by magnitude), ISO 8601
// or a CLF time -> Unix seconds.
bool parse_json_time(std::string_view text, int64_t& out);

}  // namespace accord::registry
