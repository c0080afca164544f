// Rules on operation parameters (query, header, path, cookie, 2.0 formData).
#include "diff/openapi/rules.h"

namespace accord::diff::openapi {

std::string parameter_subject(const Parameter& p) { return p.in + " parameter '" + p.name + "'"; }

namespace {

constexpr Severity E = Severity::error, W = Severity::warning, I = Severity::info;
constexpr Format F = Format::openapi;

std::vector<Arg> identity(const Parameter& p) { return {{"in", p.in}, {"name", p.name}}; }

void required_parameter_added(Context& cx, const Operation& o, const Operation& n, const Parameter& p) {
  if (p.required) cx.report(identity(p), n.label, o.node, p.node);
}

void optional_parameter_added(Context& cx, const Operation& o, const Operation& n, const Parameter& p) {
  if (!p.required) cx.report(identity(p), n.label, o.node, p.node);
}

// The parameter's deprecation lifecycle decides what removing it means, as
// for operations: removing what was announced and is past its x-sunset date
// is the plan working; removing it before that date breaks the promise.
bool before_sunset(const Context& cx, const Parameter& p) {
  return p.deprecated && !p.sunset.empty() && !sunset_passed(p.sunset, cx.today);
}

void parameter_removed(Context& cx, const Operation&, const Parameter& p, const Operation& n) {
  if (!p.deprecated) cx.report(identity(p), n.label, p.node, n.node);
}

void parameter_removed_before_sunset(Context& cx, const Operation&, const Parameter& p, const Operation& n) {
  if (!before_sunset(cx, p)) return;
  std::vector<Arg> args = identity(p);
  args.push_back({"sunset", p.sunset});
  cx.report(std::move(args), n.label, p.node, n.node);
}

void deprecated_parameter_removed(Context& cx, const Operation&, const Parameter& p, const Operation& n) {
  if (p.deprecated && !before_sunset(cx, p)) cx.report(identity(p), n.label, p.node, n.node);
}

// Both versions deprecated and the old one had a date that changed.
bool sunset_changed(const Parameter& o, const Parameter& n) {
  return o.deprecated && n.deprecated && !o.sunset.empty() && o.sunset != n.sunset;
}

void parameter_sunset_removed(Context& cx, const Operation& op, const Parameter& o, const Parameter& n) {
  if (!sunset_changed(o, n) || !n.sunset.empty()) return;
  std::vector<Arg> args = identity(n);
  args.push_back({"old", o.sunset});
  cx.report(std::move(args), op.label, child_of(o.node, "x-sunset"), n.node);
}

void parameter_sunset_moved_earlier(Context& cx, const Operation& op, const Parameter& o, const Parameter& n) {
  if (!sunset_changed(o, n) || n.sunset.empty()) return;
  if (!is_iso_date(o.sunset) || !sunset_passed(n.sunset, o.sunset.substr(0, 10))) return;  // new date before old
  std::vector<Arg> args = identity(n);
  args.push_back({"old", o.sunset});
  args.push_back({"new", n.sunset});
  cx.report(std::move(args), op.label, child_of(o.node, "x-sunset"), child_of(n.node, "x-sunset"));
}

void parameter_location_changed(Context& cx, const Operation& op, const Parameter& o, const Parameter& n) {
  cx.report({{"name", n.name}, {"old_in", o.in}, {"new_in", n.in}}, op.label, o.node, n.node);
}

void report_required_change(Context& cx, const Operation& op, const Parameter& o, const Parameter& n) {
  NodeRef old_at = child_of(o.node, "required"), new_at = child_of(n.node, "required");
  cx.report(identity(n), op.label, old_at ? old_at : o.node, new_at ? new_at : n.node);
}

void parameter_became_required(Context& cx, const Operation& op, const Parameter& o, const Parameter& n) {
  if (!o.required && n.required) report_required_change(cx, op, o, n);
}

void parameter_became_optional(Context& cx, const Operation& op, const Parameter& o, const Parameter& n) {
  if (o.required && !n.required) report_required_change(cx, op, o, n);
}

// Where a serialization setting sits (3.x `style`/`explode`, else 2.0 collectionFormat).
NodeRef serialization_at(const Parameter& p, std::string_view key) {
  NodeRef at = child_of(p.node, key);
  if (!at) at = child_of(p.node, "collectionFormat");
  return at ? at : p.node;
}

// For a scalar value every style serialises the same way.
bool serialization_matters(const Parameter& o, const Parameter& n) { return o.is_collection || n.is_collection; }

void parameter_style_changed(Context& cx, const Operation& op, const Parameter& o, const Parameter& n) {
  if (!serialization_matters(o, n) || o.style == n.style) return;
  std::vector<Arg> args = identity(n);
  args.push_back({"old", o.style});
  args.push_back({"new", n.style});
  cx.report(std::move(args), op.label, serialization_at(o, "style"), serialization_at(n, "style"));
}

void parameter_explode_changed(Context& cx, const Operation& op, const Parameter& o, const Parameter& n) {
  // Only under an unchanged style: a changed style is the one finding then.
  if (!serialization_matters(o, n) || o.style != n.style || o.explode == n.explode) return;
  std::vector<Arg> args = identity(n);
  args.push_back({"old", o.explode ? "true" : "false"});
  args.push_back({"new", n.explode ? "true" : "false"});
  cx.report(std::move(args), op.label, serialization_at(o, "explode"), serialization_at(n, "explode"));
}

void parameter_deprecated(Context& cx, const Operation& op, const Parameter& o, const Parameter& n) {
  if (!o.deprecated && n.deprecated) cx.report(identity(n), op.label, o.node, child_of(n.node, "deprecated"));
}

void path_parameter_renamed(Context& cx, const Operation& op, const Parameter& o, const Parameter& n) {
  if (o.in == "path" && o.name != n.name)
    cx.report({{"old", o.name}, {"new", n.name}}, op.label, child_of(o.node, "name"), child_of(n.node, "name"));
}

const Rule kRules[] = {
    {{"openapi.required-parameter-added", F, E, "parameter,request", "A required parameter was added",
      "required {in} parameter '{name}' was added"},
     {.parameter_added = required_parameter_added}},
    {{"openapi.optional-parameter-added", F, I, "parameter,request", "An optional parameter was added",
      "optional {in} parameter '{name}' was added"},
     {.parameter_added = optional_parameter_added}},
    {{"openapi.parameter-removed", F, W, "parameter,request",
      "A parameter was removed (clients still sending it may be rejected or ignored)",
      "{in} parameter '{name}' was removed"},
     {.parameter_removed = parameter_removed}},
    {{"openapi.parameter-location-changed", F, E, "parameter,request",
      "A parameter moved between query, header, path and cookie",
      "parameter '{name}' moved from {old_in} to {new_in}"},
     {.parameter_moved = parameter_location_changed}},
    {{"openapi.parameter-became-required", F, E, "parameter,request", "An optional parameter became required",
      "{in} parameter '{name}' became required"},
     {.parameter = parameter_became_required}},
    {{"openapi.parameter-became-optional", F, I, "parameter,request", "A required parameter became optional",
      "{in} parameter '{name}' became optional"},
     {.parameter = parameter_became_optional}},
    {{"openapi.parameter-style-changed", F, E, "parameter,request",
      "A parameter's serialization style changed (style or 2.0 collectionFormat)",
      "{in} parameter '{name}' style changed from {old} to {new}"},
     {.parameter = parameter_style_changed}},
    {{"openapi.parameter-explode-changed", F, E, "parameter,request", "A parameter's explode flag changed",
      "{in} parameter '{name}' explode changed from {old} to {new}"},
     {.parameter = parameter_explode_changed}},
    {{"openapi.parameter-removed-before-sunset", F, E, "parameter,request",
      "A deprecated parameter was removed before its x-sunset date",
      "deprecated {in} parameter '{name}' was removed before its sunset date {sunset}"},
     {.parameter_removed = parameter_removed_before_sunset}},
    {{"openapi.deprecated-parameter-removed", F, I, "parameter,request",
      "A deprecated parameter was removed after its x-sunset date (or it had none)",
      "deprecated {in} parameter '{name}' was removed"},
     {.parameter_removed = deprecated_parameter_removed}},
    {{"openapi.parameter-sunset-removed", F, W, "parameter,request", "A deprecated parameter lost its x-sunset date",
      "sunset date {old} of the deprecated {in} parameter '{name}' was removed"},
     {.parameter = parameter_sunset_removed}},
    {{"openapi.parameter-sunset-moved-earlier", F, E, "parameter,request",
      "A deprecated parameter's x-sunset date moved earlier",
      "sunset date of {in} parameter '{name}' moved earlier from {old} to {new}"},
     {.parameter = parameter_sunset_moved_earlier}},
    {{"openapi.parameter-deprecated", F, I, "parameter,request", "A parameter became deprecated",
      "{in} parameter '{name}' was deprecated"},
     {.parameter = parameter_deprecated}},
    {{"openapi.path-parameter-renamed", F, I, "parameter,request",
      "A path parameter was renamed (the URL clients build is unchanged)",
      "path parameter '{old}' was renamed to '{new}'"},
     {.parameter = path_parameter_renamed}},
};

}  // namespace

std::span<const Rule> parameter_rules() { return kRules; }

}  // namespace accord::diff::openapi
