#include "contracts/pact/body_codec.h"

#include <cctype>
#include <cstring>

#include "contracts/http/http_types.h"
#include "core/json_writer.h"
#include "core/loader.h"

namespace accord::contracts::pact {

using core::Node;

void append_json_text(const Node* node, std::string& out) {
  switch (node->kind()) {
    case Node::Kind::null: out += "null"; break;
    case Node::Kind::boolean:
    case Node::Kind::number: out += node->text(); break;
    case Node::Kind::string:
      out += '"';
      out += core::json_escape(node->text());
      out += '"';
      break;
    case Node::Kind::array: {
      out += '[';
      bool first = true;
      for (const auto& m : node->children()) {
        if (!first) out += ',';
        first = false;
        append_json_text(m.value, out);
      }
      out += ']';
      break;
    }
    case Node::Kind::object: {
      out += '{';
      bool first = true;
      for (const auto& m : node->children()) {
        if (!first) out += ',';
        first = false;
        out += '"';
        out += core::json_escape(m.key);
        out += "\":";
        append_json_text(m.value, out);
      }
      out += '}';
      break;
    }
  }
}

std::string to_json_text(const Node* node) {
  std::string out;
  if (node) append_json_text(node, out);
  return out;
}

std::string Body::bytes() const {
  if (json) return to_json_text(json);
  return text;
}

std::string media_type(std::string_view content_type) {
  size_t semi = content_type.find(';');
  std::string_view base = content_type.substr(0, semi);
  while (!base.empty() && std::isspace(static_cast<unsigned char>(base.back()))) base.remove_suffix(1);
  while (!base.empty() && std::isspace(static_cast<unsigned char>(base.front()))) base.remove_prefix(1);
  return http::to_lower(base);
}

BodyKind body_kind(std::string_view media) {
  std::string m(media);
  if (m == "application/json" || (m.size() > 5 && m.compare(m.size() - 5, 5, "+json") == 0) ||
      m == "application/json-rpc" || m == "application/jsonrequest" || m == "text/json")
    return BodyKind::json;
  if (m == "application/xml" || m == "text/xml" || (m.size() > 4 && m.compare(m.size() - 4, 4, "+xml") == 0))
    return BodyKind::xml;
  if (m == "application/x-www-form-urlencoded") return BodyKind::form;
  if (m.rfind("text/", 0) == 0 || m.empty()) return BodyKind::text;
  return BodyKind::binary;
}

static std::string sniff(std::string_view text) {
  size_t i = 0;
  while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
  std::string_view t = text.substr(i);
  if (t.rfind("<?xml", 0) == 0) return "application/xml";
  if (!t.empty() && (t[0] == '{' || t[0] == '[')) return "application/json";
  if (!t.empty() && t[0] == '<' && t.find('>') != std::string_view::npos && t.rfind("<html", 0) != 0 &&
      t.rfind("<!DOCTYPE html", 0) != 0)
    return "application/xml";
  return "text/plain";
}

std::string effective_content_type(const Body& body, const http::HeaderList& headers) {
  if (const std::string* h = http::find_header(headers, "Content-Type")) return *h;
  if (!body.content_type.empty()) return body.content_type;
  if (body.json) return "application/json";
  return sniff(body.text);
}

core::Expected<const Node*> json_of(Body& body) {
  if (body.json) return body.json;
  auto doc = core::load_text("body", body.text, core::Syntax::json);
  if (!doc) return doc.error();
  body.owner = std::shared_ptr<const core::Document>(std::move(*doc));
  body.json = body.owner->root();
  return body.json;
}

std::vector<std::pair<std::string, std::vector<std::string>>> parse_query_string(std::string_view raw) {
  std::vector<std::pair<std::string, std::vector<std::string>>> out;
  if (!raw.empty() && raw[0] == '?') raw.remove_prefix(1);
  size_t start = 0;
  while (start <= raw.size()) {
    size_t amp = raw.find('&', start);
    std::string_view piece = raw.substr(start, amp == std::string_view::npos ? std::string_view::npos : amp - start);
    if (!piece.empty()) {
      size_t eq = piece.find('=');
      std::string name = http::url_decode(piece.substr(0, eq));
      std::string value = eq == std::string_view::npos ? "" : http::url_decode(piece.substr(eq + 1));
      bool found = false;
      for (auto& [k, vs] : out)
        if (k == name) {
          vs.push_back(value);
          found = true;
        }
      if (!found) out.push_back({name, {value}});
    }
    if (amp == std::string_view::npos) break;
    start = amp + 1;
  }
  return out;
}

static const char* kB64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

std::string base64_decode(std::string_view in) {
  std::string out;
  int val = 0, bits = -8;
  for (unsigned char c : in) {
    const char* p = c ? std::strchr(kB64, c) : nullptr;
    int d;
    if (p) d = static_cast<int>(p - kB64);
    else if (c == '-') d = 62;
    else if (c == '_') d = 63;
    else continue;  // padding, whitespace
    val = (val << 6) + d;
    bits += 6;
    if (bits >= 0) {
      out += static_cast<char>((val >> bits) & 0xFF);
      bits -= 8;
    }
  }
  return out;
}

std::string base64_encode(std::string_view in) {
  std::string out;
  int val = 0, bits = -6;
  for (unsigned char c : in) {
    val = (val << 8) + c;
    bits += 8;
    while (bits >= 0) {
      out += kB64[(val >> bits) & 0x3F];
      bits -= 6;
    }
  }
  if (bits > -6) out += kB64[((val << 8) >> (bits + 8)) & 0x3F];
  while (out.size() % 4) out += '=';
  return out;
}

// V2/V3 pacts have no `encoded` flag: writers store a binary body as a base64
// string, and the Pact verifier decodes it when the content type is binary.
static bool looks_like_base64(std::string_view text) {
  if (text.size() % 4 != 0) return false;
  bool padding = false;
  for (size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == '=') {
      if (i + 2 < text.size()) return false;  // only the last two characters pad
      padding = true;
      continue;
    }
    if (padding || !(std::isalnum(c) || c == '+' || c == '/')) return false;
  }
  return true;
}

