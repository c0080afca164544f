#include "core/loader.h"

#include "core/limits.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sys/stat.h>

namespace accord::core {

namespace {

bool ends_with(const std::string& s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

bool looks_like_json(const std::string& text) {
  size_t i = text.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;
  while (i < text.size() && (text[i] == ' ' || text[i] == '\n' || text[i] == '\r' || text[i] == '\t')) ++i;
  return i < text.size() && (text[i] == '{' || text[i] == '[');
}

Error too_large(const std::string& path, uint64_t size, uint64_t limit) {
  return make_error("input is " + std::to_string(size) + " bytes, over the limit of " + describe_byte_size(limit) +
                        " (raise it with ACCORD_MAX_INPUT_SIZE, e.g. ACCORD_MAX_INPUT_SIZE=1G)",
                    path);
}

}  // namespace

Expected<std::string> read_file(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return make_error(std::string("cannot read: ") + std::strerror(errno), path);
  if (S_ISDIR(st.st_mode)) return make_error("is a directory, expected a file", path);
  const uint64_t limit = max_input_bytes();
  if (static_cast<uint64_t>(st.st_size) > limit) return too_large(path, static_cast<uint64_t>(st.st_size), limit);
  std::ifstream in(path, std::ios::binary);
  if (!in) return make_error(std::string("cannot open: ") + std::strerror(errno), path);
  std::string text;
  text.resize(static_cast<size_t>(st.st_size));
  in.read(text.data(), static_cast<std::streamsize>(text.size()));
  text.resize(static_cast<size_t>(in.gcount()));
  // Files whose size stat cannot tell (pipes, /proc): read the rest.
  if (S_ISREG(st.st_mode) == 0) {
    char buffer[1 << 16];
    while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
      text.append(buffer, static_cast<size_t>(in.gcount()));
      if (text.size() > limit) return too_large(path, text.size(), limit);
    }
  }
  return text;
}

Expected<std::unique_ptr<Document>> load_text(std::string display_path, std::string text, Syntax syntax) {
  // Text from git or a remote $ref never went through read_file.
  if (const uint64_t limit = max_input_bytes(); text.size() > limit) return too_large(display_path, text.size(), limit);
  if (syntax == Syntax::automatic) {
    if (ends_with(display_path, ".json")) syntax = Syntax::json;
    else if (ends_with(display_path, ".yaml") || ends_with(display_path, ".yml")) syntax = Syntax::yaml;
  }
  auto doc = std::make_unique<Document>(std::move(display_path));
  TreeBuilder builder(*doc);
  builder.source() = std::move(text);
  if (syntax == Syntax::json) {
    auto st = parse_json_into(*doc, builder);
    if (!st) return st.error();
    return doc;
  }
  if (syntax == Syntax::automatic && looks_like_json(builder.source())) {
    auto st = parse_json_into(*doc, builder);
    if (st) return doc;
    // Not JSON after all (a YAML flow mapping, say): start again as YAML.
    std::string source = std::move(builder.source());
    doc = std::make_unique<Document>(doc->path());
    TreeBuilder retry(*doc);
    retry.source() = std::move(source);
    auto yst = parse_yaml_into(*doc, retry);
    if (!yst) return st.error();  // the JSON message is the more useful one
    return doc;
  }
  auto st = parse_yaml_into(*doc, builder);
  if (!st) return st.error();
  return doc;
}

Expected<std::unique_ptr<Document>> load_file(const std::string& path, Syntax syntax) {
  auto text = read_file(path);
  if (!text) return text.error();
  return load_text(path, std::move(*text), syntax);
}

}  // namespace accord::core
