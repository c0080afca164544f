// Reading AsyncAPI 2.x and 3.x documents into the one model (model.h).
#include "diff/asyncapi/model.h"

#include "core/json_pointer.h"

namespace accord::diff::asyncapi {

namespace {

using core::Node;

core::Error error_at(const Node* node, std::string message) {
  core::SourceLocation loc = node->location();
  return core::make_error(std::move(message), std::string(loc.path()), loc.line, loc.column);
}

class Builder {
 public:
  Builder(core::DocumentSet& set, const core::Document& doc) : set_(set), doc_(doc) {}

  core::Expected<Model> build() {
    const Node* root = doc_.root();
    model_.version = std::string(root->get_text("asyncapi"));
    default_content_type_ = std::string(root->get_text("defaultContentType"));
    if (auto st = read_servers(root->get("servers")); !st) return st.error();
    core::Status st = model_.version.rfind("2.", 0) == 0 ? read_v2_channels(root->get("channels"))
                                                         : read_v3_operations(root->get("operations"));
    if (!st) return st.error();
    return std::move(model_);
  }

 private:
  // Follows `$ref`s; an absent node stays absent.
  core::Expected<At> follow(const Node* node, std::string pointer) {
    if (!node) return At{};
    auto r = set_.resolve(node, std::move(pointer));
    if (!r) return r.error();
    return At{r->node, r->pointer};
  }

  static At member(const At& parent, std::string_view key) {
    if (!parent.node || !parent.node->is_object()) return {};
    const Node* n = parent.node->get(key);
    return n ? At{n, core::pointer_append(parent.pointer, key)} : At{};
  }

  core::Status read_servers(const Node* servers) {
    if (!servers || !servers->is_object()) return core::ok_status();
    for (const core::Member& m : servers->children()) {
      auto at = follow(m.value, core::pointer_append("/servers", m.key));
      if (!at) return at.error();
      Server s;
      s.key = std::string(m.key);
      s.at = *at;
      s.protocol_at = member(s.at, "protocol");
      s.protocol = std::string(s.at.node->get_text("protocol"));
      s.bindings = member(s.at, "bindings");
      if (auto st = read_security(member(s.at, "security"), s.security); !st) return st;
      if (At url = member(s.at, "url")) {  // 2.x: scheme://host/path
        std::string_view u = url.node->text();
        if (size_t scheme = u.find("://"); scheme != std::string_view::npos) u.remove_prefix(scheme + 3);
        size_t slash = u.find('/');
        s.host = std::string(u.substr(0, slash));
        s.pathname = slash == std::string_view::npos ? "" : std::string(u.substr(slash));
        s.host_at = url;
      } else {
        s.host = std::string(s.at.node->get_text("host"));
        s.pathname = std::string(s.at.node->get_text("pathname"));
        s.host_at = member(s.at, "host");
      }
      model_.servers.push_back(std::move(s));
    }
    return core::ok_status();
  }

