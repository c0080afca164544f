#include "contracts/stub/pact_stub.h"

#include "contracts/matching/http_match.h"
#include "contracts/pact/body_codec.h"
#include "core/json_writer.h"

namespace accord::contracts::stub {

namespace {

pact::RequestSpec to_spec(const StubRequest& r) {
  pact::RequestSpec a;
  a.method = r.method;
  a.path = r.path;
  a.has_path = true;
  a.raw_query = r.raw_query;
  a.query = pact::parse_query_string(r.raw_query);
  a.has_query = !r.raw_query.empty();
  a.headers = r.headers;
  a.has_headers = true;
  a.body.text = r.body;
  a.body.state = r.body.empty() ? pact::Body::State::missing : pact::Body::State::present;
  if (const std::string* ct = http::find_header(r.headers, "Content-Type")) a.body.content_type = *ct;
  return a;
}

bool has_state(const pact::Interaction& in, const std::string& state) {
  for (const auto& s : in.states)
    if (s.name == state) return true;
  return false;
}

std::string not_found_body(const StubRequest& r, const std::string& error, const pact::Interaction* closest,
                           const matching::Mismatches& why) {
  core::JsonWriter w(false);
  w.begin_object().key("error").value(error);
  w.key("request").value(r.method + " " + r.path + (r.raw_query.empty() ? "" : "?" + r.raw_query));
  if (closest) {
    w.key("closest").begin_object().key("description").value(closest->description);
    w.key("states").begin_array();
    for (const auto& s : closest->states) w.value(s.name);
    w.end_array();
    w.key("mismatches").begin_array();
    for (const auto& m : why) {
      w.begin_object().key("path").value(m.path).key("expected").value(m.expected).key("actual").value(m.actual);
      w.key("message").value(m.message).end_object();
    }
    w.end_array().end_object();
  }
  w.end_object();
  return w.take();
}

}  // namespace

PactStub::PactStub(std::vector<pact::Pact> pacts) : pacts_(std::move(pacts)) {
  for (const auto& p : pacts_)
    for (const auto& in : p.interactions) {
      if (in.kind != pact::Interaction::Kind::http) {
        ++skipped_;
        continue;
      }
      Entry e{&p, &in, in.request};
      // Parse a JSON body now: matching caches the parse in the body, and
      // while serving, threads must only read.
      if (e.expected.body.present() &&
          pact::body_kind(pact::media_type(pact::effective_content_type(e.expected.body, e.expected.headers))) == pact::BodyKind::json)
        (void)pact::json_of(e.expected.body);
      entries_.push_back(std::move(e));
    }
}

StubAnswer PactStub::answer(const StubRequest& request) const {
  pact::RequestSpec actual = to_spec(request);
  const Entry* chosen = nullptr;
  const Entry* closest = nullptr;
  matching::Mismatches closest_why;
  bool matched_other_state = false;
  for (const Entry& e : entries_) {
    // `actual` is ours: matching parses its body once and keeps the parse for the next entries.
    auto why = matching::match_request(const_cast<pact::RequestSpec&>(e.expected), actual, e.pact->version);
    if (why.empty()) {
      if (request.state.empty() || has_state(*e.interaction, request.state)) {
        chosen = &e;
        break;
      }
      matched_other_state = true;
      if (!closest || !closest_why.empty()) {
        closest = &e;
        closest_why = {{"provider state", request.state, "", "the request matches, but under other provider state(s)"}};
      }
      continue;
    }
    if (!closest || why.size() < closest_why.size()) {
      closest = &e;
      closest_why = std::move(why);
    }
  }
  StubAnswer a;
  if (!chosen) {
    a.status = 404;
    a.headers.emplace_back("Content-Type", "application/json");
    std::string error = matched_other_state ? "no interaction for provider state '" + request.state + "' matches the request"
                                            : "no interaction matches the request";
    a.body = not_found_body(request, error, closest ? closest->interaction : nullptr, closest_why);
    return a;
  }
  const pact::ResponseSpec& res = chosen->interaction->response;
  a.status = res.has_status ? res.status : 200;
  a.headers = res.headers;
  if (res.body.present()) {
    a.body = res.body.bytes();
    if (!http::find_header(a.headers, "Content-Type"))
      a.headers.emplace_back("Content-Type", pact::effective_content_type(res.body, res.headers));
  }
  a.matched = chosen->interaction->description;
  return a;
}

}  // namespace accord::contracts::stub
