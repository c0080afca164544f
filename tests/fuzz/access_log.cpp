// Fuzz target: one access-log format (ACCORD_LOG_FORMAT, set per target by
// CMake: combined, nginx template, json, envoy, alb, otel). Each input line
// goes through the format's LineParser as ingest hands it over, including the
// further requests one line may carry (OTLP batches).
#include "registry/formats/log_format.h"
#include "tests/fuzz/fuzz_input.h"

#ifndef ACCORD_LOG_FORMAT
#error "ACCORD_LOG_FORMAT names the --log-format this target fuzzes"
#endif
#define ACCORD_STRINGIFY2(x) #x
#define ACCORD_STRINGIFY(x) ACCORD_STRINGIFY2(x)

namespace {

// The --log-format value: "nginx" stands for a template (the combined layout
// written as one, plus a timing field) so the template compiler runs too.
std::string_view format_spec() {
  std::string_view name = ACCORD_STRINGIFY(ACCORD_LOG_FORMAT);
  if (name == "nginx")
    return R"(nginx:$remote_addr - $remote_user [$time_local] "$request" $status $body_bytes_sent )"
           R"("$http_referer" "$http_user_agent" $request_time)";
  return name;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace accord::registry;
  static std::unique_ptr<LineParser> parser = [] {
    auto made = make_line_parser(format_spec());
    return std::move(*made);
  }();
  std::string_view text(reinterpret_cast<const char*>(data), size);
  while (!text.empty()) {
    size_t eol = text.find('\n');
    std::string_view line = text.substr(0, eol);
    text.remove_prefix(eol == std::string_view::npos ? text.size() : eol + 1);
    Request request;
    std::string why;
    if (!parser->parse(line, request, why)) continue;
    for (int more = 0; more < 10000 && parser->next(request); ++more) {
    }
  }
  return 0;
}
