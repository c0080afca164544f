#include "registry/ingest/consumer_identity.h"

#include <cctype>
#include <cstdio>

#include "core/loader.h"

namespace accord::registry {

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool iequals_prefix(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(s[i])) != std::tolower(static_cast<unsigned char>(prefix[i])))
      return false;
  return true;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

}  // namespace

std::string base64url_decode(std::string_view text) {
  std::string out;
  uint32_t buffer = 0;
  int bits = 0;
  for (char c : text) {
    int v;
    if (c >= 'A' && c <= 'Z') v = c - 'A';
    else if (c >= 'a' && c <= 'z') v = c - 'a' + 26;
    else if (c >= '0' && c <= '9') v = c - '0' + 52;
    else if (c == '-' || c == '+') v = 62;
    else if (c == '_' || c == '/') v = 63;
    else if (c == '=') break;
    else return out;
    buffer = (buffer << 6) | static_cast<uint32_t>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((buffer >> bits) & 0xff);
    }
  }
  return out;
}

std::string api_key_fingerprint(std::string_view key) {
  // FNV-1a, 64 bit: stable across runs and machines; enough to tell keys apart
  // in a report without keeping anything that would let someone use the key.
  uint64_t hash = 1469598103934665603ull;
  for (unsigned char c : key) {
    hash ^= c;
    hash *= 1099511628211ull;
  }
  char buf[32];
  std::snprintf(buf, sizeof buf, "key:%016llx", static_cast<unsigned long long>(hash));
  return buf;
}

core::Expected<ConsumerIdentity> ConsumerIdentity::parse(std::string_view spec) {
  ConsumerIdentity id;
  auto with_name = [&](Kind kind, std::string_view prefix) -> bool {
    if (spec.rfind(prefix, 0) != 0) return false;
    id.kind_ = kind;
    id.name_ = std::string(spec.substr(prefix.size()));
    return true;
  };
  if (spec.empty() || spec == "none") {
    id.kind_ = Kind::none;
  } else if (spec == "user-agent") {
    id.kind_ = Kind::user_agent;
  } else if (spec == "remote-addr") {
    id.kind_ = Kind::remote_addr;
  } else if (spec == "basic-user") {
    id.kind_ = Kind::basic_user;
  } else if (!with_name(Kind::header, "header:") && !with_name(Kind::field, "field:") &&
             !with_name(Kind::jwt, "jwt:") && !with_name(Kind::api_key, "api-key:")) {
    return core::make_error("unknown --consumer '" + std::string(spec) +
                            "' (expected header:NAME, field:NAME, user-agent, remote-addr, basic-user, jwt:CLAIM or "
                            "api-key:HEADER)");
  }
  if ((id.kind_ == Kind::header || id.kind_ == Kind::field || id.kind_ == Kind::jwt || id.kind_ == Kind::api_key) &&
      id.name_.empty())
    return core::make_error("--consumer '" + std::string(spec) + "' needs a name after ':'");
  // jwt and basic-user read the Authorization header.
  std::string header = id.kind_ == Kind::jwt || id.kind_ == Kind::basic_user ? "Authorization" : id.name_;
  id.lower_name_ = lower(header);
  id.nginx_variable_ = "http_" + id.lower_name_;
  for (char& c : id.nginx_variable_)
    if (c == '-') c = '_';
  id.otel_attribute_ = "http.request.header." + id.lower_name_;
  // JSON access logs name header fields either way: x-consumer or x_consumer.
  id.underscored_name_ = id.lower_name_;
  for (char& c : id.underscored_name_)
    if (c == '-') c = '_';
  return id;
}

std::string_view ConsumerIdentity::header_value(const Request& r, std::string_view header) const {
  // nginx variables, JSON fields named like the header, OTel header attributes.
  for (std::string_view candidate : {std::string_view(nginx_variable_), std::string_view(lower_name_), header,
                                     std::string_view(underscored_name_), std::string_view(otel_attribute_)}) {
    std::string_view v = r.field(candidate);
    if (!v.empty() && v != "-") {
      // OTel records header values as arrays; the flattener keeps a scalar only, so a
      // "[\"v\"]" text can appear from other exporters: strip it.
      if (v.size() >= 4 && v.front() == '[' && v[1] == '"') v = v.substr(2, v.size() - 4);
      return v;
    }
  }
  return {};
}

std::string ConsumerIdentity::identify(const Request& r) const {
  std::string scratch;
  return std::string(identify(r, scratch));
}

std::string_view ConsumerIdentity::identify(const Request& r, std::string& scratch) const {
  switch (kind_) {
    case Kind::none: return {};
    case Kind::header: return trim(header_value(r, name_));
    case Kind::field: {
      std::string_view v = r.field(name_);
      return v == "-" ? std::string_view() : trim(v);
    }
    case Kind::user_agent: {
      // The product token: "curl/8.1.2 (x86_64)" -> "curl".
      std::string_view ua = trim(r.user_agent);
      size_t end = 0;  // a plain loop: find_first_of tests each character against the set with a call
      while (end < ua.size() && ua[end] != '/' && ua[end] != ' ') ++end;
      return ua.substr(0, end);
    }
    case Kind::remote_addr: return r.remote_addr;
    case Kind::basic_user: {
      if (!r.remote_user.empty()) return r.remote_user;
      std::string_view auth = trim(header_value(r, "Authorization"));
      if (!iequals_prefix(auth, "basic ")) return {};
      std::string decoded = base64url_decode(trim(auth.substr(6)));
      size_t colon = decoded.find(':');
      if (colon == std::string::npos) return {};
      scratch = decoded.substr(0, colon);
      return scratch;
    }
    case Kind::jwt: {
      std::string_view auth = trim(header_value(r, "Authorization"));
      if (iequals_prefix(auth, "bearer ")) auth = trim(auth.substr(7));
      size_t first_dot = auth.find('.');
      size_t second_dot = first_dot == std::string_view::npos ? first_dot : auth.find('.', first_dot + 1);
      if (second_dot == std::string_view::npos) return {};
      std::string payload = base64url_decode(auth.substr(first_dot + 1, second_dot - first_dot - 1));
      auto doc = core::load_text("jwt", std::move(payload), core::Syntax::json);
      if (!doc || !(*doc)->root()->is_object()) return {};
      const core::Node* claim = (*doc)->root()->get(name_);
      if (!claim || !claim->is_scalar() || claim->is_null()) return {};
      scratch = std::string(claim->text());
      return scratch;
    }
    case Kind::api_key: {
      std::string_view key = trim(header_value(r, name_));
      if (key.empty()) return {};
      scratch = api_key_fingerprint(key);
      return scratch;
    }
  }
  return {};
}

}  // namespace accord::registry
