// Pairs the old and new model: operations by method + normalised path,
// parameters by position (path) or location + name, media types by name,
// responses by status, headers by lower-case name. Every pairing is a hash
// lookup, so a 1,000-operation spec costs no more than reading it.
#include <unordered_map>
#include <unordered_set>

#include "diff/openapi/operation_key.h"
#include "diff/openapi/rules.h"

namespace accord::diff::openapi {

namespace {

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
    check_path_parameter_renamed(cx, n, op, np);
    check_parameter_required(cx, n, op, np);
    check_parameter_serialization(cx, n, op, np);
    check_parameter_deprecation(cx, n, op, np);
    check_parameter_sunset(cx, n, op, np);
    cx.compare_schema(op.schema, np.schema, Direction::request, n.label, parameter_subject(np));
  }
  // A removed parameter that reappears under the same name elsewhere moved.
  for (const Parameter* op : removed) {
    const Parameter* moved = nullptr;
    for (const Parameter& np : n.parameters)
      if (!paired.count(&np) && np.name == op->name && np.in != op->in) moved = &np;
    if (moved) {
      paired.insert(moved);
      check_parameter_moved(cx, n, *op, *moved);
      cx.compare_schema(op->schema, moved->schema, Direction::request, n.label, parameter_subject(*moved));
    } else {
      check_parameter_removed(cx, o, *op, n);
    }
  }
  for (const Parameter& np : n.parameters)
    if (!paired.count(&np)) check_parameter_added(cx, o, n, np);
}

void walk_headers(Context& cx, const std::string& label, const Response& o, const Response& n) {
  auto new_by_key = index_by(n.headers, [](const Header& h) -> std::string_view { return h.key; });
  std::unordered_set<std::string_view> seen;
  for (const Header& oh : o.headers) {
    seen.insert(oh.key);
    auto it = new_by_key.find(oh.key);
    if (it == new_by_key.end()) {
      check_header_removed(cx, label, o, oh, n);
      continue;
    }
    check_header_required(cx, label, n, oh, *it->second);
    cx.compare_schema(oh.schema, it->second->schema, Direction::response, label,
                      "response " + n.status + " header '" + it->second->name + "'");
  }
  for (const Header& nh : n.headers)
    if (!seen.count(nh.key)) check_header_added(cx, label, o, n, nh);
}

// Whether the media range `wide` ("*/*", "application/*") covers `narrow`.
bool media_range_covers(std::string_view wide, std::string_view narrow) {
  auto bare = [](std::string_view m) { return m.substr(0, m.find(';')); };
  wide = bare(wide);
  narrow = bare(narrow);
  if (wide == narrow || wide.size() < 2 || wide.substr(wide.size() - 2) != "/*") return false;
  return wide == "*/*" || narrow.substr(0, wide.size() - 1) == wide.substr(0, wide.size() - 1);
}

void walk_media(Context& cx, Direction d, const std::string& label, const std::string& where,
                const std::vector<MediaType>& o, const NodeRef& old_parent, const std::vector<MediaType>& n,
                const NodeRef& new_parent) {
  auto new_by_name = index_by(n, [](const MediaType& m) -> std::string_view { return m.name; });
  auto old_by_name = index_by(o, [](const MediaType& m) -> std::string_view { return m.name; });
  std::unordered_set<std::string_view> seen;
  for (const MediaType& om : o) {
    seen.insert(om.name);
    auto it = new_by_name.find(om.name);
    if (it == new_by_name.end()) {
      // `application/json` became `application/*`: the same content under a
      // wider name, not a removal and an unrelated addition.
      const MediaType* wider = nullptr;
      for (const MediaType& nm : n)
        if (!old_by_name.count(nm.name) && media_range_covers(nm.name, om.name)) wider = &nm;
      if (!wider) {
        // `*/*` became `application/json`: a specialisation; what is under
        // both is still compared (a type change there is a real change).
        const MediaType* narrower = nullptr;
        for (const MediaType& nm : n)
          if (!narrower && !old_by_name.count(nm.name) && !seen.count(nm.name) && media_range_covers(om.name, nm.name))
            narrower = &nm;
        if (!narrower) {
          check_media_type_removed(cx, d, label, om, new_parent, where);
          continue;
        }
        seen.insert(narrower->name);
        check_media_type_specialized(cx, d, label, om, *narrower, where);
        check_media_schema(cx, d, label, om, *narrower, where + " (" + narrower->name + ")");
        continue;
      }
      seen.insert(wider->name);
      check_media_type_generalized(cx, d, label, om, *wider, where);
      check_media_schema(cx, d, label, om, *wider, where + " (" + wider->name + ")");
      continue;
    }
    check_media_schema(cx, d, label, om, *it->second, where + " (" + om.name + ")");
  }
  for (const MediaType& nm : n)
    if (!seen.count(nm.name)) check_media_type_added(cx, d, label, old_parent, nm, where);
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
      check_response_removed(cx, o, orr, n);
      continue;
    }
    const Response& nr = *it->second;
    walk_media(cx, Direction::response, n.label, "response " + nr.status, orr.content, orr.node, nr.content, nr.node);
    walk_headers(cx, n.label, orr, nr);
  }
  for (const Response& nr : n.responses)
    if (!seen.count(nr.status)) check_response_added(cx, o, n, nr);
}

void walk_operation(Context& cx, const Operation& o, const Operation& n) {
  check_operation_id(cx, o, n);
  check_operation_deprecation(cx, o, n);
  check_operation_sunset(cx, o, n);
  check_operation_stability(cx, o, n);
  check_operation_texts(cx, o, n);
  check_operation_tags(cx, o, n);
  walk_parameters(cx, o, n);
  check_request_body(cx, o, n);
  if (o.request_body && n.request_body)
    walk_media(cx, Direction::request, n.label, "request body", o.request_body->content, o.request_body->node,
               n.request_body->content, n.request_body->node);
  walk_responses(cx, o, n);
  check_operation_security(cx, o, n);
}

}  // namespace

void walk(Context& cx, const Api& o, const Api& n) {
  check_servers(cx, o, n);
  check_security_schemes(cx, o, n);
  check_webhooks(cx, o, n);
  walk_webhooks(cx, o, n);

  auto new_ops = index_by(n.operations, [](const Operation& op) -> std::string_view { return op.key; });
  auto new_paths = index_by(n.path_items, [](const PathItem& p) -> std::string_view { return p.key; });
  auto old_paths = index_by(o.path_items, [](const PathItem& p) -> std::string_view { return p.key; });
  // Operations of paths that vanished entirely, reported once per path.
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
    NodeRef new_parent = path != new_paths.end() ? path->second->node : n.paths;
    if (check_deprecated_operation_removed(cx, op, new_parent)) continue;
    if (path == new_paths.end())
      gone_paths[op.path_key].push_back(&op);
    else
      check_operation_removed(cx, op, new_parent);
  }
  for (const PathItem& p : o.path_items) {
    auto it = gone_paths.find(p.key);
    if (it != gone_paths.end() && !it->second.empty()) {
      check_path_removed(cx, p, n.paths, it->second);
      it->second.clear();
    }
  }
  for (const PathItem& p : n.path_items)
    if (!old_paths.count(p.key)) check_path_added(cx, o.paths, p);
  for (const Operation& op : n.operations) {
    if (seen.count(op.key)) continue;
    auto path = old_paths.find(op.path_key);
    if (path != old_paths.end()) check_operation_added(cx, path->second->node, op);
  }
}

}  // namespace accord::diff::openapi
