// How operations are identified across versions and across modules (diff,
// usage registry, planner): method + path template, parameter names ignored.
#pragma once

#include <string>
#include <string_view>

namespace accord::diff {

// "/users/{userId}/posts/{id}" -> "/users/{}/posts/{}"
std::string normalize_path_template(std::string_view path);
// ("get", "/users/{id}") -> "GET /users/{id}" (the display form used in findings)
std::string operation_label(std::string_view method, std::string_view path);

}  // namespace accord::diff
