// `accord test SPEC --base-url URL`: calls a running service with the examples
// of its OpenAPI document and checks each answer against the declaration.
#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <regex>

#include "cli/command.h"
#include "contracts/http/curl_client.h"
#include "core/limits.h"
#include "contracts/spec_test/runner.h"

namespace accord::cli {

namespace {

using namespace accord::contracts;

struct TestArgs {
  std::string spec;
  std::string base_url;
  double timeout_s = 30;
  std::string max_body = "64M";
  bool insecure = false;
  std::string cacert;
  std::vector<std::string> headers;
  std::vector<std::string> headers_from_env;
  std::string operation;
  std::string methods = "safe";
  std::string format = "text";
  std::string output;
};

std::string strip_spaces(std::string_view s) {
  size_t begin = 0, end = s.size();
  while (begin < end && std::isspace(static_cast<unsigned char>(s[begin]))) ++begin;
  while (end > begin && std::isspace(static_cast<unsigned char>(s[end - 1]))) --end;
  return std::string(s.substr(begin, end - begin));
}

// Reads -H and --header-from-env into `out`; every value becomes a secret
// that is masked in every output. Returns an error message, or "" when fine.
std::string collect_headers(const TestArgs& a, http::HeaderList& out, std::vector<std::string>& secrets) {
  for (const std::string& h : a.headers) {
    size_t colon = h.find(':');
    if (colon == std::string::npos || colon == 0) return "-H expects 'Name: value' (the value is not shown here)";
    std::string value = strip_spaces(std::string_view(h).substr(colon + 1));
    out.emplace_back(strip_spaces(std::string_view(h).substr(0, colon)), value);
    if (!value.empty()) secrets.push_back(value);
  }
  for (const std::string& binding : a.headers_from_env) {
    size_t eq = binding.find('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == binding.size())
      return "--header-from-env expects Name=ENV_VAR, got '" + binding + "'";
    std::string variable = binding.substr(eq + 1);
    const char* value = std::getenv(variable.c_str());
    if (!value) return "--header-from-env: environment variable " + variable + " is not set";
    out.emplace_back(binding.substr(0, eq), value);
    if (*value) secrets.push_back(value);
  }
  return "";
}

// --methods safe (the default: GET, HEAD, OPTIONS, TRACE), all, or a list
// ("GET,POST"). Returns an error message, or "" when fine.
std::string parse_methods(const std::string& value, spec_test::SpecTestOptions& o) {
  if (value == "all") return "";
  if (value == "safe") {
    o.methods = spec_test::safe_methods();
    o.methods_hint = "not called: not a safe method (--methods safe, the default, calls only GET, HEAD, OPTIONS and "
                     "TRACE); --methods all calls it with the example or generated values";
    return "";
  }
  static const std::vector<std::string> known{"GET", "HEAD", "OPTIONS", "TRACE", "POST", "PUT", "PATCH", "DELETE"};
  std::string list;
  for (size_t start = 0; start <= value.size();) {
    size_t comma = std::min(value.find(',', start), value.size());
    std::string m = strip_spaces(std::string_view(value).substr(start, comma - start));
    for (auto& c : m) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    if (std::find(known.begin(), known.end(), m) == known.end())
      return "--methods expects safe, all or a list of HTTP methods (GET,POST,...), got '" + value + "'";
    o.methods.push_back(m);
    list += (list.empty() ? "" : ", ") + m;
    start = comma + 1;
  }
  o.methods_hint = "not called: --methods calls only " + list;
  return "";
}

int run_test(const TestArgs& a) {
  auto format = verify::parse_report_format(a.format);
  if (!format) return report_unusable("unknown --format '" + a.format + "' (expected text|json|junit|markdown)");
  if (a.base_url.rfind("http://", 0) != 0 && a.base_url.rfind("https://", 0) != 0)
    return report_unusable("--base-url must be an http:// or https:// URL, got '" + a.base_url + "'");
  if (!(a.timeout_s > 0)) return report_unusable("--timeout must be a positive number of seconds");
  const auto max_body = core::parse_byte_size(a.max_body);
  if (!max_body) return report_unusable("--max-body must be a size in bytes (e.g. 1048576, 512K, 64M), got '" + a.max_body + "'");

  spec_test::SpecTestOptions options;
  options.base_url = a.base_url;
  std::vector<std::string> secrets;
  if (std::string problem = collect_headers(a, options.extra_headers, secrets); !problem.empty())
    return report_unusable(problem);
  if (std::string problem = parse_methods(a.methods, options); !problem.empty()) return report_unusable(problem);
  try {
    if (!a.operation.empty()) options.operation_filter = std::regex(a.operation);
  } catch (const std::regex_error&) {
    return report_unusable("--operation '" + a.operation + "' is not a valid regular expression");
  }

  auto spec = spec_test::load_spec(a.spec);
  if (!spec) return report_unusable(spec.error().render());
  if (!options.operation_filter && (*spec)->api.operations.empty())
    return report_unusable(a.spec + ": the document declares no operations");
  if (options.operation_filter && spec_test::count_selected(**spec, options) == 0)
    return report_unusable("no operation matches --operation '" + a.operation + "' (" +
                           std::to_string((*spec)->api.operations.size()) + " in " + a.spec + ")");

  http::ClientOptions client_options;
  client_options.timeout_ms = static_cast<long>(a.timeout_s * 1000);
  client_options.max_body_bytes = *max_body;
  client_options.insecure = a.insecure;
  client_options.ca_file = a.cacert;
  if (core::Status loaded = http::global_init(); !loaded) return report_unusable(loaded.error().render());
  http::CurlClient client(client_options);
  spec_test::TestRun run = spec_test::run_spec_tests(**spec, options, client);

  // Values are masked field by field, then once more in the rendered text in
  // case a renderer's escaping split a secret differently.
  spec_test::redact(run, secrets);
  std::string report = verify::redact_text(spec_test::render(run, *format), secrets);
  if (!write_output(report, a.output)) return report_unusable("cannot write " + a.output);
  spec_test::TestSummary summary = spec_test::summarise(run);
  // Nothing passes silently: a run that called nothing is not a green gate.
  if (summary.pass + summary.fail == 0) {
    std::fprintf(stderr, "accord: no request was made: %zu operation(s) skipped%s\n", summary.skipped,
                 options.methods.empty() ? "" : " (see --methods)");
    return kExitFindings;
  }
  return summary.fail > 0 ? kExitFindings : kExitClean;
}

}  // namespace

Runner setup_test(CLI::App& app) {
  auto a = std::make_shared<TestArgs>();
  app.add_option("spec", a->spec, "OpenAPI document (Swagger 2.0, OpenAPI 3.0 or 3.1; JSON or YAML)")->required();
  app.add_option("--base-url", a->base_url, "Base URL of the running service (replaces the document's servers)")->required();
  app.add_option("--timeout", a->timeout_s, "Seconds allowed for each request (default 30)");
  app.add_option("--max-body", a->max_body, "Largest response body read (default 64M); a longer one fails that request");
  app.add_flag("--insecure", a->insecure, "Do not verify the service's TLS certificate");
  app.add_option("--cacert", a->cacert, "Also trust this CA bundle (PEM)");
  app.add_option("-H,--header", a->headers, "Extra request header 'Name: value' (value never printed)");
  app.add_option("--header-from-env", a->headers_from_env, "Extra header Name=ENV_VAR, value read from the environment");
  app.add_option("--operation", a->operation, "Only operations whose label ('GET /pets/{id}') or operationId matches this regex");
  app.add_option("--methods", a->methods,
                 "safe (default: GET, HEAD, OPTIONS, TRACE only), all, or a list such as GET,POST: which operations are "
                 "called; the others are listed as skipped");
  app.add_option("--format", a->format, "text|json|junit|markdown");
  app.add_option("-o,--output", a->output, "Write the report to this file instead of stdout");
  return [a] { return run_test(*a); };
}

}  // namespace accord::cli
