#include "json_schema_check.h"

#include <regex>

#include "core/json_pointer.h"

namespace accord::test {

namespace {

using core::Node;

class Checker {
 public:
  explicit Checker(const Node& root) : root_(root) {}

  // Appends violations of `schema` by `value` (at `where`) to `errors`.
  void check(const Node& schema, const Node& value, const std::string& where, std::vector<std::string>& errors,
             int depth = 0) {
    if (depth > 200) {
      errors.push_back(where + ": schema nesting too deep");
      return;
    }
    if (!schema.is_object()) return;
    if (const Node* ref = schema.get("$ref"); ref && ref->is_string()) {
      const Node* target = core::pointer_resolve(&root_, ref->text());
      if (!target) errors.push_back(where + ": unresolvable $ref " + std::string(ref->text()));
      else check(*target, value, where, errors, depth + 1);
      return;  // draft-04: siblings of $ref are ignored
    }
    if (const Node* type = schema.get("type")) check_type(*type, value, where, errors);
    if (const Node* e = schema.get("enum"); e && e->is_array()) {
      bool found = false;
      for (const auto& m : e->children()) found = found || m.value->equals(value);
      if (!found) errors.push_back(where + ": value not in enum");
    }
    if (value.is_object()) check_object(schema, value, where, errors, depth);
    if (value.is_array()) check_array(schema, value, where, errors, depth);
    if (value.is_number()) {
      if (const Node* min = schema.get("minimum"); min && value.as_number() < min->as_number())
        errors.push_back(where + ": below minimum " + std::string(min->text()));
      if (const Node* max = schema.get("maximum"); max && value.as_number() > max->as_number())
        errors.push_back(where + ": above maximum " + std::string(max->text()));
    }
    if (value.is_string()) {
      if (const Node* pattern = schema.get("pattern"); pattern && pattern->is_string()) {
        std::regex re{std::string(pattern->text()), std::regex::ECMAScript};
        if (!std::regex_search(std::string(value.text()), re))
          errors.push_back(where + ": does not match pattern " + std::string(pattern->text()));
      }
    }
    if (const Node* any = schema.get("anyOf"); any && any->is_array()) {
      if (count_matching(*any, value, where, depth) == 0) errors.push_back(where + ": matches no anyOf branch");
    }
    if (const Node* one = schema.get("oneOf"); one && one->is_array()) {
      if (count_matching(*one, value, where, depth) != 1)
        errors.push_back(where + ": does not match exactly one oneOf branch");
    }
    if (const Node* all = schema.get("allOf"); all && all->is_array())
      for (const auto& m : all->children()) check(*m.value, value, where, errors, depth + 1);
  }

 private:
  size_t count_matching(const Node& branches, const Node& value, const std::string& where, int depth) {
    size_t n = 0;
    for (const auto& m : branches.children()) {
      std::vector<std::string> sub;
      check(*m.value, value, where, sub, depth + 1);
      if (sub.empty()) ++n;
    }
    return n;
  }

  static bool has_type(std::string_view type, const Node& v) {
    if (type == "object") return v.is_object();
    if (type == "array") return v.is_array();
    if (type == "string") return v.is_string();
    if (type == "boolean") return v.is_bool();
    if (type == "null") return v.is_null();
    if (type == "number") return v.is_number();
    if (type == "integer") return v.is_number() && v.text().find_first_of(".eE") == std::string_view::npos;
    return true;
  }

  void check_type(const Node& type, const Node& value, const std::string& where, std::vector<std::string>& errors) {
    bool ok = false;
    if (type.is_string()) ok = has_type(type.text(), value);
    else if (type.is_array())
      for (const auto& m : type.children()) ok = ok || has_type(m.value->text(), value);
    else ok = true;
    if (!ok) errors.push_back(where + ": wrong type");
  }

  void check_object(const Node& schema, const Node& value, const std::string& where, std::vector<std::string>& errors,
                    int depth) {
    if (const Node* req = schema.get("required"); req && req->is_array())
      for (const auto& m : req->children())
        if (!value.get(m.value->text())) errors.push_back(where + ": missing required '" + std::string(m.value->text()) + "'");
    const Node* props = schema.get("properties");
    const Node* additional = schema.get("additionalProperties");
    for (const auto& member : value.children()) {
      std::string child = core::pointer_append(where, member.key);
      const Node* sub = props ? props->get(member.key) : nullptr;
      if (sub) check(*sub, *member.value, child, errors, depth + 1);
      else if (additional && additional->is_bool() && !additional->as_bool())
        errors.push_back(child + ": property not allowed");
      else if (additional && additional->is_object()) check(*additional, *member.value, child, errors, depth + 1);
    }
  }

  void check_array(const Node& schema, const Node& value, const std::string& where, std::vector<std::string>& errors,
                   int depth) {
    if (const Node* min = schema.get("minItems"); min && value.size() < min->as_number())
      errors.push_back(where + ": fewer than " + std::string(min->text()) + " items");
    if (schema.get_bool("uniqueItems"))
      for (size_t i = 0; i < value.size(); ++i)
        for (size_t j = i + 1; j < value.size(); ++j)
          if (value.at(i)->equals(*value.at(j))) errors.push_back(where + ": duplicate items");
    if (const Node* items = schema.get("items"); items && items->is_object())
      for (size_t i = 0; i < value.size(); ++i)
        check(*items, *value.at(i), core::pointer_append(where, i), errors, depth + 1);
  }

  const Node& root_;
};

}  // namespace

std::vector<std::string> check_against_schema(const core::Node& schema_root, const core::Node& instance) {
  std::vector<std::string> errors;
  Checker(schema_root).check(schema_root, instance, "", errors);
  return errors;
}

}  // namespace accord::test
