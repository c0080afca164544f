#include "contracts/spec_test/request_plan.h"

#include <algorithm>
#include <memory>

#include "contracts/pact/body_codec.h"
#include "contracts/spec_test/examples.h"
#include "contracts/spec_test/schema_sample.h"
#include "core/loader.h"

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

// Query values: an array with `explode` repeats the name (form style's
// default); otherwise one comma-joined value.
void add_query(PlannedRequest& r, const Parameter& p, const core::Node* value) {
  std::vector<std::string> values;
  if (value->is_array() && p.explode) {
    for (const core::Member& item : value->children()) values.push_back(parameter_text(item.value));
  } else {
    values.push_back(parameter_text(value));
  }
  r.query.emplace_back(p.name, std::move(values));
}

bool is_form(const MediaType& media) { return media.name == "application/x-www-form-urlencoded"; }

// Media types accord can write a body of from a value: JSON, url-encoded
// forms, and text or bytes taken as written.
bool writable(const MediaType& media) {
  return pact::body_kind(media.name) == pact::BodyKind::json || is_form(media) || media.name.rfind("text/", 0) == 0 ||
         media.name == "application/octet-stream";
}

std::string body_text(const MediaType& media, const core::Node* value) {
  if (pact::body_kind(media.name) == pact::BodyKind::json) return pact::to_json_text(value);
  if (is_form(media) && value->is_object()) {
    std::string out;
    for (const core::Member& m : value->children()) {
      if (!out.empty()) out += '&';
      out += http::url_encode(m.key) + "=" + http::url_encode(parameter_text(m.value));
    }
    return out;
  }
  return value->is_scalar() ? std::string(value->text()) : pact::to_json_text(value);
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

const core::Node* named(const std::vector<NamedExample>& examples, const std::string& name) {
  for (const auto& e : examples)
    if (e.name == name) return e.value;
  return nullptr;
}

// A template parameter left in the path after substitution ("{id}").
std::string unfilled_template(const std::string& path) {
  size_t open = path.find('{');
  if (open == std::string::npos) return "";
  size_t close = path.find('}', open);
  return close == std::string::npos ? "" : path.substr(open + 1, close - open - 1);
}

class Planner {
 public:
  Planner(core::DocumentSet& set, core::SchemaGraph& graph, const diff::openapi::Api& api, const Operation& op)
      : set_(set), graph_(graph), major_(api.major), op_(op) {}

  // Every named example of any input, in document order, each name once.
  std::vector<std::string> example_names() {
    std::vector<std::string> names;
    auto add = [&](const std::vector<NamedExample>& examples) {
      for (const auto& e : examples)
        if (std::find(names.begin(), names.end(), e.name) == names.end()) names.push_back(e.name);
    };
    for (const Parameter* p : parameters()) add(named_examples(set_, p->node.node, major_));
    if (op_.request_body)
      for (const MediaType& media : op_.request_body->content) add(named_examples(set_, media.node.node, major_));
    return names;
  }

  Plan plan(const std::string& example) {
    Plan plan;
    plan.example = example;
    PlannedRequest r;
    r.method = upper(op_.method);
    r.path = op_.path;
    std::vector<std::string> missing;
    std::vector<std::pair<std::string, std::string>> form_fields;
    std::string cookies;
    for (const Parameter* each : parameters()) {
      const Parameter& p = *each;
      const core::Node* value = parameter_value(p, example, r);
      if (!value) {
        if (p.required) missing.push_back("required " + p.in + " parameter '" + p.name + "'");
        continue;
      }
      std::string text = parameter_text(value);
      if (p.in == "path") substitute(r.path, p.name, text);
      else if (p.in == "query") add_query(r, p, value);
      else if (p.in == "header") r.headers.emplace_back(p.name, text);
      else if (p.in == "cookie") cookies += (cookies.empty() ? "" : "; ") + p.name + "=" + text;
      else if (p.in == "formData") form_fields.emplace_back(p.name, text);
    }
    if (!cookies.empty()) r.headers.emplace_back("Cookie", cookies);
    if (!form_fields.empty()) {
      r.body = form_body(form_fields);
      r.has_body = true;
      r.headers.emplace_back("Content-Type", "application/x-www-form-urlencoded");
    } else if (!add_body(r, example) && op_.request_body && op_.request_body->required && !op_.request_body->content.empty()) {
      missing.push_back("the required request body (no example, and no schema of a media type accord can write)");
    }
    if (!missing.empty()) {
      plan.skip_reason = "no example or schema for ";
      for (size_t i = 0; i < missing.size(); ++i) plan.skip_reason += (i ? ", " : "") + missing[i];
      return plan;
    }
    if (std::string left = unfilled_template(r.path); !left.empty()) {
      plan.skip_reason = "the path template names '{" + left + "}', which the operation declares no parameter for";
      return plan;
    }
    if (std::string accept = accept_header(op_); !accept.empty()) r.headers.emplace_back("Accept", accept);
    plan.request = std::move(r);
    return plan;
  }

 private:
  std::vector<const Parameter*> parameters() const {
    std::vector<const Parameter*> out;
    for (const Parameter& p : op_.parameters) out.push_back(&p);
    for (const Parameter& p : op_.form_fields) out.push_back(&p);
    return out;
  }

  // The same-named example, else the usual example, else (required only) a
  // value built from the schema.
  const core::Node* parameter_value(const Parameter& p, const std::string& example, PlannedRequest& r) {
    if (!example.empty())
      if (const core::Node* v = named(named_examples(set_, p.node.node, major_), example)) return v;
    if (const core::Node* v = parameter_example(set_, p, major_)) return v;
    if (!p.required) return nullptr;
    const core::Node* v = generated(p.schema);
    if (v) r.generated.push_back(p.in + " parameter '" + p.name + "'");
    return v;
  }

  // Chooses the media type and value of the body; false when there is none.
  // JSON media types come first among those that fit.
  bool add_body(PlannedRequest& r, const std::string& example) {
    if (!op_.request_body) return false;
    const MediaType* media = nullptr;
    const core::Node* value = nullptr;
    // The first media type value_of gives a value for, a JSON one preferred.
    auto consider = [&](auto&& value_of) {
      for (const MediaType& m : op_.request_body->content) {
        const core::Node* v = value_of(m);
        if (!v || (media && pact::body_kind(m.name) != pact::BodyKind::json)) continue;
        media = &m;
        value = v;
        if (pact::body_kind(m.name) == pact::BodyKind::json) break;
      }
      return media != nullptr;
    };
    auto named_value = [&](const MediaType& m) { return named(named_examples(set_, m.node.node, major_), example); };
    auto example_value = [&](const MediaType& m) { return media_example(set_, m, major_); };
    bool found = (!example.empty() && consider(named_value)) || consider(example_value);
    // An optional body is sent too: the schema says what the operation accepts,
    // and a request without its body leaves most of the operation untested.
    if (!found) {
      found = consider([&](const MediaType& m) { return writable(m) ? generated(m.schema) : nullptr; });
      if (found) r.generated.push_back("request body (" + media->name + ")");
    }
    if (!found) return false;
    r.body = body_text(*media, value);
    r.has_body = true;
    r.headers.emplace_back("Content-Type", media->name);
    return true;
  }

  // A value built from the schema, kept alive as long as the planner.
  const core::Node* generated(const diff::openapi::NodeRef& schema) {
    std::string json = sample_json(graph_, schema, SampleFor::request);
    if (json.empty()) return nullptr;
    auto doc = core::load_text("sample", json, core::Syntax::json);
    if (!doc || !(*doc)->root()) return nullptr;
    samples_.push_back(std::move(*doc));
    return samples_.back()->root();
  }

  core::DocumentSet& set_;
  core::SchemaGraph& graph_;
  int major_;
  const Operation& op_;
  std::vector<std::unique_ptr<core::Document>> samples_;
};

}  // namespace

std::vector<Plan> plan_requests(core::DocumentSet& set, core::SchemaGraph& graph, const diff::openapi::Api& api,
                                const Operation& op) {
  Planner planner(set, graph, api, op);
  std::vector<std::string> names = planner.example_names();
  if (names.empty()) names.push_back("");
  std::vector<Plan> plans;
  for (const std::string& name : names) plans.push_back(planner.plan(name));
  return plans;
}

}  // namespace accord::contracts::spec_test
