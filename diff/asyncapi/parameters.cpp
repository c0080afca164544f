// What request/reply and channel peers rely on besides payloads: a message's
// correlation ID (replies are matched by it) and the parameters of a
// channel's address (peers fill them in).
#include "diff/asyncapi/internal.h"

namespace accord::diff::asyncapi {

void compare_correlation_id(const Message& o, const Message& n, const std::string& operation, FindingSink& sink) {
  if (!o.correlation_id) return;
  if (!n.correlation_id) {
    sink.add("asyncapi.correlation-id-removed", {{"message", n.name}, {"old", o.correlation_location}}, operation,
             place(o.correlation_id), place(n.at));
    return;
  }
  if (o.correlation_location != n.correlation_location) {
    At old_at = o.correlation_id, new_at = n.correlation_id;
    if (const core::Node* l = old_at.node->get("location")) old_at = {l, old_at.pointer + "/location"};
    if (const core::Node* l = new_at.node->get("location")) new_at = {l, new_at.pointer + "/location"};
    sink.add("asyncapi.correlation-id-changed",
             {{"message", n.name}, {"old", o.correlation_location}, {"new", n.correlation_location}}, operation,
             place(old_at), place(new_at));
  }
}

std::vector<std::pair<const Parameter*, const Parameter*>> compare_parameters(const Channel& o, const Channel& n,
                                                                              const std::string& operation,
                                                                              FindingSink& sink) {
  std::vector<std::pair<const Parameter*, const Parameter*>> pairs;
  auto find = [](const Channel& c, const std::string& name) -> const Parameter* {
    for (const Parameter& p : c.parameters)
      if (p.name == name) return &p;
    return nullptr;
  };
  for (const Parameter& op : o.parameters) {
    const Parameter* np = find(n, op.name);
    if (!np) {
      sink.add("asyncapi.channel-parameter-removed", {{"channel", n.address}, {"parameter", op.name}}, operation,
               place(op.at), place(n.at));
      continue;
    }
    pairs.push_back({&op, np});
    if (op.location != np->location)
      sink.add("asyncapi.channel-parameter-location-changed",
               {{"channel", n.address}, {"parameter", op.name}, {"old", op.location}, {"new", np->location}}, operation,
               place(op.location_at ? op.location_at : op.at), place(np->location_at ? np->location_at : np->at));
  }
  for (const Parameter& np : n.parameters)
    if (!find(o, np.name))
      sink.add("asyncapi.channel-parameter-added", {{"channel", n.address}, {"parameter", np.name}}, operation,
               place(o.at), place(np.at));
  return pairs;
}

}  // namespace accord::diff::asyncapi
