// Rules on request bodies, media types, response status codes and response
// headers. Schemas inside them go to the schema comparator.
#include "diff/openapi/rules.h"

namespace accord::diff::openapi {

void check_request_body(Context& cx, const Operation& o, const Operation& n) {
  const auto& ob = o.request_body;
  const auto& nb = n.request_body;
  if (!ob && nb) {
    cx.report(nb->required ? "openapi.request-body-added-required" : "openapi.request-body-added-optional", {}, n.label,
              o.node, nb->node);
  } else if (ob && !nb) {
    cx.report("openapi.request-body-removed", {}, n.label, ob->node, n.node);
  } else if (ob && nb && ob->required != nb->required) {
    NodeRef old_at = child_of(ob->node, "required"), new_at = child_of(nb->node, "required");
    cx.report(nb->required ? "openapi.request-body-became-required" : "openapi.request-body-became-optional", {},
              n.label, old_at ? old_at : ob->node, new_at ? new_at : nb->node);
  }
}

void check_media_type_removed(Context& cx, Direction d, const std::string& op, const MediaType& m,
                              const NodeRef& new_parent, const std::string& where) {
  if (d == Direction::request)
    cx.report("openapi.request-media-type-removed", {{"media", m.name}}, op, m.node, new_parent);
  else
    cx.report("openapi.response-media-type-removed", {{"where", where}, {"media", m.name}}, op, m.node, new_parent);
}

void check_media_type_generalized(Context& cx, Direction d, const std::string& op, const MediaType& o,
                                  const MediaType& n, const std::string& where) {
  std::vector<Arg> args{{"where", where}, {"old", o.name}, {"new", n.name}};
  cx.report(d == Direction::request ? "openapi.request-media-type-generalized" : "openapi.response-media-type-generalized",
            std::move(args), op, o.node, n.node);
}

void check_media_type_specialized(Context& cx, Direction d, const std::string& op, const MediaType& o,
                                  const MediaType& n, const std::string& where) {
  std::vector<Arg> args{{"where", where}, {"old", o.name}, {"new", n.name}};
  cx.report(d == Direction::request ? "openapi.request-media-type-specialized" : "openapi.response-media-type-specialized",
            std::move(args), op, o.node, n.node);
}

void check_media_type_added(Context& cx, Direction d, const std::string& op, const NodeRef& old_parent,
                            const MediaType& m, const std::string& where) {
  if (d == Direction::request)
    cx.report("openapi.request-media-type-added", {{"media", m.name}}, op, old_parent, m.node);
  else
    cx.report("openapi.response-media-type-added", {{"where", where}, {"media", m.name}}, op, old_parent, m.node);
}

void check_media_schema(Context& cx, Direction d, const std::string& op, const MediaType& o, const MediaType& n,
                        const std::string& subject) {
  if (o.schema && n.schema) {
    cx.compare_schema(o.schema, n.schema, d, op, subject);
  } else if (!o.schema && n.schema && d == Direction::request) {
    cx.report("openapi.request-body-schema-added", {{"subject", subject}}, op, o.node, n.schema);
  } else if (o.schema && !n.schema && d == Direction::response) {
    cx.report("openapi.response-body-schema-removed", {{"subject", subject}}, op, o.schema, n.node);
  }
}

void check_response_removed(Context& cx, const Operation& o, const Response& r, const Operation& n) {
  (void)o;
  bool success = !r.status.empty() && r.status[0] == '2';
  cx.report(success ? "openapi.response-success-status-removed" : "openapi.response-status-removed",
            {{"status", r.status}}, n.label, r.node, child_of(n.node, "responses") ? child_of(n.node, "responses") : n.node);
}

void check_response_added(Context& cx, const Operation& o, const Operation& n, const Response& r) {
  NodeRef old_parent = child_of(o.node, "responses");
  cx.report("openapi.response-status-added", {{"status", r.status}}, n.label, old_parent ? old_parent : o.node,
            r.node);
}

void check_header_removed(Context& cx, const std::string& op, const Response& r, const Header& h,
                          const Response& new_response) {
  cx.report(h.required ? "openapi.required-response-header-removed" : "openapi.optional-response-header-removed",
            {{"name", h.name}, {"status", r.status}}, op, h.node, new_response.node);
}

void check_header_added(Context& cx, const std::string& op, const Response& old_response, const Response& r,
                        const Header& h) {
  cx.report("openapi.response-header-added", {{"name", h.name}, {"status", r.status}}, op, old_response.node, h.node);
}

void check_header_required(Context& cx, const std::string& op, const Response& r, const Header& o, const Header& n) {
  if (!o.required || n.required) return;
  NodeRef old_at = child_of(o.node, "required"), new_at = child_of(n.node, "required");
  cx.report("openapi.response-header-became-optional", {{"name", n.name}, {"status", r.status}}, op,
            old_at ? old_at : o.node, new_at ? new_at : n.node);
}

}  // namespace accord::diff::openapi
