// AsyncAPI comparison over the normalised model (model.h).
//
// Operations are paired by (channel address, action), so a 2.x document and
// its 3.0 rewrite pair up although 3.0 gives channels and operations ids of
// their own. What is left is paired by operation id with the same action
// (the channel was renamed), then, when exactly one operation of an action
// is left on each side, those two (a rename of both channel and operation).
#include "diff/asyncapi/compare.h"

#include <map>
#include <memory>
#include <set>

#include "core/loader.h"
#include "diff/asyncapi/internal.h"
#include "diff/asyncapi/schema_profile.h"
#include "diff/schema/compare.h"

namespace accord::diff {

using namespace asyncapi;

namespace {

std::string_view action_name(Action a) { return a == Action::send ? "send" : "receive"; }

std::string operation_label(const Operation& op) {
  return std::string(action_name(op.action)) + " " + op.channel.address;
}

class AsyncDiff {
 public:
  AsyncDiff(core::DocumentSet& old_set, const core::Document& old_doc, core::DocumentSet& new_set,
            const core::Document& new_doc, const AsyncApiSources& sources)
      : old_set_(old_set),
        new_set_(new_set),
        old_root_(old_doc.root()),
        new_root_(new_doc.root()),
        sources_(sources),
        avro_types_(sources.include_paths),
        schemas_(old_set, new_set, asyncapi_schema_profile()) {}

  core::Status run(const Model& o, const Model& n) {
    compare_servers(o, n);
    std::vector<const Operation*> new_left;
    for (const Operation& op : n.operations) new_left.push_back(&op);
    std::vector<std::pair<const Operation*, const Operation*>> pairs;
    std::vector<const Operation*> old_left;
    for (const Operation& op : o.operations) old_left.push_back(&op);
    // Same id, action and address first: several operations may share one
    // channel (a WebSocket's `/`), and document order must not decide.
    for (bool by_id : {true, false})
      for (auto it = old_left.begin(); it != old_left.end();) {
        const Operation* op = *it;
        const Operation* m = take(new_left, [&](const Operation* c) {
          return c->action == op->action && c->channel.address == op->channel.address && (!by_id || c->id == op->id);
        });
        if (m) pairs.push_back({op, m}), it = old_left.erase(it);
        else ++it;
      }
    pair_leftovers(old_left, new_left, pairs);
    for (auto [a, b] : pairs)
      if (auto st = compare_operation(*a, *b); !st) return st;
    for (const Operation* op : old_left)
      sink_.add("asyncapi.operation-removed", op_args(*op), operation_label(*op), place(op->at), std::nullopt);
    for (const Operation* op : new_left)
      sink_.add("asyncapi.operation-added", op_args(*op), operation_label(*op), std::nullopt, place(op->at));
    return core::ok_status();
  }

  std::vector<Finding> take_findings() { return sink_.take(); }

 private:
  template <class T, class Pred>
  static const T* take(std::vector<const T*>& list, Pred pred) {
    for (auto it = list.begin(); it != list.end(); ++it)
      if (pred(*it)) {
        const T* found = *it;
        list.erase(it);
        return found;
      }
    return nullptr;
  }

  static std::vector<Arg> op_args(const Operation& op) {
    return {{"action", std::string(action_name(op.action))}, {"channel", op.channel.address}, {"operation", op.id}};
  }

  static void pair_leftovers(std::vector<const Operation*>& old_left, std::vector<const Operation*>& new_left,
                             std::vector<std::pair<const Operation*, const Operation*>>& pairs) {
    for (auto it = old_left.begin(); it != old_left.end();) {
      const Operation* op = *it;
      const Operation* m = op->id.empty() ? nullptr : take(new_left, [&](const Operation* c) {
        return c->action == op->action && c->id == op->id;
      });
      if (m) pairs.push_back({op, m}), it = old_left.erase(it);
      else ++it;
    }
    for (Action a : {Action::send, Action::receive}) {
      auto count = [&](const std::vector<const Operation*>& l) {
        size_t c = 0;
        for (const Operation* op : l) c += op->action == a;
        return c;
      };
      if (count(old_left) != 1 || count(new_left) != 1) continue;
      auto is_a = [&](const Operation* op) { return op->action == a; };
      const Operation* o = take(old_left, is_a);
      pairs.push_back({o, take(new_left, is_a)});
    }
  }

