#include "contracts/matching/value_match.h"

#include <cstdlib>
#include <map>
#include <memory>
#include <regex>

#include "contracts/matching/datetime_format.h"
#include "contracts/pact/body_codec.h"

namespace accord::contracts::matching {

using core::Node;

Value Value::of(const Node* node) {
  Value v;
  v.node = node;
  if (!node) {
    v.kind = Kind::null;
    v.text = "null";
    return v;
  }
  switch (node->kind()) {
    case Node::Kind::null: v.kind = Kind::null; break;
    case Node::Kind::boolean: v.kind = Kind::boolean; break;
    case Node::Kind::number: v.kind = Kind::number; break;
    case Node::Kind::string: v.kind = Kind::string; break;
    case Node::Kind::array: v.kind = Kind::array; break;
    case Node::Kind::object: v.kind = Kind::object; break;
  }
  v.text = node->text();
  v.size = node->size();
  return v;
}

Value Value::of_text(std::string_view text) {
  Value v;
  v.kind = Kind::string;
  v.text = text;
  v.text_mode = true;
  return v;
}

namespace {

bool looks_integer(std::string_view t) {
  size_t i = 0;
  if (i < t.size() && (t[i] == '-' || t[i] == '+')) ++i;
  if (i == t.size()) return false;
  for (; i < t.size(); ++i)
    if (!std::isdigit(static_cast<unsigned char>(t[i]))) return false;
  return true;
}

bool looks_number(std::string_view t) {
  if (t.empty()) return false;
  std::string s(t);
  char* end = nullptr;
  std::strtod(s.c_str(), &end);
  return end && *end == '\0' && !std::isspace(static_cast<unsigned char>(s[0]));
}

bool looks_decimal(std::string_view t) {
  return looks_number(t) && t.find('.') != std::string_view::npos;
}

const char* kind_name(Value::Kind k) {
  switch (k) {
    case Value::Kind::null: return "null";
    case Value::Kind::boolean: return "boolean";
    case Value::Kind::number: return "number";
    case Value::Kind::string: return "string";
    case Value::Kind::array: return "array";
    case Value::Kind::object: return "object";
  }
  return "";
}

bool is_integer_lexeme(std::string_view t) {
  return t.find_first_of(".eE") == std::string_view::npos;
}

const std::regex& semver_regex() {
  static const std::regex re(
      R"(^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?(\+[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?$)");
  return re;
}

std::string scalar_text(const Value& v) {
  if (v.kind == Value::Kind::array || v.kind == Value::Kind::object) return pact::to_json_text(v.node);
  return std::string(v.text);
}

}  // namespace

std::string display(const Value& v) {
  if (v.text_mode) return std::string(v.text);
  if (v.node) return display_node(v.node);
  return std::string(v.text);
}

std::string display_node(const Node* node) {
  if (!node) return "(missing)";
  std::string s = pact::to_json_text(node);
  if (s.size() > 200) s = s.substr(0, 197) + "...";
  return s;
}

// libstdc++'s regex compiler reads the number of a repetition count
// ("a{5555555555555555555}") and of a back-reference ("\\5555555555555555555")
// into a long without checking for overflow (undefined behaviour, found by
// fuzzing). A run of more than 9 digits in either place is refused first.
bool has_huge_number(const std::string& pattern) {
  size_t digits = 0;
  bool counting = false;  // inside {...} or right after a backslash
  bool in_braces = false;
  for (size_t i = 0; i < pattern.size(); ++i) {
    char c = pattern[i];
    if (c >= '0' && c <= '9') {
      if (counting && ++digits > 9) return true;
      continue;
    }
    digits = 0;
    counting = in_braces;
    if (c == '\\' && i + 1 < pattern.size()) {
      char next = pattern[i + 1];
      counting = next >= '0' && next <= '9';
      if (!counting) ++i;  // an escaped character is never a number
    } else if (c == '{') {
      in_braces = counting = true;
    } else if (c == '}') {
      in_braces = counting = false;
    }
  }
  return false;
}

// A quantifier right after a quantifier ("0**", "a+*", "b{2}*"): JavaScript
// refuses it and Java reads only `*+`-style possessives, but libstdc++ compiles
// it into nested repetitions that backtrack exponentially (a fuzzed pact with
// "c_0****..." hung the loader). One lazy `?` after a quantifier is allowed;
// anything more is refused, possessives included (std::regex has none).
bool has_stacked_quantifier(const std::string& pattern) {
  bool after_quantifier = false, lazy_taken = false, in_class = false;
  for (size_t i = 0; i < pattern.size(); ++i) {
    const char c = pattern[i];
    if (c == '\\') {  // an escaped character is an atom
      ++i;
      after_quantifier = false;
      continue;
    }
    if (in_class) {
      in_class = c != ']';
      continue;
    }
    const bool quantifier = c == '*' || c == '+' || c == '?' || c == '{';
    if (quantifier && after_quantifier) {
      if (c != '?' || lazy_taken) return true;
      lazy_taken = true;
      continue;
    }
    if (c == '{') {  // skip to the end of a {n,m}; a lone '{' is left to the compiler
      const size_t close = pattern.find('}', i);
      if (close == std::string::npos) {
        after_quantifier = lazy_taken = false;
        continue;
      }
      i = close;
    }
    after_quantifier = quantifier;
    lazy_taken = false;
    in_class = c == '[';
  }
  return false;
}

bool regex_matches(const std::string& pattern, std::string_view text, std::string* error) {
  // Pact regexes match the whole value (as Pact-JVM does).
  // Compiling std::regex is slow; every thread keeps the ones it has used.
  thread_local std::map<std::string, std::unique_ptr<std::regex>> cache;
  auto it = cache.find(pattern);
  if (it == cache.end()) {
    std::unique_ptr<std::regex> re;
    if (has_huge_number(pattern)) {
      if (error) *error = "'" + pattern + "' is not a valid regular expression (a repetition count or back-reference number is too large)";
      return false;
    }
    if (has_stacked_quantifier(pattern)) {
      if (error)
        *error = "regular expression '" + pattern +
                 "' repeats a repetition (a quantifier follows a quantifier): accord cannot match it in bounded time";
      return false;
    }
    try {
      re = std::make_unique<std::regex>(pattern, std::regex::ECMAScript);
    } catch (const std::regex_error& e) {
      if (error) *error = "'" + pattern + "' is not a valid regular expression";
      return false;
    }
    it = cache.emplace(pattern, std::move(re)).first;
  }
  try {
    return std::regex_match(text.begin(), text.end(), *it->second);
  } catch (const std::regex_error&) {
    if (error) *error = "regular expression '" + pattern + "' is too complex for this value";
    return false;
  }
}

bool values_equal(const Value& e, const Value& a) {
  if (e.node && a.node && !e.text_mode && !a.text_mode) {
    if (e.kind != a.kind) return false;
    if (e.kind == Value::Kind::number) {
      if (is_integer_lexeme(e.text) != is_integer_lexeme(a.text)) return false;
      return e.node->as_number() == a.node->as_number();
    }
    if (e.kind == Value::Kind::array || e.kind == Value::Kind::object) {
      if (e.node->size() != a.node->size()) return false;
      if (e.kind == Value::Kind::array) {
        for (size_t i = 0; i < e.node->size(); ++i)
          if (!values_equal(Value::of(e.node->at(i)), Value::of(a.node->at(i)))) return false;
        return true;
      }
      for (const auto& m : e.node->children()) {
        const Node* o = a.node->get(m.key);
        if (!o || !values_equal(Value::of(m.value), Value::of(o))) return false;
      }
      return true;
    }
    return e.text == a.text;
  }
  return e.text == a.text && (e.kind == a.kind || e.text_mode || a.text_mode);
}

bool status_matches(const MatchingRule& rule, int s) {
  if (!rule.statuses.empty()) {
    for (int code : rule.statuses)
      if (code == s) return true;
    return false;
  }
  const std::string& c = rule.status_class;
  if (c == "information") return s >= 100 && s < 200;
  if (c == "success") return s >= 200 && s < 300;
  if (c == "redirect") return s >= 300 && s < 400;
  if (c == "clientError") return s >= 400 && s < 500;
  if (c == "serverError") return s >= 500 && s < 600;
  if (c == "nonError") return s < 400;
  if (c == "error") return s >= 400;
  return false;
}

// "a success status (2xx)", "one of the statuses 200, 204": what a statusCode rule accepts.
static std::string status_expectation(const MatchingRule& rule) {
  if (!rule.statuses.empty()) {
    std::string list;
    for (int code : rule.statuses) list += (list.empty() ? "" : ", ") + std::to_string(code);
    return rule.statuses.size() == 1 ? "status " + list : "one of the statuses " + list;
  }
  const std::string& c = rule.status_class;
  if (c == "information") return "an informational status (1xx)";
  if (c == "success") return "a success status (2xx)";
  if (c == "redirect") return "a redirect status (3xx)";
  if (c == "clientError") return "a client error status (4xx)";
  if (c == "serverError") return "a server error status (5xx)";
  if (c == "nonError") return "a non-error status (below 400)";
  if (c == "error") return "an error status (400 or above)";
  return "a status of class '" + c + "'";
}

std::optional<std::string> apply_rule(const MatchingRule& rule, const Value& e, const Value& a, bool cascaded) {
  using K = Value::Kind;
  const std::string shown = display(a);
  auto same_type = [&]() -> std::optional<std::string> {
    if (e.kind == a.kind) return std::nullopt;
    return "expected a " + std::string(kind_name(e.kind)) + " (like " + display(e) + ") but got a " +
           kind_name(a.kind) + " " + shown;
  };
  switch (rule.kind) {
    case RuleKind::equality:
      if (values_equal(e, a)) return std::nullopt;
      return "expected " + display(e) + " but got " + shown;
    case RuleKind::regex: {
      std::string err;
      if (a.kind == K::null && !a.text_mode) return "expected a value matching /" + rule.text + "/ but got null";
      if (regex_matches(rule.text, scalar_text(a), &err)) return std::nullopt;
      if (!err.empty()) return err;
      return "expected " + shown + " to match /" + rule.text + "/";
    }
    case RuleKind::type:
      return same_type();
    case RuleKind::min_type:
    case RuleKind::max_type:
    case RuleKind::min_max_type: {
      if (auto t = same_type()) return t;
      if (a.kind == K::array && !cascaded) {
        bool check_min = rule.kind != RuleKind::max_type, check_max = rule.kind != RuleKind::min_type;
        if (check_min && a.size < rule.min)
          return "expected at least " + std::to_string(rule.min) + " item(s) but got " + std::to_string(a.size);
        if (check_max && a.size > rule.max)
          return "expected at most " + std::to_string(rule.max) + " item(s) but got " + std::to_string(a.size);
      }
      return std::nullopt;
    }
    case RuleKind::include:
      if (scalar_text(a).find(rule.text) != std::string::npos) return std::nullopt;
      return "expected " + shown + " to include '" + rule.text + "'";
    case RuleKind::number:
      if (a.kind == K::number || (a.text_mode && looks_number(a.text))) return std::nullopt;
      return "expected a number but got " + shown;
    case RuleKind::integer:
      if ((a.kind == K::number && is_integer_lexeme(a.text)) || (a.text_mode && looks_integer(a.text)))
        return std::nullopt;
      return "expected an integer but got " + shown;
    case RuleKind::decimal:
      if ((a.kind == K::number && !is_integer_lexeme(a.text)) || (a.text_mode && looks_decimal(a.text)))
        return std::nullopt;
      return "expected a decimal number but got " + shown;
    case RuleKind::boolean:
      if (a.kind == K::boolean || ((a.kind == K::string) && (a.text == "true" || a.text == "false")))
        return std::nullopt;
      return "expected a boolean but got " + shown;
    case RuleKind::null_value:
      if (a.kind == K::null && !a.text_mode) return std::nullopt;
      return "expected null but got " + shown;
    case RuleKind::date:
    case RuleKind::time:
    case RuleKind::timestamp: {
      if (a.kind != K::string) return "expected a " + rule.describe().substr(10) + " but got " + shown;
      TemporalKind tk = rule.kind == RuleKind::date ? TemporalKind::date
                        : rule.kind == RuleKind::time ? TemporalKind::time : TemporalKind::datetime;
      return check_temporal(a.text, rule.text, tk);
    }
    case RuleKind::not_empty:
      if (a.kind == K::null && !a.text_mode) return "expected a non-empty value but got null";
      if ((a.kind == K::string && a.text.empty()) || ((a.kind == K::array || a.kind == K::object) && a.size == 0))
        return "expected a non-empty value but got " + (shown.empty() ? std::string("\"\"") : shown);
      if (e.kind != a.kind && !a.text_mode) return same_type();
      return std::nullopt;
    case RuleKind::semver:
      if (std::regex_match(scalar_text(a), semver_regex())) return std::nullopt;
      return "expected a semantic version but got " + shown;
    case RuleKind::status_code: {
      int s = std::atoi(std::string(a.text).c_str());
      if (status_matches(rule, s)) return std::nullopt;
      return "expected " + status_expectation(rule) + ", got " + std::to_string(s);
    }
    case RuleKind::content_type:
    case RuleKind::values:
    case RuleKind::each_key:
    case RuleKind::each_value:
    case RuleKind::array_contains:
      // Collection rules: the collection walkers apply them; a scalar under one is fine.
      if (cascaded || a.kind == K::array || a.kind == K::object) return std::nullopt;
      if (rule.kind == RuleKind::each_value || rule.kind == RuleKind::values) return same_type();
      return std::nullopt;
  }
  return std::nullopt;
}

std::vector<std::string> apply_rules(const RuleList& rules, const Value& expected, const Value& actual) {
  std::vector<std::string> failures;
  for (const MatchingRule& r : rules.rules) {
    auto why = apply_rule(r, expected, actual, rules.cascaded);
    if (!why) {
      if (rules.combine_or) return {};
      continue;
    }
    failures.push_back(*why);
  }
  return failures;
}

}  // namespace accord::contracts::matching
