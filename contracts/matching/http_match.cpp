#include "contracts/matching/http_match.h"

#include <cctype>

#include "contracts/matching/body_match.h"
#include "contracts/matching/value_match.h"
#include "contracts/pact/body_codec.h"

namespace accord::contracts::matching {

namespace {

std::string trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
  return std::string(s.substr(b, e - b));
}

std::vector<std::string> split_list(std::string_view v, char sep) {
  std::vector<std::string> out;
  size_t start = 0;
  while (true) {
    size_t p = v.find(sep, start);
    out.push_back(trim(v.substr(start, p == std::string_view::npos ? std::string_view::npos : p - start)));
    if (p == std::string_view::npos) break;
    start = p + 1;
  }
  return out;
}

// "application/json; charset=UTF-8" -> base + parameters (names lower case).
struct MediaType {
  std::string base;
  std::vector<std::pair<std::string, std::string>> params;
};

MediaType parse_media(std::string_view v) {
  MediaType m;
  auto parts = split_list(v, ';');
  m.base = parts[0];  // values are case-sensitive; only charset names are not
  for (size_t i = 1; i < parts.size(); ++i) {
    size_t eq = parts[i].find('=');
    if (eq == std::string::npos) continue;
    std::string value = trim(parts[i].substr(eq + 1));
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"') value = value.substr(1, value.size() - 2);
    m.params.emplace_back(http::to_lower(trim(parts[i].substr(0, eq))), value);
  }
  return m;
}

std::optional<std::string> compare_media(const std::string& e, const std::string& a) {
  MediaType em = parse_media(e), am = parse_media(a);
  if (em.base != am.base) return "expected media type '" + em.base + "' but got '" + am.base + "'";
  for (const auto& [k, v] : em.params) {
    const std::string* found = nullptr;
    for (const auto& p : am.params)
      if (p.first == k) found = &p.second;
    if (!found) return "expected parameter " + k + "=" + v + " but it was missing";
    bool same = k == "charset" ? http::iequals(v, *found) : v == *found;
    if (!same) return "expected parameter " + k + "=" + v + " but got " + k + "=" + *found;
  }
  return std::nullopt;
}

// Accept lists media ranges: compared item by item, each as a media type, so
// parameters the contract names must match and extra ones (q=0.9) are fine.
std::optional<std::string> compare_media_list(const std::string& e, const std::string& a) {
  auto ev = split_list(e, ','), av = split_list(a, ',');
  if (ev.size() != av.size())
    return "expected " + std::to_string(ev.size()) + " media range(s) '" + e + "' but got " + std::to_string(av.size()) +
           " '" + a + "'";
  for (size_t i = 0; i < ev.size(); ++i)
    if (auto why = compare_media(ev[i], av[i])) return why;
  return std::nullopt;
}

std::string joined_header(const http::HeaderList& headers, std::string_view name, bool& found) {
  std::string out;
  found = false;
  for (const auto& [k, v] : headers) {
    if (!http::iequals(k, name)) continue;
    if (found) out += ", ";
    out += v;
    found = true;
  }
  return out;
}

void match_query(const pact::RequestSpec& e, const pact::RequestSpec& a, pact::SpecVersion version,
                 const RuleCategory& rules, Mismatches& out) {
  if (version == pact::SpecVersion::v1 && !e.raw_query.empty() && rules.empty()) {
    // V1 compares the decoded pieces in order: order and trailing '&' matter.
    auto pieces = [](const std::string& raw) {
      std::vector<std::string> out;
      for (const std::string& p : split_list(raw, '&')) {
        size_t eq = p.find('=');
        out.push_back(http::url_decode(p.substr(0, eq)) + "=" + (eq == std::string::npos ? "" : http::url_decode(p.substr(eq + 1))));
      }
      return out;
    };
    if (pieces(e.raw_query) != pieces(a.raw_query))
      out.push_back({"query", e.raw_query, a.raw_query, "expected query string '" + e.raw_query + "' but got '" + a.raw_query + "'"});
    return;
  }
  for (const auto& [name, values] : e.query) {
    const std::vector<std::string>* found = nullptr;
    for (const auto& [k, v] : a.query)
      if (k == name) found = &v;
    std::string where = "query." + name;
    std::string joined;
    for (const auto& v : values) joined += (joined.empty() ? "" : ",") + v;
    if (!found) {
      out.push_back({where, joined, "(missing)", "expected query parameter '" + name + "' but it was missing"});
      continue;
    }
    std::string actual_joined;
    for (const auto& v : *found) actual_joined += (actual_joined.empty() ? "" : ",") + v;
    if (const RuleList* list = rules.for_name(name, false)) {
      for (size_t i = 0; i < found->size(); ++i) {
        const std::string& ev = i < values.size() ? values[i] : (values.empty() ? std::string() : values.front());
        for (const std::string& why : apply_rules(*list, Value::of_text(ev), Value::of_text((*found)[i])))
          out.push_back({where, ev, (*found)[i], why});
      }
      if (!list->rules.empty() && list->rules.front().kind == RuleKind::min_type && found->size() < list->rules.front().min)
        out.push_back({where, joined, actual_joined, "expected at least " + std::to_string(list->rules.front().min) + " value(s)"});
      continue;
    }
    if (values != *found)
      out.push_back({where, joined, actual_joined,
                     "expected query parameter '" + name + "' to be [" + joined + "] but got [" + actual_joined + "]"});
  }
  for (const auto& [k, v] : a.query) {
    bool known = false;
    for (const auto& item : e.query) known |= item.first == k;
    if (!known) {
      std::string joined;
      for (const auto& x : v) joined += (joined.empty() ? "" : ",") + x;
      out.push_back({"query." + k, "(absent)", joined, "unexpected query parameter '" + k + "'"});
    }
  }
}

}  // namespace