  // Where a channel's address is written; the channel (or nothing, for a
  // reply that names no channel) when it has none.
  static At address_of(const Channel& c) {
    const core::Node* address = c.at.node ? c.at.node->get("address") : nullptr;
    return address ? At{address, c.at.pointer + "/address"} : c.at;
  }

  // `action`: the application's, which decides how parameter values may change.
  core::Status compare_channel(const Channel& o, const Channel& n, Action action, const std::string& label) {
    if (o.address != n.address && renamed_.insert({o.address, n.address}).second)
      sink_.add("asyncapi.channel-renamed", {{"old", o.address}, {"new", n.address}}, label, place(address_of(o)),
                place(address_of(n)));
    compare_bindings({o.bindings}, {n.bindings}, "channel", "channel '" + n.address + "'", label, sink_);
    for (auto [a, b] : compare_parameters(o, n, label, sink_))
      if (auto st = compare_schema(a->schema, b->schema, action, "channel parameter '" + b->name + "'", label, sink_);
          !st)
        return st;
    return core::ok_status();
  }

  core::Status compare_operation(const Operation& o, const Operation& n) {
    std::string label = operation_label(n);
    if (auto st = compare_channel(o.channel, n.channel, n.action, label); !st) return st;
    compare_security(o.security, n.security, o.at, n.at, "operation '" + label + "'", label, sink_);
    compare_bindings(o.bindings, n.bindings, "operation", "operation '" + label + "'", label, sink_);
    if (auto st = compare_messages(o.messages, n.messages, n.action, n.channel.address, label); !st) return st;
    if (o.has_reply && !n.has_reply)
      sink_.add("asyncapi.reply-removed", op_args(n), label, place(o.at), place(n.at));
    if (o.has_reply && n.has_reply) {
      // The reply travels the other way.
      Action back = n.action == Action::send ? Action::receive : Action::send;
      if (auto st = compare_channel(o.reply_channel, n.reply_channel, back, label); !st) return st;
      return compare_messages(o.reply_messages, n.reply_messages, back, n.reply_channel.address, label);
    }
    return core::ok_status();
  }

  static bool same_message(const Message* a, const Message& b) {
    for (const std::string& x : a->names)
      for (const std::string& y : b.names)
        if (x == y) return true;
    return false;
  }

  core::Status compare_messages(const std::vector<Message>& o, const std::vector<Message>& n, Action action,
                                const std::string& channel, const std::string& label) {
    std::vector<const Message*> new_left;
    for (const Message& m : n) new_left.push_back(&m);
    std::vector<const Message*> old_left;
    std::vector<std::pair<const Message*, const Message*>> pairs;
    for (const Message& m : o) {
      if (const Message* match = take(new_left, [&](const Message* c) { return same_message(c, m); }))
        pairs.push_back({&m, match});
      else
        old_left.push_back(&m);
    }
    // One message on each side that did not pair by name: the same message renamed.
    if (old_left.size() == 1 && new_left.size() == 1) {
      pairs.push_back({old_left[0], new_left[0]});
      old_left.clear();
      new_left.clear();
    }
    for (auto [a, b] : pairs)
      if (auto st = compare_message(*a, *b, action, label); !st) return st;
    std::string side(action_name(action));
    for (const Message* m : old_left)
      sink_.add("asyncapi." + side + "-message-removed", {{"message", m->name}, {"channel", channel}}, label,
                place(m->at), std::nullopt);
    for (const Message* m : new_left)
      sink_.add("asyncapi." + side + "-message-added", {{"message", m->name}, {"channel", channel}}, label,
                std::nullopt, place(m->at));
    return core::ok_status();
  }

