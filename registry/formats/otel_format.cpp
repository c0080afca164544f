// OpenTelemetry HTTP server spans exported as JSON lines: either OTLP/JSON
// batches ({"resourceSpans":[{"scopeSpans":[{"spans":[...]}]}]}, as the
// collector's file exporter writes them) or one span object per line. Uses
// the stable HTTP semantic conventions (http.request.method, http.route,
// url.path, http.response.status_code) and the older names as fallbacks.
#include <deque>
#include <string>
#include <vector>

#include "core/loader.h"
#include "registry/formats/json_fields.h"
#include "registry/formats/log_format.h"

namespace accord::registry {

namespace {

bool is_server_span(const core::Node* span) {
  const core::Node* kind = span->get("kind");
  if (!kind) return true;  // exporters that drop the kind: take the span
  std::string_view k = kind->text();
  return k == "2" || k == "SPAN_KIND_SERVER" || k == "SERVER" || k == "server";
}

// The scalar an attribute value stands for, in every OTLP form: "v",
// {"stringValue":"v"} (also int/double/bool), {"arrayValue":{"values":[...]}}
// and plain arrays ["v"] (header attributes are arrays: the first value counts).
const core::Node* scalar_of(const core::Node* value, int depth = 0) {
  if (!value || depth > 4) return nullptr;
  if (value->is_scalar()) return value->is_null() ? nullptr : value;
  if (value->is_array()) return value->size() ? scalar_of(value->at(0), depth + 1) : nullptr;
  if (!value->is_object() || value->size() != 1) return nullptr;
  if (const core::Node* array = value->get("arrayValue")) return scalar_of(array->get("values"), depth + 1);
  return value->at(0)->is_scalar() ? scalar_of(value->at(0), depth + 1) : nullptr;
}

// OTLP attributes: [{"key":"k","value":{"stringValue":"v"}}]; plain exporters: {"k":"v"} or {"k":["v"]}.
void add_attributes(const core::Node* attributes, std::deque<std::string>& keys,
                    std::vector<std::pair<std::string_view, std::string_view>>& fields) {
  if (!attributes) return;
  if (attributes->is_object()) {
    flatten_json_fields(attributes, "", keys, fields);
    for (const core::Member& m : attributes->children())
      if (m.value->is_array())
        if (const core::Node* v = scalar_of(m.value)) fields.emplace_back(m.key, v->text());
    return;
  }
  if (!attributes->is_array()) return;
  for (const core::Member& item : attributes->children()) {
    const core::Node* key = item.value->get("key");
    if (!key || !key->is_string()) continue;
    if (const core::Node* v = scalar_of(item.value->get("value"))) fields.emplace_back(key->text(), v->text());
  }
}

class OtelParser final : public LineParser {
 public:
  bool parse(std::string_view line, Request& out, std::string& why) override {
    spans_.clear();
    next_ = 0;
    error_.clear();
    auto doc = core::load_text("line", std::string(line), core::Syntax::json);
    if (!doc) {
      why = "not JSON: " + doc.error().message;
      return false;
    }
    doc_ = std::move(*doc);
    const core::Node* root = doc_->root();
    if (!root->is_object()) {
      why = "not a JSON object";
      return false;
    }
    collect_spans(root);
    keys_.clear();
    if (!next(out)) {
      why = error_;
      return false;
    }
    return true;
  }

  bool next(Request& out) override {
    while (next_ < spans_.size()) {
      const core::Node* span = spans_[next_++];
      out.clear();
      if (!is_server_span(span)) continue;
      add_attributes(span->get("attributes"), keys_, out.fields);
      out.method = first(out, {"http.request.method", "http.method"});
      out.route = first(out, {"http.route"});
      out.target = first(out, {"url.path", "http.target", "http.url", "url.full"});
      if (out.target.empty()) out.target = out.route;
      if (out.method.empty() || out.target.empty()) continue;  // not an HTTP span
      std::string_view status = first(out, {"http.response.status_code", "http.status_code"});
      if (!status.empty() && !parse_status(status, out.status)) {
        error_ = "malformed http.response.status_code";
        return false;
      }
      std::string_view start = span->get_text("startTimeUnixNano", span->get_text("start_time"));
      if (!start.empty() && !parse_json_time(start, out.time)) {
        error_ = "malformed span start time";
        return false;
      }
      out.user_agent = first(out, {"user_agent.original", "http.user_agent"});
      out.remote_addr = first(out, {"client.address", "net.sock.peer.addr", "net.peer.ip"});
      return true;
    }
    return false;
  }

 private:
  static std::string_view first(const Request& r, std::initializer_list<std::string_view> names) {
    for (std::string_view n : names) {
      std::string_view v = r.field(n);
      if (!v.empty()) return v;
    }
    return {};
  }

  void collect_spans(const core::Node* root) {
    const core::Node* resource_spans = root->get("resourceSpans");
    if (!resource_spans) {
      spans_.push_back(root);
      return;
    }
    for (const core::Member& rs : resource_spans->children()) {
      for (std::string_view scope_key : {"scopeSpans", "instrumentationLibrarySpans"}) {
        const core::Node* scopes = rs.value->get(scope_key);
        if (!scopes) continue;
        for (const core::Member& scope : scopes->children()) {
          const core::Node* spans = scope.value->get("spans");
          if (!spans) continue;
          for (const core::Member& span : spans->children())
            if (span.value->is_object()) spans_.push_back(span.value);
        }
      }
    }
  }

  std::unique_ptr<core::Document> doc_;
  std::vector<const core::Node*> spans_;
  size_t next_ = 0;
  std::deque<std::string> keys_;
  std::string error_;
};

}  // namespace

std::unique_ptr<LineParser> make_otel_parser() { return std::make_unique<OtelParser>(); }

}  // namespace accord::registry
