// JSON-lines access logs (Envoy/Istio JSON access logs, generic JSON with a
// field mapping). Every scalar member, nested ones under dotted names
// ("request.headers.x-client-id"), is kept as a field for consumer identity.
#include <deque>
#include <string>
#include <vector>

#include "core/loader.h"
#include "registry/formats/json_fields.h"
#include "registry/formats/log_format.h"

namespace accord::registry {

namespace {

struct Mapping {
  std::vector<std::string> method{"method", "request_method", "http_method", "request.method", "verb"};
  std::vector<std::string> path{"path", "request_uri", "uri", "url", "request.path", "request.uri", "url_path"};
  std::vector<std::string> route{"route", "http.route"};
  std::vector<std::string> status{"status", "status_code", "response_code", "response.status", "code"};
  std::vector<std::string> time{"time", "timestamp", "@timestamp", "start_time", "time_local", "time_iso8601", "ts"};
  std::vector<std::string> user_agent{"user_agent", "http_user_agent", "user-agent", "request.headers.user-agent"};
  std::vector<std::string> remote_addr{"remote_addr", "client_ip", "downstream_remote_address", "remote_ip",
                                       "client.address"};
  std::vector<std::string> remote_user{"remote_user", "user"};
  std::vector<std::string> request{"request"};  // "GET /path HTTP/1.1"
};

class JsonLineParser final : public LineParser {
 public:
  explicit JsonLineParser(Mapping mapping) : mapping_(std::move(mapping)) {}

  bool parse(std::string_view line, Request& out, std::string& why) override {
    out.clear();
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
    keys_.clear();
    flatten_json_fields(root, "", keys_, out.fields);
    out.method = first(out, mapping_.method);
    out.target = first(out, mapping_.path);
    out.route = first(out, mapping_.route);
    if (out.method.empty() || out.target.empty()) {
      std::string_view request = first(out, mapping_.request);
      if (!request.empty()) split_request_line(request, out.method, out.target);
    }
    if (out.method.empty() || out.target.empty()) {
      why = "no method or path field";
      return false;
    }
    std::string_view status = first(out, mapping_.status);
    if (!status.empty() && !parse_status(status, out.status)) {
      why = "malformed status";
      return false;
    }
    std::string_view time = first(out, mapping_.time);
    if (!time.empty() && !parse_json_time(time, out.time)) {
      why = "malformed time";
      return false;
    }
    out.user_agent = first(out, mapping_.user_agent);
    out.remote_addr = first(out, mapping_.remote_addr);
    out.remote_user = first(out, mapping_.remote_user);
    return true;
  }

 private:
  static std::string_view first(const Request& r, const std::vector<std::string>& names) {
    for (const std::string& n : names) {
      std::string_view v = r.field(n);
      if (!v.empty() && v != "-") return v;
    }
    return {};
  }

  Mapping mapping_;
  std::unique_ptr<core::Document> doc_;  // field views point into it until the next line
  std::deque<std::string> keys_;
};

}  // namespace

core::Expected<std::unique_ptr<LineParser>> make_json_parser(std::string_view spec) {
  Mapping mapping;
  while (!spec.empty()) {
    size_t comma = spec.find(',');
    std::string_view item = spec.substr(0, comma);
    spec = comma == std::string_view::npos ? std::string_view() : spec.substr(comma + 1);
    size_t eq = item.find('=');
    if (eq == std::string_view::npos || eq == 0 || eq + 1 == item.size())
      return core::make_error("json field mapping: expected KEY=FIELD, got '" + std::string(item) + "'");
    std::string_view key = item.substr(0, eq);
    std::vector<std::string> field{std::string(item.substr(eq + 1))};
    if (key == "method") mapping.method = field;
    else if (key == "path") mapping.path = field;
    else if (key == "route") mapping.route = field;
    else if (key == "status") mapping.status = field;
    else if (key == "time") mapping.time = field;
    else if (key == "user_agent") mapping.user_agent = field;
    else if (key == "remote_addr") mapping.remote_addr = field;
    else if (key == "remote_user") mapping.remote_user = field;
    else if (key == "request") mapping.request = field;
    else
      return core::make_error("json field mapping: unknown key '" + std::string(key) +
                              "' (method, path, route, status, time, user_agent, remote_addr, remote_user, request)");
  }
  return std::unique_ptr<LineParser>(std::make_unique<JsonLineParser>(std::move(mapping)));
}

}  // namespace accord::registry
