// Rules on messages: which ones an operation sends or receives, how they are
// encoded, what request/reply peers match them by (the correlation ID), and
// payloads no comparator reads. The payload and header schemas themselves
// are the schema comparator's or the Avro rules' (the walker hands them over).
#include "diff/asyncapi/rules.h"

namespace accord::diff::asyncapi {

namespace {

constexpr Severity E = Severity::error, W = Severity::warning, I = Severity::info;
constexpr Format F = Format::asyncapi;

std::vector<Arg> message_args(const MessageSite& site, const Message& m) {
  return {{"message", m.name}, {"channel", site.channel}};
}

// A message removed or added counts differently by who reads it, so each
// direction is a rule of its own.
void receive_message_removed(Context& cx, const MessageSite& site, const Message& m) {
  if (site.action == Action::receive) cx.report(message_args(site, m), site.operation, place(m.at), std::nullopt);
}

void send_message_removed(Context& cx, const MessageSite& site, const Message& m) {
  if (site.action == Action::send) cx.report(message_args(site, m), site.operation, place(m.at), std::nullopt);
}

void receive_message_added(Context& cx, const MessageSite& site, const Message& m) {
  if (site.action == Action::receive) cx.report(message_args(site, m), site.operation, std::nullopt, place(m.at));
}

void send_message_added(Context& cx, const MessageSite& site, const Message& m) {
  if (site.action == Action::send) cx.report(message_args(site, m), site.operation, std::nullopt, place(m.at));
}

void message_content_type_changed(Context& cx, const MessageSite& site, const Message& o, const Message& n) {
  if (o.content_type != n.content_type)
    cx.report({{"message", n.name}, {"old", o.content_type}, {"new", n.content_type}}, site.operation,
              place(o.content_type_at ? o.content_type_at : o.at), place(n.content_type_at ? n.content_type_at : n.at));
}

void correlation_id_removed(Context& cx, const MessageSite& site, const Message& o, const Message& n) {
  if (o.correlation_id && !n.correlation_id)
    cx.report({{"message", n.name}, {"old", o.correlation_location}}, site.operation, place(o.correlation_id),
              place(n.at));
}

// The `location` of a Correlation ID object, else the object.
At location_of(const At& correlation_id) {
  const core::Node* l = correlation_id.node->get("location");
  return l ? At{l, correlation_id.pointer + "/location"} : correlation_id;
}

void correlation_id_changed(Context& cx, const MessageSite& site, const Message& o, const Message& n) {
  if (!o.correlation_id || !n.correlation_id || o.correlation_location == n.correlation_location) return;
  cx.report({{"message", n.name}, {"old", o.correlation_location}, {"new", n.correlation_location}}, site.operation,
            place(location_of(o.correlation_id)), place(location_of(n.correlation_id)));
}

struct Part {
  const At& schema;
  const std::string& format;  // its schemaFormat ("" = JSON Schema)
};

// A payload or headers pair that neither the schema comparator nor the
// Avro rules read (part_reader), named by its formats.
void part_not_compared(Context& cx, const MessageSite& site, Part o, Part n, const std::string& part,
                       const Message& om, const Message& nm) {
  PayloadFormat of = payload_format(o.format), nf = payload_format(n.format);
  if (part_reader(of, nf, o.schema && n.schema) != PartReader::none) return;
  std::string format = nf.kind == PayloadFormat::json_schema ? o.format : n.format;
  if (of.kind != nf.kind)
    format = (o.format.empty() ? "JSON Schema" : o.format) + " -> " + (n.format.empty() ? "JSON Schema" : n.format);
  cx.report({{"message", nm.name}, {"schema_format", format}, {"part", part}}, site.operation,
            place(o.schema ? o.schema : om.at), place(n.schema ? n.schema : nm.at));
}

void payload_not_compared(Context& cx, const MessageSite& site, const Message& o, const Message& n) {
  part_not_compared(cx, site, {o.payload, o.schema_format}, {n.payload, n.schema_format}, "payload", o, n);
  part_not_compared(cx, site, {o.headers, o.headers_format}, {n.headers, n.headers_format}, "headers", o, n);
}

const Rule kRules[] = {
    {{"asyncapi.receive-message-removed", F, E, "receive,message",
      "a message the application received is no longer accepted (senders still send it)",
      "message '{message}' no longer received on '{channel}'"},
     {.message_removed = receive_message_removed}},
    {{"asyncapi.send-message-removed", F, W, "send,message",
      "a message the application sent is no longer sent (consumers waiting for it get nothing)",
      "message '{message}' no longer sent on '{channel}'"},
     {.message_removed = send_message_removed}},
    {{"asyncapi.receive-message-added", F, I, "receive,message", "the application accepts another message",
      "message '{message}' now received on '{channel}'"},
     {.message_added = receive_message_added}},
    {{"asyncapi.send-message-added", F, W, "send,message",
      "the application sends another message on a channel (consumers may not know it)",
      "message '{message}' now sent on '{channel}'"},
     {.message_added = send_message_added}},
    {{"asyncapi.message-content-type-changed", F, E, "message", "a message's content type changed",
      "message '{message}': content type changed from '{old}' to '{new}'"},
     {.message = message_content_type_changed}},
    {{"asyncapi.payload-not-compared", F, I, "message",
      "a payload or headers schema in a schema format accord does not compare (RAML, protobuf: anything but JSON "
      "Schema, OpenAPI 3.0 schema objects and Avro), or whose format changed between them, was not checked",
      "message '{message}': {schema_format} {part} not compared"},
     {.message = payload_not_compared}},
    {{"asyncapi.correlation-id-removed", F, E, "message",
      "a message's correlation ID was removed (request/reply peers match replies by it)",
      "message '{message}': correlation ID ('{old}') removed"},
     {.message = correlation_id_removed}},
    {{"asyncapi.correlation-id-changed", F, E, "message",
      "a message's correlation ID is read from another place (peers still put it in the old one)",
      "message '{message}': correlation ID location changed from '{old}' to '{new}'"},
     {.message = correlation_id_changed}},
};

}  // namespace

std::span<const Rule> message_rules() { return kRules; }

}  // namespace accord::diff::asyncapi
