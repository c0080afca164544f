// Rules on servers, operations and channels: where an API is reachable,
// what it sends and receives on which channel, whether it still replies,
// and the address peers publish to with its parameters (peers fill them
// in; their schemas are the schema comparator's, in the direction of the
// operation). A document rule the walk cannot see (an unresolved remote
// $ref) has its row here too.
#include "diff/asyncapi/rules.h"

namespace accord::diff::asyncapi {

namespace {

constexpr Severity E = Severity::error, W = Severity::warning, I = Severity::info;
constexpr Format F = Format::asyncapi;

std::vector<Arg> op_args(const Operation& op) {
  return {{"action", std::string(action_name(op.action))}, {"channel", op.channel.address}, {"operation", op.id}};
}

void operation_removed(Context& cx, const Operation& op, const Model&) {
  cx.report(op_args(op), operation_label(op), place(op.at), std::nullopt);
}

void operation_added(Context& cx, const Model&, const Operation& op) {
  cx.report(op_args(op), operation_label(op), std::nullopt, place(op.at));
}

void reply_removed(Context& cx, const Operation& o, const Operation& n) {
  if (o.has_reply && !n.has_reply) cx.report(op_args(n), operation_label(n), place(o.at), place(n.at));
}

void server_removed(Context& cx, const Server& s, const Model&) {
  cx.report({{"server", s.key}}, "", place(s.at), std::nullopt);
}

void server_protocol_changed(Context& cx, const Server& o, const Server& n) {
  if (o.protocol != n.protocol)
    cx.report({{"server", o.key}, {"old", o.protocol}, {"new", n.protocol}}, "",
              place(o.protocol_at ? o.protocol_at : o.at), place(n.protocol_at ? n.protocol_at : n.at));
}

void server_host_changed(Context& cx, const Server& o, const Server& n) {
  if (o.host + o.pathname != n.host + n.pathname)
    cx.report({{"server", o.key}, {"old", o.host + o.pathname}, {"new", n.host + n.pathname}}, "",
              place(o.host_at ? o.host_at : o.at), place(n.host_at ? n.host_at : n.at));
}

// Where a channel's address is written; the channel (or nothing, for a
// reply that names no channel) when it has none.
At address_of(const Channel& c) {
  const core::Node* address = c.at.node ? c.at.node->get("address") : nullptr;
  return address ? At{address, c.at.pointer + "/address"} : c.at;
}

// Several operations may use one channel: its rename is reported once, for
// the first operation that reaches it.
void channel_renamed(Context& cx, const ChannelPair& c) {
  if (c.o.address != c.n.address && c.first)
    cx.report({{"old", c.o.address}, {"new", c.n.address}}, c.operation, place(address_of(c.o)),
              place(address_of(c.n)));
}

void channel_parameter_removed(Context& cx, const ChannelPair& c, const Parameter& p) {
  cx.report({{"channel", c.n.address}, {"parameter", p.name}}, c.operation, place(p.at), place(c.n.at));
}

void channel_parameter_added(Context& cx, const ChannelPair& c, const Parameter& p) {
  cx.report({{"channel", c.n.address}, {"parameter", p.name}}, c.operation, place(c.o.at), place(p.at));
}

void channel_parameter_location_changed(Context& cx, const ChannelPair& c, const Parameter& o, const Parameter& n) {
  if (o.location != n.location)
    cx.report({{"channel", c.n.address}, {"parameter", o.name}, {"old", o.location}, {"new", n.location}},
              c.operation, place(o.location_at ? o.location_at : o.at), place(n.location_at ? n.location_at : n.at));
}

const Rule kRules[] = {
    {{"asyncapi.operation-removed", F, E, "operation", "an operation (send or receive on a channel) was removed",
      "{action} operation on '{channel}' removed"},
     {.operation_removed = operation_removed}},
    {{"asyncapi.operation-added", F, I, "operation", "an operation was added",
      "{action} operation on '{channel}' added"},
     {.operation_added = operation_added}},
    {{"asyncapi.server-protocol-changed", F, E, "server", "a server's protocol changed",
      "server '{server}': protocol changed from '{old}' to '{new}'"},
     {.server = server_protocol_changed}},
    {{"asyncapi.server-host-changed", F, W, "server", "a server's host or path changed",
      "server '{server}': address changed from '{old}' to '{new}'"},
     {.server = server_host_changed}},
    {{"asyncapi.server-removed", F, W, "server", "a server was removed", "server '{server}' removed"},
     {.server_removed = server_removed}},
    {{"asyncapi.reply-removed", F, E, "operation", "a request/reply operation no longer replies",
      "{action} operation on '{channel}' no longer replies"},
     {.operation = reply_removed}},
    {{"asyncapi.channel-renamed", F, E, "channel", "a channel's address changed: peers still use the old one",
      "channel address changed from '{old}' to '{new}'"},
     {.channel = channel_renamed}},
    {{"asyncapi.channel-parameter-added", F, E, "channel",
      "a channel address gained a parameter (peers do not fill it in)",
      "channel '{channel}': parameter '{parameter}' added"},
     {.parameter_added = channel_parameter_added}},
    {{"asyncapi.channel-parameter-removed", F, W, "channel", "a channel address lost a parameter",
      "channel '{channel}': parameter '{parameter}' removed"},
     {.parameter_removed = channel_parameter_removed}},
    {{"asyncapi.channel-parameter-location-changed", F, E, "channel",
      "a channel parameter's value is read from another place in the message",
      "channel '{channel}': parameter '{parameter}' location changed from '{old}' to '{new}'"},
     {.parameter = channel_parameter_location_changed}},
    // No handler: what it reports is not in the model the walk pairs (the
    // model holds what $refs reached, not the remote ones left unfetched).
    // format.cpp reports it over the loaded documents with the JSON Schema
    // format's report_unresolved (diff/jsonschema/unresolved.h), under this id.
    {{"asyncapi.ref-not-resolved", F, E, "document",
      "a remote $ref was not fetched (no --allow-remote-refs), so what it names was not compared",
      "$ref '{location}' not resolved (pass --allow-remote-refs, or turn this rule off to accept it)"},
     {}},
};

}  // namespace

std::span<const Rule> operation_rules() { return kRules; }

}  // namespace accord::diff::asyncapi
