// Pact's JSONPath-like rule paths ("$.animals[*].name", "$['two']['@str']")
// and the weighting the Pact specification uses to pick the rule that applies
// to a location in a body: every token of the expression must match the
// location, exact tokens weigh more than wildcards, the heaviest wins.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/expected.h"

namespace accord::contracts::matching {

struct PathToken {
  enum class Kind { root, field, index, star, star_index } kind = Kind::root;
  std::string name;  // field name, or the digits of an index
};

class PathExpr {
 public:
  static core::Expected<PathExpr> parse(std::string_view text);
  static PathExpr root();

  const std::vector<PathToken>& tokens() const { return tokens_; }
  size_t size() const { return tokens_.size(); }
  const std::string& text() const { return text_; }

  // 0 when the expression does not reach `location` (a list of fragments such
  // as {"$", "animals", "0", "name"}); otherwise the product of the token weights.
  size_t weight(const std::vector<std::string>& location) const;
  // The same path without `[*]` tokens: XML locations have no indexes.
  PathExpr without_star_index() const;

 private:
  std::vector<PathToken> tokens_;
  std::string text_;
};

// "$.animals[0].name" for display; fragments that are all digits print as indexes.
std::string render_location(const std::vector<std::string>& location);

}  // namespace accord::contracts::matching
