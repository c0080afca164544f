// Compatibility mode, named as schema registries name it. It decides which
// way a schema change is judged: backward = every instance valid under OLD
// stays valid under NEW (readers upgraded first: config files, request
// payloads; the schema comparator's input direction), forward = every
// instance valid under NEW was valid under OLD (writers upgraded first; the
// output direction), full = both.
#pragma once

#include <optional>
#include <string_view>

#include "diff/format/format.h"

namespace accord::diff {

inline std::optional<SchemaMode> parse_schema_mode(std::string_view name) {
  if (name == "backward") return SchemaMode::backward;
  if (name == "forward") return SchemaMode::forward;
  if (name == "full") return SchemaMode::full;
  return std::nullopt;
}

inline std::string_view schema_mode_name(SchemaMode m) {
  return m == SchemaMode::backward ? "backward" : m == SchemaMode::forward ? "forward" : "full";
}

}  // namespace accord::diff