core::Status parse_body(const Node* part, std::string_view key, SpecVersion version,
                        const http::HeaderList& headers, Body& out) {
  const Node* b = part->get(key);
  if (!b) return core::ok_status();
  if (b->is_null()) {
    out.state = Body::State::null;
    return core::ok_status();
  }
  std::string header_type;
  if (const std::string* h = http::find_header(headers, "Content-Type")) header_type = *h;
  if (version == SpecVersion::v4 && b->is_object() && b->get("content") != nullptr) {
    const Node* content = b->get("content");
    out.content_type = std::string(b->get_text("contentType"));
    if (out.content_type.empty()) out.content_type = header_type;
    const Node* encoded = b->get("encoded");
    std::string enc = encoded ? std::string(encoded->text()) : "false";
    if (content->is_null()) {
      out.state = Body::State::null;
    } else if (content->is_string()) {
      if (enc == "base64" || enc == "true") out.text = base64_decode(content->text());
      else out.text = std::string(content->text());
      out.state = out.text.empty() ? Body::State::empty : Body::State::present;
    } else {
      out.json = content;
      out.state = Body::State::present;
    }
    return core::ok_status();
  }
  out.content_type = header_type;
  if (b->is_string()) {
    // A string is the body's text, unless the part says it is JSON: then it is a JSON string.
    if (b->text().empty()) {
      out.state = Body::State::empty;
      return core::ok_status();
    }
    BodyKind kind = body_kind(media_type(header_type));
    if (!header_type.empty() && kind == BodyKind::json) out.json = b;
    else if (kind == BodyKind::binary && looks_like_base64(b->text())) out.text = base64_decode(b->text());
    else out.text = std::string(b->text());
    out.state = Body::State::present;
    return core::ok_status();
  }
  out.json = b;
  out.state = Body::State::present;
  return core::ok_status();
}

}  // namespace accord::contracts::pact
