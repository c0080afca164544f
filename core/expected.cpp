#include "core/expected.h"

namespace accord::core {

std::string Error::render() const {
  std::string out;
  if (!file.empty()) {
    out += file;
    if (line) {
      out += ':' + std::to_string(line);
      if (column) out += ':' + std::to_string(column);
    }
    out += ": ";
  }
  return out + message;
}

Error make_error(std::string message, std::string file, uint32_t line, uint32_t column) {
  return Error{std::move(message), std::move(file), line, column, {}};
}

}  // namespace accord::core
