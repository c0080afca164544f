#include "core/schema_validate.h"

#include <cmath>
#include <regex>
#include <unordered_map>

#include "core/json_pointer.h"

namespace accord::core {

namespace {

std::string_view kind_name(const Node& n) {
  switch (n.kind()) {
    case Node::Kind::null: return "null";
    case Node::Kind::boolean: return "boolean";
    case Node::Kind::number: return "number";
    case Node::Kind::string: return "string";
    case Node::Kind::array: return "array";
    case Node::Kind::object: return "object";
  }
  return "value";
}

bool is_integral(const Node& n) {
  double d = n.as_number();
  return n.is_number() && std::isfinite(d) && d == std::floor(d);
}

bool type_matches(uint8_t types, const Node& n) {
  switch (n.kind()) {
    case Node::Kind::null: return types & type_null;
    case Node::Kind::boolean: return types & type_boolean;
    case Node::Kind::number: return (types & type_number) || ((types & type_integer) && is_integral(n));
    case Node::Kind::string: return types & type_string;
    case Node::Kind::array: return types & type_array;
    case Node::Kind::object: return types & type_object;
  }
  return false;
}

size_t utf8_length(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s)
    if ((c & 0xC0) != 0x80) ++n;
  return n;
}

class Validator {
 public:
  Validator(SchemaGraph& graph, const ValidateOptions& options) : graph_(graph), options_(options) {}

  std::optional<Error> failure;

  // Adds what `instance` violates to `out`.
  void validate(const Schema* s, const Node* instance, const std::string& at, std::vector<ValidationError>& out) {
    if (failure || full(out)) return;
    for (const auto& [schema, node] : active_)
      if (schema == s && node == instance) return;  // a schema that reaches itself on the same value
    active_.emplace_back(s, instance);
    check(*s, *instance, at, out);
    active_.pop_back();
  }

 private:
  bool full(const std::vector<ValidationError>& out) const { return out.size() >= options_.max_errors; }

  static std::string keyword_pointer(const Schema& s, const Keyword& k, std::string_view keyword) {
    return pointer_append(k.owner ? k.owner->pointer : s.pointer, keyword);
  }

  void fail(std::vector<ValidationError>& out, const std::string& at, std::string schema_pointer, std::string message) {
    if (!full(out)) out.push_back({at, std::move(schema_pointer), std::move(message)});
  }

  const Schema* load(const SchemaHandle& h) {
    auto s = graph_.get(h);
    if (!s) {
      if (!failure) failure = s.error();
      return nullptr;
    }
    return *s;
  }

  bool valid_against(const SchemaHandle& h, const Node* instance, const std::string& at) {
    const Schema* s = load(h);
    if (!s) return true;
    std::vector<ValidationError> scratch;
    validate(s, instance, at, scratch);
    return scratch.empty();
  }

  // Compiled once per pattern; an invalid one is an error at `where`.
  const std::regex* regex(std::string_view text, const Node* where) {
    std::string pattern(text);
    auto it = regexes_.find(pattern);
    if (it != regexes_.end()) return &it->second;
    try {
      return &regexes_.emplace(pattern, std::regex(pattern, std::regex::ECMAScript)).first->second;
    } catch (const std::regex_error&) {
      SourceLocation loc = where->location();
      if (!failure)
        failure = make_error("pattern '" + pattern + "' is not a valid regular expression", std::string(loc.path()),
                             loc.line, loc.column);
      return nullptr;
    }
  }

  bool search(std::string_view pattern, const Node* where, std::string_view text) {
    const std::regex* re = regex(pattern, where);
    if (!re) return true;
    try {
      return std::regex_search(text.begin(), text.end(), *re);
    } catch (const std::regex_error&) {  // too complex for the engine: do not report a false failure
      return true;
    }
  }

  void check(const Schema& s, const Node& v, const std::string& at, std::vector<ValidationError>& out) {
    if (s.boolean_schema) {
      if (s.accepts_nothing) fail(out, at, std::string(s.pointer), "no value is allowed here");
      return;
    }
    if (s.types != 0 && !type_matches(s.types, v)) {
      fail(out, at, keyword_pointer(s, s.type_keyword, "type"),
           "expected " + type_names(s.types) + ", got " + std::string(kind_name(v)));
      return;
    }
    bool nullable_null = v.is_null() && s.null_allowed;
    if (s.enum_values && !nullable_null) {
      bool found = false;
      for (const Member& m : s.enum_values->children()) found = found || m.value->equals(v);
      if (!found) fail(out, at, keyword_pointer(s, s.enum_keyword, "enum"), "value is not one of the allowed values");
    }
    if (s.const_value && !s.const_value->equals(v))
      fail(out, at, keyword_pointer(s, s.const_keyword, "const"), "value is not the required constant");
    if (v.is_number()) numeric(s, v, at, out);
    if (v.is_string()) text(s, v, at, out);
    if (v.is_array()) array(s, v, at, out);
    if (v.is_object()) object(s, v, at, out);
    composition(s, v, at, out);
  }

