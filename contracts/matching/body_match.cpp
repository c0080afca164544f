// Which comparison a body gets: presence first, then the content type decides
// (JSON, XML, form-urlencoded, text, binary) as the Pact specification says.
#include "contracts/matching/body_match.h"

#include "contracts/matching/binary_match.h"
#include "contracts/matching/value_match.h"
#include "contracts/pact/body_codec.h"

namespace accord::contracts::matching {

using pact::Body;
using pact::BodyKind;

std::string detect_content_type(std::string_view b) {
  auto starts = [&](std::string_view p) { return b.substr(0, p.size()) == p; };
  if (starts("%PDF-")) return "application/pdf";
  if (starts("\x89PNG\r\n\x1a\n")) return "image/png";
  if (starts("\xFF\xD8\xFF")) return "image/jpeg";
  if (starts("GIF87a") || starts("GIF89a")) return "image/gif";
  if (starts("PK\x03\x04")) return "application/zip";
  if (starts("\x1f\x8b")) return "application/gzip";
  size_t i = 0;
  while (i < b.size() && std::isspace(static_cast<unsigned char>(b[i]))) ++i;
  std::string_view t = b.substr(i);
  if (t.substr(0, 5) == "<?xml") return "application/xml";
  if (t.substr(0, 5) == "<html" || t.substr(0, 9) == "<!DOCTYPE") return "text/html";
  for (unsigned char c : b)
    if (c < 0x09 || (c > 0x0d && c < 0x20)) return "application/octet-stream";
  if (!t.empty() && (t[0] == '{' || t[0] == '[')) return "application/json";
  return "text/plain";
}

namespace {

void match_form(const std::string& expected, const std::string& actual, const BodyContext& ctx) {
  auto e = pact::parse_query_string(expected);
  auto a = pact::parse_query_string(actual);
  for (const auto& [name, values] : e) {
    const std::vector<std::string>* found = nullptr;
    for (const auto& [k, v] : a)
      if (k == name) found = &v;
    std::vector<std::string> loc{"$", name};
    if (!found) {
      ctx.add(loc, values.empty() ? "" : values[0], "(missing)", "expected form field '" + name + "' but it was missing");
      continue;
    }
    bool ruled = ctx.rules && ctx.rules->defined_for(loc);
    for (size_t i = 0; i < std::max(values.size(), found->size()); ++i) {
      const std::string& ev = i < values.size() ? values[i] : values.front();
      if (i >= found->size()) {
        ctx.add(loc, ev, "(missing)", "expected " + std::to_string(values.size()) + " value(s) for form field '" + name + "'");
        break;
      }
      const std::string& av = (*found)[i];
      if (ruled) {
        for (const std::string& why : apply_rules(ctx.rules->best_for(loc), Value::of_text(ev), Value::of_text(av)))
          ctx.add(loc, ev, av, why);
      } else if (i >= values.size()) {
        ctx.add(loc, "(absent)", av, "unexpected extra value for form field '" + name + "'");
      } else if (ev != av) {
        ctx.add(loc, ev, av, "expected '" + ev + "' but got '" + av + "'");
      }
    }
  }
  if (!ctx.allow_unexpected_keys)
    for (const auto& [k, v] : a) {
      bool known = false;
      for (const auto& item : e) known |= item.first == k;
      if (!known) ctx.add({"$", k}, "(absent)", v.empty() ? "" : v[0], "unexpected form field '" + k + "'");
    }
}

std::string shorten(std::string s) {
  if (s.size() > 120) s = s.substr(0, 117) + "...";
  return s;
}

bool same_family(const std::string& e, const std::string& a) {
  BodyKind ek = pact::body_kind(e), ak = pact::body_kind(a);
  if (ek != ak) return false;
  if (ek == BodyKind::binary) return e == a;
  return true;
}

// Confluent Schema Registry's JSON Schema serialiser writes its wire format: a
// magic byte 0 and the 4-byte big-endian schema ID, then the JSON. Consumers
// write plain JSON in the pact; the Pact JVM verifier drops those 5 bytes
// before matching (the compatibility suite's V3 Kafka scenario). The schema
// ID is not checked: no registry is asked.
constexpr size_t kWireFormatPrefix = 5;

bool schema_registry_json(std::string_view media) {
  return media == "application/vnd.schemaregistry.v1+json" || media == "application/vnd.schemaregistry+json";
}

bool has_wire_format_prefix(const Body& body) { return !body.json && body.text.size() >= kWireFormatPrefix && body.text[0] == '\0'; }

void drop_wire_format_prefix(Body& body) {
  body.text.erase(0, kWireFormatPrefix);
  body.owner.reset();
}

// The received body must carry the prefix (a Confluent deserialiser rejects
// one without: "Unknown magic byte"); an expected one may, or be plain JSON.
bool unwrap_schema_registry(Body& expected, Body& actual, const std::string& actual_type, const BodyContext& ctx) {
  if (has_wire_format_prefix(expected)) drop_wire_format_prefix(expected);
  if (!has_wire_format_prefix(actual)) {
    ctx.add({"$"}, "magic byte 0 and a 4-byte schema ID, then JSON", describe_bytes(actual.bytes(), actual_type),
            "the " + ctx.label + " is " + actual_type + " without the Schema Registry wire format prefix (magic byte 0, schema ID)");
    return false;
  }
  drop_wire_format_prefix(actual);
  return true;
}

}  // namespace

void match_body(Body& expected, const http::HeaderList& expected_headers, Body& actual,
                const http::HeaderList& actual_headers, const BodyContext& ctx) {
  std::vector<std::string> root{"$"};
  if (expected.state == Body::State::missing) return;
  bool actual_has = actual.state == Body::State::present;
  if (expected.state != Body::State::present) {
    if (actual_has && !actual.bytes().empty())
      ctx.add(root, "(empty)", shorten(actual.bytes()), "expected an empty " + ctx.label + " but got content");
    return;
  }
  std::string expected_type = pact::media_type(pact::effective_content_type(expected, expected_headers));
  if (!actual_has) {
    // An expected body the provider did not send; only an expected empty text is satisfied.
    ctx.add(root, shorten(expected.bytes()), "(missing)", "expected a " + ctx.label + " (" + expected_type + ") but it was missing");
    return;
  }
  std::string actual_type = pact::media_type(pact::effective_content_type(actual, actual_headers));

  // A contentType rule on the whole body checks the bytes, not a structure.
  if (ctx.rules) {
    RuleList top = ctx.rules->best_for(root);
    bool handled = false;
    for (const MatchingRule& r : top.rules) {
      if (r.kind != RuleKind::content_type || top.cascaded) continue;
      handled = true;
      std::string detected = detect_content_type(actual.bytes());
      if (pact::media_type(r.text) != detected)
        ctx.add(root, r.text, detected, "expected " + ctx.label + " content of type '" + r.text + "' but it looks like '" + detected + "'");
    }
    if (handled) return;
  }
  if (!same_family(expected_type, actual_type)) {
    ctx.add(root, expected_type, actual_type,
            "expected a " + ctx.label + " of type '" + expected_type + "' but got '" + actual_type + "'");
    return;
  }
  switch (pact::body_kind(expected_type)) {
    case BodyKind::json: {
      if (schema_registry_json(actual_type) && !unwrap_schema_registry(expected, actual, actual_type, ctx)) return;
      auto e = pact::json_of(expected);
      if (!e) {
        ctx.add(root, "JSON", shorten(expected.bytes()), "the expected body is not JSON: " + e.error().message);
        return;
      }
      auto a = pact::json_of(actual);
      if (!a) {
        ctx.add(root, "JSON", shorten(actual.bytes()), "the " + ctx.label + " is not valid JSON: " + a.error().render());
        return;
      }
      match_json(*e, *a, ctx);
      return;
    }
    case BodyKind::xml:
      match_xml(expected.bytes(), actual.bytes(), ctx);
      return;
    case BodyKind::form:
      match_form(expected.bytes(), actual.bytes(), ctx);
      return;
    case BodyKind::text:
    case BodyKind::binary: {
      std::string e = expected.bytes(), a = actual.bytes();
      bool ruled = ctx.rules && ctx.rules->defined_for(root);
      if (pact::body_kind(expected_type) == BodyKind::binary && !ruled) {
        if (expected_type.rfind("multipart/", 0) == 0)
          match_multipart(e, pact::effective_content_type(expected, expected_headers), a,
                          pact::effective_content_type(actual, actual_headers), ctx);
        else
          match_binary(e, a, expected_type, ctx);
        return;
      }
      if (ctx.rules && ctx.rules->defined_for(root)) {
        for (const std::string& why : apply_rules(ctx.rules->best_for(root), Value::of_text(e), Value::of_text(a)))
          ctx.add(root, shorten(e), shorten(a), why);
      } else if (e != a) {
        ctx.add(root, shorten(e), shorten(a), "expected " + ctx.label + " '" + shorten(e) + "' but got '" + shorten(a) + "'");
      }
      return;
    }
  }
}

}  // namespace accord::contracts::matching
