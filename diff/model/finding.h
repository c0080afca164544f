// The change record: what every comparator produces and every renderer reads.
// Text is not stored here; messages are rendered late from the rule's
// template and the structured arguments.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace accord::diff {

enum class Severity : uint8_t { info = 0, warning = 1, error = 2 };

std::string_view severity_name(Severity s);
std::optional<Severity> parse_severity(std::string_view name);

// One side (old or new) of a change.
struct Place {
  std::string file;
  uint32_t line = 0;    // 1-based; 0 = unknown
  uint32_t column = 0;  // 1-based; 0 = unknown
  std::string pointer;  // JSON Pointer, or a proto full name ("pkg.Message.field")
  // For ignores by path and package (buf.yaml's), never rendered or hashed:
  // the file's path inside its module (proto: relative to its import root;
  // empty when it is `file`) and its package (proto; empty elsewhere).
  std::string module_path;
  std::string package;
};

// Whether two sides name the same file and pointer (line and column aside);
// two absent sides are the same.
bool same_place(const std::optional<Place>& a, const std::optional<Place>& b);

struct Arg {
  std::string name;
  std::string value;
};

struct Finding {
  std::string rule;  // stable ID, e.g. "openapi.response-property-removed"
  Severity severity = Severity::error;
  std::vector<Arg> args;
  std::string operation;  // "GET /users/{id}", or empty; after finalize, the first of `operations`
  // Every operation the change affects, sorted: a schema reached from many
  // operations is one finding naming them all (merge_same_change), and a
  // removed path names each removed operation. Empty when none applies.
  std::vector<std::string> operations;
  std::optional<Place> old_place;
  std::optional<Place> new_place;
  std::string message;      // filled by finalize_findings() from the rule's template
  std::string fingerprint;  // stable across unrelated edits (no line numbers in it)

  std::string_view arg(std::string_view name) const;
  // The place a reader should look at first: new when it exists, else old.
  const Place* primary() const { return new_place ? &*new_place : (old_place ? &*old_place : nullptr); }
};

}  // namespace accord::diff
