// Applying one matching rule to one value. Values come from JSON bodies (with
// their JSON kind) or from text places (headers, query, path, XML) where
// everything is a string and numeric rules look at the text.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "contracts/matching/rules.h"
#include "core/node.h"

namespace accord::contracts::matching {

struct Value {
  enum class Kind { null, boolean, number, string, array, object } kind = Kind::string;
  std::string_view text;   // scalar lexeme (strings unquoted)
  size_t size = 0;         // items of an array / members of an object
  const core::Node* node = nullptr;  // for deep equality of JSON containers
  bool text_mode = false;  // came from a text place: numeric rules parse the text

  static Value of(const core::Node* node);
  static Value of_text(std::string_view text);
};

// nullopt when `actual` satisfies `rule` (with `expected` as the example).
std::optional<std::string> apply_rule(const MatchingRule& rule, const Value& expected, const Value& actual,
                                      bool cascaded);
// AND/OR over a rule list; each failure message is returned (empty when it matches).
std::vector<std::string> apply_rules(const RuleList& rules, const Value& expected, const Value& actual);

// Equality the way Pact compares JSON scalars (numbers by value and integer-ness).
bool values_equal(const Value& expected, const Value& actual);
// The whole of `text` must match `pattern` (ECMAScript syntax).
bool regex_matches(const std::string& pattern, std::string_view text, std::string* error = nullptr);
std::string display(const Value& v);
std::string display_node(const core::Node* node);
bool status_matches(const MatchingRule& rule, int status);

}  // namespace accord::contracts::matching
