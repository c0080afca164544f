// Rules on paths, operations and their texts and tags (their deprecation
// lifecycle is rules_lifecycle.cpp).
#include <algorithm>
#include <cctype>

#include "diff/openapi/rules.h"

namespace accord::diff::openapi {

namespace {

constexpr Severity E = Severity::error, W = Severity::warning, I = Severity::info;
constexpr Format F = Format::openapi;

void path_removed(Context& cx, const PathItem& old_path, const NodeRef& new_paths,
                  const std::vector<const Operation*>& removed) {
  std::string methods;
  std::vector<std::string> labels;
  for (const Operation* op : removed) {
    if (op->deprecated) continue;  // a deprecated operation's removal is its own finding
    if (!methods.empty()) methods += ", ";
    for (char c : op->method) methods += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    labels.push_back(op->label);
  }
  if (labels.empty()) return;
  cx.report({{"path", old_path.path}, {"methods", methods}}, "", old_path.node, new_paths);
  cx.sink.set_last_operations(std::move(labels));  // so consumers and ignores see each removed operation
}

void path_added(Context& cx, const NodeRef& old_paths, const PathItem& new_path) {
  cx.report({{"path", new_path.path}}, "", old_paths, new_path.node);
}

void operation_removed(Context& cx, const Operation& op, const NodeRef& new_parent, bool whole_path) {
  if (op.deprecated || whole_path) return;  // the path's removal reports it
  cx.report({}, op.label, op.node, new_parent);
}

bool before_sunset(const Context& cx, const Operation& op) {
  return !op.sunset.empty() && !sunset_passed(op.sunset, cx.today);
}

void operation_removed_before_sunset(Context& cx, const Operation& op, const NodeRef& new_parent, bool) {
  if (op.deprecated && before_sunset(cx, op)) cx.report({{"sunset", op.sunset}}, op.label, op.node, new_parent);
}

void deprecated_operation_removed(Context& cx, const Operation& op, const NodeRef& new_parent, bool) {
  if (op.deprecated && !before_sunset(cx, op)) cx.report({}, op.label, op.node, new_parent);
}

void operation_added(Context& cx, const NodeRef& old_parent, const Operation& op) {
  cx.report({}, op.label, old_parent, op.node);
}

void operation_id_changed(Context& cx, const Operation& o, const Operation& n) {
  if (o.operation_id == n.operation_id || o.operation_id.empty() || n.operation_id.empty()) return;
  cx.report({{"old", o.operation_id}, {"new", n.operation_id}}, n.label, child_of(o.node, "operationId"),
            child_of(n.node, "operationId"));
}

void operation_summary_changed(Context& cx, const Operation& o, const Operation& n) {
  if (o.summary != n.summary)
    cx.report({{"old", o.summary}, {"new", n.summary}}, n.label, child_of(o.node, "summary"),
              child_of(n.node, "summary"));
}

void operation_description_changed(Context& cx, const Operation& o, const Operation& n) {
  if (o.description != n.description)
    cx.report({}, n.label, child_of(o.node, "description"), child_of(n.node, "description"));
}

// The tags of `a` that `b` lacks (both lists are sorted).
std::vector<std::string> tags_only_in(const Operation& a, const Operation& b) {
  std::vector<std::string> out;
  std::set_difference(a.tags.begin(), a.tags.end(), b.tags.begin(), b.tags.end(), std::back_inserter(out));
  return out;
}

void operation_tag_removed(Context& cx, const Operation& o, const Operation& n) {
  NodeRef old_tags = child_of(o.node, "tags"), new_tags = child_of(n.node, "tags");
  for (const std::string& t : tags_only_in(o, n))
    cx.report({{"tag", t}}, n.label, old_tags, new_tags ? new_tags : n.node);
}

void operation_tag_added(Context& cx, const Operation& o, const Operation& n) {
  NodeRef old_tags = child_of(o.node, "tags"), new_tags = child_of(n.node, "tags");
  for (const std::string& t : tags_only_in(n, o))
    cx.report({{"tag", t}}, n.label, old_tags ? old_tags : o.node, new_tags);
}

std::vector<std::string_view> webhook_names(const NodeRef& hooks) {
  std::vector<std::string_view> out;
  if (hooks && hooks.node->is_object())
    for (const core::Member& m : hooks.node->children()) out.push_back(m.key);
  return out;
}

bool contains(const std::vector<std::string_view>& names, std::string_view name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

void webhook_removed(Context& cx, const Api& o, const Api& n) {
  NodeRef old_hooks = child_of(o.root, "webhooks"), new_hooks = child_of(n.root, "webhooks");
  std::vector<std::string_view> new_names = webhook_names(new_hooks);
  for (std::string_view name : webhook_names(old_hooks))
    if (!contains(new_names, name))
      cx.report({{"name", std::string(name)}}, "", child_of(old_hooks, name), new_hooks ? new_hooks : n.root);
}

void webhook_added(Context& cx, const Api& o, const Api& n) {
  NodeRef old_hooks = child_of(o.root, "webhooks"), new_hooks = child_of(n.root, "webhooks");
  std::vector<std::string_view> old_names = webhook_names(old_hooks);
  for (std::string_view name : webhook_names(new_hooks))
    if (!contains(old_names, name))
      cx.report({{"name", std::string(name)}}, "", old_hooks ? old_hooks : o.root, child_of(new_hooks, name));
}

// Generators name a client method after operationId; without one they make
// a name up from the method and path, so the method is renamed.
void operation_id_removed(Context& cx, const Operation& o, const Operation& n) {
  if (!o.operation_id.empty() && n.operation_id.empty())
    cx.report({{"old", o.operation_id}}, n.label, child_of(o.node, "operationId"), n.node);
}

const Rule kRules[] = {
    {{"openapi.path-removed", F, E, "operation", "A path with operations that were not deprecated was removed",
      "path '{path}' was removed ({methods})"},
     {.path_removed = path_removed}},
    {{"openapi.path-added", F, I, "operation", "A new path was added", "path '{path}' was added"},
     {.path_added = path_added}},
    {{"openapi.operation-removed", F, E, "operation", "An operation was removed without being deprecated first",
      "operation was removed without deprecation"},
     {.operation_removed = operation_removed}},
    {{"openapi.operation-removed-before-sunset", F, E, "operation",
      "A deprecated operation was removed before its x-sunset date",
      "deprecated operation was removed before its sunset date {sunset}"},
     {.operation_removed = operation_removed_before_sunset}},
    {{"openapi.deprecated-operation-removed", F, I, "operation",
      "A deprecated operation was removed after its x-sunset date (or it had none)",
      "deprecated operation was removed"},
     {.operation_removed = deprecated_operation_removed}},
    {{"openapi.operation-added", F, I, "operation", "An operation was added to an existing path",
      "operation was added"},
     {.operation_added = operation_added}},
    {{"openapi.operation-id-changed", F, W, "operation", "operationId changed (generated clients rename the method)",
      "operationId changed from '{old}' to '{new}'"},
     {.operation = operation_id_changed}},
    {{"openapi.operation-summary-changed", F, I, "operation", "An operation's summary changed",
      "summary changed from '{old}' to '{new}'"},
     {.operation = operation_summary_changed}},
    {{"openapi.operation-description-changed", F, I, "operation", "An operation's description changed",
      "description changed"},
     {.operation = operation_description_changed}},
    {{"openapi.operation-tag-added", F, I, "operation", "An operation gained a tag", "tag '{tag}' was added"},
     {.operation = operation_tag_added}},
    {{"openapi.operation-tag-removed", F, I, "operation", "An operation lost a tag", "tag '{tag}' was removed"},
     {.operation = operation_tag_removed}},
    {{"openapi.webhook-removed", F, E, "operation", "A webhook was removed", "webhook '{name}' was removed"},
     {.api = webhook_removed}},
    {{"openapi.webhook-added", F, I, "operation", "A webhook was added", "webhook '{name}' was added"},
     {.api = webhook_added}},
    {{"openapi.operation-id-removed", F, W, "operation",
      "An operation lost its operationId (generated clients rename the method)", "operationId '{old}' was removed"},
     {.operation = operation_id_removed}},
};

}  // namespace

std::span<const Rule> operation_rules() { return kRules; }

}  // namespace accord::diff::openapi
