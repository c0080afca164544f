// Access-log formats. Each format is one LineParser; make_line_parser picks
// it from the --log-format value.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "core/expected.h"
#include "registry/formats/request.h"

namespace accord::registry {

class LineParser {
 public:
  virtual ~LineParser() = default;
  // Fills `out` from one line (without its newline). On failure returns false
  // and sets `why` to a short reason ("no request line", "bad status").
  // A line with nothing to count (an OTel batch without HTTP server spans)
  // returns false with `why` left empty.
  virtual bool parse(std::string_view line, Request& out, std::string& why) = 0;
  // Further requests carried by the same line (OTLP batches hold many spans).
  virtual bool next(Request& out) {
    (void)out;
    return false;
  }
};

// combined | nginx:'<log_format template>' | json[:method=F,path=F,...] | envoy | otel | alb.
// A value containing '$' is taken as an nginx log_format template.
core::Expected<std::unique_ptr<LineParser>> make_line_parser(std::string_view format);
std::string_view log_format_names();

// Formats, one per file.
std::unique_ptr<LineParser> make_combined_parser();
core::Expected<std::unique_ptr<LineParser>> make_nginx_template_parser(std::string_view log_format);
core::Expected<std::unique_ptr<LineParser>> make_json_parser(std::string_view mapping);  // "method=m,path=p,..."
std::unique_ptr<LineParser> make_envoy_parser();
std::unique_ptr<LineParser> make_otel_parser();
std::unique_ptr<LineParser> make_alb_parser();

// Shared helpers for the formats.
// "10/Oct/2000:13:55:36 -0700" -> Unix seconds; false when malformed.
bool parse_clf_time(std::string_view text, int64_t& out);
// "2000-10-10T13:55:36.123Z" / "+02:00" offsets -> Unix seconds; false when malformed.
bool parse_iso8601(std::string_view text, int64_t& out);
// "GET /path HTTP/1.1" -> method, target.
bool split_request_line(std::string_view request, std::string_view& method, std::string_view& target);
bool parse_status(std::string_view text, int& out);

}  // namespace accord::registry
