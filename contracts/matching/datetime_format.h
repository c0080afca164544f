// Date/time validation against the Java-style patterns Pact uses
// ("yyyy-MM-dd", "HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.SSSXXX"); an empty
// pattern means ISO 8601.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace accord::contracts::matching {

enum class TemporalKind { date, time, datetime };

// nullopt when `value` fits; otherwise why not.
std::optional<std::string> check_temporal(std::string_view value, std::string_view pattern, TemporalKind kind);

// Formats "now + offset" with a Java-style pattern (for generators).
std::string format_temporal(std::string_view pattern, TemporalKind kind, long long offset_seconds = 0);

}  // namespace accord::contracts::matching
