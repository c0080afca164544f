// `accord verify PACTS --openapi SPEC`: checks what each consumer expects
// against what the provider's OpenAPI document promises, without calling
// anything (bi-directional contract testing).
//
// For every HTTP interaction: the request must fit an operation (method and
// path template, required parameters present and valid, body valid against
// the request schema); the expected response must be a declared status and
// content type, its example body valid against the response schema, and
// every field and header the consumer expects declared by the spec (an
// undeclared one is no promise of the provider). Message interactions are
// reported as skipped: they are checked against AsyncAPI (pact_vs_asyncapi.h).
#pragma once

#include <vector>

#include "contracts/pact/model.h"
#include "contracts/spec_test/runner.h"
#include "contracts/verify/report.h"
#include "contracts/verify/verifier.h"

namespace accord::contracts::spec_test {

// `filters` uses only --consumer/--interaction/--state; results keep the pacts' order.
std::vector<verify::InteractionResult> check_pacts_against_spec(std::vector<pact::Pact>& pacts, LoadedSpec& spec,
                                                                const verify::VerifyOptions& filters);

}  // namespace accord::contracts::spec_test
