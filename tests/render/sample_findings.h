// Hand-made findings for the renderer tests, shaped like what the
// comparators produce (finalized: message and fingerprint filled in).
#pragma once

#include <vector>

#include "diff/model/finding.h"
#include "diff/model/sink.h"

namespace accord::test {

inline diff::Place place(std::string file, uint32_t line, uint32_t column, std::string pointer) {
  diff::Place p;
  p.file = std::move(file);
  p.line = line;
  p.column = column;
  p.pointer = std::move(pointer);
  return p;
}

inline diff::Finding finding(std::string rule, diff::Severity severity, std::string message, std::string operation,
                             std::optional<diff::Place> old_place, std::optional<diff::Place> new_place) {
  diff::Finding f;
  f.rule = std::move(rule);
  f.severity = severity;
  f.message = std::move(message);
  f.operation = std::move(operation);
  f.old_place = std::move(old_place);
  f.new_place = std::move(new_place);
  f.fingerprint = diff::compute_fingerprint(f);
  return f;
}

// An error, a warning and an info on two operations, plus one finding that
// belongs to no operation and one known only on the old side.
inline std::vector<diff::Finding> sample_findings() {
  using diff::Severity;
  return {
      finding("openapi.response-property-removed", Severity::error, "response property 'email' was removed",
              "GET /users/{id}", place("old.yaml", 98, 11, "/paths/~1users~1{id}/get/responses/200"),
              place("new.yaml", 120, 9, "/paths/~1users~1{id}/get/responses/200")),
      finding("openapi.operation-removed", Severity::error, "operation was removed", "DELETE /users/{id}",
              place("old.yaml", 140, 5, "/paths/~1users~1{id}/delete"), std::nullopt),
      finding("openapi.request-parameter-became-required", Severity::warning, "query parameter 'limit' became required",
              "GET /users/{id}", place("old.yaml", 90, 13, "/paths/~1users~1{id}/get/parameters/0"),
              place("new.yaml", 110, 13, "/paths/~1users~1{id}/get/parameters/0")),
      finding("openapi.operation-added", Severity::info, "operation was added", "POST /users",
              std::nullopt, place("new.yaml", 30, 5, "/paths/~1users/post")),
      finding("openapi.schema-description-changed", Severity::info, "description of schema 'User' changed", "",
              place("old.yaml", 200, 7, "/components/schemas/User"), place("new.yaml", 230, 7, "/components/schemas/User")),
  };
}

}  // namespace accord::test
