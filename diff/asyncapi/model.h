// One model for AsyncAPI 2.0-2.6, 3.0 and 3.1, so that a 2.x -> 3.0
// migration of the same API compares cleanly. Every element keeps the node
// and JSON Pointer it was read from (after following `$ref`s), for places.
//
// Direction is the application's: 3.x `action: send|receive` as written;
// 2.x `publish` means others publish to the application, so it *receives*,
// and `subscribe` means the application *sends*.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/expected.h"
#include "core/refs.h"
#include "core/schema.h"

namespace accord::diff::asyncapi {

enum class Action : unsigned char { send, receive };

struct At {
  const core::Node* node = nullptr;
  std::string pointer;
  explicit operator bool() const { return node != nullptr; }
};

// One security scheme a requirement names (3.x: a scheme object or its $ref;
// 2.x: a requirement object's key, its scheme under components/securitySchemes).
struct SecurityEntry {
  std::string name;                 // the scheme's key under components/securitySchemes, else its type
  At at;                            // where the requirement is written
  At scheme;                        // the scheme object (after $ref); absent when 2.x names an unknown one
  std::vector<std::string> scopes;  // the scopes the requirement asks for
  At scopes_at;
};

// One way to be authorized: every scheme it names, together. A `security`
// list's requirements are alternatives (AsyncAPI 2.x and 3.x: "only one of
// [them] need[s] to be satisfied"); a 2.x Security Requirement Object "lists
// the required security schemes", all of them; a 3.x entry is one scheme. A
// 2.x `{}` names none: no credentials needed.
struct SecurityRequirement {
  At at;  // the requirement object (2.x) or the scheme entry (3.x)
  std::vector<SecurityEntry> schemes;
};

// A channel address parameter (`{id}`).
struct Parameter {
  std::string name;
  At at;
  At schema;  // 2.x: its `schema`; 3.x: the parameter object itself (`enum`, `default`)
  std::string location;  // runtime expression ("" when none)
  At location_at;
};

struct Message {
  std::string name;                // for messages: name, else messageId, else component / channel key
  std::vector<std::string> names;  // every one of those it has: versions are paired on any of them
  At at;                   // the message object
  At payload, headers;     // schemas (absent: not constrained)
  std::string schema_format;  // the payload's; "" = JSON Schema
  std::string headers_format;  // 3.x headers as a Multi Format Schema object; "" = JSON Schema
  std::string content_type;   // the message's, else the document's default
  At content_type_at;
  std::vector<At> bindings;   // the message's, then its traits'
  At correlation_id;          // the Correlation ID object (after $ref)
  std::string correlation_location;
};

struct Channel {
  std::string key;      // 3.x channel id; 2.x the address
  std::string address;  // "" for a 3.x channel with a null address
  At at;
  At bindings;
  std::vector<Parameter> parameters;
};

struct Operation {
  std::string id;  // 3.x operation key; 2.x operationId (may be empty)
  Action action = Action::send;
  Channel channel;
  std::vector<Message> messages;
  At at;
  std::vector<At> bindings;  // the operation's, then its traits'
  bool has_reply = false;
  Channel reply_channel;
  std::vector<Message> reply_messages;
  std::vector<SecurityRequirement> security;
};

struct Server {
  std::string key;
  std::string host, pathname, protocol;
  At at, protocol_at, host_at;
  At bindings;
  std::vector<SecurityRequirement> security;
};

struct Model {
  std::string version;  // "2.6.0", "3.0.0"
  std::vector<Server> servers;
  std::vector<Operation> operations;
};

core::Expected<Model> build_model(core::DocumentSet& set, const core::Document& doc);

// What a message's `schemaFormat` says its payload (or 3.x headers) is
// written in; also read by `accord verify --asyncapi`, which validates only
// the JSON Schema family.
struct PayloadFormat {
  enum Kind : unsigned char { json_schema, avro, other } kind = json_schema;
  // JSON Schema family: the dialect its version names (OpenAPI 3.0 schema
  // objects, draft-04...); unknown = AsyncAPI's default (a draft-07 superset).
  core::Dialect dialect = core::Dialect::unknown;
};
PayloadFormat payload_format(std::string_view schema_format);

}  // namespace accord::diff::asyncapi
