// Whole request / response / message matching: everything a Pact interaction
// says, in the order a reader checks it (status, headers, body).
#pragma once

#include "contracts/matching/mismatch.h"
#include "contracts/pact/model.h"

namespace accord::contracts::matching {

// `version` decides V1 query-string equality.
Mismatches match_request(pact::RequestSpec& expected, pact::RequestSpec& actual, pact::SpecVersion version);
Mismatches match_response(pact::ResponseSpec& expected, pact::ResponseSpec& actual);
Mismatches match_message(pact::MessageSpec& expected, pact::MessageSpec& actual);

// The pieces, for other callers (e.g. OpenAPI-driven tests).
void match_status(int expected, int actual, const RuleCategory& rules, Mismatches& out);
void match_headers(const http::HeaderList& expected, const http::HeaderList& actual, const RuleCategory& rules,
                   Mismatches& out);

// A received HTTP response as a ResponseSpec (body kept as text).
pact::ResponseSpec response_from_http(const http::Response& response);

}  // namespace accord::contracts::matching
