#include "core/source.h"

#include <algorithm>
#include <filesystem>
#include <system_error>

#include "core/loader.h"

namespace accord::core {

Expected<std::string> FileSourceReader::read(const std::string& path) const { return read_file(path); }

bool FileSourceReader::is_directory(const std::string& path) const {
  std::error_code ec;
  return std::filesystem::is_directory(path, ec);
}

Expected<std::vector<std::string>> FileSourceReader::list(const std::string& directory) const {
  std::error_code ec;
  std::vector<std::string> names;
  for (std::filesystem::directory_iterator it(directory, ec), end; !ec && it != end; it.increment(ec))
    names.push_back(it->path().filename().string());
  if (ec) return make_error("cannot list: " + ec.message(), directory);
  std::sort(names.begin(), names.end());
  return names;
}

const SourceReader& file_source() {
  static const FileSourceReader reader;
  return reader;
}

}  // namespace accord::core
