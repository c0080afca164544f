// AsyncAPI comparison over the normalised model (model.h): the walk pairs
// servers by key, operations, their channels' parameters by name, messages
// by name and security requirements by the schemes they need, and at each
// pair runs every rule row's handler of that level (rules.h); it never calls
// a rule by name. Payload, header and parameter schemas it hands to the
// schema comparator or the Avro rules itself.
//
// Operations are paired by (channel address, action), so a 2.x document and
// its 3.0 rewrite pair up although 3.0 gives channels and operations ids of
// their own. What is left is paired by operation id with the same action
// (the channel was renamed), then, when exactly one operation of an action
// is left on each side, those two (a rename of both channel and operation).
#include "diff/asyncapi/compare.h"

#include <algorithm>
#include <set>

#include "diff/asyncapi/rules.h"
#include "diff/model/handler_rows.h"

namespace accord::diff {

namespace asyncapi {

void Context::report(std::vector<Arg> args, const std::string& operation, std::optional<Place> old_place,
                     std::optional<Place> new_place) {
  sink.add(rule, std::move(args), operation, std::move(old_place), std::move(new_place));
}

void Context::fail(const core::Status& status) {
  if (!status && !error) error = status.error();
}

std::string_view action_name(Action a) { return a == Action::send ? "send" : "receive"; }

std::string operation_label(const Operation& op) {
  return std::string(action_name(op.action)) + " " + op.channel.address;
}

namespace {

std::set<std::string> names_of(const SecurityRequirement& r) {
  std::set<std::string> out;
  for (const SecurityEntry& e : r.schemes) out.insert(e.name);
  return out;
}

size_t common(const std::set<std::string>& a, const std::set<std::string>& b) {
  size_t n = 0;
  for (const std::string& x : a) n += b.count(x);
  return n;
}

}  // namespace

// Security requirements are paired by what a client holds: it satisfies one
// old requirement, so each old one is matched to the new requirement that
// client is most likely to use (rules_security.cpp says what pairs mean).
bool requires_credentials(const std::vector<SecurityRequirement>& list) {
  return !list.empty() &&
         std::none_of(list.begin(), list.end(), [](const SecurityRequirement& r) { return r.schemes.empty(); });
}

std::string label_of(const SecurityRequirement& r) {
  std::string out;
  for (const std::string& name : names_of(r)) out += (out.empty() ? "" : " + ") + name;
  return out;
}

// The same schemes; else the largest requirement asking for none the old
// one lacks (its clients still pass); else the one sharing most schemes
// (fewest added on a tie).
const SecurityRequirement* counterpart(const SecurityRequirement& old_req, const std::vector<SecurityRequirement>& n) {
  std::set<std::string> had = names_of(old_req);
  const SecurityRequirement* subset = nullptr;
  const SecurityRequirement* overlap = nullptr;
  for (const SecurityRequirement& r : n) {
    std::set<std::string> names = names_of(r);
    if (names.empty()) continue;
    if (names == had) return &r;
    size_t shared = common(names, had);
    if (shared == names.size() && (!subset || names.size() > subset->schemes.size())) subset = &r;
    if (shared == 0) continue;
    if (!overlap) {
      overlap = &r;
      continue;
    }
    size_t best = common(names_of(*overlap), had);
    if (shared > best || (shared == best && names.size() < overlap->schemes.size())) overlap = &r;
  }
  return subset ? subset : overlap;
}

namespace {

// Runs the handler of every row that registered one at `Level` (none after an error).
template <auto Level, class... A>
void run(Context& cx, const A&... args) {
  static const std::vector<const Rule*> rows = rows_at<Level>(all_rules());
  for (const Rule* rule : rows) {
    if (cx.error) return;
    cx.rule = rule->info.id;
    (rule->on.*Level)(cx, args...);
  }
}

// Takes the first element of `list` that `pred` accepts out of it.
template <class T, class Pred>
const T* take(std::vector<const T*>& list, Pred pred) {
  for (auto it = list.begin(); it != list.end(); ++it)
    if (pred(*it)) {
      const T* found = *it;
      list.erase(it);
      return found;
    }
  return nullptr;
}

template <class T>
std::vector<const T*> pointers(const std::vector<T>& items) {
  std::vector<const T*> out;
  for (const T& item : items) out.push_back(&item);
  return out;
}

using OperationPairs = std::vector<std::pair<const Operation*, const Operation*>>;

// Moves the elements of `old_left` that `match` finds a partner for in
// `new_left` (taking it out) into `pairs`.
template <class Match>
void pair_off(std::vector<const Operation*>& old_left, std::vector<const Operation*>& new_left, OperationPairs& pairs,
              Match match) {
  for (auto it = old_left.begin(); it != old_left.end();) {
    const Operation* op = *it;
    const Operation* m = take(new_left, [&](const Operation* c) { return match(*op, *c); });
    if (m) pairs.push_back({op, m}), it = old_left.erase(it);
    else ++it;
  }
}

OperationPairs pair_operations(std::vector<const Operation*>& old_left, std::vector<const Operation*>& new_left) {
  OperationPairs pairs;
  auto same_place = [](const Operation& a, const Operation& b) {
    return a.action == b.action && a.channel.address == b.channel.address;
  };
  // Same id, action and address first: several operations may share one
  // channel (a WebSocket's `/`), and document order must not decide.
  auto same_id = [](const Operation& a, const Operation& b) { return a.action == b.action && a.id == b.id; };
  pair_off(old_left, new_left, pairs, [&](const Operation& a, const Operation& b) {
    return same_place(a, b) && same_id(a, b);
  });
  pair_off(old_left, new_left, pairs, same_place);
  // Left over: the channel was renamed (an empty id pairs with nothing).
  pair_off(old_left, new_left, pairs, [&](const Operation& a, const Operation& b) {
    return !a.id.empty() && same_id(a, b);
  });
  // One operation of an action left on each side: both channel and operation renamed.
  for (Action a : {Action::send, Action::receive}) {
    auto is_a = [&](const Operation* op) { return op->action == a; };
    if (std::count_if(old_left.begin(), old_left.end(), is_a) != 1 ||
        std::count_if(new_left.begin(), new_left.end(), is_a) != 1)
      continue;
    const Operation* o = take(old_left, is_a);
    pairs.push_back({o, take(new_left, is_a)});
  }
  return pairs;
}

class Walker {
 public:
  explicit Walker(Context& cx) : cx_(cx) {}

