// Reading pact files of every spec version into the shared model.
#pragma once

#include <string>
#include <vector>

#include "contracts/pact/model.h"
#include "core/expected.h"

namespace accord::contracts::pact {

// One pact file. Errors name file:line:col.
core::Expected<Pact> load_pact(const std::string& path);
// The same from text already in memory (`path` names it in messages).
core::Expected<Pact> load_pact_text(const std::string& path, std::string text);
// A larger pact is refused: replaying it would take days and its model alone gigabytes.
inline constexpr size_t kMaxInteractions = 1'000'000;
// A file, or every *.json file of a directory (sorted), for each argument.
core::Expected<std::vector<Pact>> load_pacts(const std::vector<std::string>& paths);

// Parts, as they appear in pacts and in the specification's test cases.
core::Expected<RequestSpec> parse_request(const core::Node* node, SpecVersion version);
core::Expected<ResponseSpec> parse_response(const core::Node* node, SpecVersion version);
core::Expected<MessageSpec> parse_message(const core::Node* node, SpecVersion version);
// The `matchingRules` of a request, response or message part.
core::Status parse_rules(const core::Node* part, SpecVersion version, matching::MatchingRules& rules);
// A V3 message or a V4 Asynchronous/Synchronous message: its message(s) into `in`.
core::Status load_message_parts(const core::Node* node, SpecVersion version, Interaction& in);

SpecVersion parse_spec_version(std::string_view text);

}  // namespace accord::contracts::pact
