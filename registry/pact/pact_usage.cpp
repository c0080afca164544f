#include "registry/pact/pact_usage.h"

#include <algorithm>
#include <cctype>
#include <set>

#include "core/loader.h"
#include "registry/pact/pact_path.h"

namespace accord::registry {

namespace {

// Every leaf and object path of a response body: "$.user.name", "$.items[*].id".
void collect_body_paths(const core::Node* node, const std::string& path, std::set<std::string>& out) {
  if (node->is_object()) {
    for (const core::Member& m : node->children()) {
      std::string child = path + "." + std::string(m.key);
      out.insert(child);
      collect_body_paths(m.value, child, out);
    }
  } else if (node->is_array()) {
    for (const core::Member& item : node->children()) collect_body_paths(item.value, path + "[*]", out);
  }
}

// Matcher paths: v2 "$.body.items[0].id" / v3+ "$.items[*].id" under "body" -> "$.items[*].id".
std::string normalize_matcher_path(std::string_view path, bool strip_body) {
  std::string p(path);
  if (strip_body && p.rfind("$.body", 0) == 0) p = "$" + p.substr(6);
  if (p.empty() || p[0] != '$') p = "$." + p;
  std::string out;
  for (size_t i = 0; i < p.size(); ++i) {
    if (p[i] == '[' && i + 1 < p.size() && (std::isdigit(static_cast<unsigned char>(p[i + 1])) || p[i + 1] == '*')) {
      size_t close = p.find(']', i);
      if (close != std::string::npos) {
        out += "[*]";
        i = close;
        continue;
      }
    }
    out += p[i];
  }
  return out;
}

// A body as pacts write it: the value itself, or v4's {"content": ..., "contentType": ...}.
const core::Node* body_of(const core::Node* message) {
  const core::Node* body = message->get("body");
  if (body && body->is_object() && body->get("content") && body->get("contentType")) body = body->get("content");
  return body;
}

// What a request sends: body fields ("request:$.email"), query parameters and headers by name.
void collect_request_fields(const core::Node* request, std::set<std::string>& out) {
  std::set<std::string> body_paths;
  if (const core::Node* body = body_of(request)) collect_body_paths(body, "$", body_paths);
  for (const std::string& p : body_paths) out.insert(pact_field_text(PactPart::request_body, p));
  if (const core::Node* query = request->get("query")) {
    if (query->is_object()) {
      for (const core::Member& m : query->children()) out.insert(pact_field_text(PactPart::query, m.key));
    } else if (query->is_string()) {  // v2: "a=1&b=2"
      std::string_view q = query->text();
      while (!q.empty()) {
        const size_t amp = q.find('&');
        std::string_view pair = q.substr(0, amp);
        std::string_view name = pair.substr(0, pair.find('='));
        if (!name.empty()) out.insert(pact_field_text(PactPart::query, name));
        if (amp == std::string_view::npos) break;
        q.remove_prefix(amp + 1);
      }
    }
  }
  if (const core::Node* headers = request->get("headers"); headers && headers->is_object())
    for (const core::Member& m : headers->children()) out.insert(pact_field_text(PactPart::header, m.key));
}

std::string upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

core::Expected<std::vector<PactUsage>> read_pact_usage(const std::string& path) {
  auto pact = read_pact(path);
  if (!pact) return pact.error();
  return std::move(pact->usage);
}

core::Expected<PactFile> read_pact(const std::string& path, const std::string& consumer_version) {
  auto doc = core::load_file(path, core::Syntax::json);
  if (!doc) return doc.error();
  const core::Node* root = (*doc)->root();
  if (!root || !root->is_object()) return core::make_error("not a pact file (expected a JSON object)", path, 1, 1);
  const core::Node* consumer = root->get("consumer");
  const core::Node* interactions = root->get("interactions");
  if (!consumer || !consumer->is_object() || !interactions || !interactions->is_array())
    return core::make_error("not a pact file (needs `consumer` and `interactions`)", path, 1, 1);
  const std::string consumer_name(consumer->get_text("name"));
  if (consumer_name.empty()) {
    auto loc = consumer->location();
    return core::make_error("pact consumer has no name", path, loc.line, loc.column);
  }
  const core::Node* provider = root->get("provider");
  const std::string provider_name(provider && provider->is_object() ? provider->get_text("name") : "");

  PactFile file;
  file.key = {consumer_name, provider_name, consumer_version};
  std::vector<PactUsage>& out = file.usage;
  for (const core::Member& item : interactions->children()) {
    const core::Node* interaction = item.value;
    if (!interaction->is_object()) continue;
    std::string_view type = interaction->get_text("type", "Synchronous/HTTP");
    if (type != "Synchronous/HTTP") continue;
    const core::Node* request = interaction->get("request");
    if (!request || !request->is_object()) continue;
    std::string_view method = request->get_text("method");
    std::string_view request_path = request->get_text("path");
    if (method.empty() || request_path.empty()) {
      auto loc = request->location();
      return core::make_error("pact interaction without request method or path", path, loc.line, loc.column);
    }
    PactUsage call;
    call.consumer = consumer_name;
    call.provider = provider_name;
    call.method = upper(method);
    call.path = std::string(request_path);
    call.source = path;
    call.consumer_version = consumer_version;
    call.interaction = std::string(interaction->get_text("description"));
    out.push_back(call);

    std::set<std::string> fields;
    collect_request_fields(request, fields);
    const core::Node* response = interaction->get("response");
    if (response && response->is_object()) {
      if (const core::Node* body = body_of(response)) collect_body_paths(body, "$", fields);
      if (const core::Node* rules = response->get("matchingRules"); rules && rules->is_object()) {
        if (const core::Node* body_rules = rules->get("body"); body_rules && body_rules->is_object()) {
          for (const core::Member& m : body_rules->children())
            if (m.key != "$") fields.insert(normalize_matcher_path(m.key, false));
        } else {
          for (const core::Member& m : rules->children())
            if (std::string_view(m.key).rfind("$.body.", 0) == 0) fields.insert(normalize_matcher_path(m.key, true));
        }
      }
    }
    for (const std::string& f : fields) {
      PactUsage field = call;
      field.field = f;
      out.push_back(std::move(field));
    }
  }
  return file;
}

}  // namespace accord::registry
