#include "contracts/spec_test/request_plan.h"

#include <algorithm>

#include "contracts/pact/body_codec.h"
#include "contracts/spec_test/examples.h"

namespace accord::contracts::spec_test {

namespace {

using diff::openapi::MediaType;
using diff::openapi::Operation;
using diff::openapi::Parameter;

std::string upper(std::string s) {
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

void substitute(std::string& path, const std::string& name, const std::string& value) {
  std::string token = "{" + name + "}";
  std::string encoded = http::url_encode(value);
  for (size_t at = path.find(token); at != std::string::npos; at = path.find(token, at + encoded.size()))
    path.replace(at, token.size(), encoded);
}

// Query values: an array example with `explode` repeats the name (form
// style's default); otherwise one comma-joined value.
void add_query(PlannedRequest& r, const Parameter& p, const core::Node* value) {
  std::vector<std::string> values;
  if (value->is_array() && p.explode) {
    for (const core::Member& item : value->children()) values.push_back(parameter_text(item.value));
  } else {
    values.push_back(parameter_text(value));
  }
  r.query.emplace_back(p.name, std::move(values));
}

// The body of one media type from its example: JSON media types get the
// example serialised as JSON, form bodies are url-encoded, anything else is
// sent as the example's text.
std::string body_text(const MediaType& media, const core::Node* example) {
  pact::BodyKind kind = pact::body_kind(media.name);
  if (kind == pact::BodyKind::json) return pact::to_json_text(example);
  if (media.name == "application/x-www-form-urlencoded" && example->is_object()) {
    std::string out;
    for (const core::Member& m : example->children()) {
      if (!out.empty()) out += '&';
      out += http::url_encode(m.key) + "=" + http::url_encode(parameter_text(m.value));
    }
    return out;
  }
  return example->is_scalar() ? std::string(example->text()) : pact::to_json_text(example);
}

// Prefers a JSON media type among those with an example.
std::pair<const MediaType*, const core::Node*> pick_body(core::DocumentSet& set, const Operation& op, int major) {
  std::pair<const MediaType*, const core::Node*> chosen{nullptr, nullptr};
  if (!op.request_body) return chosen;
  for (const MediaType& media : op.request_body->content) {
    const core::Node* example = media_example(set, media, major);
    if (!example) continue;
    if (pact::body_kind(media.name) == pact::BodyKind::json) return {&media, example};
    if (!chosen.first) chosen = {&media, example};
  }
  return chosen;
}

// Swagger 2.0 form fields (in: formData) become one url-encoded body.
std::string form_body(const std::vector<std::pair<std::string, std::string>>& fields) {
  std::string out;
  for (const auto& [name, value] : fields) {
    if (!out.empty()) out += '&';
    out.append(http::url_encode(name)).append("=").append(http::url_encode(value));
  }
  return out;
}

std::string accept_header(const Operation& op) {
  std::vector<std::string> types;
  for (const auto& response : op.responses)
    for (const auto& media : response.content)
      if (std::find(types.begin(), types.end(), media.name) == types.end()) types.push_back(media.name);
  std::string out;
  for (const auto& t : types) out += (out.empty() ? "" : ", ") + t;
  return out;
}

}  // namespace

Plan plan_request(core::DocumentSet& set, const diff::openapi::Api& api, const Operation& op) {
  PlannedRequest r;
  r.method = upper(op.method);
  r.path = op.path;
  bool any_example = has_response_example(set, op, api.major);
  std::vector<std::string> missing;
  std::vector<std::pair<std::string, std::string>> form_fields;
  std::string cookies;

  std::vector<const Parameter*> parameters;
  for (const Parameter& p : op.parameters) parameters.push_back(&p);
  for (const Parameter& p : op.form_fields) parameters.push_back(&p);
  for (const Parameter* each : parameters) {
    const Parameter& p = *each;
    const core::Node* value = parameter_example(set, p, api.major);
    if (!value) {
      if (p.required) missing.push_back("required " + p.in + " parameter '" + p.name + "'");
      continue;
    }
    any_example = true;
    if (p.in == "path") substitute(r.path, p.name, parameter_text(value));
    else if (p.in == "query") add_query(r, p, value);
    else if (p.in == "header") r.headers.emplace_back(p.name, parameter_text(value));
    else if (p.in == "cookie") cookies += (cookies.empty() ? "" : "; ") + p.name + "=" + parameter_text(value);
    else if (p.in == "formData") form_fields.emplace_back(p.name, parameter_text(value));
  }
  if (!cookies.empty()) r.headers.emplace_back("Cookie", cookies);

  if (!form_fields.empty()) {
    r.body = form_body(form_fields);
    r.has_body = true;
    r.headers.emplace_back("Content-Type", "application/x-www-form-urlencoded");
  } else if (auto [media, example] = pick_body(set, op, api.major); media) {
    any_example = true;
    r.body = body_text(*media, example);
    r.has_body = true;
    r.headers.emplace_back("Content-Type", media->name);
  } else if (op.request_body && op.request_body->required && !op.request_body->content.empty()) {
    missing.push_back("the required request body");
  }

  if (!any_example && (r.method != "GET" && r.method != "HEAD"))
    return {std::nullopt, "no examples, and only GET and HEAD operations are called without them"};
  if (!missing.empty()) {
    std::string reason = "no example for ";
    for (size_t i = 0; i < missing.size(); ++i) reason += (i ? ", " : "") + missing[i];
    return {std::nullopt, reason};
  }
  if (std::string accept = accept_header(op); !accept.empty()) r.headers.emplace_back("Accept", accept);
  return {std::move(r), {}};
}

}  // namespace accord::contracts::spec_test
