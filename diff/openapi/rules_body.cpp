// Rules on request bodies, media types, response status codes and response
// headers. Schemas inside them go to the schema comparator (the walker hands
// them over).
#include "diff/openapi/rules.h"

namespace accord::diff::openapi {

namespace {

constexpr Severity E = Severity::error, W = Severity::warning, I = Severity::info;
constexpr Format F = Format::openapi;

void request_body_added_required(Context& cx, const Operation& o, const Operation& n) {
  if (!o.request_body && n.request_body && n.request_body->required) cx.report({}, n.label, o.node, n.request_body->node);
}

void request_body_added_optional(Context& cx, const Operation& o, const Operation& n) {
  if (!o.request_body && n.request_body && !n.request_body->required)
    cx.report({}, n.label, o.node, n.request_body->node);
}

void request_body_removed(Context& cx, const Operation& o, const Operation& n) {
  if (o.request_body && !n.request_body) cx.report({}, n.label, o.request_body->node, n.node);
}

// `became`: the required flag the new body has after the change.
void report_body_required_change(Context& cx, const Operation& o, const Operation& n, bool became) {
  const auto& ob = o.request_body;
  const auto& nb = n.request_body;
  if (!ob || !nb || ob->required == nb->required || nb->required != became) return;
  NodeRef old_at = child_of(ob->node, "required"), new_at = child_of(nb->node, "required");
  cx.report({}, n.label, old_at ? old_at : ob->node, new_at ? new_at : nb->node);
}

void request_body_became_required(Context& cx, const Operation& o, const Operation& n) {
  report_body_required_change(cx, o, n, true);
}

void request_body_became_optional(Context& cx, const Operation& o, const Operation& n) {
  report_body_required_change(cx, o, n, false);
}

bool is_request(const MediaSite& s) { return s.direction == Direction::request; }

void request_media_type_removed(Context& cx, const MediaSite& s, const MediaType& m, const NodeRef& new_parent) {
  if (is_request(s)) cx.report({{"media", m.name}}, s.operation, m.node, new_parent);
}

void response_media_type_removed(Context& cx, const MediaSite& s, const MediaType& m, const NodeRef& new_parent) {
  if (!is_request(s)) cx.report({{"where", s.where}, {"media", m.name}}, s.operation, m.node, new_parent);
}

void request_media_type_added(Context& cx, const MediaSite& s, const NodeRef& old_parent, const MediaType& m) {
  if (is_request(s)) cx.report({{"media", m.name}}, s.operation, old_parent, m.node);
}

void response_media_type_added(Context& cx, const MediaSite& s, const NodeRef& old_parent, const MediaType& m) {
  if (!is_request(s)) cx.report({{"where", s.where}, {"media", m.name}}, s.operation, old_parent, m.node);
}

// A media type replaced by a range that covers it ("application/json" ->
// "application/*", generalized) or the reverse (specialized).
template <MediaMatch M, bool Request>
void media_type_range_changed(Context& cx, const MediaPair& p) {
  if (p.match == M && is_request(p.site) == Request)
    cx.report({{"where", p.site.where}, {"old", p.o.name}, {"new", p.n.name}}, p.site.operation, p.o.node, p.n.node);
}

void request_body_schema_added(Context& cx, const MediaPair& p) {
  if (!p.o.schema && p.n.schema && p.site.direction == Direction::request)
    cx.report({{"subject", p.subject}}, p.site.operation, p.o.node, p.n.schema);
}

void response_body_schema_removed(Context& cx, const MediaPair& p) {
  if (p.o.schema && !p.n.schema && p.site.direction == Direction::response)
    cx.report({{"subject", p.subject}}, p.site.operation, p.o.schema, p.n.node);
}

bool is_success(const Response& r) { return !r.status.empty() && r.status[0] == '2'; }

void report_response_removed(Context& cx, const Response& r, const Operation& n) {
  NodeRef responses = child_of(n.node, "responses");
  cx.report({{"status", r.status}}, n.label, r.node, responses ? responses : n.node);
}

void response_success_status_removed(Context& cx, const Operation&, const Response& r, const Operation& n) {
  if (is_success(r)) report_response_removed(cx, r, n);
}

void response_status_removed(Context& cx, const Operation&, const Response& r, const Operation& n) {
  if (!is_success(r)) report_response_removed(cx, r, n);
}

void response_status_added(Context& cx, const Operation& o, const Operation& n, const Response& r) {
  NodeRef old_parent = child_of(o.node, "responses");
  cx.report({{"status", r.status}}, n.label, old_parent ? old_parent : o.node, r.node);
}

template <bool Required>
void response_header_removed(Context& cx, const std::string& op, const Response& r, const Header& h,
                             const Response& new_response) {
  if (h.required == Required) cx.report({{"name", h.name}, {"status", r.status}}, op, h.node, new_response.node);
}

void response_header_added(Context& cx, const std::string& op, const Response& old_response, const Response& r,
                           const Header& h) {
  cx.report({{"name", h.name}, {"status", r.status}}, op, old_response.node, h.node);
}

void response_header_became_optional(Context& cx, const std::string& op, const Response& r, const Header& o,
                                     const Header& n) {
  if (!o.required || n.required) return;
  NodeRef old_at = child_of(o.node, "required"), new_at = child_of(n.node, "required");
  cx.report({{"name", n.name}, {"status", r.status}}, op, old_at ? old_at : o.node, new_at ? new_at : n.node);
}

constexpr auto kGeneralized = MediaMatch::generalized, kSpecialized = MediaMatch::specialized;

const Rule kRules[] = {
    // Request bodies
    {{"openapi.request-body-added-required", F, E, "request", "A required request body was added",
      "required request body was added"},
     {.operation = request_body_added_required}},
    {{"openapi.request-body-added-optional", F, I, "request", "An optional request body was added",
      "optional request body was added"},
     {.operation = request_body_added_optional}},
    {{"openapi.request-body-removed", F, W, "request", "The request body was removed", "request body was removed"},
     {.operation = request_body_removed}},
    {{"openapi.request-body-became-required", F, E, "request", "An optional request body became required",
      "request body became required"},
     {.operation = request_body_became_required}},
    {{"openapi.request-body-became-optional", F, I, "request", "A required request body became optional",
      "request body became optional"},
     {.operation = request_body_became_optional}},
    {{"openapi.request-media-type-removed", F, E, "request", "A request media type is no longer accepted",
      "request media type '{media}' was removed"},
     {.media_removed = request_media_type_removed}},
    {{"openapi.request-media-type-generalized", F, I, "request",
      "A request media type was replaced by a range that covers it (more is accepted)",
      "{where}: media type '{old}' generalised to '{new}'"},
     {.media = media_type_range_changed<kGeneralized, true>}},
    {{"openapi.request-media-type-specialized", F, W, "request",
      "A request media range was replaced by a concrete type it covers (clients sending another type are refused)",
      "{where}: media type '{old}' specialised to '{new}'"},
     {.media = media_type_range_changed<kSpecialized, true>}},
    {{"openapi.request-media-type-added", F, I, "request", "A request media type was added",
      "request media type '{media}' was added"},
     {.media_added = request_media_type_added}},
    {{"openapi.request-body-schema-added", F, E, "request",
      "A request media type without a schema got one (what was accepted is now constrained)",
      "{subject} now has a schema"},
     {.media = request_body_schema_added}},
    // Responses
    {{"openapi.response-media-type-removed", F, E, "response", "A response media type was removed",
      "{where} media type '{media}' was removed"},
     {.media_removed = response_media_type_removed}},
    {{"openapi.response-media-type-generalized", F, E, "response",
      "A response media type was replaced by a range that covers it (clients no longer know what they get)",
      "{where}: media type '{old}' generalised to '{new}'"},
     {.media = media_type_range_changed<kGeneralized, false>}},
    {{"openapi.response-media-type-specialized", F, I, "response",
      "A response media range was replaced by a concrete type it covers (clients learn more precisely what they get)",
      "{where}: media type '{old}' specialised to '{new}'"},
     {.media = media_type_range_changed<kSpecialized, false>}},
    {{"openapi.response-media-type-added", F, I, "response", "A response media type was added",
      "{where} media type '{media}' was added"},
     {.media_added = response_media_type_added}},
    {{"openapi.response-body-schema-removed", F, W, "response",
      "A response media type lost its schema (clients can no longer rely on its shape)",
      "{subject} no longer has a schema"},
     {.media = response_body_schema_removed}},
    {{"openapi.response-success-status-removed", F, E, "response", "A success (2xx/3xx) response was removed",
      "response {status} was removed"},
     {.response_removed = response_success_status_removed}},
    {{"openapi.response-status-removed", F, I, "response", "A non-success response was removed",
      "response {status} was removed"},
     {.response_removed = response_status_removed}},
    {{"openapi.response-status-added", F, I, "response", "A response status was added", "response {status} was added"},
     {.response_added = response_status_added}},
    {{"openapi.required-response-header-removed", F, E, "response", "A required response header was removed",
      "required header '{name}' of response {status} was removed"},
     {.header_removed = response_header_removed<true>}},
    {{"openapi.optional-response-header-removed", F, W, "response", "An optional response header was removed",
      "optional header '{name}' of response {status} was removed"},
     {.header_removed = response_header_removed<false>}},
    {{"openapi.response-header-became-optional", F, E, "response", "A required response header became optional",
      "header '{name}' of response {status} became optional"},
     {.header = response_header_became_optional}},
    {{"openapi.response-header-added", F, I, "response", "A response header was added",
      "header '{name}' of response {status} was added"},
     {.header_added = response_header_added}},
};

}  // namespace

std::span<const Rule> body_rules() { return kRules; }

}  // namespace accord::diff::openapi