  core::Status compare_message(const Message& o, const Message& n, Action action, const std::string& label) {
    if (o.content_type != n.content_type)
      sink_.add("asyncapi.message-content-type-changed",
                {{"message", n.name}, {"old", o.content_type}, {"new", n.content_type}}, label,
                place(o.content_type_at ? o.content_type_at : o.at), place(n.content_type_at ? n.content_type_at : n.at));
    compare_bindings(o.bindings, n.bindings, "message", "message '" + n.name + "'", label, sink_);
    compare_cloudevents(old_set_, o, new_set_, n, label, sink_);
    compare_correlation_id(o, n, label, sink_);
    if (auto st = compare_kafka_key(o, n, action, label); !st) return st;
    if (auto st = compare_part({o.payload, o.schema_format}, {n.payload, n.schema_format}, "payload", o, n, action, label);
        !st)
      return st;
    return compare_part({o.headers, o.headers_format}, {n.headers, n.headers_format}, "headers", o, n, action, label);
  }

  struct Part {
    const At& schema;
    const std::string& format;  // its schemaFormat ("" = JSON Schema)
  };

  // A message's payload or headers by their schema formats: JSON Schema and
  // OpenAPI 3.0 schema objects by the schema comparator (in their dialects),
  // Avro by the Avro rules; anything else (RAML, protobuf...), or a change
  // between formats, is reported as not compared.
  core::Status compare_part(Part o, Part n, const std::string& part, const Message& om, const Message& nm,
                            Action action, const std::string& label) {
    PayloadFormat of = payload_format(o.format), nf = payload_format(n.format);
    std::string subject = "message '" + nm.name + "' " + part;
    if (of.kind == PayloadFormat::json_schema && nf.kind == PayloadFormat::json_schema)
      return compare_schema(o.schema, n.schema, action, subject, label, sink_, {of.dialect, nf.dialect});
    if (of.kind == PayloadFormat::avro && nf.kind == PayloadFormat::avro && o.schema && n.schema)
      return compare_avro_payloads({old_set_, sources_.old_source, old_root_, o.schema},
                                   {new_set_, sources_.new_source, new_root_, n.schema}, avro_types_, action, nm.name,
                                   subject, label, sink_);
    std::string format = nf.kind == PayloadFormat::json_schema ? o.format : n.format;
    if (of.kind != nf.kind)
      format = (o.format.empty() ? "JSON Schema" : o.format) + " -> " + (n.format.empty() ? "JSON Schema" : n.format);
    sink_.add("asyncapi.payload-not-compared", {{"message", nm.name}, {"schema_format", format}, {"part", part}}, label,
              place(o.schema ? o.schema : om.at), place(n.schema ? n.schema : nm.at));
    return core::ok_status();
  }

  using Dialects = std::pair<core::Dialect, core::Dialect>;

  // One comparator per pair of dialects a schemaFormat forces (the usual
  // pair, none forced, is `schemas_`): a schema graph reads a document in one dialect.
  SchemaComparator& comparator(Dialects dialects) {
    if (dialects == Dialects{}) return schemas_;
    std::unique_ptr<SchemaComparator>& c = by_dialect_[dialects];
    if (!c) {
      c = std::make_unique<SchemaComparator>(old_set_, new_set_, asyncapi_schema_profile());
      c->set_dialects(dialects.first, dialects.second);
    }
    return *c;
  }

  // An absent schema accepts anything: compared against `{}` so that
  // adding a payload where there was none is a narrowing like any other.
  core::Status compare_schema(const At& o, const At& n, Action action, const std::string& subject,
                              const std::string& label, FindingSink& sink, Dialects dialects = {}) {
    if (!o && !n) return core::ok_status();
    SchemaScope scope;
    scope.operation = label;
    scope.subject = subject;
    scope.rule_prefix = action == Action::send ? "asyncapi.send-" : "asyncapi.receive-";
    Direction d = action == Action::send ? Direction::response : Direction::request;
    At os = o ? o : At{empty_schema(), ""}, ns = n ? n : At{empty_schema(), ""};
    return comparator(dialects).compare(os.node, os.pointer, ns.node, ns.pointer, d, scope, sink);
  }

