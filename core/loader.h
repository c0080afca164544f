// Loading JSON or YAML text into a Document.
#pragma once

#include <memory>
#include <string>

#include "core/expected.h"
#include "core/node.h"

namespace accord::core {

enum class Syntax { automatic, json, yaml };

// Reads and parses a file. `.json` files use the JSON parser; `.yaml`/`.yml`
// use YAML; anything else is sniffed (JSON when it starts with '{' or '[' and
// parses as JSON, YAML otherwise).
Expected<std::unique_ptr<Document>> load_file(const std::string& path, Syntax syntax = Syntax::automatic);

// Parses text already in memory; `display_path` is what messages call it.
Expected<std::unique_ptr<Document>> load_text(std::string display_path, std::string text,
                                              Syntax syntax = Syntax::automatic);

Expected<std::string> read_file(const std::string& path);

// Parser entry points (used by load_text).
Status parse_json_into(Document& doc, TreeBuilder& builder);
Status parse_yaml_into(Document& doc, TreeBuilder& builder);

}  // namespace accord::core
