// Results of `accord test` and their renderers. The shapes follow `accord
// verify`'s report (same JSON keys, same text/JUnit/Markdown layout) with one
// more verdict: an operation that could not be called is "skipped" with why.
#pragma once

#include <string>
#include <vector>

#include "contracts/matching/mismatch.h"
#include "contracts/verify/report.h"

namespace accord::contracts::spec_test {

enum class Verdict { pass, fail, skipped };

struct OperationResult {
  std::string label;  // "GET /pets/{id}", with " (example 'rex')" for a named example
  Verdict verdict = Verdict::pass;
  std::string skip_reason;
  int received_status = 0;            // the status the service answered (0: no answer)
  std::vector<std::string> warnings;  // accepted, but worth a look (e.g. an error only `default` covers)
  matching::Mismatches mismatches;
  double duration_ms = 0;
};

struct TestRun {
  std::string spec;      // the document's path
  std::string title;     // info.title (the "consumer" column)
  std::string base_url;  // the provider
  std::vector<OperationResult> operations;  // one per request: an operation with named examples has several
  size_t operation_count = 0;               // operations tested
};

struct TestSummary {
  size_t pass = 0, fail = 0, skipped = 0;
};
TestSummary summarise(const TestRun& run);

// Replaces every secret (header values from the command line) in the run.
void redact(TestRun& run, const std::vector<std::string>& secrets);

std::string render(const TestRun& run, verify::ReportFormat format);

}  // namespace accord::contracts::spec_test