  void walk(const Model& o, const Model& n) {
    walk_servers(o, n);
    std::vector<const Operation*> old_left = pointers(o.operations), new_left = pointers(n.operations);
    for (auto [a, b] : pair_operations(old_left, new_left)) walk_operation(*a, *b);
    for (const Operation* op : old_left) run<&Handlers::operation_removed>(cx_, *op, n);
    for (const Operation* op : new_left) run<&Handlers::operation_added>(cx_, o, *op);
  }

 private:
  void walk_servers(const Model& o, const Model& n) {
    for (const Server& os : o.servers) {
      const Server* ns = nullptr;
      for (const Server& s : n.servers)
        if (s.key == os.key) ns = &s;
      if (!ns) {
        run<&Handlers::server_removed>(cx_, os, n);
        continue;
      }
      run<&Handlers::server>(cx_, os, *ns);
      std::string subject = "server '" + os.key + "'";
      walk_security({subject, "", os.at, ns->at}, os.security, ns->security);
    }
  }

  void walk_operation(const Operation& o, const Operation& n) {
    std::string label = operation_label(n);
    walk_channel(o.channel, n.channel, n.action, label);
    walk_security({"operation '" + label + "'", label, o.at, n.at}, o.security, n.security);
    run<&Handlers::operation>(cx_, o, n);
    walk_messages(o.messages, n.messages, {n.action, n.channel.address, label});
    if (!o.has_reply || !n.has_reply) return;
    // The reply travels the other way.
    Action back = n.action == Action::send ? Action::receive : Action::send;
    walk_channel(o.reply_channel, n.reply_channel, back, label);
    walk_messages(o.reply_messages, n.reply_messages, {back, n.reply_channel.address, label});
  }

  void walk_channel(const Channel& o, const Channel& n, Action action, const std::string& label) {
    const ChannelPair c{o, n, action, label, seen_channels_.insert({o.address, n.address}).second};
    run<&Handlers::channel>(cx_, c);
    auto find = [](const Channel& in, const std::string& name) -> const Parameter* {
      for (const Parameter& p : in.parameters)
        if (p.name == name) return &p;
      return nullptr;
    };
    std::vector<std::pair<const Parameter*, const Parameter*>> pairs;
    for (const Parameter& op : o.parameters) {
      const Parameter* np = find(n, op.name);
      if (!np) {
        run<&Handlers::parameter_removed>(cx_, c, op);
        continue;
      }
      pairs.push_back({&op, np});
      run<&Handlers::parameter>(cx_, c, op, *np);
    }
    for (const Parameter& np : n.parameters)
      if (!find(o, np.name)) run<&Handlers::parameter_added>(cx_, c, np);
    for (auto [a, b] : pairs) compare_json(a->schema, b->schema, action, "channel parameter '" + b->name + "'", label);
  }

