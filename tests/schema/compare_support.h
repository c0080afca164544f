// What the schema comparator tests share: a pair of YAML documents, one
// comparison run, a comparable summary of its findings, and two fixtures
// (an orders API whose shared schemas change; two mutually recursive schemas).
#pragma once

#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "core/json_pointer.h"
#include "core/loader.h"
#include "diff/openapi/schema_profile.h"
#include "diff/schema/compare.h"

namespace accord::schema_test {

using diff::Direction;

struct Pair {
  core::DocumentSet old_set, new_set;
  const core::Document* old_doc = nullptr;
  const core::Document* new_doc = nullptr;
  Pair(const char* old_yaml, const char* new_yaml) {
    auto o = core::load_text("old.yaml", old_yaml);
    auto n = core::load_text("new.yaml", new_yaml);
    REQUIRE(o.ok());
    REQUIRE(n.ok());
    old_doc = old_set.adopt(std::move(*o));
    new_doc = new_set.adopt(std::move(*n));
  }
};

struct Run {
  std::vector<diff::Finding> findings;
  core::Status status = core::ok_status();
};

inline Run compare(diff::SchemaComparator& comparator, const Pair& p, const std::string& old_pointer,
                   const std::string& new_pointer, Direction d, const std::string& operation = {}) {
  diff::FindingSink sink;
  diff::SchemaScope scope{operation, "request body", ""};
  Run run;
  run.status = comparator.compare(core::pointer_resolve(p.old_doc->root(), old_pointer), old_pointer,
                                  core::pointer_resolve(p.new_doc->root(), new_pointer), new_pointer, d, scope, sink);
  run.findings = sink.take();
  return run;
}

inline Run compare(Pair& p, const std::string& pointer, Direction d) {
  diff::SchemaComparator comparator(p.old_set, p.new_set, diff::openapi_schema_profile());
  return compare(comparator, p, pointer, pointer, d);
}

// "rule property old-pointer new-pointer", sorted: a comparable summary.
inline std::vector<std::string> summary(const std::vector<diff::Finding>& findings) {
  std::vector<std::string> out;
  for (const diff::Finding& f : findings)
    out.push_back(f.rule + " " + std::string(f.arg("property")) + " " + (f.old_place ? f.old_place->pointer : "-") +
                  " " + (f.new_place ? f.new_place->pointer : "-") + " " + f.operation);
  std::sort(out.begin(), out.end());
  return out;
}

// The schema at `pointer` compares clean both ways (request and response).
inline void no_findings_either_way(Pair& p, const std::string& pointer) {
  for (Direction d : {Direction::request, Direction::response}) {
    Run run = compare(p, pointer, d);
    REQUIRE(run.status.ok());
    CHECK(summary(run.findings).empty());
  }
}

inline const char* kOrdersOld = R"(
components:
  schemas:
    Order:
      type: object
      properties:
        address:
          $ref: '#/components/schemas/Address'
        lines:
          type: array
          items:
            type: object
            properties:
              id: {type: integer}
    Address:
      type: object
      properties:
        street: {type: string, maxLength: 80}
)";
inline const char* kOrdersNew = R"(
components:
  schemas:
    Order:
      type: object
      properties:
        address:
          $ref: '#/components/schemas/Address'
        lines:
          type: array
          items:
            type: object
            properties:
              id: {type: string}
    Address:
      type: object
      properties:
        street: {type: string, maxLength: 40}
)";

// Person <-> Pet recursion; the change is deep inside Pet.
inline const char* kCycleOld = R"(
Person:
  type: object
  properties:
    name: {type: string}
    pet: {$ref: '#/Pet'}
Pet:
  type: object
  properties:
    owner: {$ref: '#/Person'}
    tag: {type: string, maxLength: 10}
    friends:
      type: array
      items: {$ref: '#/Pet'}
)";
inline const char* kCycleNew = R"(
Person:
  type: object
  properties:
    name: {type: string}
    pet: {$ref: '#/Pet'}
Pet:
  type: object
  properties:
    owner: {$ref: '#/Person'}
    tag: {type: string, maxLength: 5}
    friends:
      type: array
      items: {$ref: '#/Pet'}
)";

}  // namespace accord::schema_test
