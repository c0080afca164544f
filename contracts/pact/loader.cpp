#include "contracts/pact/loader.h"

#include <algorithm>
#include <filesystem>

#include "contracts/pact/body_codec.h"
#include "core/integer.h"
#include "core/loader.h"

namespace accord::contracts::pact {

using core::Node;
using matching::error_at;

std::string to_string(SpecVersion v) {
  switch (v) {
    case SpecVersion::v1: return "1.0.0";
    case SpecVersion::v1_1: return "1.1.0";
    case SpecVersion::v2: return "2.0.0";
    case SpecVersion::v3: return "3.0.0";
    case SpecVersion::v4: return "4.0";
  }
  return "";
}

SpecVersion parse_spec_version(std::string_view text) {
  if (text.rfind("1.1", 0) == 0) return SpecVersion::v1_1;
  if (text.rfind("1", 0) == 0) return SpecVersion::v1;
  if (text.rfind("2", 0) == 0) return SpecVersion::v2;
  if (text.rfind("3", 0) == 0) return SpecVersion::v3;
  if (text.rfind("4", 0) == 0) return SpecVersion::v4;
  return SpecVersion::v3;
}

namespace {

bool v3_or_later(SpecVersion v) { return v == SpecVersion::v3 || v == SpecVersion::v4; }

core::Status parse_headers(const Node* node, http::HeaderList& out) {
  if (!node || node->is_null()) return core::ok_status();
  if (!node->is_object()) return error_at(node, "'headers' must be an object");
  for (const auto& m : node->children()) {
    if (m.value->is_array()) {
      std::string joined;
      for (const auto& item : m.value->children()) {
        if (!joined.empty()) joined += ", ";
        joined += std::string(item.value->text());
      }
      out.emplace_back(std::string(m.key), joined);
    } else if (m.value->is_scalar()) {
      out.emplace_back(std::string(m.key), std::string(m.value->text()));
    } else {
      return error_at(m.value, "header '" + std::string(m.key) + "' must be a string or a list of strings");
    }
  }
  return core::ok_status();
}

core::Status parse_query(const Node* node, SpecVersion version, RequestSpec& out) {
  if (!node || node->is_null()) return core::ok_status();
  out.has_query = true;
  if (node->is_string()) {
    out.raw_query = std::string(node->text());
    out.query = parse_query_string(out.raw_query);
    (void)version;
    return core::ok_status();
  }
  if (!node->is_object()) return error_at(node, "'query' must be a string or an object");
  for (const auto& m : node->children()) {
    std::vector<std::string> values;
    if (m.value->is_array()) {
      for (const auto& item : m.value->children()) values.emplace_back(item.value->text());
    } else if (m.value->is_scalar()) {
      values.emplace_back(m.value->text());
    } else {
      return error_at(m.value, "query parameter '" + std::string(m.key) + "' must be a string or a list");
    }
    out.query.emplace_back(std::string(m.key), std::move(values));
  }
  return core::ok_status();
}


core::Status parse_generators(const Node* part, Generators& out) {
  const Node* node = part->get("generators");
  if (!node) return core::ok_status();
  if (!node->is_object()) return error_at(node, "'generators' must be an object");
  for (const auto& m : node->children()) {
    GeneratorCategory* cat = nullptr;
    if (m.key == "body" || m.key == "content") cat = &out.body;
    else if (m.key == "header" || m.key == "headers") cat = &out.header;
    else if (m.key == "query") cat = &out.query;
    else if (m.key == "path") cat = &out.path;
    else if (m.key == "status") cat = &out.status;
    else continue;  // metadata and unknown categories do not apply to HTTP replay
    if (!m.value->is_object()) return error_at(m.value, "generator category must be an object");
    if (m.value->get("type")) {  // path/status: the generator itself
      cat->entries.push_back({"", Generator{std::string(m.value->get_text("type")), m.value}});
      continue;
    }
    for (const auto& g : m.value->children()) {
      if (!g.value->is_object() || !g.value->get("type"))
        return error_at(g.value, "generator '" + std::string(g.key) + "' needs a 'type'");
      cat->entries.push_back({std::string(g.key), Generator{std::string(g.value->get_text("type")), g.value}});
    }
  }
  return core::ok_status();
}

}  // namespace

core::Status parse_rules(const Node* part, SpecVersion version, matching::MatchingRules& rules) {
  const Node* node = part->get("matchingRules");
  if (!node) return core::ok_status();
  return v3_or_later(version) ? matching::parse_v3_rules(node, rules) : matching::parse_v2_rules(node, rules);
}

core::Expected<RequestSpec> parse_request(const Node* node, SpecVersion version) {
  if (!node || !node->is_object()) return error_at(node, "'request' must be an object");
  RequestSpec r;
  if (const Node* m = node->get("method")) r.method = std::string(m->text());
  if (const Node* p = node->get("path")) {
    if (!p->is_string()) return error_at(p, "'path' must be a string");
    r.path = std::string(p->text());
    r.has_path = true;
  }
  if (auto st = parse_query(node->get("query"), version, r); !st) return st.error();
  if (const Node* h = node->get("headers")) {
    r.has_headers = true;
    if (auto st = parse_headers(h, r.headers); !st) return st.error();
  }
  if (auto st = parse_body(node, "body", version, r.headers, r.body); !st) return st.error();
  if (auto st = parse_rules(node, version, r.rules); !st) return st.error();
  if (auto st = parse_generators(node, r.generators); !st) return st.error();
  return r;
}

core::Expected<ResponseSpec> parse_response(const Node* node, SpecVersion version) {
  if (!node || !node->is_object()) return error_at(node, "'response' must be an object");
  ResponseSpec r;
  if (const Node* s = node->get("status")) {
    std::optional<int> status = core::whole_int(s);
    if (!status || *status < 100 || *status > 999) return error_at(s, "'status' must be an HTTP status code (100-999)");
    r.status = *status;
    r.has_status = true;
  }
  if (const Node* h = node->get("headers")) {
    r.has_headers = true;
    if (auto st = parse_headers(h, r.headers); !st) return st.error();
  }
  if (auto st = parse_body(node, "body", version, r.headers, r.body); !st) return st.error();
  if (auto st = parse_rules(node, version, r.rules); !st) return st.error();
  if (auto st = parse_generators(node, r.generators); !st) return st.error();
  return r;
}

namespace {

core::Status parse_states(const Node* interaction, Interaction& out) {
  if (const Node* states = interaction->get("providerStates")) {
    if (!states->is_array()) return error_at(states, "'providerStates' must be an array");
    for (const auto& s : states->children()) {
      if (!s.value->is_object() || !s.value->get("name"))
        return error_at(s.value, "each provider state needs a 'name'");
      ProviderState ps;
      ps.name = std::string(s.value->get_text("name"));
      const Node* params = s.value->get("params");
      ps.params = params && params->is_object() ? params : nullptr;
      out.states.push_back(std::move(ps));
    }
    return core::ok_status();
  }
  for (const char* key : {"providerState", "provider_state"}) {
    if (const Node* s = interaction->get(key); s && s->is_string() && !s->text().empty()) {
      out.states.push_back({std::string(s->text()), nullptr});
      break;
    }
  }
  return core::ok_status();
}

SpecVersion version_of(const Node* root) {
  const Node* meta = root->get("metadata");
  if (meta && meta->is_object()) {
    for (const char* key : {"pactSpecification", "pact-specification"}) {
      if (const Node* spec = meta->get(key); spec && spec->is_object())
        if (const Node* v = spec->get("version")) return parse_spec_version(v->text());
    }
    if (const Node* v = meta->get("pactSpecificationVersion")) return parse_spec_version(v->text());
  }
  if (const Node* list = root->get("interactions"); list && list->is_array())
    for (const auto& i : list->children())
      if (i.value->is_object() && i.value->get("type")) return SpecVersion::v4;
  return SpecVersion::v2;
}

// The V4 `type` (V1-V3 interactions are HTTP); plugin-driven interactions
// need the plugin to be understood, so accord does not pretend to verify them.
Interaction::Kind kind_of(const Node* node) {
  const Node* plugin = node->get("pluginConfiguration");
  if (plugin && plugin->is_object() && plugin->size() > 0) return Interaction::Kind::unsupported;
  const Node* type = node->get("type");
  if (!type || type->text() == "Synchronous/HTTP") return Interaction::Kind::http;
  if (type->text() == "Asynchronous/Messages") return Interaction::Kind::message;
  if (type->text() == "Synchronous/Messages") return Interaction::Kind::sync_message;
  return Interaction::Kind::unsupported;
}

std::string unsupported_reason(const Node* node) {
  const Node* plugin = node->get("pluginConfiguration");
  if (plugin && plugin->is_object() && plugin->size() > 0) {
    std::string names;
    for (const auto& m : plugin->children()) names += (names.empty() ? "" : ", ") + std::string(m.key);
    return "needs the Pact plugin(s) " + names + ", which accord does not run";
  }
  return "interaction type '" + std::string(node->get_text("type")) + "' is not one accord can verify";
}

core::Status load_http_parts(const Node* node, SpecVersion version, Interaction& in) {
  const Node* request = node->get("request");
  if (!request) return error_at(node, "interaction '" + in.description + "' has no 'request'");
  auto req = parse_request(request, version);
  if (!req) return req.error();
  in.request = std::move(*req);
  const Node* response = node->get("response");
  if (!response) return error_at(node, "interaction '" + in.description + "' has no 'response'");
  auto res = parse_response(response, version);
  if (!res) return res.error();
  in.response = std::move(*res);
  return core::ok_status();
}

core::Expected<Interaction> load_interaction(const Node* node, SpecVersion version, Interaction::Kind kind) {
  if (!node->is_object()) return error_at(node, "each interaction must be an object");
  Interaction in;
  in.kind = kind;
  in.location = node->location();
  const Node* desc = node->get("description");
  if (!desc || !desc->is_string()) return error_at(node, "interaction has no 'description'");
  in.description = std::string(desc->text());
  in.pending = node->get_bool("pending");
  if (const Node* comments = node->get("comments"); comments && comments->is_object()) {
    if (const Node* text = comments->get("text"); text && text->is_array())
      for (const auto& line : text->children())
        if (line.value->is_string()) in.comments.emplace_back(line.value->text());
    in.test_name = std::string(comments->get_text("testname"));
  }
  if (auto st = parse_states(node, in); !st) return st.error();
  core::Status parts = core::ok_status();
  switch (kind) {
    case Interaction::Kind::http: parts = load_http_parts(node, version, in); break;
    case Interaction::Kind::message:
    case Interaction::Kind::sync_message: parts = load_message_parts(node, version, in); break;
    case Interaction::Kind::unsupported: in.unsupported_reason = unsupported_reason(node); break;
  }
  if (!parts) return parts.error();
  return in;
}

}  // namespace

core::Expected<Pact> load_pact(const std::string& path) {
  auto text = core::read_file(path);
  if (!text) return text.error();
  return load_pact_text(path, std::move(*text));
}

core::Expected<Pact> load_pact_text(const std::string& path, std::string text) {
  auto doc = core::load_text(path, std::move(text), core::Syntax::json);
  if (!doc) return doc.error();
  Pact pact;
  pact.file = path;
  pact.document = std::shared_ptr<const core::Document>(std::move(*doc));
  const Node* root = pact.document->root();
  if (!root || !root->is_object()) return error_at(root, "a pact file must be a JSON object");
  pact.version = version_of(root);
  if (const Node* c = root->get("consumer"); c && c->is_object()) pact.consumer = std::string(c->get_text("name"));
  if (const Node* p = root->get("provider"); p && p->is_object()) pact.provider = std::string(p->get_text("name"));
  if (const Node* messages = root->get("messages")) {
    if (!messages->is_array()) return error_at(messages, "'messages' must be an array");
    for (const auto& item : messages->children()) {
      auto in = load_interaction(item.value, pact.version, Interaction::Kind::message);
      if (!in) return in.error();
      pact.interactions.push_back(std::move(*in));
    }
  }
  const Node* list = root->get("interactions");
  if (!list) {
    if (root->get("messages")) return pact;
    return error_at(root, "not a pact file: no 'interactions' array");
  }
  if (!list->is_array()) return error_at(list, "'interactions' must be an array");
  if (list->size() > kMaxInteractions)
    return error_at(list, "more than " + std::to_string(kMaxInteractions) + " interactions in one pact (" +
                              std::to_string(list->size()) + "); split it into several files");
  for (const auto& item : list->children()) {
    if (!item.value->is_object()) return error_at(item.value, "each interaction must be an object");
    auto in = load_interaction(item.value, pact.version, kind_of(item.value));
    if (!in) return in.error();
    pact.interactions.push_back(std::move(*in));
  }
  return pact;
}

core::Expected<std::vector<Pact>> load_pacts(const std::vector<std::string>& paths) {
  std::vector<std::string> files;
  for (const std::string& p : paths) {
    std::error_code ec;
    if (std::filesystem::is_directory(p, ec)) {
      std::vector<std::string> found;
      for (const auto& e : std::filesystem::recursive_directory_iterator(p, ec))
        if (e.is_regular_file() && e.path().extension() == ".json") found.push_back(e.path().string());
      std::sort(found.begin(), found.end());
      if (found.empty()) return core::make_error("no pact files (*.json) in directory", p);
      files.insert(files.end(), found.begin(), found.end());
    } else {
      files.push_back(p);
    }
  }
  std::vector<Pact> out;
  for (const std::string& f : files) {
    auto pact = load_pact(f);
    if (!pact) return pact.error();
    out.push_back(std::move(*pact));
  }
  return out;
}

}  // namespace accord::contracts::pact