void match_status(int expected, int actual, const RuleCategory& rules, Mismatches& out) {
  std::string a = std::to_string(actual), e = std::to_string(expected);
  if (!rules.empty()) {
    RuleList list = rules.best_for({"$"});
    for (const std::string& why : apply_rules(list, Value::of_text(e), Value::of_text(a)))
      out.push_back({"status", e, a, why});
    return;
  }
  if (expected != actual) out.push_back({"status", e, a, "expected status " + e + " but got " + a});
}

void match_headers(const http::HeaderList& expected, const http::HeaderList& actual, const RuleCategory& rules,
                   Mismatches& out) {
  for (const auto& [name, value] : expected) {
    bool found = false;
    std::string a = joined_header(actual, name, found);
    std::string where = "header." + name;
    if (!found) {
      out.push_back({where, value, "(missing)", "expected header '" + name + "' but it was missing"});
      continue;
    }
    if (const RuleList* list = rules.for_name(name, true)) {
      for (const std::string& why : apply_rules(*list, Value::of_text(value), Value::of_text(a)))
        out.push_back({where, value, a, why});
      continue;
    }
    if (http::iequals(name, "Content-Type") || http::iequals(name, "Accept")) {
      auto why = http::iequals(name, "Accept") ? compare_media_list(value, a) : compare_media(value, a);
      if (why) out.push_back({where, value, a, *why});
      continue;
    }
    if (split_list(value, ',') != split_list(a, ','))
      out.push_back({where, value, a, "expected header '" + name + "' to be '" + value + "' but got '" + a + "'"});
  }
}

