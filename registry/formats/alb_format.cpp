// AWS Application Load Balancer access logs: space-separated fields, some
// quoted. Field positions are AWS's documented order:
// type time elb client:port target:port request_processing_time
// target_processing_time response_processing_time elb_status_code
// target_status_code received_bytes sent_bytes "request" "user_agent" ...
#include <array>

#include "registry/formats/log_format.h"

namespace accord::registry {

namespace {

constexpr size_t kTime = 1, kClient = 3, kElbStatus = 8, kRequest = 12, kUserAgent = 13, kNeeded = 14;

class AlbParser final : public LineParser {
 public:
  bool parse(std::string_view line, Request& out, std::string& why) override {
    out.clear();
    std::array<std::string_view, kNeeded> fields;
    size_t count = 0, pos = 0;
    while (count < kNeeded && pos < line.size()) {
      if (line[pos] == '"') {
        size_t end = pos + 1;
        while (end < line.size() && !(line[end] == '"' && line[end - 1] != '\\')) ++end;
        if (end >= line.size()) {
          why = "unterminated quoted field";
          return false;
        }
        fields[count++] = line.substr(pos + 1, end - pos - 1);
        pos = end + 1;
      } else {
        size_t end = line.find(' ', pos);
        if (end == std::string_view::npos) end = line.size();
        fields[count++] = line.substr(pos, end - pos);
        pos = end;
      }
      while (pos < line.size() && line[pos] == ' ') ++pos;
    }
    if (count < kNeeded) {
      why = "expected at least 14 ALB fields, found " + std::to_string(count);
      return false;
    }
    if (!parse_iso8601(fields[kTime], out.time)) {
      why = "malformed time";
      return false;
    }
    if (fields[kElbStatus] != "-" && !parse_status(fields[kElbStatus], out.status)) {
      why = "malformed elb_status_code";
      return false;
    }
    if (!split_request_line(fields[kRequest], out.method, out.target)) {
      why = "malformed request";
      return false;
    }
    std::string_view client = fields[kClient];
    size_t colon = client.rfind(':');
    out.remote_addr = colon == std::string_view::npos ? client : client.substr(0, colon);
    out.user_agent = fields[kUserAgent] == "-" ? std::string_view() : fields[kUserAgent];
    return true;
  }
};

}  // namespace

std::unique_ptr<LineParser> make_alb_parser() { return std::make_unique<AlbParser>(); }

}  // namespace accord::registry
