// One access-log line after parsing: only what the registry needs. Views
// point into the line (or into the parser's scratch space) and are valid until
// the next line is parsed.
#pragma once

#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

namespace accord::registry {

struct Request {
  std::string_view method;
  std::string_view target;  // path, possibly with a query string
  std::string_view route;   // a route template when the log has one (OTel http.route), else empty
  int status = 0;
  int64_t time = 0;  // Unix seconds; 0 = unknown
  std::string_view remote_addr;
  std::string_view remote_user;
  std::string_view user_agent;
  // Other named values: nginx variables ("http_x_client_id"), JSON fields.
  std::vector<std::pair<std::string_view, std::string_view>> fields;

  void clear() {
    method = target = route = remote_addr = remote_user = user_agent = {};
    status = 0;
    time = 0;
    fields.clear();
  }
  std::string_view field(std::string_view name) const {
    for (const auto& [k, v] : fields)
      if (k == name) return v;
    return {};
  }
  bool has_field(std::string_view name) const {
    for (const auto& kv : fields)
      if (kv.first == name) return true;
    return false;
  }
};

}  // namespace accord::registry
