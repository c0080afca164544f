// The AsyncAPI rules: document-level rows here, and the shared schema
// comparator's changes under `asyncapi.receive-` (payloads the application
// receives: input) and `asyncapi.send-` (payloads it sends: output). Avro
// payloads report the Avro rows (`avro.*`, diff/avro/rule_table.cpp).
#include "diff/asyncapi/compare.h"
#include "diff/schema/rule_rows.h"

namespace accord::diff {

namespace {

constexpr Format A = Format::asyncapi;
constexpr Severity E = Severity::error, W = Severity::warning, I = Severity::info;

constexpr RuleInfo kRules[] = {
    {"asyncapi.operation-removed", A, E, "operation", "an operation (send or receive on a channel) was removed",
     "{action} operation on '{channel}' removed"},
    {"asyncapi.operation-added", A, I, "operation", "an operation was added", "{action} operation on '{channel}' added"},
    {"asyncapi.channel-renamed", A, E, "channel",
     "a channel's address changed: peers still use the old one", "channel address changed from '{old}' to '{new}'"},
    {"asyncapi.receive-message-removed", A, E, "receive,message",
     "a message the application received is no longer accepted (senders still send it)",
     "message '{message}' no longer received on '{channel}'"},
    {"asyncapi.send-message-removed", A, W, "send,message",
     "a message the application sent is no longer sent (consumers waiting for it get nothing)",
     "message '{message}' no longer sent on '{channel}'"},
    {"asyncapi.receive-message-added", A, I, "receive,message", "the application accepts another message",
     "message '{message}' now received on '{channel}'"},
    {"asyncapi.send-message-added", A, W, "send,message",
     "the application sends another message on a channel (consumers may not know it)",
     "message '{message}' now sent on '{channel}'"},
    {"asyncapi.message-content-type-changed", A, E, "message", "a message's content type changed",
     "message '{message}': content type changed from '{old}' to '{new}'"},
    {"asyncapi.kafka-key-changed", A, E, "message,bindings",
     "a message's Kafka key schema changed incompatibly (partitioning and consumers depend on it)",
     "message '{message}': Kafka key schema changed ({change})"},
    {"asyncapi.binding-changed", A, E, "bindings", "a protocol binding value a peer depends on changed",
     "{protocol} binding '{field}' of {subject} changed from '{old}' to '{new}'"},
    {"asyncapi.server-protocol-changed", A, E, "server", "a server's protocol changed",
     "server '{server}': protocol changed from '{old}' to '{new}'"},
    {"asyncapi.server-host-changed", A, W, "server", "a server's host or path changed",
     "server '{server}': address changed from '{old}' to '{new}'"},
    {"asyncapi.server-removed", A, W, "server", "a server was removed", "server '{server}' removed"},
    {"asyncapi.reply-removed", A, E, "operation", "a request/reply operation no longer replies",
     "{action} operation on '{channel}' no longer replies"},
    {"asyncapi.payload-not-compared", A, I, "message",
     "a payload or headers schema in a schema format accord does not compare (RAML, protobuf: anything but JSON "
     "Schema, OpenAPI 3.0 schema objects and Avro), or whose format changed between them, was not checked",
     "message '{message}': {schema_format} {part} not compared"},
    {"asyncapi.ref-not-resolved", A, E, "document",
     "a remote $ref was not fetched (no --allow-remote-refs), so what it names was not compared",
     "$ref '{location}' not resolved (pass --allow-remote-refs, or turn this rule off to accept it)"},
    {"asyncapi.cloudevents-attribute-changed", A, E, "message,cloudevents",
     "a CloudEvents attribute (type, source, dataschema) of a message changed",
     "message '{message}': CloudEvents {attribute} changed from '{old}' to '{new}'"},
    {"asyncapi.security-added", A, E, "security",
     "a server or operation now requires a security scheme clients did not need: security where there was none, or "
     "one more scheme in a requirement (a 2.x requirement object needs all the schemes it names)",
     "{subject} now requires security scheme '{scheme}'"},
    {"asyncapi.security-requirement-relaxed", A, I, "security",
     "a security requirement needs fewer of its schemes together (clients holding them all still pass)",
     "{subject} no longer requires security scheme '{scheme}' (now: {others})"},
    {"asyncapi.security-removed", A, I, "security", "a server or operation no longer requires security",
     "{subject} no longer requires security"},
    {"asyncapi.security-scheme-removed", A, E, "security",
     "a security requirement (a scheme, or 2.x schemes required together) clients may be authorized by is no longer "
     "accepted, and no remaining one asks only for schemes it had (others still are)",
     "{subject} no longer accepts security scheme '{scheme}'"},
    {"asyncapi.security-scheme-added", A, I, "security",
     "a server or operation that required security accepts one more requirement (a scheme, or 2.x schemes together)", "{subject} now also accepts security scheme '{scheme}'"},
    {"asyncapi.security-scheme-changed", A, E, "security",
     "a security scheme's type, where its credential goes, its OAuth flows or the scopes it requires changed",
     "{subject}: security scheme '{scheme}' changed ({change})"},
    {"asyncapi.correlation-id-removed", A, E, "message",
     "a message's correlation ID was removed (request/reply peers match replies by it)",
     "message '{message}': correlation ID ('{old}') removed"},
    {"asyncapi.correlation-id-changed", A, E, "message",
     "a message's correlation ID is read from another place (peers still put it in the old one)",
     "message '{message}': correlation ID location changed from '{old}' to '{new}'"},
    {"asyncapi.channel-parameter-added", A, E, "channel",
     "a channel address gained a parameter (peers do not fill it in)", "channel '{channel}': parameter '{parameter}' added"},
    {"asyncapi.channel-parameter-removed", A, W, "channel", "a channel address lost a parameter",
     "channel '{channel}': parameter '{parameter}' removed"},
    {"asyncapi.channel-parameter-location-changed", A, E, "channel",
     "a channel parameter's value is read from another place in the message",
     "channel '{channel}': parameter '{parameter}' location changed from '{old}' to '{new}'"},
};

const DerivedRules& table() {
  static const DerivedRules t = [] {
    DerivedRules out;
    schema_rule_rows("asyncapi.", "receive", "send", Format::asyncapi, out);
    for (const RuleInfo& row : kRules) out.rows.push_back(row);
    return out;
  }();
  return t;
}

}  // namespace

std::span<const RuleInfo> asyncapi_rule_table() { return table().rows; }

}  // namespace accord::diff
