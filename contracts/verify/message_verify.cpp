#include "contracts/verify/message_verify.h"

#include "contracts/matching/http_match.h"
#include "contracts/pact/body_codec.h"
#include "core/json_writer.h"
#include "core/loader.h"

namespace accord::contracts::verify {

http::Request message_request(const pact::Interaction& in, const std::string& url) {
  std::string body = "{\"description\":\"" + core::json_escape(in.description) + "\",\"providerStates\":[";
  for (size_t i = 0; i < in.states.size(); ++i) {
    if (i) body += ',';
    body += "{\"name\":\"" + core::json_escape(in.states[i].name) + "\"";
    if (in.states[i].params) body += ",\"params\":" + pact::to_json_text(in.states[i].params);
    body += '}';
  }
  body += "]}";
  http::Request req;
  req.method = "POST";
  req.url = url;
  req.headers.emplace_back("Content-Type", "application/json");
  req.body = std::move(body);
  req.has_body = true;
  return req;
}

core::Expected<pact::MessageSpec> message_from_http(const http::Response& res) {
  pact::MessageSpec m;
  m.contents.text = res.body;
  m.contents.state = res.body.empty() ? pact::Body::State::empty : pact::Body::State::present;
  std::string metadata = "{";
  if (const std::string* ct = http::find_header(res.headers, "Content-Type")) {
    m.contents.content_type = *ct;
    metadata += "\"contentType\":\"" + core::json_escape(*ct) + "\"";
  }
  if (const std::string* header = http::find_header(res.headers, "Pact-Message-Metadata")) {
    std::string decoded = pact::base64_decode(*header);
    auto doc = core::load_text("Pact-Message-Metadata header", decoded, core::Syntax::json);
    if (!doc || !(*doc)->root() || !(*doc)->root()->is_object())
      return core::make_error("the Pact-Message-Metadata header is not a base64-encoded JSON object", "");
    for (const auto& item : (*doc)->root()->children()) {
      if (metadata.size() > 1) metadata += ',';
      metadata += "\"" + core::json_escape(item.key) + "\":" + pact::to_json_text(item.value);
    }
  }
  metadata += '}';
  auto doc = core::load_text("message metadata", metadata, core::Syntax::json);
  if (!doc) return doc.error();
  m.metadata_owner = std::shared_ptr<const core::Document>(std::move(*doc));
  for (const auto& item : m.metadata_owner->root()->children()) m.metadata.emplace_back(std::string(item.key), item.value);
  return m;
}

matching::Mismatches check_message_response(const pact::Interaction& in, const http::Response& res) {
  if (res.status < 200 || res.status >= 300)
    return {{"message", "a message (HTTP 2xx)", "HTTP " + std::to_string(res.status),
             "the provider's message endpoint answered HTTP " + std::to_string(res.status) + " instead of the message"}};
  auto actual = message_from_http(res);
  if (!actual) return {{"metadata", "base64 JSON", "(unreadable)", actual.error().message}};
  if (in.kind == pact::Interaction::Kind::message) {
    pact::MessageSpec expected = in.message;
    return matching::match_message(expected, *actual);
  }
  matching::Mismatches out;
  for (size_t i = 0; i < in.responses.size(); ++i) {
    pact::MessageSpec expected = in.responses[i];
    for (auto& m : matching::match_message(expected, *actual)) {
      if (in.responses.size() > 1) m.path = "response[" + std::to_string(i) + "]." + m.path;
      out.push_back(std::move(m));
    }
  }
  return out;
}

}  // namespace accord::contracts::verify
