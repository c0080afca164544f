#include "diff/openapi/operation_key.h"

#include <cctype>

namespace accord::diff {

std::string normalize_path_template(std::string_view path) {
  std::string out;
  out.reserve(path.size());
  for (size_t i = 0; i < path.size(); ++i) {
    if (path[i] == '{') {
      size_t close = path.find('}', i);
      if (close != std::string_view::npos) {
        out += "{}";
        i = close;
        continue;
      }
    }
    out += path[i];
  }
  // A trailing slash does not make another operation.
  if (out.size() > 1 && out.back() == '/') out.pop_back();
  return out;
}

std::string operation_label(std::string_view method, std::string_view path) {
  std::string out;
  for (char c : method) out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  out += ' ';
  out += path;
  return out;
}

}  // namespace accord::diff
