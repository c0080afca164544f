// Rules on operation parameters (query, header, path, cookie, 2.0 formData).
#include "core/json_pointer.h"
#include "diff/openapi/rules.h"

namespace accord::diff::openapi {

namespace {


std::vector<Arg> identity(const Parameter& p) { return {{"in", p.in}, {"name", p.name}}; }

}  // namespace

std::string parameter_subject(const Parameter& p) { return p.in + " parameter '" + p.name + "'"; }

void check_parameter_added(Context& cx, const Operation& o, const Operation& n, const Parameter& p) {
  cx.report(p.required ? "openapi.required-parameter-added" : "openapi.optional-parameter-added", identity(p), n.label,
            o.node, p.node);
}

// The parameter's deprecation lifecycle decides what removing it means, as
// for operations: removing what was announced and is past its x-sunset date
// is the plan working; removing it before that date breaks the promise.
void check_parameter_removed(Context& cx, const Operation& o, const Parameter& p, const Operation& n) {
  (void)o;
  std::vector<Arg> args = identity(p);
  if (p.deprecated && !p.sunset.empty() && !sunset_passed(p.sunset, cx.today)) {
    args.push_back({"sunset", p.sunset});
    cx.report("openapi.parameter-removed-before-sunset", std::move(args), n.label, p.node, n.node);
  } else if (p.deprecated) {
    cx.report("openapi.deprecated-parameter-removed", std::move(args), n.label, p.node, n.node);
  } else {
    cx.report("openapi.parameter-removed", std::move(args), n.label, p.node, n.node);
  }
}

void check_parameter_sunset(Context& cx, const Operation& op, const Parameter& o, const Parameter& n) {
  check_sunset_policy(cx, {o.deprecated, n.deprecated, o.sunset, n.sunset, o.node, n.node},
                      {{"what", parameter_subject(n)}}, op.label);
  if (!o.deprecated || !n.deprecated || o.sunset.empty() || o.sunset == n.sunset) return;
  std::vector<Arg> args = identity(n);
  args.push_back({"old", o.sunset});
  if (n.sunset.empty()) {
    cx.report("openapi.parameter-sunset-removed", std::move(args), op.label, child_of(o.node, "x-sunset"), n.node);
  } else if (is_iso_date(o.sunset) && sunset_passed(n.sunset, o.sunset.substr(0, 10))) {  // new date before old
    args.push_back({"new", n.sunset});
    cx.report("openapi.parameter-sunset-moved-earlier", std::move(args), op.label, child_of(o.node, "x-sunset"),
              child_of(n.node, "x-sunset"));
  }
}

void check_parameter_moved(Context& cx, const Operation& op, const Parameter& o, const Parameter& n) {
  cx.report("openapi.parameter-location-changed", {{"name", n.name}, {"old_in", o.in}, {"new_in", n.in}}, op.label,
            o.node, n.node);
}

void check_parameter_required(Context& cx, const Operation& op, const Parameter& o, const Parameter& n) {
  if (o.required == n.required) return;
  NodeRef old_at = child_of(o.node, "required"), new_at = child_of(n.node, "required");
  cx.report(n.required ? "openapi.parameter-became-required" : "openapi.parameter-became-optional", identity(n),
            op.label, old_at ? old_at : o.node, new_at ? new_at : n.node);
}

void check_parameter_serialization(Context& cx, const Operation& op, const Parameter& o, const Parameter& n) {
  // For a scalar value every style serialises the same way.
  if (!o.is_collection && !n.is_collection) return;
  auto where = [](const Parameter& p, std::string_view key) {
    NodeRef at = child_of(p.node, key);
    if (!at) at = child_of(p.node, "collectionFormat");
    return at ? at : p.node;
  };
  if (o.style != n.style) {
    std::vector<Arg> args = identity(n);
    args.push_back({"old", o.style});
    args.push_back({"new", n.style});
    cx.report("openapi.parameter-style-changed", std::move(args), op.label, where(o, "style"), where(n, "style"));
  } else if (o.explode != n.explode) {
    std::vector<Arg> args = identity(n);
    args.push_back({"old", o.explode ? "true" : "false"});
    args.push_back({"new", n.explode ? "true" : "false"});
    cx.report("openapi.parameter-explode-changed", std::move(args), op.label, where(o, "explode"),
              where(n, "explode"));
  }
}

void check_parameter_deprecation(Context& cx, const Operation& op, const Parameter& o, const Parameter& n) {
  if (o.deprecated || !n.deprecated) return;
  cx.report("openapi.parameter-deprecated", identity(n), op.label, o.node, child_of(n.node, "deprecated"));
}

void check_path_parameter_renamed(Context& cx, const Operation& op, const Parameter& o, const Parameter& n) {
  if (o.in != "path" || o.name == n.name) return;
  cx.report("openapi.path-parameter-renamed", {{"old", o.name}, {"new", n.name}}, op.label, child_of(o.node, "name"),
            child_of(n.node, "name"));
}

}  // namespace accord::diff::openapi
