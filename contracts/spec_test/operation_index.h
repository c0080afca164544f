// Finding the OpenAPI operation a concrete request (method + path) belongs
// to: path templates matched segment by segment, the most literal match wins
// ("/pets/mine" over "/pets/{id}"), the spec's base path accepted in front.
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "diff/openapi/model.h"

namespace accord::contracts::spec_test {

struct FoundOperation {
  const diff::openapi::Operation* operation = nullptr;
  std::vector<std::pair<std::string, std::string>> path_values;  // template name -> decoded segment
  std::string why;  // when not found: "no path of the spec matches" / "the path has no GET operation"
};

class OperationIndex {
 public:
  explicit OperationIndex(const diff::openapi::Api& api);
  FoundOperation find(const std::string& method, const std::string& path) const;

 private:
  struct Segment {
    std::string prefix, suffix, name;  // a template segment "{name}" has name set (with optional literal around it)
    bool literal = true;
  };
  struct Entry {
    const diff::openapi::Operation* operation;
    std::vector<Segment> segments;
    size_t literals = 0;
  };
  bool match(const Entry& entry, const std::vector<std::string>& parts,
             std::vector<std::pair<std::string, std::string>>& values) const;

  std::string base_path_;
  std::map<size_t, std::vector<Entry>> by_length_;  // segment count -> operations
};

}  // namespace accord::contracts::spec_test
