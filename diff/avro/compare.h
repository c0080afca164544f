// Avro (.avsc) comparison with schema-registry compatibility modes.
#pragma once

#include <vector>

#include "core/expected.h"
#include "diff/engine.h"
#include "diff/model/finding.h"

namespace accord::diff {

// OLD and NEW, plus any earlier versions (options.earlier_versions, oldest
// first) that a transitive mode checks NEW against too.
core::Expected<std::vector<Finding>> compare_avro(const ContractInput& old_input, const ContractInput& new_input,
                                                  const CompareOptions& options);

bool is_avro_input(const ContractInput& input);

}  // namespace accord::diff