  // A message object (after $ref), its traits merged under it: the message's own keys win.
  core::Expected<Message> read_message(const Node* node, std::string pointer, std::string fallback_name) {
    auto at = follow(node, std::move(pointer));
    if (!at) return at.error();
    Message msg;
    msg.at = *at;
    const Node* n = at->node;
    if (!n->is_object()) return msg;
    for (std::string_view key : {"name", "messageId"})
      if (std::string_view v = n->get_text(key); !v.empty()) msg.names.emplace_back(v);
    if (!fallback_name.empty()) msg.names.push_back(fallback_name);
    msg.name = msg.names.empty() ? "" : msg.names.front();
    std::vector<At> layers{*at};
    if (const Node* traits = n->get("traits"); traits && traits->is_array())
      for (size_t i = 0; i < traits->size(); ++i) {
        auto t = follow(traits->at(i), core::pointer_append(at->pointer + "/traits", i));
        if (!t) return t.error();
        // A 3.x trait may be written [trait, {overrides}]: take the first.
        if (t->node->is_array()) t = follow(t->node->at(0), core::pointer_append(t->pointer, size_t{0}));
        if (!t) return t.error();
        layers.push_back(*t);
      }
    for (const At& layer : layers) {
      if (!msg.payload) msg.payload = member(layer, "payload");
      if (!msg.headers) msg.headers = member(layer, "headers");
      if (msg.schema_format.empty()) msg.schema_format = std::string(layer.node->get_text("schemaFormat"));
      if (!msg.content_type_at) msg.content_type_at = member(layer, "contentType");
      if (At b = member(layer, "bindings")) msg.bindings.push_back(b);
      if (!msg.correlation_id) msg.correlation_id = member(layer, "correlationId");
    }
    if (msg.correlation_id) {
      auto c = follow(msg.correlation_id.node, msg.correlation_id.pointer);
      if (!c) return c.error();
      msg.correlation_id = *c;
      msg.correlation_location = std::string(c->node->get_text("location"));
    }
    unwrap_multi_format(msg.payload, msg.schema_format);
    unwrap_multi_format(msg.headers, msg.headers_format);
    msg.content_type = msg.content_type_at ? std::string(msg.content_type_at.node->text()) : default_content_type_;
    return msg;
  }

  // 3.x: a payload or headers given as a Multi Format Schema object
  // ({schemaFormat, schema}), written in place or behind a `$ref` (3.x
  // components/schemas may hold one): the schema inside, in its format. A
  // `$ref` that does not resolve is left for the schema comparison to report.
  void unwrap_multi_format(At& schema, std::string& format) {
    if (!schema) return;
    auto target = follow(schema.node, schema.pointer);
    if (!target || !target->node->is_object()) return;
    const Node* written = target->node->get("schemaFormat");
    At inner = member(*target, "schema");
    if (!written || !inner) return;
    format = std::string(written->text());
    schema = inner;
  }

  core::Status add_bindings_and_traits(const At& op, Operation& out) {
    if (auto st = read_security(member(op, "security"), out.security); !st) return st;
    if (At b = member(op, "bindings")) out.bindings.push_back(b);
    if (const Node* traits = op.node->get("traits"); traits && traits->is_array())
      for (size_t i = 0; i < traits->size(); ++i) {
        auto t = follow(traits->at(i), core::pointer_append(op.pointer + "/traits", i));
        if (!t) return t.error();
        if (At b = member(*t, "bindings")) out.bindings.push_back(b);
      }
    return core::ok_status();
  }

  // 2.x: channels keyed by address, each with publish (app receives) / subscribe (app sends).
  core::Status read_v2_channels(const Node* channels) {
    if (!channels || !channels->is_object()) return core::ok_status();
    for (const core::Member& m : channels->children()) {
      auto ch = follow(m.value, core::pointer_append("/channels", m.key));
      if (!ch) return ch.error();
      for (auto [verb, action] : {std::pair{"publish", Action::receive}, std::pair{"subscribe", Action::send}}) {
        At op = member(*ch, verb);
        if (!op || !op.node->is_object()) continue;
        Operation out;
        out.id = std::string(op.node->get_text("operationId"));
        out.action = action;
        out.at = op;
        out.channel = {std::string(m.key), std::string(m.key), *ch, member(*ch, "bindings"), {}};
        if (auto st = read_parameters(member(*ch, "parameters"), true, out.channel.parameters); !st) return st;
        if (auto st = add_bindings_and_traits(op, out); !st) return st.error();
        At message = member(op, "message");
        if (message) {
          // `oneOf` lists alternatives; otherwise the one message.
          auto resolved = follow(message.node, message.pointer);
          if (!resolved) return resolved.error();
          At alternatives = member(*resolved, "oneOf");
          std::vector<At> list;
          if (alternatives && alternatives.node->is_array())
            for (size_t i = 0; i < alternatives.node->size(); ++i)
              list.push_back({alternatives.node->at(i), core::pointer_append(alternatives.pointer, i)});
          else
            list.push_back(message);
          for (const At& one : list) {
            auto msg = read_message(one.node, one.pointer, ref_name(one.node));
            if (!msg) return msg.error();
            out.messages.push_back(std::move(*msg));
          }
        }
        model_.operations.push_back(std::move(out));
      }
    }
    return core::ok_status();
  }

