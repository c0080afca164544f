// Test helper: writes a loaded tree back out, as JSON (optionally with every
// object's keys in reverse order) or as YAML, to check that format and key
// order never change what accord reports.
#pragma once

#include <string>

#include "core/node.h"

namespace accord::test {

std::string write_json(const core::Node& node, bool reverse_keys);
std::string write_yaml(const core::Node& node);

// JSON with local `$ref`s written inline: each object that is only
// `{"$ref": "#/..."}` whose target `inline_target(pointer)` accepts is replaced
// by a copy of the target (refs inside it are inlined in turn), except where
// the target is already being inlined (a recursive schema keeps its $ref).
// At most `budget` refs are inlined, so densely linked documents stay small.
// `inlined` (if given) receives how many were.
std::string write_json_inlined(const core::Node& root, bool (*inline_target)(std::string_view pointer),
                               size_t budget, size_t* inlined = nullptr);

}  // namespace accord::test
