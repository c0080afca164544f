// Rules on channels: the address peers publish and subscribe to, and the
// parameters of that address (peers fill them in). The parameters' schemas
// are the schema comparator's, in the direction of the operation.
#include "diff/asyncapi/rules.h"

namespace accord::diff::asyncapi {

namespace {

constexpr Severity E = Severity::error, W = Severity::warning;
constexpr Format F = Format::asyncapi;

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
};

}  // namespace

std::span<const Rule> channel_rules() { return kRules; }

}  // namespace accord::diff::asyncapi