  void numeric(const Schema& s, const Node& v, const std::string& at, std::vector<ValidationError>& out) {
    double x = v.as_number();
    if (s.maximum.present && (s.maximum.exclusive ? x >= s.maximum.value : x > s.maximum.value))
      fail(out, at, pointer_append(s.pointer, s.maximum.keyword),
           "must be " + std::string(s.maximum.exclusive ? "less than " : "at most ") + std::string(s.maximum.text));
    if (s.minimum.present && (s.minimum.exclusive ? x <= s.minimum.value : x < s.minimum.value))
      fail(out, at, pointer_append(s.pointer, s.minimum.keyword),
           "must be " + std::string(s.minimum.exclusive ? "greater than " : "at least ") + std::string(s.minimum.text));
    if (s.multiple_of && s.multiple_of.value->is_number()) {
      double m = s.multiple_of.value->as_number();
      double q = m != 0 ? x / m : 0;
      if (m != 0 && std::fabs(q - std::round(q)) > 1e-9 * std::max(1.0, std::fabs(q)))
        fail(out, at, keyword_pointer(s, s.multiple_of, "multipleOf"), "must be a multiple of " + std::string(s.multiple_of.value->text()));
    }
    if (options_.check_formats && s.format && !number_matches_format(s.format.value->text(), v))
      fail(out, at, keyword_pointer(s, s.format, "format"), "not a valid " + std::string(s.format.value->text()));
  }

  void text(const Schema& s, const Node& v, const std::string& at, std::vector<ValidationError>& out) {
    size_t length = (s.min_length || s.max_length) ? utf8_length(v.text()) : 0;
    if (s.max_length && length > s.max_length.value->as_number())
      fail(out, at, keyword_pointer(s, s.max_length, "maxLength"),
           "longer than " + std::string(s.max_length.value->text()) + " characters");
    if (s.min_length && length < s.min_length.value->as_number())
      fail(out, at, keyword_pointer(s, s.min_length, "minLength"),
           "shorter than " + std::string(s.min_length.value->text()) + " characters");
    if (s.pattern && s.pattern.value->is_string() && !search(s.pattern.value->text(), s.pattern.value, v.text()))
      fail(out, at, keyword_pointer(s, s.pattern, "pattern"),
           "does not match pattern '" + std::string(s.pattern.value->text()) + "'");
    if (options_.check_formats && s.format && !string_matches_format(s.format.value->text(), v.text()))
      fail(out, at, keyword_pointer(s, s.format, "format"), "not a valid " + std::string(s.format.value->text()));
  }

  void array(const Schema& s, const Node& v, const std::string& at, std::vector<ValidationError>& out) {
    for (size_t i = 0; i < v.size(); ++i) {
      const SchemaHandle& h = i < s.prefix_items.size() ? s.prefix_items[i] : s.items;
      if (!h) continue;
      if (const Schema* item = load(h)) validate(item, v.at(i), pointer_append(at, i), out);
    }
    if (s.max_items && v.size() > s.max_items.value->as_number())
      fail(out, at, keyword_pointer(s, s.max_items, "maxItems"),
           "more than " + std::string(s.max_items.value->text()) + " items");
    if (s.min_items && v.size() < s.min_items.value->as_number())
      fail(out, at, keyword_pointer(s, s.min_items, "minItems"),
           "fewer than " + std::string(s.min_items.value->text()) + " items");
    if (s.unique_items)
      for (size_t i = 0; i < v.size(); ++i)
        for (size_t j = i + 1; j < v.size(); ++j)
          if (v.at(i)->equals(*v.at(j)))
            return fail(out, at, keyword_pointer(s, s.unique_items_keyword, "uniqueItems"),
                        "items " + std::to_string(i) + " and " + std::to_string(j) + " are equal");
  }

  // A property the direction does not carry is not required of it.
  bool exempt(const Schema* p) const {
    using D = ValidateOptions::Direction;
    return (options_.direction == D::request && p->read_only) || (options_.direction == D::response && p->write_only);
  }

