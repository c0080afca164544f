// `accord plan`: joins the breaking changes between two versions of a spec
// with recorded usage and turns each into an expand/contract plan: what to
// keep beside the old interface, how to announce the removal (Deprecation /
// Sunset headers, `deprecated: true`), who must migrate, and from when
// removal is safe. A step is `safe` only with evidence: every day of the span
// covered by logs, no caller in it, no unidentified caller, no pact using it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "diff/model/finding.h"
#include "registry/report/report.h"
#include "registry/spec/spec_operations.h"
#include "registry/store/store.h"

namespace accord::registry {

struct AffectedConsumer {
  std::string id;
  int64_t calls = 0;      // in the span
  int64_t last_seen = 0;  // Unix seconds
  bool from_pact = false; // named by a pact that reads the affected operation or field
};

// A pact field that a change affects: who reads (or sends) it, and where that is written.
struct PactRead {
  std::string consumer;
  std::string field;   // as the pact records it ("$.items[*].display_name", "request:$.email")
  std::string source;  // pact file
  std::string consumer_version;
  std::string interaction;  // description of the interaction that reads or sends it
};

struct PlanStep {
  diff::Finding finding;
  std::vector<std::string> operations;  // labels of the affected operations
  std::string field;                    // a removed/changed property, when the change is about one
  std::string successor;                // likely replacement ("GET /users/{id}/details", "display_name")
  std::vector<AffectedConsumer> consumers;
  std::vector<PactRead> pact_reads;
  bool unknown_callers = false;  // calls in the span that named no consumer
  int64_t last_call = 0;         // latest call to the affected operations, all time (Unix seconds, 0 = never)
  int64_t safe_from_day = 0;     // earliest day removal is safe if nobody calls again
  Verdict verdict = Verdict::unknown;
  std::string reason;            // why the verdict: who blocks, or what evidence is missing
  bool deprecated = false;       // every affected operation is already `deprecated: true` in the old spec
  int64_t announced_sunset = 0;  // the latest `x-sunset` of the affected operations (day, 0 = none)
  int64_t sunset_day = 0;        // proposed Sunset: never before the announced one nor the minimum notice
  bool active() const { return !consumers.empty() || unknown_callers; }
};

// What the verdicts relied on: the span that must be covered by logs of this API.
struct PlanEvidence {
  std::string api;         // whose rows and days were read
  std::string other_apis;  // other_apis_note(): what the registry holds instead, when this API has nothing
  int64_t first_day = 0;  // inclusive
  int64_t last_day = 0;
  bool declared = false;  // first_day comes from --coverage-from
  int64_t days_with_data = 0;
  std::vector<int64_t> missing_days;
  int64_t requests = 0;   // logged requests in the span, matched or not
  size_t pact_consumers = 0;
  int64_t days() const { return last_day - first_day + 1; }
};

struct Plan {
  std::string old_spec;
  std::string new_spec;
  int64_t today = 0;  // day number
  int64_t window_days = 30;
  int64_t quiet_days = 30;
  int64_t deprecation_days = 90;
  PlanEvidence evidence;
  std::vector<PlanStep> steps;
  bool has_active_consumers() const;
  size_t count(Verdict v) const;
};

struct PlanInputs {
  const SpecOperations* old_spec = nullptr;
  const SpecOperations* new_spec = nullptr;
  std::vector<diff::Finding> findings;  // every finding of the diff (additions help find successors)
  const UsageSnapshot* usage = nullptr; // all time (the span is applied here)
  int64_t today = 0;
  int64_t window_days = 30;
  int64_t quiet_days = 30;
  int64_t deprecation_days = 90;        // accord.yaml `deprecation-days`: the shortest notice a Sunset gives
  std::optional<int64_t> coverage_from; // --coverage-from: logs exist from this day only, by the user's word
};

// Which findings the plan covers: breaking ones (error/warning) and every removal.
bool plan_covers(const diff::Finding& finding);
Plan build_plan(const PlanInputs& inputs);

std::string render_plan_text(const Plan& plan);
std::string render_plan_json(const Plan& plan);

// Similarity of two names in [0, 1] (1 - edit distance / longer length).
double name_similarity(std::string_view a, std::string_view b);

}  // namespace accord::registry