  void walk_messages(const std::vector<Message>& o, const std::vector<Message>& n, const MessageSite& site) {
    auto same_message = [](const Message& a, const Message& b) {
      for (const std::string& x : a.names)
        for (const std::string& y : b.names)
          if (x == y) return true;
      return false;
    };
    std::vector<const Message*> new_left = pointers(n);
    std::vector<const Message*> old_left;
    std::vector<std::pair<const Message*, const Message*>> pairs;
    for (const Message& m : o) {
      if (const Message* match = take(new_left, [&](const Message* c) { return same_message(*c, m); }))
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
    for (auto [a, b] : pairs) walk_message(*a, *b, site);
    for (const Message* m : old_left) run<&Handlers::message_removed>(cx_, site, *m);
    for (const Message* m : new_left) run<&Handlers::message_added>(cx_, site, *m);
  }

  void walk_message(const Message& o, const Message& n, const MessageSite& site) {
    run<&Handlers::message>(cx_, site, o, n);
    walk_part(o.payload, o.schema_format, n.payload, n.schema_format, "payload", n, site);
    walk_part(o.headers, o.headers_format, n.headers, n.headers_format, "headers", n, site);
  }

  // A message's payload or headers to whichever comparator reads their
  // schema formats (part_reader); the rest is the rows' (payload-not-compared).
  void walk_part(const At& o, const std::string& old_format, const At& n, const std::string& new_format,
                 const std::string& part, const Message& nm, const MessageSite& site) {
    PayloadFormat of = payload_format(old_format), nf = payload_format(new_format);
    std::string subject = "message '" + nm.name + "' " + part;
    switch (part_reader(of, nf, o && n)) {
      case PartReader::json_schema:
        return compare_json(o, n, site.action, subject, site.operation, {of.dialect, nf.dialect});
      case PartReader::avro:
        if (!cx_.error)
          cx_.fail(cx_.schemas.compare_avro(o, n, site.action, nm.name, subject, site.operation, cx_.sink));
        return;
      case PartReader::none:
        return;
    }
  }

  void compare_json(const At& o, const At& n, Action action, const std::string& subject, const std::string& label,
                    Schemas::Dialects dialects = {}) {
    if (!cx_.error) cx_.fail(cx_.schemas.compare_json(o, n, action, subject, label, cx_.sink, dialects));
  }

  // Requirements are paired only while both versions require credentials
  // (gaining or losing the requirement is the lists' finding).
  void walk_security(const SecuritySite& site, const std::vector<SecurityRequirement>& o,
                     const std::vector<SecurityRequirement>& n) {
    run<&Handlers::security>(cx_, site, o, n);
    if (!requires_credentials(o) || !requires_credentials(n)) return;
    std::set<const SecurityRequirement*> matched;
    for (const SecurityRequirement& old_req : o) {
      const SecurityRequirement* new_req = counterpart(old_req, n);
      if (!new_req) {
        run<&Handlers::requirement_removed>(cx_, site, old_req);
        continue;
      }
      matched.insert(new_req);
      walk_schemes(site, old_req, *new_req);
    }
    for (const SecurityRequirement& r : n)
      if (!matched.count(&r)) run<&Handlers::requirement_added>(cx_, site, r);
  }

  void walk_schemes(const SecuritySite& site, const SecurityRequirement& o, const SecurityRequirement& n) {
    auto find = [](const SecurityRequirement& r, const std::string& name) -> const SecurityEntry* {
      for (const SecurityEntry& e : r.schemes)
        if (e.name == name) return &e;
      return nullptr;
    };
    for (const SecurityEntry& e : n.schemes)
      if (!find(o, e.name)) run<&Handlers::scheme_added>(cx_, site, o, e);
    for (const SecurityEntry& e : o.schemes)
      if (!find(n, e.name)) run<&Handlers::scheme_removed>(cx_, site, e, n);
    for (const SecurityEntry& e : o.schemes)
      if (const SecurityEntry* ne = find(n, e.name)) run<&Handlers::scheme>(cx_, site, e, *ne);
  }

  Context& cx_;
  // (old, new) channel addresses an operation reached already.
  std::set<std::pair<std::string, std::string>> seen_channels_;
};

}  // namespace

void walk(Context& cx, const Model& o, const Model& n) { Walker(cx).walk(o, n); }

}  // namespace asyncapi

core::Expected<std::vector<Finding>> compare_asyncapi(core::DocumentSet& old_set, const core::Document& old_doc,
                                                      core::DocumentSet& new_set, const core::Document& new_doc,
                                                      const AsyncApiSources& sources) {
  auto o = asyncapi::build_model(old_set, old_doc);
  if (!o) return o.error();
  auto n = asyncapi::build_model(new_set, new_doc);
  if (!n) return n.error();
  FindingSink sink;
  asyncapi::Schemas schemas(old_set, old_doc, new_set, new_doc, sources);
  asyncapi::Context cx{sink, schemas, std::nullopt, {}};
  asyncapi::walk(cx, *o, *n);
  if (cx.error) return *cx.error;
  return sink.take();
}

}  // namespace accord::diff
