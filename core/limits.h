// The hard limits on untrusted input, in one place so messages and tests
// agree. Each one turns a hostile or runaway input into a clear error (exit
// 2, file:line:col where there is one) instead of a crash, a hang or an
// unbounded allocation.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace accord::core {

inline constexpr int kMaxNestingDepth = 512;                    // JSON and YAML containers
inline constexpr uint64_t kMaxAliasExpandedNodes = 1'000'000;   // nodes repeated through YAML aliases
inline constexpr int kMaxRefChain = 1000;                       // $ref -> $ref -> ... hops
inline constexpr uint64_t kDefaultMaxInputBytes = 256ull << 20; // one input file

// The input-file limit: ACCORD_MAX_INPUT_SIZE ("256M", "1G", "1048576") or
// the default. A malformed value falls back to the default.
uint64_t max_input_bytes();

// "1048576", "512K", "64M", "1G" (binary units, optional "iB"/"B"); nullopt
// when malformed or zero.
std::optional<uint64_t> parse_byte_size(std::string_view text);
// 64 MiB, 512 KiB, 1000 bytes: for messages.
std::string describe_byte_size(uint64_t bytes);

}  // namespace accord::core
