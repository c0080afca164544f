// OpenAPI (Swagger 2.0, OpenAPI 3.0, 3.1) comparison.
#pragma once

#include <vector>

#include "core/clock.h"
#include "core/expected.h"
#include "core/refs.h"
#include "diff/model/finding.h"

namespace accord::diff {

// Compares two root documents; `$ref`s resolve through each side's set.
// Returns raw findings (the engine finalizes them).
core::Expected<std::vector<Finding>> compare_openapi(core::DocumentSet& old_set, const core::Document& old_doc,
                                                     core::DocumentSet& new_set, const core::Document& new_doc,
                                                     const core::Clock& clock, int min_deprecation_days = 0);

}  // namespace accord::diff
