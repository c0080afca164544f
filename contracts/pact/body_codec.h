// Bodies and their content types: reading them from pacts (V1-V3 raw values,
// V4 {content, contentType, encoded}), serialising JSON, sniffing types.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "contracts/pact/model.h"
#include "core/expected.h"

namespace accord::contracts::pact {

core::Status parse_body(const core::Node* part, std::string_view key, SpecVersion version,
                        const http::HeaderList& headers, Body& out);

std::vector<std::pair<std::string, std::vector<std::string>>> parse_query_string(std::string_view raw);

// Compact JSON text of a node (numbers keep their lexeme).
std::string to_json_text(const core::Node* node);
void append_json_text(const core::Node* node, std::string& out);

// Media type without parameters, lower case ("application/json").
std::string media_type(std::string_view content_type);
enum class BodyKind { json, xml, text, form, binary };
BodyKind body_kind(std::string_view media);
// The content type of a body: header, declared, or sniffed from the content.
std::string effective_content_type(const Body& body, const http::HeaderList& headers);

// The body as a JSON node; parses `text` on demand (kept alive in `body.owner`).
core::Expected<const core::Node*> json_of(Body& body);

std::string base64_decode(std::string_view in);
std::string base64_encode(std::string_view in);

}  // namespace accord::contracts::pact
