// Pieces of the AsyncAPI comparison shared by its files (not an interface).
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/schema.h"
#include "diff/asyncapi/model.h"
#include "diff/avro/schema.h"
#include "diff/model/sink.h"

namespace accord::diff::asyncapi {

inline Place place(const At& at) { return place_of(at.node, at.pointer); }

// Protocol binding values a peer must match, for bindings objects of one
// level (channel, operation, message, server) of both versions; `subject`
// names the element ("operation 'send x'"). Each layer list is the
// element's own bindings first, then its traits'.
void compare_bindings(const std::vector<At>& old_layers, const std::vector<At>& new_layers, std::string_view level,
                      const std::string& subject, const std::string& operation, FindingSink& sink);

// CloudEvents `type`, `source`, `dataschema` fixed by a message's `ce_*` /
// `ce-*` headers or by a CloudEvents envelope payload (`specversion`).
void compare_cloudevents(core::DocumentSet& old_set, const Message& o, core::DocumentSet& new_set, const Message& n,
                         const std::string& operation, FindingSink& sink);

// The security requirements a server or operation accepts (alternatives,
// each needing all its schemes), in both versions; the owners are the
// server / operation objects.
void compare_security(const std::vector<SecurityRequirement>& o, const std::vector<SecurityRequirement>& n,
                      const At& old_owner, const At& new_owner, const std::string& subject,
                      const std::string& operation, FindingSink& sink);

// A message's correlation ID: removed, or read from elsewhere.
void compare_correlation_id(const Message& o, const Message& n, const std::string& operation, FindingSink& sink);

// Channel parameters added, removed or read from elsewhere; returns the
// pairs present in both, whose schemas the caller compares by direction.
std::vector<std::pair<const Parameter*, const Parameter*>> compare_parameters(const Channel& o, const Channel& n,
                                                                              const std::string& operation,
                                                                              FindingSink& sink);

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

// What the Kafka key comparison needs from the comparison around it.
struct KeyContext {
  AvroSide old_side, new_side;  // their `payload` is unused
  AvroTypeSearch& avro_types;
  // A JSON Schema key pair (either may be absent) through the schema comparator.
  std::function<core::Status(const At&, const At&, FindingSink&)> compare_json;
};

// `bindings.kafka.key` of a message pair (kafka_key.cpp): Avro keys by the
// Avro rules, JSON Schema ones by `compare_json`; the first breaking change
// becomes the one `asyncapi.kafka-key-changed` finding.
core::Status compare_kafka_key(const KeyContext& context, const Message& o, const Message& n, Action action,
                               const std::string& label, FindingSink& sink);

}  // namespace accord::diff::asyncapi
