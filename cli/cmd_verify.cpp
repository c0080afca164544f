// `accord verify PACT... --provider-base-url URL`: Pact provider verification;
// `accord verify PACT... --openapi SPEC`: the pacts against the provider's spec, no call made.
#include <cstdlib>
#include <fstream>
#include <memory>
#include <regex>

#include "cli/command.h"
#include "contracts/http/curl_client.h"
#include "core/limits.h"
#include "contracts/pact/loader.h"
#include "contracts/spec_test/pact_vs_spec.h"
#include "contracts/spec_test/pact_vs_asyncapi.h"
#include "contracts/verify/report.h"
#include "contracts/verify/verifier.h"

namespace accord::cli {

namespace {

using namespace accord::contracts;

struct VerifyArgs {
  std::vector<std::string> pacts;
  std::string base_url;
  double timeout_s = 30;
  std::string max_body = "64M";
  size_t concurrency = 1;
  bool insecure = false;
  std::string cacert;
  std::string state_change_url;
  bool state_change_teardown = false;
  std::vector<std::string> headers;
  std::vector<std::string> headers_from_env;
  std::string consumer;
  std::string interaction;
  std::string state;
  std::string format = "text";
  std::string output;
  std::string message_path = "/";
  std::string openapi;
  std::string asyncapi;
  bool allow_skipped = false;
};

std::string trim(std::string s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.pop_back();
  size_t b = 0;
  while (b < s.size() && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
  return s.substr(b);
}

int run_verify(const VerifyArgs& a) {
  auto format = verify::parse_report_format(a.format);
  if (!format) return report_unusable("unknown --format '" + a.format + "' (expected text|json|junit|markdown)");
  const int targets = !a.openapi.empty() + !a.asyncapi.empty() + !a.base_url.empty();
  if (targets > 1)
    return report_unusable("give one of --provider-base-url (the running provider), --openapi or --asyncapi (its spec)");
  if (targets == 0)
    return report_unusable("verify needs --provider-base-url URL (a running provider), --openapi SPEC (its OpenAPI document) "
                           "or --asyncapi SPEC (its AsyncAPI document)");
  if (!a.base_url.empty() && a.base_url.rfind("http://", 0) != 0 && a.base_url.rfind("https://", 0) != 0)
    return report_unusable("--provider-base-url must be an http:// or https:// URL, got '" + a.base_url + "'");
  if (!(a.timeout_s > 0)) return report_unusable("--timeout must be a positive number of seconds");
  const auto max_body = core::parse_byte_size(a.max_body);
  if (!max_body) return report_unusable("--max-body must be a size in bytes (e.g. 1048576, 512K, 64M), got '" + a.max_body + "'");
  if (a.concurrency == 0) return report_unusable("--concurrency must be at least 1");
  // libcurl would only say "error setting certificate file" for each interaction.
  if (!a.cacert.empty() && !std::ifstream(a.cacert)) return report_unusable("--cacert: cannot read " + a.cacert);

  verify::VerifyOptions o;
  o.provider_base_url = a.base_url;
  o.state_change_url = a.state_change_url;
  o.message_path = a.message_path.empty() || a.message_path[0] != '/' ? "/" + a.message_path : a.message_path;
  o.state_change_teardown = a.state_change_teardown;
  o.concurrency = a.concurrency;
  std::vector<std::string> secrets;
  for (const std::string& h : a.headers) {
    size_t colon = h.find(':');
    if (colon == std::string::npos || colon == 0)
      return report_unusable("-H expects 'Name: value' (the value is not shown here)");
    std::string value = trim(h.substr(colon + 1));
    o.extra_headers.emplace_back(trim(h.substr(0, colon)), value);
    if (!value.empty()) secrets.push_back(value);
  }
  for (const std::string& spec : a.headers_from_env) {
    size_t eq = spec.find('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == spec.size())
      return report_unusable("--header-from-env expects Name=ENV_VAR, got '" + spec + "'");
    std::string var = spec.substr(eq + 1);
    const char* value = std::getenv(var.c_str());
    if (!value) return report_unusable("--header-from-env: environment variable " + var + " is not set");
    o.extra_headers.emplace_back(spec.substr(0, eq), value);
    if (*value) secrets.push_back(value);
  }
  if (!a.consumer.empty()) o.consumer = a.consumer;
  try {
    if (!a.interaction.empty()) o.interaction_filter = std::regex(a.interaction);
    if (!a.state.empty()) o.state_filter = std::regex(a.state);
  } catch (const std::regex_error&) {
    return report_unusable("--interaction/--state is not a valid regular expression");
  }

  auto pacts = pact::load_pacts(a.pacts);
  if (!pacts) return report_unusable(pacts.error().render());
  size_t available = 0;
  for (const auto& p : *pacts) available += p.interactions.size();

  std::vector<verify::InteractionResult> results;
  verify::ReportOptions ro;
  if (!a.openapi.empty()) {
    auto spec = spec_test::load_spec(a.openapi);
    if (!spec) return report_unusable(spec.error().render());
    results = spec_test::check_pacts_against_spec(*pacts, **spec, o);
    ro.title = "accord verify --openapi " + a.openapi;
  } else if (!a.asyncapi.empty()) {
    auto spec = spec_test::load_asyncapi(a.asyncapi);
    if (!spec) return report_unusable(spec.error().render());
    results = spec_test::check_pacts_against_asyncapi(*pacts, **spec, o);
    ro.title = "accord verify --asyncapi " + a.asyncapi;
  } else {
    http::ClientOptions client;
    client.timeout_ms = static_cast<long>(a.timeout_s * 1000);
    client.max_body_bytes = *max_body;
    client.insecure = a.insecure;
    client.ca_file = a.cacert;
    if (core::Status loaded = http::global_init(); !loaded) return report_unusable(loaded.error().render());
    results = verify::verify_pacts(*pacts, o, [client] { return std::make_unique<http::CurlClient>(client); });
  }
  if (results.empty() && available > 0)
    return report_unusable("no interaction matches --consumer/--interaction/--state (" + std::to_string(available) +
                           " in the pact files)");
  verify::redact(results, secrets);
  if (a.state_change_url.empty() && !a.base_url.empty()) {
    size_t with_states = 0;
    for (const auto& r : results) with_states += r.states.empty() ? 0 : 1;
    if (with_states)
      ro.notes.push_back(std::to_string(with_states) +
                         " interaction(s) name provider states, but no --state-change-url was given: the states were not set up");
  }
  verify::Summary summary = verify::summarise(results);
  size_t verified = summary.pass + summary.fail + summary.pending;
  // Nothing passes silently: an empty run or one with unverifiable interactions is not a green gate.
  bool skipped_fail = summary.skipped > 0 && !a.allow_skipped;
  if (summary.skipped)
    ro.notes.push_back(std::to_string(summary.skipped) + " interaction(s) could not be verified (listed as SKIPPED)" +
                       (a.allow_skipped ? "; allowed by --allow-skipped" : "; this fails the run unless --allow-skipped is given"));
  if (verified == 0) ro.notes.push_back("no interaction was verified: the pact files hold nothing accord could check");
  if (!write_output(verify::render_report(results, *format, ro), a.output))
    return report_unusable("cannot write " + a.output);
  return summary.fail > 0 || skipped_fail || verified == 0 ? kExitFindings : kExitClean;
}

}  // namespace

Runner setup_verify(CLI::App& app) {
  auto a = std::make_shared<VerifyArgs>();
  app.add_option("pacts", a->pacts, "Pact files or directories of pact files")->required();
  app.add_option("--provider-base-url", a->base_url, "Base URL of the running provider");
  app.add_option("--openapi", a->openapi, "Check the pacts against this OpenAPI document instead of a running provider");
  app.add_option("--asyncapi", a->asyncapi, "Check the pacts' messages against this AsyncAPI document (2.x or 3.x), no broker");
  app.add_option("--timeout", a->timeout_s, "Seconds allowed for each request (default 30)");
  app.add_option("--max-body", a->max_body, "Largest response body read (default 64M); a longer one fails that request");
  app.add_option("--concurrency", a->concurrency, "Interactions replayed in parallel (default 1)");
  app.add_flag("--insecure", a->insecure, "Do not verify the provider's TLS certificate");
  app.add_option("--cacert", a->cacert, "Also trust this CA bundle (PEM)");
  app.add_option("--state-change-url", a->state_change_url, "URL that receives POST {state, params, action}");
  app.add_flag("--state-change-teardown", a->state_change_teardown, "Also POST action=teardown after each interaction");
  app.add_option("-H,--header", a->headers, "Extra request header 'Name: value' (value never printed)");
  app.add_option("--header-from-env", a->headers_from_env, "Extra header Name=ENV_VAR, value read from the environment");
  app.add_option("--consumer", a->consumer, "Only this consumer's pacts");
  app.add_option("--interaction", a->interaction, "Only interactions whose description matches this regex");
  app.add_option("--state", a->state, "Only interactions with a provider state matching this regex");
  app.add_option("--message-path", a->message_path, "Path (under the base URL) of the provider's message endpoint (default /)");
  app.add_flag("--allow-skipped", a->allow_skipped, "Do not fail the run for interactions accord cannot verify (plugins)");
  app.add_option("--format", a->format, "text|json|junit|markdown");
  app.add_option("-o,--output", a->output, "Write the report to this file instead of stdout");
  return [a] { return run_verify(*a); };
}

}  // namespace accord::cli
