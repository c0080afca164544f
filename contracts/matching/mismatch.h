// One difference between what a contract expects and what was received:
// a location a person can find (`$.body.animals[0].name`, `header Content-Type`),
// what was expected, what came back and why that is not a match.
#pragma once

#include <string>
#include <vector>

namespace accord::contracts::matching {

struct Mismatch {
  std::string path;      // "status", "method", "path", "query.name", "header.Accept", "$.body.a[0]"
  std::string expected;  // short, display-ready
  std::string actual;
  std::string message;
};

using Mismatches = std::vector<Mismatch>;

}  // namespace accord::contracts::matching
