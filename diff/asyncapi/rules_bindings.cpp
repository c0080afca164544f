// Rules on protocol bindings and CloudEvents attributes: values a peer is
// configured with (a topic, an exchange, a QoS, an event type), compared as
// values.
#include <optional>

#include "core/json_pointer.h"
#include "diff/asyncapi/rules.h"

namespace accord::diff::asyncapi {

namespace {

constexpr Severity E = Severity::error;
constexpr Format F = Format::asyncapi;

struct Field {
  std::string_view level, protocol, path;  // path is slash separated inside the protocol's object
};

// What changes the peer's side of the wire. Schemas (Kafka key, groupId) are
// compared elsewhere or not at all.
constexpr Field kFields[] = {
    {"channel", "kafka", "topic"},          {"channel", "kafka", "partitions"},
    {"channel", "amqp", "is"},              {"channel", "amqp", "exchange/name"},
    {"channel", "amqp", "exchange/type"},   {"channel", "amqp", "exchange/durable"},
    {"channel", "amqp", "queue/name"},      {"channel", "amqp", "queue/durable"},
    {"channel", "amqp", "queue/exclusive"}, {"channel", "ws", "method"},
    {"operation", "amqp", "deliveryMode"},  {"operation", "amqp", "ack"},
    {"operation", "mqtt", "qos"},           {"operation", "mqtt", "retain"},
    {"operation", "http", "method"},        {"operation", "http", "type"},
    {"message", "mqtt", "contentType"},     {"message", "amqp", "contentEncoding"},
    {"server", "mqtt", "clientId"},         {"server", "kafka", "schemaRegistryVendor"},
};

// The first layer that sets protocol/path.
std::optional<At> value_of(const std::vector<At>& layers, std::string_view protocol, std::string_view path) {
  for (const At& layer : layers) {
    if (!layer.node || !layer.node->is_object()) continue;
    const core::Node* n = layer.node->get(protocol);
    std::string pointer = core::pointer_append(layer.pointer, protocol);
    for (std::string_view rest = path; n && !rest.empty();) {
      std::string_view token = rest.substr(0, rest.find('/'));
      n = n->is_object() ? n->get(token) : nullptr;
      pointer = core::pointer_append(pointer, token);
      rest.remove_prefix(token.size() == rest.size() ? rest.size() : token.size() + 1);
    }
    if (n && n->is_scalar()) return At{n, pointer};
  }
  return std::nullopt;
}

// The binding values of one level (channel, operation, message, server) a
// peer must match; `subject` names the element ("operation 'send x'"). Each
// layer list is the element's own bindings first, then its traits'.
void changed_bindings(Context& cx, const std::vector<At>& old_layers, const std::vector<At>& new_layers,
                      std::string_view level, const std::string& subject, const std::string& operation) {
  for (const Field& f : kFields) {
    if (f.level != level) continue;
    auto o = value_of(old_layers, f.protocol, f.path);
    auto n = value_of(new_layers, f.protocol, f.path);
    if (!o && !n) continue;
    std::string_view ot = o ? o->node->text() : "";
    std::string_view nt = n ? n->node->text() : "";
    if (ot == nt) continue;
    std::optional<Place> op = o ? std::optional(place(*o)) : std::nullopt;
    std::optional<Place> np = n ? std::optional(place(*n)) : std::nullopt;
    cx.report({{"protocol", std::string(f.protocol)}, {"field", std::string(f.path)}, {"subject", subject},
               {"old", std::string(ot)}, {"new", std::string(nt)}},
              operation, std::move(op), std::move(np));
  }
}

void server_binding_changed(Context& cx, const Server& o, const Server& n) {
  changed_bindings(cx, {o.bindings}, {n.bindings}, "server", "server '" + o.key + "'", "");
}

void channel_binding_changed(Context& cx, const ChannelPair& c) {
  changed_bindings(cx, {c.o.bindings}, {c.n.bindings}, "channel", "channel '" + c.n.address + "'", c.operation);
}

void operation_binding_changed(Context& cx, const Operation& o, const Operation& n) {
  std::string label = operation_label(n);
  changed_bindings(cx, o.bindings, n.bindings, "operation", "operation '" + label + "'", label);
}

void message_binding_changed(Context& cx, const MessageSite& site, const Message& o, const Message& n) {
  changed_bindings(cx, o.bindings, n.bindings, "message", "message '" + n.name + "'", site.operation);
}

// A property of an object schema, also through `allOf` branches and `$ref`s.
std::optional<At> find_property(core::DocumentSet& set, const At& schema, std::string_view name, int depth = 0) {
  if (!schema || depth > 8) return std::nullopt;
  auto r = set.resolve(schema.node, schema.pointer);
  if (!r || !r->node->is_object()) return std::nullopt;
  At s{r->node, r->pointer};
  if (const core::Node* props = s.node->get("properties"); props && props->is_object())
    if (const core::Node* p = props->get(name)) {
      auto pr = set.resolve(p, core::pointer_append(core::pointer_append(s.pointer, "properties"), name));
      if (pr) return At{pr->node, pr->pointer};
    }
  if (const core::Node* all = s.node->get("allOf"); all && all->is_array())
    for (size_t i = 0; i < all->size(); ++i)
      if (auto found = find_property(set, {all->at(i), core::pointer_append(s.pointer + "/allOf", i)}, name, depth + 1))
        return found;
  return std::nullopt;
}

// The value a property schema fixes: `const`, a one-value `enum`, else `default`.
std::optional<At> fixed_value(const At& property) {
  const core::Node* n = property.node;
  if (const core::Node* c = n->get("const"); c && c->is_scalar()) return At{c, property.pointer + "/const"};
  if (const core::Node* e = n->get("enum"); e && e->is_array() && e->size() == 1 && e->at(0)->is_scalar())
    return At{e->at(0), property.pointer + "/enum/0"};
  if (const core::Node* d = n->get("default"); d && d->is_scalar()) return At{d, property.pointer + "/default"};
  return std::nullopt;
}

std::optional<At> attribute(core::DocumentSet& set, const Message& m, std::string_view name) {
  for (std::string prefix : {"ce_", "ce-"})
    if (auto p = find_property(set, m.headers, prefix + std::string(name))) return fixed_value(*p);
  if (find_property(set, m.payload, "specversion"))
    if (auto p = find_property(set, m.payload, name)) return fixed_value(*p);
  return std::nullopt;
}

void cloudevents_attribute_changed(Context& cx, const MessageSite& site, const Message& o, const Message& n) {
  for (std::string_view name : {"type", "source", "dataschema"}) {
    auto ov = attribute(cx.schemas.old_set(), o, name);
    auto nv = attribute(cx.schemas.new_set(), n, name);
    if (!ov || !nv || ov->node->text() == nv->node->text()) continue;
    cx.report({{"message", n.name}, {"attribute", std::string(name)}, {"old", std::string(ov->node->text())},
               {"new", std::string(nv->node->text())}},
              site.operation, place(*ov), place(*nv));
  }
}

const Rule kRules[] = {
    // One change at four levels: servers, channels, operations and messages
    // each carry bindings, compared by the same field table (kFields).
    {{"asyncapi.binding-changed", F, E, "bindings", "a protocol binding value a peer depends on changed",
      "{protocol} binding '{field}' of {subject} changed from '{old}' to '{new}'"},
     {.server = server_binding_changed,
      .operation = operation_binding_changed,
      .channel = channel_binding_changed,
      .message = message_binding_changed}},
    {{"asyncapi.cloudevents-attribute-changed", F, E, "message,cloudevents",
      "a CloudEvents attribute (type, source, dataschema) of a message changed",
      "message '{message}': CloudEvents {attribute} changed from '{old}' to '{new}'"},
     {.message = cloudevents_attribute_changed}},
};

}  // namespace

std::span<const Rule> binding_rules() { return kRules; }

}  // namespace accord::diff::asyncapi
