// `accord verify PACTS --asyncapi SPEC`: message interactions (V3 messages,
// V4 asynchronous and synchronous messages) against the provider's AsyncAPI
// document (2.x or 3.x), no broker and no call.
//
// The operation is found the way Pact + AsyncAPI bi-directional tools do: by
// the message's metadata `channel` / `topic` / `destination` (a channel key or
// address), else by the interaction's description naming a message (name,
// messageId, component key) or an operation id. Then the contents must be
// valid against the message payload schema, with every field the consumer
// expects declared there, and the other metadata valid against the message
// headers schema. HTTP interactions are skipped (they belong to --openapi).
// Text contents (text/*) are validated as a string when the payload schema is
// `type: string`; any other contents (binary, XML, text against an object
// schema) or a payload in another schemaFormat (Avro, Protobuf, RAML) are not
// checked: the interaction is SKIPPED with the reason, never passed.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "contracts/pact/model.h"
#include "contracts/verify/report.h"
#include "contracts/verify/verifier.h"
#include "core/refs.h"
#include "diff/asyncapi/model.h"

namespace accord::contracts::spec_test {

struct LoadedAsyncApi {
  std::string path;
  core::DocumentSet documents;
  diff::asyncapi::Model model;
};

// Errors (unreadable, not AsyncAPI, dangling `$ref`) carry file:line:col.
core::Expected<std::unique_ptr<LoadedAsyncApi>> load_asyncapi(const std::string& path);

std::vector<verify::InteractionResult> check_pacts_against_asyncapi(std::vector<pact::Pact>& pacts, LoadedAsyncApi& spec,
                                                                    const verify::VerifyOptions& filters);

}  // namespace accord::contracts::spec_test
