// How a check of pacts against a spec (OpenAPI or AsyncAPI) reports a schema
// failure: where in the pact, and the spec pointer of the keyword it breaks.
#pragma once

#include <string>
#include <vector>

#include "contracts/matching/mismatch.h"
#include "core/expected.h"
#include "core/schema_validate.h"

namespace accord::contracts::spec_test {

inline std::string at_spec(const std::string& pointer) { return " (spec #" + pointer + ")"; }

inline void add_schema_errors(matching::Mismatches& out, const std::string& where,
                              const core::Expected<std::vector<core::ValidationError>>& errors) {
  if (!errors) {
    out.push_back({where, "", "", "cannot validate: " + errors.error().render()});
    return;
  }
  for (const auto& e : *errors)
    out.push_back({where + e.instance_pointer, "schema #" + e.schema_pointer, "", e.message + at_spec(e.schema_pointer)});
}

}  // namespace accord::contracts::spec_test