  core::Expected<Channel> read_v3_channel(const At& ref) {
    auto ch = follow(ref.node, ref.pointer);
    if (!ch) return ch.error();
    Channel out;
    out.at = *ch;
    // The key under /channels: the pointer's last token.
    out.key = ch->pointer.substr(ch->pointer.rfind('/') + 1);
    const Node* address = ch->node->get("address");
    out.address = address && address->is_string() ? std::string(address->text()) : "";
    out.bindings = member(*ch, "bindings");
    if (auto st = read_parameters(member(*ch, "parameters"), false, out.parameters); !st) return st.error();
    return out;
  }

  // The messages an operation names, or all of its channel's when it names none.
  core::Status read_v3_messages(const At& list, const Channel& channel, std::vector<Message>& out) {
    std::vector<std::pair<At, std::string>> refs;
    if (list && list.node->is_array()) {
      for (size_t i = 0; i < list.node->size(); ++i)
        refs.push_back({{list.node->at(i), core::pointer_append(list.pointer, i)}, ref_name(list.node->at(i))});
    } else if (At msgs = member(channel.at, "messages"); msgs && msgs.node->is_object()) {
      for (const core::Member& m : msgs.node->children())
        refs.push_back({{m.value, core::pointer_append(msgs.pointer, m.key)}, std::string(m.key)});
    }
    for (auto& [at, name] : refs) {
      auto msg = read_message(at.node, at.pointer, name);
      if (!msg) return msg.error();
      out.push_back(std::move(*msg));
    }
    return core::ok_status();
  }

  core::Status read_v3_operations(const Node* operations) {
    if (!operations || !operations->is_object()) return core::ok_status();
    for (const core::Member& m : operations->children()) {
      auto op = follow(m.value, core::pointer_append("/operations", m.key));
      if (!op) return op.error();
      Operation out;
      out.id = std::string(m.key);
      out.action = op->node->get_text("action") == "receive" ? Action::receive : Action::send;
      out.at = *op;
      At channel_ref = member(*op, "channel");
      if (!channel_ref)
        return error_at(op->node, "operation '" + out.id + "' names no channel (AsyncAPI 3 requires `channel`)");
      auto channel = read_v3_channel(channel_ref);
      if (!channel) return channel.error();
      out.channel = std::move(*channel);
      if (auto st = add_bindings_and_traits(*op, out); !st) return st.error();
      if (auto st = read_v3_messages(member(*op, "messages"), out.channel, out.messages); !st) return st.error();
      if (At reply = member(*op, "reply")) {
        auto r = follow(reply.node, reply.pointer);
        if (!r) return r.error();
        out.has_reply = true;
        if (At rc = member(*r, "channel")) {
          auto c = read_v3_channel(rc);
          if (!c) return c.error();
          out.reply_channel = std::move(*c);
        }
        if (auto st = read_v3_messages(member(*r, "messages"), out.reply_channel, out.reply_messages); !st)
          return st.error();
      }
      model_.operations.push_back(std::move(out));
    }
    return core::ok_status();
  }

