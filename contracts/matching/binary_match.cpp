#include "contracts/matching/binary_match.h"

#include <vector>

#include "contracts/http/http_types.h"
#include "contracts/pact/body_codec.h"

namespace accord::contracts::matching {

namespace {

struct Part {
  std::string headers, body, content_type, name;
};

std::string boundary_of(std::string_view content_type) {
  std::string lower = http::to_lower(content_type);
  size_t at = lower.find("boundary=");
  if (at == std::string::npos) return "";
  std::string_view b = content_type.substr(at + 9);
  b = b.substr(0, b.find(';'));
  while (!b.empty() && (b.back() == ' ' || b.back() == '\t')) b.remove_suffix(1);
  if (b.size() >= 2 && b.front() == '"' && b.back() == '"') b = b.substr(1, b.size() - 2);
  return std::string(b);
}

std::string header_value(const std::string& headers, std::string_view name) {
  std::string lower = http::to_lower(headers);
  size_t at = lower.find(http::to_lower(name) + ":");
  if (at == std::string::npos) return "";
  size_t start = at + name.size() + 1, end = headers.find_first_of("\r\n", start);
  std::string v = headers.substr(start, end == std::string::npos ? std::string::npos : end - start);
  while (!v.empty() && v.front() == ' ') v.erase(0, 1);
  return v;
}

// The parts between "--boundary" lines; empty when the body has none.
std::vector<Part> split_parts(const std::string& body, const std::string& boundary) {
  std::vector<Part> parts;
  if (boundary.empty()) return parts;
  std::string delimiter = "--" + boundary;
  size_t at = body.find(delimiter);
  while (at != std::string::npos) {
    size_t start = at + delimiter.size();
    if (body.compare(start, 2, "--") == 0) break;  // the closing delimiter
    if (body.compare(start, 2, "\r\n") == 0) start += 2;
    size_t next = body.find("\r\n" + delimiter, start);
    if (next == std::string::npos) break;
    std::string raw = body.substr(start, next - start);
    size_t split = raw.find("\r\n\r\n");
    Part p;
    p.headers = split == std::string::npos ? "" : raw.substr(0, split);
    p.body = split == std::string::npos ? raw : raw.substr(split + 4);
    p.content_type = header_value(p.headers, "Content-Type");
    if (p.content_type.empty()) p.content_type = "text/plain";
    std::string disposition = header_value(p.headers, "Content-Disposition");
    if (size_t n = disposition.find("name=\""); n != std::string::npos)
      p.name = disposition.substr(n + 6, disposition.find('"', n + 6) - n - 6);
    parts.push_back(std::move(p));
    at = next + 2;
  }
  return parts;
}

}  // namespace

std::string describe_bytes(std::string_view bytes, std::string_view content_type) {
  static const char* hex = "0123456789abcdef";
  std::string out = std::to_string(bytes.size()) + " bytes";
  if (!content_type.empty()) out += " of " + pact::media_type(content_type);
  if (bytes.empty()) return out;
  out += ", starting";
  for (size_t i = 0; i < bytes.size() && i < 16; ++i) {
    unsigned char c = static_cast<unsigned char>(bytes[i]);
    out += ' ';
    out += hex[c >> 4];
    out += hex[c & 15];
  }
  if (bytes.size() > 16) out += " ...";
  return out;
}

void match_binary(const std::string& expected, const std::string& actual, const std::string& content_type,
                  const BodyContext& ctx) {
  if (expected == actual) return;
  std::string e = describe_bytes(expected, content_type), a = describe_bytes(actual, content_type);
  size_t first = 0;
  while (first < expected.size() && first < actual.size() && expected[first] == actual[first]) ++first;
  ctx.add({"$"}, e, a, "the " + ctx.label + " bytes differ from byte " + std::to_string(first));
}

void match_multipart(const std::string& expected, const std::string& expected_type, const std::string& actual,
                     const std::string& actual_type, const BodyContext& ctx) {
  auto ep = split_parts(expected, boundary_of(expected_type));
  auto ap = split_parts(actual, boundary_of(actual_type));
  if (ep.empty() || ap.empty()) {  // not parseable as multipart: compare the bytes
    match_binary(expected, actual, expected_type, ctx);
    return;
  }
  if (ep.size() != ap.size())
    ctx.add({"$"}, std::to_string(ep.size()) + " part(s)", std::to_string(ap.size()) + " part(s)",
            "expected a multipart " + ctx.label + " of " + std::to_string(ep.size()) + " part(s) but got " +
                std::to_string(ap.size()));
  for (size_t i = 0; i < ep.size() && i < ap.size(); ++i) {
    std::string label = "part " + std::to_string(i + 1) + (ep[i].name.empty() ? "" : " ('" + ep[i].name + "')");
    if (pact::media_type(ep[i].content_type) != pact::media_type(ap[i].content_type)) {
      ctx.add({"$", "part" + std::to_string(i + 1)}, ep[i].content_type, ap[i].content_type,
              label + ": expected content type '" + ep[i].content_type + "' but got '" + ap[i].content_type + "'");
      continue;
    }
    if (ep[i].body != ap[i].body)
      ctx.add({"$", "part" + std::to_string(i + 1)}, describe_bytes(ep[i].body, ep[i].content_type),
              describe_bytes(ap[i].body, ap[i].content_type), label + ": the content differs");
  }
}

}  // namespace accord::contracts::matching
