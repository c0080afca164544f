#include "contracts/verify/verifier.h"

#include <atomic>
#include <chrono>
#include <thread>

#include "contracts/matching/http_match.h"
#include "contracts/pact/body_codec.h"
#include "contracts/verify/generators.h"
#include "contracts/verify/message_verify.h"
#include "core/json_writer.h"
#include "core/loader.h"

namespace accord::contracts::verify {

bool selected(const pact::Pact& pact, const pact::Interaction& in, const VerifyOptions& o) {
  if (o.consumer && pact.consumer != *o.consumer) return false;
  if (o.interaction_filter && !std::regex_search(in.description, *o.interaction_filter)) return false;
  if (o.state_filter) {
    bool any = false;
    for (const auto& s : in.states) any |= std::regex_search(s.name, *o.state_filter);
    if (!any) return false;
  }
  return true;
}

std::string build_url(const std::string& base, const std::string& path,
                      const std::vector<std::pair<std::string, std::vector<std::string>>>& query) {
  std::string url = base;
  while (!url.empty() && url.back() == '/') url.pop_back();
  if (path.empty() || path[0] != '/') url += '/';
  // Encode what a URL cannot carry raw, keep '/' and already-escaped parts.
  for (unsigned char c : path) {
    if (c <= 0x20 || c >= 0x7f || c == '#' || c == '?' || c == '"' || c == '<' || c == '>') {
      static const char* hex = "0123456789ABCDEF";
      url += '%';
      url += hex[c >> 4];
      url += hex[c & 15];
    } else {
      url += static_cast<char>(c);
    }
  }
  bool first = true;
  for (const auto& [name, values] : query) {
    for (const auto& v : values) {
      url += first ? '?' : '&';
      first = false;
      url += http::url_encode(name) + "=" + http::url_encode(v);
    }
  }
  return url;
}

namespace {

const char* kind_name(pact::Interaction::Kind kind) {
  switch (kind) {
    case pact::Interaction::Kind::http: return "http";
    case pact::Interaction::Kind::message: return "message";
    case pact::Interaction::Kind::sync_message: return "synchronous message";
    case pact::Interaction::Kind::unsupported: return "unsupported";
  }
  return "";
}

std::string state_body(const pact::ProviderState& s, const char* action) {
  std::string out = "{\"state\":\"" + core::json_escape(s.name) + "\",\"params\":";
  out += s.params ? pact::to_json_text(s.params) : "{}";
  out += ",\"action\":\"";
  out += action;
  out += "\"}";
  return out;
}

// POSTs one state change; merges a JSON object response into `values`.
std::optional<std::string> change_state(http::Client& client, const VerifyOptions& o, const pact::ProviderState& s,
                                        const char* action, StateValues* values) {
  http::Request req;
  req.method = "POST";
  req.url = o.state_change_url;
  req.headers.emplace_back("Content-Type", "application/json");
  req.body = state_body(s, action);
  req.has_body = true;
  auto res = client.send(req);
  std::string what = std::string("provider state '") + s.name + "' " + action + " failed: ";
  if (!res) return what + res.error().message;
  if (res->status < 200 || res->status >= 300) return what + "state change URL answered HTTP " + std::to_string(res->status);
  if (values && !res->body.empty()) {
    auto doc = core::load_text("state change response", res->body, core::Syntax::json);
    if (doc && (*doc)->root() && (*doc)->root()->is_object())
      for (const auto& m : (*doc)->root()->children()) (*values)[std::string(m.key)] = pact::to_json_text(m.value);
  }
  return std::nullopt;
}

// Sends the interaction's request (generators applied) and matches the response.
void replay_http(const pact::Interaction& in, const VerifyOptions& o, http::Client& client, const StateValues& values,
                 uint64_t seed, matching::Mismatches& out) {
  GeneratorContext gen(&values, seed);
  auto generated = apply_request_generators(in.request, gen);
  if (!generated) {
    out.push_back({"request", "generated request", "(not sent)", "cannot generate the request: " + generated.error().message});
    return;
  }
  http::Request req;
  req.method = in.request.method;
  for (auto& c : req.method) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  req.url = build_url(o.provider_base_url, generated->path, generated->query);
  req.headers = generated->headers;
  for (const auto& [k, v] : o.extra_headers) {
    bool replaced = false;
    for (auto& [hk, hv] : req.headers)
      if (http::iequals(hk, k)) { hv = v; replaced = true; }
    if (!replaced) req.headers.emplace_back(k, v);
  }
  if (in.request.body.present()) {
    req.body = std::move(generated->body);
    req.has_body = true;
    if (!http::find_header(req.headers, "Content-Type"))
      req.headers.emplace_back("Content-Type", pact::effective_content_type(in.request.body, in.request.headers));
  }
  auto res = client.send(req);
  if (!res) {
    out.push_back({"request", req.method + " " + generated->path, "no response", res.error().message});
    return;
  }
  pact::ResponseSpec expected = in.response;
  pact::ResponseSpec actual = matching::response_from_http(*res);
  for (auto& m : matching::match_response(expected, actual)) out.push_back(std::move(m));
}

}  // namespace

InteractionResult result_for(const pact::Pact& pact, const pact::Interaction& in) {
  InteractionResult r;
  r.source = pact.file;
  r.consumer = pact.consumer;
  r.provider = pact.provider;
  r.description = in.description;
  r.pending = in.pending;
  r.comments = in.comments;
  r.test_name = in.test_name;
  for (const auto& s : in.states) r.states.push_back(s.name);
  return r;
}

namespace {

InteractionResult verify_one(const pact::Pact& pact, const pact::Interaction& in, const VerifyOptions& o,
                             http::Client& client, uint64_t seed) {
  auto started = std::chrono::steady_clock::now();
  InteractionResult r = result_for(pact, in);
  r.kind = kind_name(in.kind);
  if (in.kind == pact::Interaction::Kind::unsupported) {
    r.outcome = Outcome::skipped;
    r.mismatches.push_back({"interaction", "", "", "not verified: " + in.unsupported_reason});
    return r;
  }

  StateValues values;
  for (const auto& s : in.states)
    if (s.params)
      for (const auto& m : s.params->children()) values[std::string(m.key)] = pact::to_json_text(m.value);
  // With a state change URL, an interaction without states still gets a setup
  // (and teardown) call, with state "": the Pact compatibility suite expects it
  // and providers use it to reset their data between interactions.
  static const std::vector<pact::ProviderState> kNoState{pact::ProviderState{}};
  const std::vector<pact::ProviderState>& states = in.states.empty() ? kNoState : in.states;
  bool states_ok = true;
  if (!o.state_change_url.empty()) {
    for (const auto& s : states) {
      if (auto failure = change_state(client, o, s, "setup", &values)) {
        r.mismatches.push_back({"provider state", s.name, "setup failed", *failure});
        states_ok = false;
        break;
      }
    }
  }
  if (states_ok) {
    if (in.kind == pact::Interaction::Kind::http) {
      replay_http(in, o, client, values, seed, r.mismatches);
    } else {
      auto res = client.send(message_request(in, build_url(o.provider_base_url, o.message_path, {})));
      if (!res) r.mismatches.push_back({"message", "POST " + o.message_path, "no response", res.error().message});
      else
        for (auto& m : check_message_response(in, *res)) r.mismatches.push_back(std::move(m));
    }
  }
  // A failed setup gets no teardown: the provider never entered the state.
  if (!o.state_change_url.empty() && o.state_change_teardown && states_ok) {
    for (auto it = states.rbegin(); it != states.rend(); ++it)
      if (auto failure = change_state(client, o, *it, "teardown", nullptr))
        r.mismatches.push_back({"provider state", it->name, "teardown failed", *failure});
  }
  r.outcome = r.mismatches.empty() ? Outcome::pass : in.pending ? Outcome::pending_fail : Outcome::fail;
  r.duration_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
  return r;
}

}  // namespace

std::vector<InteractionResult> verify_pacts(std::vector<pact::Pact>& pacts, const VerifyOptions& o,
                                            const ClientFactory& make_client) {
  struct Job {
    const pact::Pact* pact;
    const pact::Interaction* interaction;
  };
  std::vector<Job> jobs;
  for (const auto& p : pacts)
    for (const auto& in : p.interactions)
      if (selected(p, in, o)) jobs.push_back({&p, &in});
  std::vector<InteractionResult> results(jobs.size());
  uint64_t seed = o.seed ? o.seed : static_cast<uint64_t>(std::chrono::steady_clock::now().time_since_epoch().count());
  std::atomic<size_t> next{0};
  auto worker = [&] {
    std::unique_ptr<http::Client> client = make_client();
    for (size_t i = next++; i < jobs.size(); i = next++)
      results[i] = verify_one(*jobs[i].pact, *jobs[i].interaction, o, *client, seed + i);
  };
  size_t threads = std::max<size_t>(1, std::min(o.concurrency, jobs.size()));
  if (threads == 1) {
    worker();
  } else {
    std::vector<std::thread> pool;
    for (size_t t = 0; t < threads; ++t) pool.emplace_back(worker);
    for (auto& th : pool) th.join();
  }
  return results;
}

}  // namespace accord::contracts::verify