  // Kafka keys (kafka_key.cpp); JSON Schema ones report their first breaking change.
  core::Status compare_kafka_key(const Message& o, const Message& n, Action action, const std::string& label) {
    auto json = [&](const At& ok, const At& nk, FindingSink& sink) -> core::Status {
      FindingSink scratch;
      if (auto st = compare_schema(ok, nk, action, "Kafka key", label, scratch); !st) return st;
      for (const Finding& f : scratch.findings()) {
        const RuleInfo* rule = nullptr;
        for (const RuleInfo& r : asyncapi_rule_table())
          if (r.id == f.rule) rule = &r;
        if (!rule || rule->severity == Severity::info) continue;
        sink.add("asyncapi.kafka-key-changed", {{"message", n.name}, {"change", f.rule.substr(f.rule.find('-') + 1)}},
                 label, ok ? std::optional(place(ok)) : std::nullopt, nk ? std::optional(place(nk)) : std::nullopt);
        break;
      }
      return core::ok_status();
    };
    KeyContext context{{old_set_, sources_.old_source, old_root_, {}}, {new_set_, sources_.new_source, new_root_, {}},
                       avro_types_, json};
    return asyncapi::compare_kafka_key(context, o, n, action, label, sink_);
  }

  void compare_servers(const Model& o, const Model& n) {
    for (const Server& os : o.servers) {
      const Server* ns = nullptr;
      for (const Server& s : n.servers)
        if (s.key == os.key) ns = &s;
      if (!ns) {
        sink_.add("asyncapi.server-removed", {{"server", os.key}}, "", place(os.at), std::nullopt);
        continue;
      }
      if (os.protocol != ns->protocol)
        sink_.add("asyncapi.server-protocol-changed", {{"server", os.key}, {"old", os.protocol}, {"new", ns->protocol}},
                  "", place(os.protocol_at ? os.protocol_at : os.at), place(ns->protocol_at ? ns->protocol_at : ns->at));
      if (os.host + os.pathname != ns->host + ns->pathname)
        sink_.add("asyncapi.server-host-changed",
                  {{"server", os.key}, {"old", os.host + os.pathname}, {"new", ns->host + ns->pathname}}, "",
                  place(os.host_at ? os.host_at : os.at), place(ns->host_at ? ns->host_at : ns->at));
      compare_bindings({os.bindings}, {ns->bindings}, "server", "server '" + os.key + "'", "", sink_);
      compare_security(os.security, ns->security, os.at, ns->at, "server '" + os.key + "'", "", sink_);
    }
  }

  const core::Node* empty_schema() {
    if (!empty_doc_) {
      auto doc = core::load_text("(no schema)", "{}");
      if (doc) empty_doc_ = std::move(*doc);
    }
    return empty_doc_ ? empty_doc_->root() : nullptr;
  }

  core::DocumentSet& old_set_;
  core::DocumentSet& new_set_;
  const core::Node* old_root_;
  const core::Node* new_root_;
  const AsyncApiSources& sources_;
  AvroTypeSearch avro_types_;
  SchemaComparator schemas_;
  std::map<Dialects, std::unique_ptr<SchemaComparator>> by_dialect_;
  FindingSink sink_;
  std::set<std::pair<std::string, std::string>> renamed_;
  std::unique_ptr<core::Document> empty_doc_;
};

}  // namespace

core::Expected<std::vector<Finding>> compare_asyncapi(core::DocumentSet& old_set, const core::Document& old_doc,
                                                      core::DocumentSet& new_set, const core::Document& new_doc,
                                                      const AsyncApiSources& sources) {
  auto o = build_model(old_set, old_doc);
  if (!o) return o.error();
  auto n = build_model(new_set, new_doc);
  if (!n) return n.error();
  AsyncDiff diff(old_set, old_doc, new_set, new_doc, sources);
  if (auto st = diff.run(*o, *n); !st) return st.error();
  return diff.take_findings();
}

}  // namespace accord::diff