  void object(const Schema& s, const Node& v, const std::string& at, std::vector<ValidationError>& out) {
    for (std::string_view name : s.required) {
      if (v.get(name)) continue;
      if (const NamedHandle* p = s.property(name)) {
        const Schema* ps = load(p->schema);
        if (!ps || exempt(ps)) continue;
      }
      fail(out, at, keyword_pointer(s, s.required_keyword, "required"),
           "missing required property '" + std::string(name) + "'");
    }
    for (const Member& m : v.children()) {
      std::string child = pointer_append(at, m.key);
      bool matched = false;
      if (const NamedHandle* p = s.property(m.key)) {
        matched = true;
        if (const Schema* ps = load(p->schema)) validate(ps, m.value, child, out);
      }
      for (const NamedHandle& pp : s.pattern_properties) {
        if (!search(pp.name, pp.schema.node, m.key)) continue;
        matched = true;
        if (const Schema* ps = load(pp.schema)) validate(ps, m.value, child, out);
      }
      if (matched) continue;
      if (s.additional == Schema::Additional::forbidden)
        fail(out, child, keyword_pointer(s, s.additional_keyword, "additionalProperties"),
             "property '" + std::string(m.key) + "' is not allowed");
      else if (s.additional == Schema::Additional::schema)
        if (const Schema* as = load(s.additional_schema)) validate(as, m.value, child, out);
    }
    if (s.max_properties && v.size() > s.max_properties.value->as_number())
      fail(out, at, keyword_pointer(s, s.max_properties, "maxProperties"),
           "more than " + std::string(s.max_properties.value->text()) + " properties");
    if (s.min_properties && v.size() < s.min_properties.value->as_number())
      fail(out, at, keyword_pointer(s, s.min_properties, "minProperties"),
           "fewer than " + std::string(s.min_properties.value->text()) + " properties");
  }

  // With a discriminator, the branch named by the instance's value decides.
  const SchemaHandle* discriminated(const Schema& s, const Node& v) {
    if (!s.branch_tag || !v.is_object()) return nullptr;
    const Node* tag = v.get(s.branch_tag->property_name);
    if (!tag || !tag->is_string()) return nullptr;
    std::string_view target;
    for (const auto& [value, ref] : s.branch_tag->mapping)
      if (value == tag->text()) target = ref;
    const std::vector<SchemaHandle>& branches = !s.one_of.empty() ? s.one_of : s.any_of;
    for (const SchemaHandle& b : branches) {
      if (!b.via_ref) continue;
      const Node* ref_node = reference_of(b.node);
      if (!ref_node) continue;
      std::string_view ref = ref_node->text();
      if (!target.empty() ? ref == target || ref.ends_with("/" + std::string(target))
                          : ref.ends_with("/" + std::string(tag->text())))
        return &b;
    }
    return nullptr;
  }

  void composition(const Schema& s, const Node& v, const std::string& at, std::vector<ValidationError>& out) {
    for (const SchemaHandle& h : s.all_of)
      if (const Schema* b = load(h)) validate(b, &v, at, out);
    if (const SchemaHandle* chosen = discriminated(s, v)) {
      if (const Schema* b = load(*chosen)) validate(b, &v, at, out);
      return;
    }
    if (!s.any_of.empty()) {
      bool any = false;
      for (const SchemaHandle& h : s.any_of) any = any || valid_against(h, &v, at);
      if (!any) fail(out, at, keyword_pointer(s, s.any_of_keyword, "anyOf"), "matches none of the anyOf schemas");
    }
    if (!s.one_of.empty()) {
      std::vector<size_t> matches;
      for (size_t i = 0; i < s.one_of.size(); ++i)
        if (valid_against(s.one_of[i], &v, at)) matches.push_back(i);
      if (matches.empty())
        fail(out, at, keyword_pointer(s, s.one_of_keyword, "oneOf"), "matches none of the oneOf schemas");
      else if (matches.size() > 1)
        fail(out, at, keyword_pointer(s, s.one_of_keyword, "oneOf"),
             "matches more than one oneOf schema (" + std::to_string(matches[0]) + " and " +
                 std::to_string(matches[1]) + ")");
    }
    if (s.rare().not_schema && valid_against(s.rare().not_schema, &v, at))
      fail(out, at, pointer_append(s.pointer, "not"), "matches a schema it must not match");
  }

  SchemaGraph& graph_;
  const ValidateOptions& options_;
  std::vector<std::pair<const Schema*, const Node*>> active_;
  std::unordered_map<std::string, std::regex> regexes_;
};

}  // namespace

Expected<std::vector<ValidationError>> validate_instance(SchemaGraph& graph, const Node* schema,
                                                         const std::string& schema_pointer, const Node* instance,
                                                         const ValidateOptions& options) {
  if (!instance) return make_error("no instance to validate");
  auto root = graph.get(schema, schema_pointer);
  if (!root) return root.error();
  Validator validator(graph, options);
  std::vector<ValidationError> out;
  validator.validate(*root, instance, "", out);
  if (validator.failure) return *validator.failure;
  return out;
}

}  // namespace accord::core
