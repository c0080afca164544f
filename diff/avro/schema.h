// An Avro schema as the Java reference implementation parses it, built from
// the .avsc JSON tree so every part keeps its file:line:col. Named types are
// shared: a reference by name points at the one definition.
#pragma once

#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/expected.h"
#include "core/node.h"

namespace accord::diff::avro {

enum class Type { null, boolean, int_, long_, float_, double_, bytes, string, record, enumeration, array, map, fixed, union_ };
std::string_view type_name(Type t);

struct Schema;

// Where a schema is written: the JSON node and its pointer in that file.
struct Site {
  const Schema* schema = nullptr;
  const core::Node* node = nullptr;
  std::string pointer;
};

struct Field {
  std::string name;
  std::vector<std::string> aliases;
  Site type;
  const core::Node* node = nullptr;           // the field object
  const core::Node* default_value = nullptr;  // null when the field has no default
  std::string pointer;
};

struct Schema {
  Type type = Type::null;
  const core::Node* node = nullptr;  // the definition
  std::string pointer;
  std::string name, full_name;        // named types only
  std::vector<std::string> aliases;   // full names
  std::string logical_type;           // "" when none
  std::vector<Field> fields;          // record
  std::vector<std::string> symbols;   // enum
  std::string enum_default;           // enum; "" when none
  bool has_enum_default = false;
  std::vector<Site> branches;         // union
  Site items;                         // array items, map values
  uint64_t size = 0;                  // fixed
  bool named() const { return type == Type::record || type == Type::enumeration || type == Type::fixed; }
};

// One version: its documents (the main one first, then -I definitions) and
// the schema the main document defines.
class SchemaSet {
 public:
  Site root;
  std::vector<std::unique_ptr<core::Document>> documents;
  std::deque<Schema> pool;
  std::map<std::string, Schema*> named;  // full name -> definition
};

// Parses `main` (its document already loaded) with the named types of
// `includes` available by name. Errors (unknown type, a default that does not
// match its type, duplicate names) name file:line:col.
core::Expected<std::unique_ptr<SchemaSet>> parse_schema_set(std::unique_ptr<core::Document> main,
                                                           std::vector<std::unique_ptr<core::Document>> includes);

// Where a named type the schema does not define may be (AsyncAPI payloads
// look in -I roots and the directories around them).
struct TypeFinder {
  // The root of a document defining `full_name`, null when there is none; an
  // Error when a file that might define it cannot be read.
  std::function<core::Expected<const core::Node*>(const std::string& full_name)> find;
  std::string searched;  // for the unknown-type error: "-I types, specs/"
};

// A schema written inside another document (an AsyncAPI message payload) at
// `pointer`, with the named types it does not define from `finder`. The
// caller keeps every document alive; the set owns none.
core::Expected<std::unique_ptr<SchemaSet>> parse_embedded_schema(const core::Node* root, const std::string& pointer,
                                                                const TypeFinder& finder = {});

// The full names of the named types a document defines (at any depth).
std::vector<std::string> defined_names(const core::Node* root);

// Java's Schema.isValidDefault: does the JSON value fit the schema?
bool is_valid_default(const Schema& schema, const core::Node& value);

// A short description for messages: "int", "record com.acme.User", "union [null, string]".
std::string describe(const Schema& schema);

}  // namespace accord::diff::avro
