// Body comparison by content type (JSON, XML, form-urlencoded, text, binary).
#pragma once

#include <string>

#include "contracts/matching/mismatch.h"
#include "contracts/matching/rules.h"
#include "contracts/pact/model.h"

namespace accord::contracts::matching {

struct BodyContext {
  const RuleCategory* rules = nullptr;
  bool allow_unexpected_keys = true;  // responses/messages: yes; requests: no
  std::string label = "body";         // "body" or "contents", used in paths
  Mismatches* out = nullptr;

  void add(const std::vector<std::string>& location, std::string expected, std::string actual,
           std::string message) const;
};

// Compares two bodies; `expected_headers`/`actual_headers` give the content types.
void match_body(pact::Body& expected, const http::HeaderList& expected_headers, pact::Body& actual,
                const http::HeaderList& actual_headers, const BodyContext& ctx);

void match_json(const core::Node* expected, const core::Node* actual, const BodyContext& ctx);
void match_xml(const std::string& expected, const std::string& actual, const BodyContext& ctx);

// The content type of raw bytes from their first bytes ("application/pdf", "image/png", ...).
std::string detect_content_type(std::string_view bytes);

}  // namespace accord::contracts::matching
