// Where log bytes come from: a file, a gzip file (read through zlib) or stdin.
// Ingest reads through this interface so tests can hand in memory.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "core/expected.h"

namespace accord::registry {

class InputSource {
 public:
  virtual ~InputSource() = default;
  // Bytes read (0 at the end), or an error.
  virtual core::Expected<size_t> read(char* buffer, size_t size) = 0;
  // Moves to an offset of the (decompressed) stream; false when impossible (stdin).
  virtual bool seek(int64_t offset) = 0;
  virtual bool seekable() const = 0;
};

// "-" is stdin; names ending in ".gz" are decompressed.
core::Expected<std::unique_ptr<InputSource>> open_input(const std::string& path);
std::unique_ptr<InputSource> memory_input(std::string bytes);

// A stream that cannot seek (stdin) made seekable enough to be identified and
// resumed like a file: its first `keep_bytes` are kept so they can be re-read,
// and a seek past what was read reads forward and drops the bytes in between.
std::unique_ptr<InputSource> replayable_input(std::unique_ptr<InputSource> stream, size_t keep_bytes = 4u << 20);

}  // namespace accord::registry
