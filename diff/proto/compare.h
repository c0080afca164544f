// Protobuf comparison through the descriptor API (buf-compatible rules).
#pragma once

#include <vector>

#include "core/expected.h"
#include "diff/engine.h"
#include "diff/model/finding.h"

namespace accord::diff {

core::Expected<std::vector<Finding>> compare_proto(const ContractInput& old_input, const ContractInput& new_input,
                                                   const CompareOptions& options);

}  // namespace accord::diff
