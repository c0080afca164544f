#include "registry/pact/pact_path.h"

namespace accord::registry {

namespace {
constexpr std::string_view kRequest = "request:";
constexpr std::string_view kQuery = "query:";
constexpr std::string_view kHeader = "header:";

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

void append_segment(std::string& out, std::string_view segment) {
  if (!out.empty()) out += '/';
  out += segment;
}
}  // namespace

PactField parse_pact_field(std::string_view s) {
  if (starts_with(s, kRequest)) return {PactPart::request_body, std::string(s.substr(kRequest.size()))};
  if (starts_with(s, kQuery)) return {PactPart::query, std::string(s.substr(kQuery.size()))};
  if (starts_with(s, kHeader)) return {PactPart::header, std::string(s.substr(kHeader.size()))};
  return {PactPart::response_body, std::string(s)};
}

std::string pact_field_text(PactPart part, std::string_view name) {
  switch (part) {
    case PactPart::request_body: return std::string(kRequest) + std::string(name);
    case PactPart::query: return std::string(kQuery) + std::string(name);
    case PactPart::header: return std::string(kHeader) + std::string(name);
    case PactPart::response_body: break;
  }
  return std::string(name);
}

std::string schema_path_of(std::string_view p) {
  std::string out;
  size_t i = starts_with(p, "$") ? 1 : 0;
  while (i < p.size()) {
    if (p[i] == '.') {
      const size_t start = i + 1;
      const size_t end = p.find_first_of(".[", start);
      append_segment(out, p.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
      i = end == std::string_view::npos ? p.size() : end;
    } else if (p[i] == '[') {
      const size_t close = p.find(']', i);
      if (close == std::string_view::npos) break;
      std::string_view inside = p.substr(i + 1, close - i - 1);
      if (inside.size() >= 2 && (inside.front() == '\'' || inside.front() == '"'))
        append_segment(out, inside.substr(1, inside.size() - 2));  // ['x-y'] names a property
      else
        append_segment(out, "items");  // [*] or [0]: an element of an array
      i = close + 1;
    } else {
      ++i;
    }
  }
  return out;
}

bool reads_schema_path(std::string_view json_path, std::string_view schema_path) {
  if (schema_path.empty()) return false;
  const std::string mine = schema_path_of(json_path);
  return mine == schema_path || (mine.size() > schema_path.size() && starts_with(mine, schema_path) &&
                                 mine[schema_path.size()] == '/');
}

}  // namespace accord::registry
