// Pieces of the AsyncAPI comparison shared by its files (not an interface).
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/schema.h"
#include "diff/asyncapi/compare.h"
#include "diff/asyncapi/model.h"
#include "diff/avro/schema.h"
#include "diff/model/sink.h"
#include "diff/schema/compare.h"

namespace accord::diff::asyncapi {

inline Place place(const At& at) { return place_of(at.node, at.pointer); }

// Finds the .avsc files defining named types an Avro payload uses but does
// not define (avro_types.cpp): -I roots (file system, recursive), then the
// directory of the .avsc the payload `$ref`s, then the AsyncAPI document's.
// One per comparison: -I files are read once for both versions.
class AvroTypeSearch {
 public:
  explicit AvroTypeSearch(std::vector<std::string> include_roots);
  // For one payload (after `$ref`s) of the document rooted at `asyncapi_root`
  // in `set`, whose files are read through `source` (null: the file system).
  avro::TypeFinder finder(core::DocumentSet& set, const core::SourceReader* source, const core::Node* asyncapi_root,
                          const core::Node* payload);

 private:
  static std::vector<std::string> directories(core::DocumentSet& set, const core::Node* asyncapi_root,
                                              const core::Node* payload);
  const std::vector<std::string>& include_files();
  core::Expected<const core::Node*> in_includes(const std::string& full_name);
  static core::Expected<const core::Node*> in_directory(core::DocumentSet& set, const core::SourceReader& source,
                                                        const std::string& dir, const std::string& full_name);

  std::vector<std::string> roots_;
  std::optional<std::vector<std::string>> include_files_;  // listed on first need
  std::map<std::string, std::unique_ptr<core::Document>> includes_;
};

// One version's side of an Avro payload comparison.
struct AvroSide {
  core::DocumentSet& set;
  const core::SourceReader* source;  // null: the file system
  const core::Node* asyncapi_root;
  At payload;
};

// Avro payloads (inline, or a `$ref` to an .avsc) by the Avro rules: a
// message the application receives must be readable by NEW from data OLD
// wrote (backward); one it sends by OLD readers from what NEW writes (forward).
// `subject` names the part: "message 'x' payload", "message 'x' headers".
core::Status compare_avro_payloads(const AvroSide& o, const AvroSide& n, AvroTypeSearch& search, Action action,
                                   const std::string& message, const std::string& subject,
                                   const std::string& operation, FindingSink& sink);

// Which comparator reads a pair of payloads (or headers) by their schema
// formats: JSON Schema and OpenAPI 3.0 schema objects the schema comparator
// (in their dialects), Avro the Avro rules when both sides have one; anything
// else (RAML, protobuf...), or a change between formats, nothing.
enum class PartReader : unsigned char { json_schema, avro, none };
PartReader part_reader(const PayloadFormat& o, const PayloadFormat& n, bool both_present);

// The comparators a walk hands schemas to (payloads.cpp): JSON Schema ones,
// one per pair of dialects a schemaFormat forces, and the Avro rules with
// the .avsc search of the comparison.
class Schemas {
 public:
  using Dialects = std::pair<core::Dialect, core::Dialect>;
  Schemas(core::DocumentSet& old_set, const core::Document& old_doc, core::DocumentSet& new_set,
          const core::Document& new_doc, const AsyncApiSources& sources);

  // In the direction of `action` (`asyncapi.send-*` / `asyncapi.receive-*`).
  // An absent schema accepts anything: compared against `{}` so that adding
  // a payload where there was none is a narrowing like any other.
  core::Status compare_json(const At& o, const At& n, Action action, const std::string& subject,
                            const std::string& operation, FindingSink& sink, Dialects dialects = {});
  // Two Avro schemas (inline, or a `$ref` to an .avsc) of message `message`.
  core::Status compare_avro(const At& o, const At& n, Action action, const std::string& message,
                            const std::string& subject, const std::string& operation, FindingSink& sink);
  core::DocumentSet& old_set() { return old_set_; }
  core::DocumentSet& new_set() { return new_set_; }

 private:
  SchemaComparator& comparator(Dialects dialects);
  const core::Node* empty_schema();

  core::DocumentSet& old_set_;
  core::DocumentSet& new_set_;
  const core::Node* old_root_;
  const core::Node* new_root_;
  const AsyncApiSources& sources_;
  AvroTypeSearch avro_types_;
  SchemaComparator schemas_;
  std::map<Dialects, std::unique_ptr<SchemaComparator>> by_dialect_;
  std::unique_ptr<core::Document> empty_doc_;
};

}  // namespace accord::diff::asyncapi
