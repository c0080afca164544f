#include "contracts/verify/generators.h"

#include <cctype>
#include <cstdio>
#include <functional>

#include "contracts/matching/datetime_format.h"
#include "contracts/matching/path_expr.h"
#include "contracts/pact/body_codec.h"
#include "core/integer.h"
#include "core/json_writer.h"
#include "core/loader.h"

namespace accord::contracts::verify {

using core::Node;

namespace {

GeneratedValue string_value(std::string s) {
  return {"\"" + core::json_escape(s) + "\"", s};
}

GeneratedValue raw_value(std::string s) { return {s, s}; }

long long int_member(const Node* n, std::string_view key, long long fallback) {
  if (!n) return fallback;
  const Node* v = n->get(key);
  if (!v) return fallback;
  if (v->is_number()) return core::whole_number<long long>(v).value_or(fallback);
  try {
    return std::stoll(std::string(v->text()));
  } catch (...) {
    return fallback;
  }
}

std::string random_chars(std::mt19937_64& rng, size_t n, std::string_view alphabet) {
  std::string out;
  std::uniform_int_distribution<size_t> pick(0, alphabet.size() - 1);
  for (size_t i = 0; i < n; ++i) out += alphabet[pick(rng)];
  return out;
}

// "+1 day", "-2 hours", "now", "today" -> seconds offset (subset of Pact's expression language).
long long offset_of(std::string_view expr) {
  long long total = 0;
  size_t i = 0;
  auto skip = [&] { while (i < expr.size() && std::isspace(static_cast<unsigned char>(expr[i]))) ++i; };
  while (i < expr.size()) {
    skip();
    int sign = 1;
    if (i < expr.size() && (expr[i] == '+' || expr[i] == '-')) sign = expr[i++] == '-' ? -1 : 1;
    else { while (i < expr.size() && !std::isspace(static_cast<unsigned char>(expr[i]))) ++i; continue; }
    skip();
    long long n = 0;
    while (i < expr.size() && std::isdigit(static_cast<unsigned char>(expr[i]))) n = n * 10 + (expr[i++] - '0');
    skip();
    size_t start = i;
    while (i < expr.size() && std::isalpha(static_cast<unsigned char>(expr[i]))) ++i;
    std::string unit(expr.substr(start, i - start));
    long long mult = unit.rfind("sec", 0) == 0 ? 1 : unit.rfind("min", 0) == 0 ? 60 : unit.rfind("hour", 0) == 0 ? 3600
                   : unit.rfind("day", 0) == 0 ? 86400 : unit.rfind("week", 0) == 0 ? 604800
                   : unit.rfind("month", 0) == 0 ? 2592000 : unit.rfind("year", 0) == 0 ? 31536000 : 0;
    total += sign * n * mult;
  }
  return total;
}

}  // namespace

GeneratorContext::GeneratorContext(const StateValues* state_values, uint64_t seed)
    : state_values_(state_values), rng_(seed) {}

core::Expected<GeneratedValue> substitute_expression(const std::string& expression, const StateValues& values,
                                                     const std::string& data_type) {
  std::string text;
  std::string single_json;
  size_t i = 0;
  int placeholders = 0;
  bool only_placeholder = false;
  while (i < expression.size()) {
    size_t open = expression.find("${", i);
    if (open == std::string::npos) {
      text += expression.substr(i);
      break;
    }
    text += expression.substr(i, open - i);
    size_t close = expression.find('}', open);
    if (close == std::string::npos) return core::make_error("unterminated '${' in expression '" + expression + "'");
    std::string name = expression.substr(open + 2, close - open - 2);
    auto it = values.find(name);
    if (it == values.end())
      return core::make_error("provider state did not supply a value for '" + name + "' (expression '" + expression + "')");
    const std::string& json = it->second;
    std::string plain = json;
    if (json.size() >= 2 && json.front() == '"') {
      auto doc = core::load_text("state value", json, core::Syntax::json);
      plain = doc && (*doc)->root() ? std::string((*doc)->root()->text()) : json.substr(1, json.size() - 2);
    }
    text += plain;
    single_json = json;
    ++placeholders;
    only_placeholder = open == 0 && close == expression.size() - 1;
    i = close + 1;
  }
  GeneratedValue out{"\"" + core::json_escape(text) + "\"", text};
  if (placeholders == 1 && only_placeholder) out.json = single_json;
  if (data_type == "STRING") out.json = "\"" + core::json_escape(text) + "\"";
  else if (data_type == "INTEGER" || data_type == "DECIMAL" || data_type == "FLOAT" || data_type == "BOOLEAN") out.json = text;
  return out;
}

core::Expected<GeneratedValue> GeneratorContext::generate(const pact::Generator& g, const Node* example) {
  const Node* c = g.config;
  const std::string& t = g.type;
  if (t == "RandomInt") {
    long long lo = int_member(c, "min", 0), hi = int_member(c, "max", 2147483647);
    if (hi < lo) std::swap(lo, hi);
    std::uniform_int_distribution<long long> d(lo, hi);
    return raw_value(std::to_string(d(rng_)));
  }
  if (t == "RandomDecimal") {
    long long digits = std::max<long long>(2, int_member(c, "digits", 10));
    std::string s = random_chars(rng_, static_cast<size_t>(digits), "0123456789");
    if (s[0] == '0') s[0] = '1';
    std::uniform_int_distribution<long long> where(1, digits - 1);
    s.insert(static_cast<size_t>(where(rng_)), ".");
    return raw_value(s);
  }
  if (t == "RandomHexadecimal") return string_value(random_chars(rng_, static_cast<size_t>(int_member(c, "digits", 10)), "0123456789abcdef"));
  if (t == "RandomString")
    return string_value(random_chars(rng_, static_cast<size_t>(int_member(c, "size", 10)),
                                     "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"));
  if (t == "RandomBoolean") return raw_value(std::uniform_int_distribution<int>(0, 1)(rng_) ? "true" : "false");
  if (t == "Regex") return string_value(generate_from_regex(std::string(c ? c->get_text("regex") : ""), rng_));
  if (t == "Uuid") {
    std::string hex = random_chars(rng_, 32, "0123456789abcdef");
    hex[12] = '4';
    hex[16] = "89ab"[std::uniform_int_distribution<int>(0, 3)(rng_)];
    std::string format = c ? std::string(c->get_text("format", "lower-case-hyphenated")) : "lower-case-hyphenated";
    std::string hyph = hex.substr(0, 8) + "-" + hex.substr(8, 4) + "-" + hex.substr(12, 4) + "-" + hex.substr(16, 4) + "-" + hex.substr(20);
    if (format == "simple") return string_value(hex);
    if (format == "upper-case-hyphenated") {
      for (char& ch : hyph) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
      return string_value(hyph);
    }
    if (format == "URN") return string_value("urn:uuid:" + hyph);
    return string_value(hyph);
  }
  if (t == "Date" || t == "Time" || t == "DateTime" || t == "Timestamp") {
    using matching::TemporalKind;
    TemporalKind kind = t == "Date" ? TemporalKind::date : t == "Time" ? TemporalKind::time : TemporalKind::datetime;
    std::string format = c ? std::string(c->get_text("format")) : "";
    std::string expression = c ? std::string(c->get_text("expression")) : "";
    return string_value(matching::format_temporal(format, kind, offset_of(expression)));
  }
  if (t == "ProviderState") {
    if (!state_values_) return core::make_error("ProviderState generator but no provider state values");
    std::string expression = c ? std::string(c->get_text("expression")) : "";
    std::string data_type = c ? std::string(c->get_text("dataType")) : "";
    return substitute_expression(expression, *state_values_, data_type);
  }
  if (t == "MockServerURL") {
    // Consumer-side only: the example stays.
    std::string s = example ? std::string(example->text()) : "";
    return string_value(s);
  }
  return core::make_error("unknown generator type '" + t + "'");
}

namespace {

// Serialises `node`, replacing values whose location a generator names exactly.
core::Status write_generated(const Node* node, std::vector<std::string>& loc,
                             const std::vector<std::pair<matching::PathExpr, const pact::Generator*>>& gens,
                             GeneratorContext& ctx, std::string& out) {
  for (const auto& [path, gen] : gens) {
    if (path.size() == loc.size() && path.weight(loc) > 0) {
      auto v = ctx.generate(*gen, node);
      if (!v) return v.error();
      out += v->json;
      return core::ok_status();
    }
  }
  if (node->is_object()) {
    out += '{';
    bool first = true;
    for (const auto& m : node->children()) {
      if (!first) out += ',';
      first = false;
      out += "\"" + core::json_escape(m.key) + "\":";
      loc.push_back(std::string(m.key));
      auto st = write_generated(m.value, loc, gens, ctx, out);
      loc.pop_back();
      if (!st) return st;
    }
    out += '}';
  } else if (node->is_array()) {
    out += '[';
    for (size_t i = 0; i < node->size(); ++i) {
      if (i) out += ',';
      loc.push_back(std::to_string(i));
      auto st = write_generated(node->at(i), loc, gens, ctx, out);
      loc.pop_back();
      if (!st) return st;
    }
    out += ']';
  } else {
    pact::append_json_text(node, out);
  }
  return core::ok_status();
}

}  // namespace

core::Expected<GeneratedRequest> apply_request_generators(const pact::RequestSpec& spec, GeneratorContext& ctx) {
  GeneratedRequest out;
  out.path = spec.path;
  out.query = spec.query;
  out.headers = spec.headers;
  const pact::Generators& g = spec.generators;
  for (const auto& [name, gen] : g.path.entries) {
    (void)name;
    auto v = ctx.generate(gen, nullptr);
    if (!v) return v.error();
    out.path = v->text;
  }
  for (const auto& [name, gen] : g.header.entries) {
    auto v = ctx.generate(gen, nullptr);
    if (!v) return v.error();
    bool replaced = false;
    for (auto& [k, val] : out.headers)
      if (http::iequals(k, name)) { val = v->text; replaced = true; }
    if (!replaced) out.headers.emplace_back(name, v->text);
  }
  for (const auto& [name, gen] : g.query.entries) {
    auto v = ctx.generate(gen, nullptr);
    if (!v) return v.error();
    std::string key = name;
    if (key.rfind("$.", 0) == 0) key = key.substr(2);
    bool replaced = false;
    for (auto& [k, vals] : out.query)
      if (k == key) { for (auto& x : vals) x = v->text; replaced = true; }
    if (!replaced) out.query.push_back({key, {v->text}});
  }
  if (spec.body.json && !g.body.entries.empty()) {
    std::vector<std::pair<matching::PathExpr, const pact::Generator*>> gens;
    for (const auto& [path, gen] : g.body.entries) {
      auto p = matching::PathExpr::parse(path.empty() ? "$" : path);
      if (!p) return p.error();
      gens.emplace_back(std::move(*p), &gen);
    }
    std::vector<std::string> loc{"$"};
    auto st = write_generated(spec.body.json, loc, gens, ctx, out.body);
    if (!st) return st.error();
  } else {
    out.body = spec.body.bytes();
    for (const auto& [path, gen] : g.body.entries)
      if (path.empty() || path == "$") {
        auto v = ctx.generate(gen, nullptr);
        if (!v) return v.error();
        out.body = v->text;
      }
  }
  return out;
}

std::string generate_from_regex(const std::string& re, std::mt19937_64& rng) {
  // Literals, escapes (\d \w \s), classes [a-z0-9], groups with alternatives, and
  // quantifiers ? * + {n} {n,m}. Anchors are dropped.
  std::string out;
  std::function<void(size_t&, std::string&, bool)> parse_seq;
  auto pick = [&](const std::string& alphabet) -> char {
    if (alphabet.empty()) return 'x';
    return alphabet[std::uniform_int_distribution<size_t>(0, alphabet.size() - 1)(rng)];
  };
  auto klass = [&](size_t& i) {
    std::string alphabet;
    ++i;  // '['
    bool negate = i < re.size() && re[i] == '^';
    if (negate) ++i;
    while (i < re.size() && re[i] != ']') {
      char c = re[i];
      if (c == '\\' && i + 1 < re.size()) {
        char e = re[i + 1];
        alphabet += e == 'd' ? "0123456789" : e == 'w' ? "abcdefghijklmnopqrstuvwxyz0123456789_" : e == 's' ? " " : std::string(1, e);
        i += 2;
      } else if (i + 2 < re.size() && re[i + 1] == '-' && re[i + 2] != ']') {
        for (char x = c; x <= re[i + 2]; ++x) alphabet += x;
        i += 3;
      } else {
        alphabet += c;
        ++i;
      }
    }
    if (i < re.size()) ++i;  // ']'
    if (negate) {
      std::string all;
      for (char x = 'a'; x <= 'z'; ++x)
        if (alphabet.find(x) == std::string::npos) all += x;
      alphabet = all;
    }
    return alphabet;
  };
  parse_seq = [&](size_t& i, std::string& dst, bool in_group) {
    std::vector<std::string> alternatives{""};
    while (i < re.size()) {
      char c = re[i];
      if (c == ')' && in_group) break;
      if (c == '|') { alternatives.emplace_back(); ++i; continue; }
      if (c == '^' || c == '$') { ++i; continue; }
      std::function<std::string()> atom;
      if (c == '(') {
        ++i;
        if (re.compare(i, 2, "?:") == 0) i += 2;
        size_t start = i;
        std::string probe;
        parse_seq(i, probe, true);
        size_t end = i;
        if (i < re.size()) ++i;
        atom = [&, start, end]() { std::string s; size_t j = start; parse_seq(j, s, true); (void)end; return s; };
      } else if (c == '[') {
        std::string alphabet = klass(i);
        atom = [&, alphabet]() { return std::string(1, pick(alphabet)); };
      } else if (c == '\\' && i + 1 < re.size()) {
        char e = re[i + 1];
        i += 2;
        std::string alphabet = e == 'd' ? "0123456789" : e == 'w' ? "abcdefghijklmnopqrstuvwxyz0123456789" : e == 's' ? " " : std::string(1, e);
        atom = [&, alphabet]() { return std::string(1, pick(alphabet)); };
      } else if (c == '.') {
        ++i;
        atom = [&]() { return std::string(1, pick("abcdefghijklmnopqrstuvwxyz")); };
      } else {
        ++i;
        atom = [c]() { return std::string(1, c); };
      }
      size_t lo = 1, hi = 1;
      if (i < re.size()) {
        if (re[i] == '?') { lo = 0; hi = 1; ++i; }
        else if (re[i] == '*') { lo = 0; hi = 3; ++i; }
        else if (re[i] == '+') { lo = 1; hi = 3; ++i; }
        else if (re[i] == '{') {
          size_t close = re.find('}', i);
          std::string body = re.substr(i + 1, close - i - 1);
          size_t comma = body.find(',');
          lo = std::strtoul(body.c_str(), nullptr, 10);
          hi = comma == std::string::npos ? lo : (comma + 1 < body.size() ? std::strtoul(body.c_str() + comma + 1, nullptr, 10) : lo + 3);
          i = close == std::string::npos ? re.size() : close + 1;
        }
      }
      size_t n = std::uniform_int_distribution<size_t>(lo, std::max(lo, hi))(rng);
      for (size_t k = 0; k < n; ++k) alternatives.back() += atom();
    }
    dst += alternatives[std::uniform_int_distribution<size_t>(0, alternatives.size() - 1)(rng)];
  };
  size_t i = 0;
  parse_seq(i, out, false);
  return out;
}

}  // namespace accord::contracts::verify
