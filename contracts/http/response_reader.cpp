#include "contracts/http/response_reader.h"

#include <cctype>
#include <string>

namespace accord::contracts::http {

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

// "HTTP/1.1 204 No Content" -> 204; 0 when the line has no three-digit code.
int status_of(std::string_view line) {
  size_t space = line.find(' ');
  if (space == std::string_view::npos || line.size() < space + 4) return 0;
  int code = 0;
  for (size_t i = space + 1; i < space + 4; ++i) {
    if (!std::isdigit(static_cast<unsigned char>(line[i]))) return 0;
    code = code * 10 + (line[i] - '0');
  }
  return code;
}

}  // namespace

void ResponseReader::on_header_line(std::string_view line) {
  if (line.rfind("HTTP/", 0) == 0) {
    response_.headers.clear();  // a new response (after 100-continue or a redirect)
    response_.status = status_of(line);
    return;
  }
  // An obsolete folded line (RFC 9112 5.2) continues the previous header: unfold it with one space.
  if (!line.empty() && (line[0] == ' ' || line[0] == '\t') && !response_.headers.empty()) {
    std::string_view more = trim(line);
    if (!more.empty()) response_.headers.back().second += " " + std::string(more);
    return;
  }
  size_t colon = line.find(':');
  if (colon == std::string_view::npos) return;
  response_.headers.emplace_back(std::string(trim(line.substr(0, colon))), std::string(trim(line.substr(colon + 1))));
}

bool ResponseReader::on_body(std::string_view chunk) {
  if (body_cut_) return false;
  if (chunk.size() > max_body_ - response_.body.size()) {
    body_cut_ = true;
    return false;
  }
  response_.body.append(chunk);
  return true;
}

}  // namespace accord::contracts::http
