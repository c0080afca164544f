// Rules on paths, operations, their deprecation lifecycle and their texts.
#include <algorithm>
#include <cctype>

#include "core/json_pointer.h"
#include "diff/openapi/operation_key.h"
#include "diff/openapi/rules.h"

namespace accord::diff::openapi {

bool is_iso_date(std::string_view s) {
  if (s.size() < 10) return false;
  for (size_t i = 0; i < 10; ++i) {
    bool digit = std::isdigit(static_cast<unsigned char>(s[i])) != 0;
    if ((i == 4 || i == 7) ? s[i] != '-' : !digit) return false;
  }
  return true;
}

bool sunset_passed(std::string_view sunset, std::string_view today) {
  return is_iso_date(sunset) && sunset.substr(0, 10) < today;
}

void check_path_removed(Context& cx, const PathItem& old_path, const NodeRef& new_paths,
                        const std::vector<const Operation*>& removed_without_deprecation) {
  std::string methods;
  std::vector<std::string> labels;
  for (const Operation* op : removed_without_deprecation) {
    if (!methods.empty()) methods += ", ";
    for (char c : op->method) methods += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    labels.push_back(op->label);
  }
  cx.report("openapi.path-removed", {{"path", old_path.path}, {"methods", methods}}, "", old_path.node, new_paths);
  cx.sink.set_last_operations(std::move(labels));  // so consumers and ignores see each removed operation
}

void check_path_added(Context& cx, const NodeRef& old_paths, const PathItem& new_path) {
  cx.report("openapi.path-added", {{"path", new_path.path}}, "", old_paths, new_path.node);
}

bool check_deprecated_operation_removed(Context& cx, const Operation& op, const NodeRef& new_parent) {
  if (!op.deprecated) return false;
  if (!op.sunset.empty() && !sunset_passed(op.sunset, cx.today)) {
    cx.report("openapi.operation-removed-before-sunset", {{"sunset", op.sunset}}, op.label, op.node, new_parent);
  } else {
    cx.report("openapi.deprecated-operation-removed", {}, op.label, op.node, new_parent);
  }
  return true;
}

void check_operation_removed(Context& cx, const Operation& op, const NodeRef& new_parent) {
  cx.report("openapi.operation-removed", {}, op.label, op.node, new_parent);
}

void check_operation_added(Context& cx, const NodeRef& old_parent, const Operation& op) {
  cx.report("openapi.operation-added", {}, op.label, old_parent, op.node);
}

void check_operation_id(Context& cx, const Operation& o, const Operation& n) {
  if (o.operation_id == n.operation_id || o.operation_id.empty() || n.operation_id.empty()) return;
  cx.report("openapi.operation-id-changed", {{"old", o.operation_id}, {"new", n.operation_id}}, n.label,
            child_of(o.node, "operationId"), child_of(n.node, "operationId"));
}

void check_operation_deprecation(Context& cx, const Operation& o, const Operation& n) {
  if (!o.deprecated && n.deprecated) {
    std::string note = n.sunset.empty() ? "" : " (sunset " + n.sunset + ")";
    NodeRef old_at = child_of(o.node, "deprecated");
    cx.report("openapi.operation-deprecated", {{"sunset_note", note}}, n.label, old_at ? old_at : o.node,
              child_of(n.node, "deprecated"));
  } else if (o.deprecated && !n.deprecated) {
    cx.report("openapi.operation-reactivated", {}, n.label, child_of(o.node, "deprecated"), n.node);
  }
}

// Only what this change does is judged: deprecating without a date, or
// writing a date that cannot be read; an old, undated deprecation is left alone.
void check_sunset_policy(Context& cx, const Deprecatable& d, std::vector<Arg> args, const std::string& operation) {
  if (!d.is_deprecated) return;
  NodeRef new_sunset = child_of(d.new_node, "x-sunset");
  if (!d.was_deprecated && d.new_sunset.empty()) {
    NodeRef old_at = child_of(d.old_node, "deprecated");
    cx.report("openapi.deprecated-without-sunset", std::move(args), operation, old_at ? old_at : d.old_node,
              child_of(d.new_node, "deprecated"));
  } else if (!d.new_sunset.empty() && d.new_sunset != d.old_sunset && !is_iso_date(d.new_sunset)) {
    args.push_back({"sunset", std::string(d.new_sunset)});
    NodeRef old_at = child_of(d.old_node, "x-sunset");
    cx.report("openapi.sunset-invalid", std::move(args), operation, old_at ? old_at : d.old_node, new_sunset);
  } else if (!cx.earliest_sunset.empty() && !d.new_sunset.empty() && d.new_sunset != d.old_sunset &&
             d.new_sunset.substr(0, 10) < cx.earliest_sunset) {
    args.push_back({"sunset", std::string(d.new_sunset)});
    args.push_back({"days", std::to_string(cx.min_deprecation_days)});
    NodeRef old_at = child_of(d.old_node, "x-sunset");
    cx.report("openapi.sunset-too-soon", std::move(args), operation, old_at ? old_at : d.old_node, new_sunset);
  }
}

void check_operation_sunset(Context& cx, const Operation& o, const Operation& n) {
  check_sunset_policy(cx, {o.deprecated, n.deprecated, o.sunset, n.sunset, o.node, n.node}, {{"what", "operation"}},
                      n.label);
  if (!o.deprecated || !n.deprecated || o.sunset.empty() || o.sunset == n.sunset) return;
  if (n.sunset.empty()) {
    cx.report("openapi.operation-sunset-removed", {{"old", o.sunset}}, n.label, child_of(o.node, "x-sunset"), n.node);
  } else if (is_iso_date(o.sunset) && is_iso_date(n.sunset) && n.sunset.substr(0, 10) < o.sunset.substr(0, 10)) {
    cx.report("openapi.operation-sunset-moved-earlier", {{"old", o.sunset}, {"new", n.sunset}}, n.label,
              child_of(o.node, "x-sunset"), child_of(n.node, "x-sunset"));
  }
}

namespace {
// x-stability-level, least to most stable; -1 for a value outside the scale.
int stability_rank(std::string_view level) {
  constexpr std::string_view kLevels[] = {"draft", "alpha", "beta", "stable"};
  for (int i = 0; i < 4; ++i)
    if (level == kLevels[i]) return i;
  return -1;
}
}  // namespace

// An operation without x-stability-level counts as stable: promising less
// than before (stable -> beta) takes a guarantee away from its clients.
void check_operation_stability(Context& cx, const Operation& o, const Operation& n) {
  NodeRef old_at = child_of(o.node, "x-stability-level"), new_at = child_of(n.node, "x-stability-level");
  if (!n.stability.empty() && stability_rank(n.stability) < 0) {
    cx.report("openapi.stability-level-invalid", {{"value", n.stability}}, n.label, old_at ? old_at : o.node, new_at);
    return;
  }
  if (!o.stability.empty() && stability_rank(o.stability) < 0) return;  // nothing to compare against
  int was = o.stability.empty() ? 3 : stability_rank(o.stability);
  int is = n.stability.empty() ? 3 : stability_rank(n.stability);
  std::string old_name = o.stability.empty() ? "stable" : o.stability;
  std::string new_name = n.stability.empty() ? "stable" : n.stability;
  if (is < was)
    cx.report("openapi.stability-decreased", {{"old", old_name}, {"new", new_name}}, n.label, old_at ? old_at : o.node,
              new_at ? new_at : n.node);
  else if (is > was)
    cx.report("openapi.stability-increased", {{"old", old_name}, {"new", new_name}}, n.label,
              old_at ? old_at : o.node, new_at ? new_at : n.node);
}

void check_operation_texts(Context& cx, const Operation& o, const Operation& n) {
  if (o.summary != n.summary)
    cx.report("openapi.operation-summary-changed", {{"old", o.summary}, {"new", n.summary}}, n.label,
              child_of(o.node, "summary"), child_of(n.node, "summary"));
  if (o.description != n.description)
    cx.report("openapi.operation-description-changed", {}, n.label, child_of(o.node, "description"),
              child_of(n.node, "description"));
}

void check_operation_tags(Context& cx, const Operation& o, const Operation& n) {
  // Both lists are sorted.
  std::vector<std::string> gone, added;
  std::set_difference(o.tags.begin(), o.tags.end(), n.tags.begin(), n.tags.end(), std::back_inserter(gone));
  std::set_difference(n.tags.begin(), n.tags.end(), o.tags.begin(), o.tags.end(), std::back_inserter(added));
  NodeRef old_tags = child_of(o.node, "tags"), new_tags = child_of(n.node, "tags");
  for (const std::string& t : gone)
    cx.report("openapi.operation-tag-removed", {{"tag", t}}, n.label, old_tags, new_tags ? new_tags : n.node);
  for (const std::string& t : added)
    cx.report("openapi.operation-tag-added", {{"tag", t}}, n.label, old_tags ? old_tags : o.node, new_tags);
}

void check_webhooks(Context& cx, const Api& o, const Api& n) {
  NodeRef old_hooks = child_of(o.root, "webhooks"), new_hooks = child_of(n.root, "webhooks");
  auto names = [](const NodeRef& hooks) {
    std::vector<std::string_view> out;
    if (hooks && hooks.node->is_object())
      for (const core::Member& m : hooks.node->children()) out.push_back(m.key);
    return out;
  };
  std::vector<std::string_view> old_names = names(old_hooks), new_names = names(new_hooks);
  for (std::string_view name : old_names)
    if (std::find(new_names.begin(), new_names.end(), name) == new_names.end())
      cx.report("openapi.webhook-removed", {{"name", std::string(name)}}, "", child_of(old_hooks, name),
                new_hooks ? new_hooks : n.root);
  for (std::string_view name : new_names)
    if (std::find(old_names.begin(), old_names.end(), name) == old_names.end())
      cx.report("openapi.webhook-added", {{"name", std::string(name)}}, "", old_hooks ? old_hooks : o.root,
                child_of(new_hooks, name));
}

}  // namespace accord::diff::openapi
