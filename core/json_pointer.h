// JSON Pointer (RFC 6901): building, escaping and resolving.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/node.h"

namespace accord::core {

// "a/b~c" -> "a~1b~0c"
std::string pointer_escape(std::string_view token);
// "/paths" + "/users/{id}" -> "/paths/~1users~1{id}"
std::string pointer_append(std::string_view base, std::string_view token);
std::string pointer_append(std::string_view base, size_t index);
// "/a/b~1c" -> {"a", "b/c"}; a leading '#' (URI fragment form) is allowed and
// percent-escapes in that form are decoded. Returns false on a malformed pointer.
bool pointer_split(std::string_view pointer, std::vector<std::string>& tokens);
// nullptr when the pointer does not lead to a node.
const Node* pointer_resolve(const Node* root, std::string_view pointer);

}  // namespace accord::core
