// Envoy (and Istio) access logs, both as Envoy writes them by default:
// - the default text format,
//     [%START_TIME%] "%REQ(:METHOD)% %REQ(X-ENVOY-ORIGINAL-PATH?:PATH)% %PROTOCOL%"
//     %RESPONSE_CODE% %RESPONSE_FLAGS% %BYTES_RECEIVED% %BYTES_SENT% %DURATION%
//     %RESP(X-ENVOY-UPSTREAM-SERVICE-TIME)% "%REQ(X-FORWARDED-FOR)%" "%REQ(USER-AGENT)%"
//     "%REQ(X-REQUEST-ID)%" "%REQ(:AUTHORITY)%" "%UPSTREAM_HOST%"
//   (Istio appends more quoted and bare fields: they are kept by position, never required);
// - JSON access logs (a line that starts with '{'), read by the JSON parser.
#include <memory>
#include <string>

#include "registry/formats/log_format.h"

namespace accord::registry {

namespace {

// The quoted fields after the status, in the default format's order.
constexpr std::string_view kQuotedFields[] = {"x_forwarded_for", "user_agent", "x_request_id", "authority",
                                              "upstream_host"};

class EnvoyTextParser final : public LineParser {
 public:
  explicit EnvoyTextParser(std::unique_ptr<LineParser> json) : json_(std::move(json)) {}

  bool parse(std::string_view line, Request& out, std::string& why) override {
    json_line_ = !line.empty() && line.front() == '{';
    if (json_line_) return json_->parse(line, out, why);
    out.clear();
    if (line.empty() || line.front() != '[') {
      why = "not an Envoy access log line (expected '[START_TIME]' or a JSON object)";
      return false;
    }
    const size_t close = line.find(']');
    if (close == std::string_view::npos || !parse_iso8601(line.substr(1, close - 1), out.time)) {
      why = "malformed start time";
      return false;
    }
    std::string_view rest = line.substr(close + 1);
    std::string_view request;
    if (!next_token(rest, request) || !split_request_line(request, out.method, out.target)) {
      why = "no request line";
      return false;
    }
    std::string_view status;
    if (!next_token(rest, status) || !parse_status(status, out.status)) {
      why = "malformed response code";
      return false;
    }
    // Flags, bytes, duration and upstream time are bare; then the quoted fields by position.
    size_t quoted = 0;
    std::string_view token;
    bool was_quoted = false;
    while (quoted < std::size(kQuotedFields) && next_token(rest, token, &was_quoted)) {
      if (!was_quoted) continue;
      if (token != "-") out.fields.emplace_back(kQuotedFields[quoted], token);
      ++quoted;
    }
    out.user_agent = out.field("user_agent");
    std::string_view forwarded = out.field("x_forwarded_for");
    out.remote_addr = forwarded.substr(0, forwarded.find(','));  // the client is the first address
    return true;
  }

  bool next(Request& out) override { return json_line_ && json_->next(out); }

 private:
  // The next space-separated token; a quoted one without its quotes.
  static bool next_token(std::string_view& rest, std::string_view& token, bool* quoted = nullptr) {
    while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
    if (rest.empty()) return false;
    if (rest.front() == '"') {
      const size_t end = rest.find('"', 1);
      if (end == std::string_view::npos) return false;
      token = rest.substr(1, end - 1);
      rest.remove_prefix(end + 1);
      if (quoted) *quoted = true;
      return true;
    }
    const size_t end = rest.find(' ');
    token = rest.substr(0, end);
    rest = end == std::string_view::npos ? std::string_view() : rest.substr(end);
    if (quoted) *quoted = false;
    return true;
  }

  std::unique_ptr<LineParser> json_;
  bool json_line_ = false;
};

}  // namespace

std::unique_ptr<LineParser> make_envoy_parser() {
  // Envoy's and Istio's JSON access logs use `method`, `path`, `response_code`, `start_time`,
  // `user_agent` and `downstream_remote_address`: all among the JSON parser's defaults.
  return std::make_unique<EnvoyTextParser>(make_json_parser("").value());
}

}  // namespace accord::registry
