#include "contracts/matching/rules.h"

#include <cctype>

#include "contracts/http/http_types.h"
#include "core/integer.h"

namespace accord::contracts::matching {

core::Error error_at(const core::Node* node, std::string message) {
  if (!node) return core::make_error(std::move(message));
  auto loc = node->location();
  return core::make_error(std::move(message), std::string(loc.path()), loc.line, loc.column);
}

bool RuleList::has_type_rule() const {
  for (const MatchingRule& r : rules)
    if (r.is_type()) return true;
  return false;
}

bool RuleCategory::defined_for(const std::vector<std::string>& location) const {
  return !best_for(location).empty();
}

bool RuleCategory::type_rule_defined_for(const std::vector<std::string>& location) const {
  for (const auto& [path, list] : entries)
    if (path.weight(location) > 0 && list.has_type_rule()) return true;
  return false;
}

RuleList RuleCategory::best_for(const std::vector<std::string>& location) const {
  const RuleList* best = nullptr;
  size_t best_score = 0;
  size_t best_len = 0;
  for (const auto& [path, list] : entries) {
    size_t w = path.weight(location);
    if (w == 0) continue;
    // values/eachKey/eachValue stop at the collection they name.
    if (path.size() != location.size()) {
      bool any_cascades = false;
      for (const MatchingRule& r : list.rules) any_cascades |= r.cascades();
      if (!any_cascades) continue;
    }
    size_t score = w * path.size();
    if (!best || score > best_score) {
      best = &list;
      best_score = score;
      best_len = path.size();
    }
  }
  if (!best) return {};
  RuleList out;
  out.combine_or = best->combine_or;
  out.cascaded = best_len != location.size();
  for (const MatchingRule& r : best->rules)
    if (!out.cascaded || r.cascades()) out.rules.push_back(r);
  return out;
}

const RuleList* RuleCategory::for_name(std::string_view name, bool ignore_case) const {
  for (const auto& [path, list] : entries) {
    const auto& t = path.tokens();
    if (t.size() < 2) continue;
    const std::string& n = t[1].name;
    if (ignore_case ? http::iequals(n, name) : n == name) return &list;
  }
  return nullptr;
}

void RuleCategory::add(PathExpr path, RuleList list) {
  for (auto& [p, l] : entries) {
    if (p.text() == path.text()) {
      for (auto& r : list.rules) l.rules.push_back(std::move(r));
      return;
    }
  }
  entries.emplace_back(std::move(path), std::move(list));
}

namespace {

std::optional<size_t> number_member(const core::Node* n, std::string_view key) {
  const core::Node* v = n->get(key);
  if (!v) return std::nullopt;
  if (v->is_number()) return core::whole_number<size_t>(v);  // a negative or huge bound is no bound
  if (v->is_string()) {
    try {
      return static_cast<size_t>(std::stoull(std::string(v->text())));
    } catch (...) {
      return std::nullopt;
    }
  }
  return std::nullopt;
}

core::Expected<RuleList> parse_rule_list(const core::Node* node);

}  // namespace

core::Expected<MatchingRule> parse_rule(const core::Node* node) {
  if (!node || !node->is_object()) return error_at(node, "a matching rule must be a JSON object");
  MatchingRule r;
  std::string type;
  if (const core::Node* m = node->get("match")) type = std::string(m->text());
  else if (const core::Node* m2 = node->get("pact:matcher:type")) type = std::string(m2->text());
  auto min = number_member(node, "min");
  auto max = number_member(node, "max");
  if (type.empty()) {
    if (node->get("regex")) type = "regex";
    else if (min || max) type = "type";
    else if (node->get("timestamp")) type = "timestamp";
    else if (node->get("time")) type = "time";
    else if (node->get("date")) type = "date";
    else return error_at(node, "matching rule has no 'match' and its type cannot be guessed");
  }
  auto format_of = [&](std::string_view alt) {
    if (const core::Node* f = node->get("format")) return std::string(f->text());
    if (const core::Node* f = node->get(alt)) return std::string(f->text());
    return std::string();
  };
  if (type == "regex") {
    const core::Node* re = node->get("regex");
    if (!re || !re->is_string()) return error_at(node, "regex matcher needs a string 'regex'");
    r.kind = RuleKind::regex;
    r.text = std::string(re->text());
  } else if (type == "equality") {
    r.kind = RuleKind::equality;
  } else if (type == "include") {
    const core::Node* v = node->get("value");
    if (!v) return error_at(node, "include matcher needs a 'value'");
    r.kind = RuleKind::include;
    r.text = std::string(v->text());
  } else if (type == "type" || type == "min" || type == "max" || type == "min-type" || type == "max-type") {
    r.min = min.value_or(0);
    r.max = max.value_or(0);
    r.kind = min && max ? RuleKind::min_max_type : min ? RuleKind::min_type : max ? RuleKind::max_type : RuleKind::type;
  } else if (type == "number") {
    r.kind = RuleKind::number;
  } else if (type == "integer") {
    r.kind = RuleKind::integer;
  } else if (type == "decimal" || type == "real") {
    r.kind = RuleKind::decimal;
  } else if (type == "boolean") {
    r.kind = RuleKind::boolean;
  } else if (type == "null") {
    r.kind = RuleKind::null_value;
  } else if (type == "timestamp" || type == "datetime") {
    r.kind = RuleKind::timestamp;
    r.text = format_of(type);
  } else if (type == "date") {
    r.kind = RuleKind::date;
    r.text = format_of("date");
  } else if (type == "time") {
    r.kind = RuleKind::time;
    r.text = format_of("time");
  } else if (type == "contentType" || type == "content-type") {
    const core::Node* v = node->get("value");
    if (!v) return error_at(node, "contentType matcher needs a 'value'");
    r.kind = RuleKind::content_type;
    r.text = std::string(v->text());
  } else if (type == "values") {
    r.kind = RuleKind::values;
  } else if (type == "notEmpty" || type == "not-empty") {
    r.kind = RuleKind::not_empty;
  } else if (type == "semver") {
    r.kind = RuleKind::semver;
  } else if (type == "statusCode" || type == "status-code") {
    r.kind = RuleKind::status_code;
    const core::Node* s = node->get("status");
    if (!s) {
      r.status_class = "success";
    } else if (s->is_string()) {
      r.status_class = std::string(s->text());
    } else if (s->is_array()) {
      for (const auto& m : s->children()) {
        std::optional<int> code = core::whole_int(m.value);
        if (!code || *code < 100 || *code > 999)
          return error_at(m.value, "statusCode matcher 'status' lists HTTP status codes (100-999)");
        r.statuses.push_back(*code);
      }
    } else {
      return error_at(s, "statusCode matcher 'status' must be a class name or a list of codes");
    }
  } else if (type == "eachKey" || type == "each-key" || type == "eachValue" || type == "each-value") {
    r.kind = type.rfind("eachKey", 0) == 0 || type == "each-key" ? RuleKind::each_key : RuleKind::each_value;
    if (const core::Node* rules = node->get("rules")) {
      if (!rules->is_array()) return error_at(rules, "'rules' must be an array");
      for (const auto& m : rules->children()) {
        auto sub = parse_rule(m.value);
        if (!sub) return sub.error();
        r.sub_rules.push_back(std::move(*sub));
      }
    }
  } else if (type == "arrayContains" || type == "array-contains") {
    r.kind = RuleKind::array_contains;
    const core::Node* variants = node->get("variants");
    if (!variants || !variants->is_array()) return error_at(node, "arrayContains needs a 'variants' array");
    for (const auto& m : variants->children()) {
      ArrayVariant v;
      v.index = number_member(m.value, "index").value_or(0);
      v.rules = std::make_shared<RuleCategory>();
      if (const core::Node* rules = m.value->get("rules")) {
        if (!rules->is_object()) return error_at(rules, "variant 'rules' must be an object");
        for (const auto& rm : rules->children()) {
          auto path = PathExpr::parse(rm.key);
          if (!path) return error_at(rm.value, path.error().message);
          auto list = parse_rule_list(rm.value);
          if (!list) return list.error();
          v.rules->add(std::move(*path), std::move(*list));
        }
      }
      r.variants.push_back(std::move(v));
    }
  } else {
    return error_at(node, "unknown matching rule type '" + type + "'");
  }
  return r;
}

namespace {

core::Expected<RuleList> parse_rule_list(const core::Node* node) {
  RuleList list;
  if (!node || !node->is_object()) return error_at(node, "matching rules must be a JSON object");
  if (const core::Node* combine = node->get("combine")) {
    std::string c = http::to_lower(combine->text());
    if (c != "and" && c != "or") return error_at(combine, "'combine' must be AND or OR");
    list.combine_or = c == "or";
  }
  if (const core::Node* matchers = node->get("matchers")) {
    if (!matchers->is_array()) return error_at(matchers, "'matchers' must be an array");
    for (const auto& m : matchers->children()) {
      auto rule = parse_rule(m.value);
      if (!rule) return rule.error();
      list.rules.push_back(std::move(*rule));
    }
  } else {
    auto rule = parse_rule(node);  // V2 shape inside a V3 file
    if (!rule) return rule.error();
    list.rules.push_back(std::move(*rule));
  }
  return list;
}

core::Status add_path_rules(const core::Node* node, RuleCategory& category) {
  if (!node->is_object()) return error_at(node, "matching rule category must be an object");
  if (node->get("matchers")) {
    auto list = parse_rule_list(node);
    if (!list) return list.error();
    category.add(PathExpr::root(), std::move(*list));
    return core::ok_status();
  }
  for (const auto& m : node->children()) {
    auto path = PathExpr::parse(m.key);
    if (!path) return error_at(m.value, path.error().message);
    auto list = parse_rule_list(m.value);
    if (!list) return list.error();
    category.add(std::move(*path), std::move(*list));
  }
  return core::ok_status();
}

core::Status add_named_rules(const core::Node* node, RuleCategory& category) {
  if (!node->is_object()) return error_at(node, "matching rule category must be an object");
  for (const auto& m : node->children()) {
    PathExpr path = PathExpr::root();
    auto parsed = PathExpr::parse("$['" + std::string(m.key) + "']");
    if (parsed) path = *parsed;
    auto list = parse_rule_list(m.value);
    if (!list) return list.error();
    category.add(std::move(path), std::move(*list));
  }
  return core::ok_status();
}

}  // namespace

core::Status parse_v3_rules(const core::Node* node, MatchingRules& out) {
  if (!node) return core::ok_status();
  if (!node->is_object()) return error_at(node, "'matchingRules' must be an object");
  for (const auto& m : node->children()) {
    std::string_view cat = m.key;
    core::Status st = core::ok_status();
    if (cat == "body") st = add_path_rules(m.value, out.body);
    else if (cat == "content" || cat == "contents") st = add_path_rules(m.value, out.body);
    else if (cat == "header" || cat == "headers") st = add_named_rules(m.value, out.header);
    else if (cat == "query") st = add_named_rules(m.value, out.query);
    else if (cat == "metadata") st = add_named_rules(m.value, out.metadata);
    else if (cat == "path") st = add_path_rules(m.value, out.path);
    else if (cat == "method") st = add_path_rules(m.value, out.method);
    else if (cat == "status") st = add_path_rules(m.value, out.status);
    else if (!cat.empty() && cat[0] == '$') return parse_v2_rules(node, out);  // V2 rules in a V3 file
    if (!st) return st;
  }
  return core::ok_status();
}

core::Status parse_v2_rules(const core::Node* node, MatchingRules& out) {
  if (!node) return core::ok_status();
  if (!node->is_object()) return error_at(node, "'matchingRules' must be an object");
  for (const auto& m : node->children()) {
    auto full = PathExpr::parse(m.key);
    if (!full) return error_at(m.value, full.error().message);
    const auto& t = full->tokens();
    if (t.size() < 2 || t[1].kind != PathToken::Kind::field)
      return error_at(m.value, "V2 matching rule path '" + std::string(m.key) + "' must start with $.body, $.headers, $.query or $.path");
    auto rule = parse_rule(m.value);
    if (!rule) return rule.error();
    RuleList list;
    list.rules.push_back(std::move(*rule));
    const std::string& cat = t[1].name;
    // Rebuild the rest of the path below the category, rooted at "$".
    std::string rest = "$";
    std::string key(m.key);
    size_t pos = key.find(cat) + cat.size();
    rest += key.substr(pos);
    if (cat == "body") {
      auto p = PathExpr::parse(rest);
      if (!p) return error_at(m.value, p.error().message);
      out.body.add(std::move(*p), std::move(list));
    } else if (cat == "headers" || cat == "header" || cat == "query") {
      if (t.size() < 3) return error_at(m.value, "V2 rule '" + key + "' must name a header or query parameter");
      auto p = PathExpr::parse("$['" + t[2].name + "']");
      if (!p) return error_at(m.value, p.error().message);
      (cat == "query" ? out.query : out.header).add(std::move(*p), std::move(list));
    } else if (cat == "path") {
      out.path.add(PathExpr::root(), std::move(list));
    } else if (cat == "method") {
      out.method.add(PathExpr::root(), std::move(list));
    } else if (cat == "status") {
      out.status.add(PathExpr::root(), std::move(list));
    } else {
      return error_at(m.value, "unknown matching rule category '" + cat + "' in '" + key + "'");
    }
  }
  return core::ok_status();
}

std::string MatchingRule::describe() const {
  switch (kind) {
    case RuleKind::equality: return "must be equal to the expected value";
    case RuleKind::regex: return "must match the regular expression /" + text + "/";
    case RuleKind::type: return "must match by type";
    case RuleKind::min_type: return "must match by type and have at least " + std::to_string(min) + " item(s)";
    case RuleKind::max_type: return "must match by type and have at most " + std::to_string(max) + " item(s)";
    case RuleKind::min_max_type:
      return "must match by type and have " + std::to_string(min) + ".." + std::to_string(max) + " items";
    case RuleKind::timestamp: return "must be a date-time" + (text.empty() ? "" : " in format '" + text + "'");
    case RuleKind::time: return "must be a time" + (text.empty() ? "" : " in format '" + text + "'");
    case RuleKind::date: return "must be a date" + (text.empty() ? "" : " in format '" + text + "'");
    case RuleKind::include: return "must include '" + text + "'";
    case RuleKind::number: return "must be a number";
    case RuleKind::integer: return "must be an integer";
    case RuleKind::decimal: return "must be a decimal number";
    case RuleKind::null_value: return "must be null";
    case RuleKind::content_type: return "must have content type '" + text + "'";
    case RuleKind::array_contains: return "must contain the listed variants";
    case RuleKind::values: return "values must match";
    case RuleKind::boolean: return "must be a boolean";
    case RuleKind::status_code: return "status must be " + (status_class.empty() ? "one of the listed codes" : status_class);
    case RuleKind::not_empty: return "must not be empty";
    case RuleKind::semver: return "must be a semantic version";
    case RuleKind::each_key: return "each key must match";
    case RuleKind::each_value: return "each value must match";
  }
  return "";
}

}  // namespace accord::contracts::matching
