// Pairs the old and new model: operations by method + normalised path,
// parameters by position (path) or location + name, media types by name,
// responses by status, headers by lower-case name, security alternatives by
// their schemes, security schemes by name, OAuth2 flows by name. Every
// pairing is a hash lookup, so a 1,000-operation spec costs no more than
// reading it. At each pair the walker runs every rule row's handler of that
// level (rules.h); it never calls a rule by name.
#include <map>
#include <unordered_map>
#include <unordered_set>

#include "diff/openapi/operation_key.h"
#include "diff/openapi/rules.h"
#include "diff/model/handler_rows.h"

namespace accord::diff::openapi {

namespace {

// Runs the handler of every row that registered one at `Level`.
template <auto Level, class... A>
void run(Context& cx, const A&... args) {
  static const std::vector<const Rule*> rows = rows_at<Level>(all_rules());
  for (const Rule* rule : rows) {
    cx.rule = rule->info.id;
    (rule->on.*Level)(cx, args...);
  }
}

template <class T, class KeyFn>
std::unordered_map<std::string_view, const T*> index_by(const std::vector<T>& items, KeyFn key) {
  std::unordered_map<std::string_view, const T*> out;
  out.reserve(items.size());
  for (const T& item : items) out.emplace(key(item), &item);  // first wins on duplicates
  return out;
}

void walk_parameters(Context& cx, const Operation& o, const Operation& n) {
  auto new_by_key = index_by(n.parameters, [](const Parameter& p) -> std::string_view { return p.key; });
  std::unordered_set<const Parameter*> paired;
  std::vector<const Parameter*> removed;
  for (const Parameter& op : o.parameters) {
    auto it = new_by_key.find(op.key);
    if (it == new_by_key.end()) {
      removed.push_back(&op);
      continue;
    }
    const Parameter& np = *it->second;
    paired.insert(&np);
    run<&Handlers::parameter>(cx, n, op, np);
    cx.compare_schema(op.schema, np.schema, Direction::request, n.label, parameter_subject(np));
  }
  // A removed parameter that reappears under the same name elsewhere moved.
  for (const Parameter* op : removed) {
    const Parameter* moved = nullptr;
    for (const Parameter& np : n.parameters)
      if (!paired.count(&np) && np.name == op->name && np.in != op->in) moved = &np;
    if (moved) {
      paired.insert(moved);
      run<&Handlers::parameter_moved>(cx, n, *op, *moved);
      cx.compare_schema(op->schema, moved->schema, Direction::request, n.label, parameter_subject(*moved));
    } else {
      run<&Handlers::parameter_removed>(cx, o, *op, n);
    }
  }
  for (const Parameter& np : n.parameters)
    if (!paired.count(&np)) run<&Handlers::parameter_added>(cx, o, n, np);
}

void walk_headers(Context& cx, const std::string& label, const Response& o, const Response& n) {
  auto new_by_key = index_by(n.headers, [](const Header& h) -> std::string_view { return h.key; });
  std::unordered_set<std::string_view> seen;
  for (const Header& oh : o.headers) {
    seen.insert(oh.key);
    auto it = new_by_key.find(oh.key);
    if (it == new_by_key.end()) {
      run<&Handlers::header_removed>(cx, label, o, oh, n);
      continue;
    }
    run<&Handlers::header>(cx, label, n, oh, *it->second);
    cx.compare_schema(oh.schema, it->second->schema, Direction::response, label,
                      "response " + n.status + " header '" + it->second->name + "'");
  }
  for (const Header& nh : n.headers)
    if (!seen.count(nh.key)) run<&Handlers::header_added>(cx, label, o, n, nh);
}

// Whether the media range `wide` ("*/*", "application/*") covers `narrow`.
bool media_range_covers(std::string_view wide, std::string_view narrow) {
  auto bare = [](std::string_view m) { return m.substr(0, m.find(';')); };
  wide = bare(wide);
  narrow = bare(narrow);
  if (wide == narrow || wide.size() < 2 || wide.substr(wide.size() - 2) != "/*") return false;
  return wide == "*/*" || narrow.substr(0, wide.size() - 1) == wide.substr(0, wide.size() - 1);
}

// A paired media type: the rows' handlers, then its schemas to the comparator.
void media_pair(Context& cx, const MediaSite& site, const MediaType& o, const MediaType& n, MediaMatch match) {
  MediaPair pair{site, o, n, match, site.where + " (" + n.name + ")"};
  run<&Handlers::media>(cx, pair);
  if (o.schema && n.schema) cx.compare_schema(o.schema, n.schema, site.direction, site.operation, pair.subject);
}

void walk_media(Context& cx, Direction d, const std::string& label, const std::string& where,
                const std::vector<MediaType>& o, const NodeRef& old_parent, const std::vector<MediaType>& n,
                const NodeRef& new_parent) {
  const MediaSite site{d, label, where};
  auto new_by_name = index_by(n, [](const MediaType& m) -> std::string_view { return m.name; });
  auto old_by_name = index_by(o, [](const MediaType& m) -> std::string_view { return m.name; });
  std::unordered_set<std::string_view> seen;
  for (const MediaType& om : o) {
    seen.insert(om.name);
    auto it = new_by_name.find(om.name);
    if (it != new_by_name.end()) {
      media_pair(cx, site, om, *it->second, MediaMatch::same);
      continue;
    }
    // `application/json` became `application/*`: the same content under a
    // wider name, not a removal and an unrelated addition.
    const MediaType* wider = nullptr;
    for (const MediaType& nm : n)
      if (!old_by_name.count(nm.name) && media_range_covers(nm.name, om.name)) wider = &nm;
    if (wider) {
      seen.insert(wider->name);
      media_pair(cx, site, om, *wider, MediaMatch::generalized);
      continue;
    }
    // `*/*` became `application/json`: a specialisation; what is under
    // both is still compared (a type change there is a real change).
    const MediaType* narrower = nullptr;
    for (const MediaType& nm : n)
      if (!narrower && !old_by_name.count(nm.name) && !seen.count(nm.name) && media_range_covers(om.name, nm.name))
        narrower = &nm;
    if (narrower) {
      seen.insert(narrower->name);
      media_pair(cx, site, om, *narrower, MediaMatch::specialized);
      continue;
    }
    run<&Handlers::media_removed>(cx, site, om, new_parent);
  }
  for (const MediaType& nm : n)
    if (!seen.count(nm.name)) run<&Handlers::media_added>(cx, site, old_parent, nm);
}

// A webhook is a request the API sends: its payload is an output (it may
// only narrow, like a response) and what the receiver answers is an input.
void walk_webhook(Context& cx, const Operation& o, const Operation& n) {
  if (o.request_body && n.request_body)
    walk_media(cx, Direction::output, n.label, "webhook payload", o.request_body->content, o.request_body->node,
               n.request_body->content, n.request_body->node);
  auto new_by_status = index_by(n.responses, [](const Response& r) -> std::string_view { return r.status; });
  for (const Response& orr : o.responses) {
    auto it = new_by_status.find(orr.status);
    if (it == new_by_status.end()) continue;
    walk_media(cx, Direction::input, n.label, "webhook response " + orr.status, orr.content, orr.node,
               it->second->content, it->second->node);
  }
}

void walk_webhooks(Context& cx, const Api& o, const Api& n) {
  auto new_hooks = index_by(n.webhooks, [](const Operation& op) -> std::string_view { return op.key; });
  for (const Operation& op : o.webhooks)
    if (auto it = new_hooks.find(op.key); it != new_hooks.end()) walk_webhook(cx, op, *it->second);
}

void walk_responses(Context& cx, const Operation& o, const Operation& n) {
  auto new_by_status = index_by(n.responses, [](const Response& r) -> std::string_view { return r.status; });
  std::unordered_set<std::string_view> seen;
  for (const Response& orr : o.responses) {
    seen.insert(orr.status);
    auto it = new_by_status.find(orr.status);
    if (it == new_by_status.end()) {
      run<&Handlers::response_removed>(cx, o, orr, n);
      continue;
    }
    const Response& nr = *it->second;
    walk_media(cx, Direction::response, n.label, "response " + nr.status, orr.content, orr.node, nr.content, nr.node);
    walk_headers(cx, n.label, orr, nr);
  }
  for (const Response& nr : n.responses)
    if (!seen.count(nr.status)) run<&Handlers::response_added>(cx, o, n, nr);
}

// Security alternatives are compared only while both versions require
// credentials (gaining or losing the requirement is the operation's finding).
void walk_security(Context& cx, const Operation& o, const Operation& n) {
  if (!requires_credentials(o.security) || !requires_credentials(n.security)) return;
  std::map<std::string_view, const SecurityAlternative*> new_alts;
  for (const SecurityAlternative& a : n.security.alternatives) new_alts.emplace(a.key, &a);
  for (const SecurityAlternative& oa : o.security.alternatives) {
    auto it = new_alts.find(oa.key);
    if (it == new_alts.end()) {
      run<&Handlers::security_alternative_removed>(cx, o, n, oa);
      continue;
    }
    run<&Handlers::security_alternative>(cx, n.label, oa, *it->second);
    new_alts.erase(it);
  }
  for (const auto& [key, na] : new_alts) run<&Handlers::security_alternative_added>(cx, o, n, *na);
}

void walk_operation(Context& cx, const Operation& o, const Operation& n) {
  run<&Handlers::operation>(cx, o, n);
  walk_parameters(cx, o, n);
  if (o.request_body && n.request_body)
    walk_media(cx, Direction::request, n.label, "request body", o.request_body->content, o.request_body->node,
               n.request_body->content, n.request_body->node);
  walk_responses(cx, o, n);
  walk_security(cx, o, n);
}

// OAuth2 flows are compared only between schemes that still send
// credentials the same way (a changed shape is the scheme's finding).
void walk_flows(Context& cx, const SecurityScheme& os, const SecurityScheme& ns) {
  if (credential_shape(os) != credential_shape(ns) || os.type != "oauth2") return;
  std::map<std::string_view, const OAuthFlow*> new_flows;
  for (const OAuthFlow& f : ns.flows) new_flows.emplace(f.name, &f);
  for (const OAuthFlow& of : os.flows) {
    auto it = new_flows.find(of.name);
    if (it == new_flows.end()) {
      run<&Handlers::flow_removed>(cx, ns, of);
      continue;
    }
    run<&Handlers::flow>(cx, ns, of, *it->second);
    new_flows.erase(it);
  }
  for (const auto& [name, f] : new_flows) run<&Handlers::flow_added>(cx, os, ns, *f);
}

void walk_security_schemes(Context& cx, const Api& o, const Api& n) {
  std::map<std::string_view, const SecurityScheme*> new_schemes;
  for (const SecurityScheme& s : n.security_schemes) new_schemes.emplace(s.name, &s);
  for (const SecurityScheme& os : o.security_schemes) {
    auto it = new_schemes.find(os.name);
    if (it == new_schemes.end()) {
      run<&Handlers::scheme_removed>(cx, os, n);
      continue;
    }
    run<&Handlers::scheme>(cx, os, *it->second);
    walk_flows(cx, os, *it->second);
    new_schemes.erase(it);
  }
  for (const auto& [name, s] : new_schemes) run<&Handlers::scheme_added>(cx, o, *s);
}

}  // namespace

void walk(Context& cx, const Api& o, const Api& n) {
  run<&Handlers::api>(cx, o, n);
  walk_security_schemes(cx, o, n);
  walk_webhooks(cx, o, n);

  auto new_ops = index_by(n.operations, [](const Operation& op) -> std::string_view { return op.key; });
  auto new_paths = index_by(n.path_items, [](const PathItem& p) -> std::string_view { return p.key; });
  auto old_paths = index_by(o.path_items, [](const PathItem& p) -> std::string_view { return p.key; });
  // Operations of paths that vanished entirely, handed over once per path.
  std::unordered_map<std::string_view, std::vector<const Operation*>> gone_paths;
  std::unordered_set<std::string_view> seen;
  for (const Operation& op : o.operations) {
    seen.insert(op.key);
    auto it = new_ops.find(op.key);
    if (it != new_ops.end()) {
      walk_operation(cx, op, *it->second);
      continue;
    }
    auto path = new_paths.find(op.path_key);
    bool whole_path = path == new_paths.end();
    run<&Handlers::operation_removed>(cx, op, whole_path ? n.paths : path->second->node, whole_path);
    if (whole_path) gone_paths[op.path_key].push_back(&op);
  }
  for (const PathItem& p : o.path_items) {
    auto it = gone_paths.find(p.key);
    if (it != gone_paths.end() && !it->second.empty()) {
      run<&Handlers::path_removed>(cx, p, n.paths, it->second);
      it->second.clear();
    }
  }
  for (const PathItem& p : n.path_items)
    if (!old_paths.count(p.key)) run<&Handlers::path_added>(cx, o.paths, p);
  for (const Operation& op : n.operations) {
    if (seen.count(op.key)) continue;
    auto path = old_paths.find(op.path_key);
    if (path != old_paths.end()) run<&Handlers::operation_added>(cx, path->second->node, op);
  }
}

}  // namespace accord::diff::openapi
