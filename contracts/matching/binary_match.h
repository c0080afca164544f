// Bodies that are bytes: binary content and multipart messages. Differences
// are described by size, content type and a hex prefix (per MIME part), never
// by the raw bytes, so reports stay readable and valid UTF-8.
#pragma once

#include <string>
#include <string_view>

#include "contracts/matching/body_match.h"

namespace accord::contracts::matching {

// "1532 bytes of image/jpeg, starting ff d8 ff e0 00 10 4a 46"
std::string describe_bytes(std::string_view bytes, std::string_view content_type);

void match_binary(const std::string& expected, const std::string& actual, const std::string& content_type,
                  const BodyContext& ctx);
// `*_type` are full Content-Type values (with their boundary parameter).
void match_multipart(const std::string& expected, const std::string& expected_type, const std::string& actual,
                     const std::string& actual_type, const BodyContext& ctx);

}  // namespace accord::contracts::matching
