// Message interactions, verified the way the Pact verifier does: the provider
// exposes one endpoint that, given {"description", "providerStates"}, answers
// with the message it would publish (body = contents, metadata in the
// base64-JSON `Pact-Message-Metadata` header and the Content-Type).
#pragma once

#include <string>

#include "contracts/http/http_types.h"
#include "contracts/matching/mismatch.h"
#include "contracts/pact/model.h"
#include "core/expected.h"

namespace accord::contracts::verify {

// The POST asking the provider for the interaction's message.
http::Request message_request(const pact::Interaction& interaction, const std::string& url);

// The provider's answer as a message.
core::Expected<pact::MessageSpec> message_from_http(const http::Response& response);

// Matches the answer against the message (or, for a synchronous message,
// against every expected response).
matching::Mismatches check_message_response(const pact::Interaction& interaction, const http::Response& response);

}  // namespace accord::contracts::verify
