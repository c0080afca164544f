// `accord plan`: joins the breaking changes between two versions of a spec
// with recorded usage and turns each into an expand/contract plan: what to
// keep beside the old interface, how to announce the removal (Deprecation /
// Sunset headers, `deprecated: true`), who must migrate, and from when
// removal is safe.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "diff/model/finding.h"
#include "registry/report/report.h"
#include "registry/spec/spec_operations.h"
#include "registry/store/store.h"

namespace accord::registry {

struct AffectedConsumer {
  std::string id;
  int64_t calls = 0;      // in the window
  int64_t last_seen = 0;  // Unix seconds
  bool from_pact = false; // named by a pact that reads the affected operation or field
};

struct PlanStep {
  diff::Finding finding;
  std::vector<std::string> operations;  // labels of the affected operations
  std::string field;                    // a removed/changed property, when the change is about one
  std::string successor;                // likely replacement ("GET /users/{id}/details", "display_name")
  std::vector<AffectedConsumer> consumers;
  bool unknown_callers = false;  // calls in the window that named no consumer
  int64_t last_call = 0;         // latest call to the affected operations, all time (Unix seconds, 0 = never)
  int64_t safe_from_day = 0;     // earliest day removal is safe if nobody calls again
  bool active() const { return !consumers.empty() || unknown_callers; }
};

struct Plan {
  std::string old_spec;
  std::string new_spec;
  int64_t today = 0;  // day number
  int64_t window_days = 30;
  int64_t quiet_days = 30;
  std::vector<PlanStep> steps;
  bool has_active_consumers() const;
};

struct PlanInputs {
  const SpecOperations* old_spec = nullptr;
  const SpecOperations* new_spec = nullptr;
  std::vector<diff::Finding> findings;  // every finding of the diff (additions help find successors)
  const UsageSnapshot* usage = nullptr; // all time (the window is applied here)
  int64_t today = 0;
  int64_t window_days = 30;
  int64_t quiet_days = 30;
};

// Which findings the plan covers: breaking ones (error/warning) and every removal.
bool plan_covers(const diff::Finding& finding);
Plan build_plan(const PlanInputs& inputs);

std::string render_plan_text(const Plan& plan);
std::string render_plan_json(const Plan& plan);

// Similarity of two names in [0, 1] (1 - edit distance / longer length).
double name_similarity(std::string_view a, std::string_view b);

}  // namespace accord::registry