Mismatches match_request(pact::RequestSpec& e, pact::RequestSpec& a, pact::SpecVersion version) {
  Mismatches out;
  if (!http::iequals(e.method, a.method))
    out.push_back({"method", e.method, a.method, "expected method " + e.method + " but got " + a.method});
  if (!e.rules.path.empty()) {
    for (const std::string& why : apply_rules(e.rules.path.best_for({"$"}), Value::of_text(e.path), Value::of_text(a.path)))
      out.push_back({"path", e.path, a.path, why});
  } else if (e.path != a.path) {
    out.push_back({"path", e.path, a.path, "expected path '" + e.path + "' but got '" + a.path + "'"});
  }
  match_query(e, a, version, e.rules.query, out);
  match_headers(e.headers, a.headers, e.rules.header, out);
  BodyContext ctx;
  ctx.rules = &e.rules.body;
  ctx.allow_unexpected_keys = false;
  ctx.out = &out;
  match_body(e.body, e.headers, a.body, a.headers, ctx);
  return out;
}

Mismatches match_response(pact::ResponseSpec& e, pact::ResponseSpec& a) {
  Mismatches out;
  if (e.has_status || !e.rules.status.empty()) match_status(e.status, a.status, e.rules.status, out);
  match_headers(e.headers, a.headers, e.rules.header, out);
  BodyContext ctx;
  ctx.rules = &e.rules.body;
  ctx.allow_unexpected_keys = true;
  ctx.out = &out;
  match_body(e.body, e.headers, a.body, a.headers, ctx);
  return out;
}

namespace {

bool is_content_type_key(std::string_view k) {
  return k == "contentType" || http::iequals(k, "Content-Type");
}

// Metadata values are JSON (strings mostly); rules are named like headers.
void match_metadata(const pact::MessageSpec& e, const pact::MessageSpec& a, Mismatches& out) {
  for (const auto& [k, v] : e.metadata) {
    const core::Node* found = nullptr;
    for (const auto& [ak, av] : a.metadata)
      if (ak == k || (is_content_type_key(k) && is_content_type_key(ak))) found = av;
    std::string where = "metadata." + k;
    if (!found) {
      out.push_back({where, display_node(v), "(missing)", "expected message metadata '" + k + "' but it was missing"});
      continue;
    }
    if (const RuleList* list = e.rules.metadata.for_name(k, false)) {
      for (const std::string& why : apply_rules(*list, Value::of(v), Value::of(found)))
        out.push_back({where, display_node(v), display_node(found), "metadata '" + k + "' " + why});
      continue;
    }
    if (is_content_type_key(k) && v->is_string() && found->is_string()) {
      if (auto why = compare_media(std::string(v->text()), std::string(found->text())))
        out.push_back({where, display_node(v), display_node(found), "metadata '" + k + "': " + *why});
      continue;
    }
    if (!values_equal(Value::of(v), Value::of(found)))
      out.push_back({where, display_node(v), display_node(found),
                     "expected metadata '" + k + "' to be " + display_node(v) + " but got " + display_node(found)});
  }
}

}  // namespace

Mismatches match_message(pact::MessageSpec& e, pact::MessageSpec& a) {
  Mismatches out;
  http::HeaderList eh, ah;
  if (!e.contents.content_type.empty()) eh.emplace_back("Content-Type", e.contents.content_type);
  if (!a.contents.content_type.empty()) ah.emplace_back("Content-Type", a.contents.content_type);
  BodyContext ctx;
  ctx.rules = &e.rules.body;
  ctx.allow_unexpected_keys = true;
  ctx.label = "contents";
  ctx.out = &out;
  match_body(e.contents, eh, a.contents, ah, ctx);
  match_metadata(e, a, out);
  return out;
}

pact::ResponseSpec response_from_http(const http::Response& response) {
  pact::ResponseSpec r;
  r.status = response.status;
  r.has_status = true;
  r.headers = response.headers;
  r.has_headers = true;
  r.body.text = response.body;
  r.body.state = response.body.empty() ? pact::Body::State::empty : pact::Body::State::present;
  if (const std::string* ct = http::find_header(response.headers, "Content-Type")) r.body.content_type = *ct;
  return r;
}

}  // namespace accord::contracts::matching
