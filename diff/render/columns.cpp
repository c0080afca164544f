// Columns in the unit SARIF declares. Places count columns in UTF-8 bytes
// (what the parsers see); SARIF's default unit, which GitHub code scanning
// and editors use, is UTF-16 code units, so a line with non-ASCII text before
// the change would otherwise point too far to the right.
#include "diff/render/render.h"

namespace accord::diff {

uint32_t utf16_column(std::string_view line, uint32_t byte_column) {
  if (byte_column == 0) return 0;
  size_t end = std::min<size_t>(byte_column - 1, line.size());
  uint32_t units = 0;
  for (size_t i = 0; i < end; ++i) {
    auto c = static_cast<unsigned char>(line[i]);
    if ((c & 0xC0) == 0x80) continue;  // a continuation byte adds nothing
    units += c >= 0xF0 ? 2 : 1;        // four-byte sequences are surrogate pairs
  }
  // Past the end of the known text (or no text at all): the rest are ASCII.
  return units + 1 + static_cast<uint32_t>(byte_column - 1 - end);
}

}  // namespace accord::diff
