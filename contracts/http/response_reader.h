// Assembles a Response from the pieces a transport hands over: header lines
// (status line included) and body chunks. The libcurl client feeds it from
// its callbacks; the http_response fuzz target feeds it raw bytes. It is
// where --max-body is enforced: a body that grows past the limit is cut and
// the transfer told to stop, so a 10 GB answer never sits in memory.
#pragma once

#include <cstdint>
#include <string_view>

#include "contracts/http/http_types.h"

namespace accord::contracts::http {

class ResponseReader {
 public:
  ResponseReader(Response& response, uint64_t max_body) : response_(response), max_body_(max_body) {}

  // One header line as received, CRLF included or not.
  void on_header_line(std::string_view line);
  // False once the body would exceed max_body (the chunk is then dropped).
  bool on_body(std::string_view chunk);
  bool body_cut() const { return body_cut_; }
  uint64_t max_body() const { return max_body_; }

 private:
  Response& response_;
  uint64_t max_body_;
  bool body_cut_ = false;
};

}  // namespace accord::contracts::http
