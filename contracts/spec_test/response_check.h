// Checking a live response against what the OpenAPI operation declares:
// the status (exact code, `2XX`-style range or `default`), the content type,
// the response headers and body against their schemas (response direction:
// writeOnly properties are not expected), and deprecation signalling.
//
// Deprecation rule: an operation marked `deprecated: true` must answer with a
// `Deprecation` header (RFC 9745, a structured date such as `@1688169599`);
// an operation with `x-sunset` must answer with a `Sunset` header (RFC 8594).
#pragma once

#include "contracts/http/http_types.h"
#include "contracts/matching/mismatch.h"
#include "core/schema.h"
#include "diff/openapi/model.h"

namespace accord::contracts::spec_test {

// The declared response that covers `status`: the exact code, else its
// `2XX`-style range, else `default`; nullptr when none does.
const diff::openapi::Response* declared_response(const diff::openapi::Operation& operation, int status);

// Whether the media type `actual` (parameters allowed) is covered by
// `declared` ("application/json", "application/*", "*/*").
bool media_type_matches(std::string_view declared, std::string_view actual);

// Every way `response` departs from the operation's declaration. `head` is
// true for HEAD requests, whose responses carry no body.
matching::Mismatches check_response(core::SchemaGraph& graph, const diff::openapi::Operation& operation,
                                    const http::Response& response, bool head);

}  // namespace accord::contracts::spec_test
