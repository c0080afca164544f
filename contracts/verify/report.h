// Results of checking interactions against a live service, and their
// renderers (text, JSON, JUnit XML, Markdown). General enough for any
// "call it and compare" check: Pact verification and OpenAPI-driven tests.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "contracts/matching/mismatch.h"

namespace accord::contracts::verify {

// skipped: accord could not check it (reported, and failing the gate unless allowed).
enum class Outcome { pass, fail, pending_fail, skipped };

struct InteractionResult {
  std::string source;       // pact file (or spec) it came from
  std::string consumer;
  std::string provider;
  std::string description;
  std::string kind = "http";  // "http", "message", "synchronous message", "unsupported"
  std::vector<std::string> states;
  bool pending = false;
  std::vector<std::string> comments;  // from the contract, shown with the verdict
  std::string test_name;              // the consumer test that wrote the interaction
  Outcome outcome = Outcome::pass;
  matching::Mismatches mismatches;
  double duration_ms = 0;
};

struct Summary {
  size_t pass = 0, fail = 0, pending = 0, skipped = 0;
};
Summary summarise(const std::vector<InteractionResult>& results);

enum class ReportFormat { text, json, junit, markdown };
std::optional<ReportFormat> parse_report_format(std::string_view name);

struct ReportOptions {
  std::string title = "accord verify";
  std::vector<std::string> notes;  // e.g. "skipped 3 message interactions"
};

std::string render_report(const std::vector<InteractionResult>& results, ReportFormat format,
                          const ReportOptions& options = {});

// `text` with each byte that is not part of a valid UTF-8 sequence replaced by U+FFFD.
std::string valid_utf8(std::string_view text);

// Replaces every occurrence of each secret (header values given on the command
// line) in the results with "***" before anything is rendered.
void redact(std::vector<InteractionResult>& results, const std::vector<std::string>& secrets);
std::string redact_text(std::string text, const std::vector<std::string>& secrets);

}  // namespace accord::contracts::verify