  // 3.x: a list of security scheme objects (or $refs), each a requirement
  // of its own; 2.x: a list of requirement objects {scheme name: [scopes]},
  // each requiring all the schemes it names.
  core::Status read_security(const At& list, std::vector<SecurityRequirement>& out) {
    if (!list || !list.node->is_array()) return core::ok_status();
    for (size_t i = 0; i < list.node->size(); ++i) {
      At item{list.node->at(i), core::pointer_append(list.pointer, i)};
      if (!v2()) {
        auto scheme = follow(item.node, item.pointer);
        if (!scheme) return scheme.error();
        std::string name = ref_name(item.node);
        SecurityEntry e{name.empty() ? std::string(scheme->node->get_text("type")) : name, item, *scheme, {}, {}};
        e.scopes_at = member(*scheme, "scopes");
        e.scopes = strings(e.scopes_at);
        out.push_back({item, {std::move(e)}});
        continue;
      }
      if (!item.node->is_object()) continue;
      SecurityRequirement& requirement = out.emplace_back(SecurityRequirement{item, {}});
      for (const core::Member& m : item.node->children()) {
        SecurityEntry e{std::string(m.key), member(item, m.key), {}, {}, {}};
        e.scopes_at = e.at;
        e.scopes = strings(e.at);
        std::string pointer = core::pointer_append("/components/securitySchemes", m.key);
        if (const Node* scheme = core::pointer_resolve(doc_.root(), pointer)) {
          auto s = follow(scheme, pointer);
          if (!s) return s.error();
          e.scheme = *s;
        }
        requirement.schemes.push_back(std::move(e));
      }
    }
    return core::ok_status();
  }

  core::Status read_parameters(const At& map, bool v2_shape, std::vector<Parameter>& out) {
    if (!map || !map.node->is_object()) return core::ok_status();
    for (const core::Member& m : map.node->children()) {
      auto p = follow(m.value, core::pointer_append(map.pointer, m.key));
      if (!p) return p.error();
      Parameter param{std::string(m.key), *p, v2_shape ? member(*p, "schema") : string_schema(*p), "",
                      member(*p, "location")};
      if (param.location_at && param.location_at.node->is_string()) param.location = std::string(param.location_at.node->text());
      out.push_back(std::move(param));
    }
    return core::ok_status();
  }

  // A 3.x parameter is a string whose `enum` / `default` it lists itself:
  // `{type: string, allOf: [{$ref: <the parameter>}]}`, so that it compares
  // equal to the 2.x `schema: {type: string}` it was migrated from, and
  // findings about its enum point at the parameter as written.
  At string_schema(const At& param) {
    const core::Document* doc = set_.document_of(param.node);
    auto builder = doc ? set_.derive(doc) : std::nullopt;
    if (!builder) return param;
    core::SourceLocation at = param.node->location();
    auto node = [&](Node::Kind kind) { return builder->make(kind, at.line, at.column); };
    auto text = [&](std::string value) {
      Node* n = node(Node::Kind::string);
      builder->set_text(n, builder->keep(std::move(value)));
      return n;
    };
    Node* ref = node(Node::Kind::object);
    builder->add_member(ref, std::string_view("$ref"), text("#" + param.pointer));
    builder->finish_object(ref);
    Node* all_of = node(Node::Kind::array);
    builder->add_item(all_of, ref);
    Node* schema = node(Node::Kind::object);
    builder->add_member(schema, std::string_view("type"), text("string"));
    builder->add_member(schema, std::string_view("allOf"), all_of);
    builder->finish_object(schema);
    return {schema, param.pointer};
  }

  static std::vector<std::string> strings(const At& list) {
    std::vector<std::string> out;
    if (list && list.node->is_array())
      for (size_t i = 0; i < list.node->size(); ++i)
        if (list.node->at(i)->is_string()) out.emplace_back(list.node->at(i)->text());
    return out;
  }

  bool v2() const { return model_.version.rfind("2.", 0) == 0; }

  // "#/components/messages/lightMeasured" -> "lightMeasured" ("" without a $ref).
  static std::string ref_name(const Node* node) {
    if (!node || !node->is_object()) return "";
    std::string_view ref = node->get_text("$ref");
    return std::string(ref.substr(ref.rfind('/') == std::string_view::npos ? 0 : ref.rfind('/') + 1));
  }

  core::DocumentSet& set_;
  const core::Document& doc_;
  Model model_;
  std::string default_content_type_;
};

}  // namespace

core::Expected<Model> build_model(core::DocumentSet& set, const core::Document& doc) {
  return Builder(set, doc).build();
}

}  // namespace accord::diff::asyncapi
