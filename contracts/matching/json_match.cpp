// JSON body matching: objects by key, arrays by index, scalars by rule or
// equality, with the rule lookup, cascading and collection rules (values,
// eachKey, eachValue, arrayContains, min/max) of the Pact specification.
#include <memory>

#include "contracts/matching/body_match.h"
#include "contracts/matching/value_match.h"

namespace accord::contracts::matching {

using core::Node;

void BodyContext::add(const std::vector<std::string>& location, std::string expected, std::string actual,
                      std::string message) const {
  std::string where = render_location(location);
  where = "$." + label + where.substr(1);
  out->push_back({std::move(where), std::move(expected), std::move(actual), std::move(message)});
}

namespace {

using Location = std::vector<std::string>;

const char* kind_word(const Node* n) {
  switch (n->kind()) {
    case Node::Kind::null: return "null";
    case Node::Kind::boolean: return "boolean";
    case Node::Kind::number: return "number";
    case Node::Kind::string: return "string";
    case Node::Kind::array: return "array";
    case Node::Kind::object: return "object";
  }
  return "";
}

void compare(Location& loc, const Node* e, const Node* a, const BodyContext& ctx);

// Rules applied to a collection itself (sizes, notEmpty, equality); the
// walkers below handle how the children are paired.
void apply_collection_rules(const Location& loc, const RuleList& rules, const Node* e, const Node* a,
                            const BodyContext& ctx) {
  RuleList own;
  own.combine_or = rules.combine_or;
  own.cascaded = rules.cascaded;
  for (const MatchingRule& r : rules.rules)
    if (!r.is_values_like() && r.kind != RuleKind::each_key && r.kind != RuleKind::content_type &&
        !(r.kind == RuleKind::equality && rules.cascaded) && r.kind != RuleKind::regex)
      own.rules.push_back(r);
  if (own.empty()) return;
  for (const std::string& why : apply_rules(own, Value::of(e), Value::of(a)))
    ctx.add(loc, display_node(e), display_node(a), why);
}

BodyContext with_rules(const BodyContext& ctx, const RuleCategory* rules) {
  BodyContext c = ctx;
  c.rules = rules;
  return c;
}

std::shared_ptr<RuleCategory> each_value_rules(const Location& loc, const MatchingRule& rule) {
  auto cat = std::make_shared<RuleCategory>();
  std::string expr = render_location(loc);
  auto path = PathExpr::parse(expr + ".*");
  RuleList list;
  list.rules = rule.sub_rules;
  if (path && !list.empty()) cat->add(std::move(*path), std::move(list));
  return cat;
}

void compare_objects(Location& loc, const Node* e, const Node* a, const BodyContext& ctx) {
  RuleList rules;
  if (ctx.rules && ctx.rules->defined_for(loc)) rules = ctx.rules->best_for(loc);
  if (e->size() == 0 && !ctx.allow_unexpected_keys && a->size() > 0 && rules.empty()) {
    ctx.add(loc, "{}", display_node(a), "expected an empty object but got " + std::to_string(a->size()) + " key(s)");
    return;
  }
  apply_collection_rules(loc, rules, e, a, ctx);
  const MatchingRule* values_rule = nullptr;
  for (const MatchingRule& r : rules.rules) {
    if (rules.cascaded) break;
    if (r.kind == RuleKind::each_key) {
      for (const auto& m : a->children()) {
        Value key = Value::of_text(m.key);
        key.text_mode = false;
        RuleList sub;
        sub.rules = r.sub_rules;
        loc.push_back(std::string(m.key));
        for (const std::string& why : apply_rules(sub, key, key))
          ctx.add(loc, "key matching rules", std::string(m.key), "key '" + std::string(m.key) + "': " + why);
        loc.pop_back();
      }
    } else if (r.kind == RuleKind::values || r.kind == RuleKind::each_value) {
      values_rule = &r;
    }
  }
  if (values_rule) {
    std::shared_ptr<RuleCategory> sub;
    BodyContext inner = ctx;
    if (values_rule->kind == RuleKind::each_value) {
      sub = each_value_rules(loc, *values_rule);
      inner = with_rules(ctx, sub.get());
    }
    const Node* first = e->size() ? e->children().front().value : nullptr;
    for (const auto& m : a->children()) {
      const Node* ev = e->get(m.key);
      if (!ev) ev = first;
      if (!ev) continue;
      loc.push_back(std::string(m.key));
      compare(loc, ev, m.value, inner);
      loc.pop_back();
    }
    return;
  }
  for (const auto& m : e->children()) {
    loc.push_back(std::string(m.key));
    if (const Node* av = a->get(m.key)) {
      compare(loc, m.value, av, ctx);
    } else {
      ctx.add(loc, display_node(m.value), "(missing)", "expected key '" + std::string(m.key) + "' but it was missing");
    }
    loc.pop_back();
  }
  if (!ctx.allow_unexpected_keys) {
    for (const auto& m : a->children()) {
      if (e->get(m.key)) continue;
      loc.push_back(std::string(m.key));
      bool wildcard = ctx.rules && ctx.rules->defined_for(loc) && ctx.rules->best_for(loc).cascaded == false;
      if (!wildcard)
        ctx.add(loc, "(absent)", display_node(m.value), "unexpected key '" + std::string(m.key) + "'");
      loc.pop_back();
    }
  }
}

void compare_list_items(Location& loc, const Node* e, const Node* a, const BodyContext& ctx) {
  size_t n = std::max(e->size(), a->size());
  for (size_t i = 0; i < n; ++i) {
    loc.push_back(std::to_string(i));
    const Node* ev = i < e->size() ? e->at(i) : e->at(0);
    if (i < a->size()) {
      compare(loc, ev, a->at(i), ctx);
    } else if (!(ctx.rules && ctx.rules->defined_for(loc))) {
      ctx.add(loc, display_node(ev), "(missing)", "expected an item at index " + std::to_string(i) + " but the array has " +
                                                      std::to_string(a->size()));
    }
    loc.pop_back();
  }
}

void compare_arrays(Location& loc, const Node* e, const Node* a, const BodyContext& ctx) {
  if (ctx.rules && ctx.rules->defined_for(loc)) {
    RuleList rules = ctx.rules->best_for(loc);
    if (e->size() == 0) {
      apply_collection_rules(loc, rules, e, a, ctx);
      return;
    }
    for (const MatchingRule& r : rules.rules) {
      if (r.kind == RuleKind::array_contains) {
        for (const ArrayVariant& v : r.variants) {
          const Node* ev = e->at(v.index);
          if (!ev) {
            ctx.add(loc, display_node(e), display_node(a), "arrayContains variant " + std::to_string(v.index) + " is not in the expected array");
            continue;
          }
          bool found = false;
          for (size_t i = 0; i < a->size() && !found; ++i) {
            Mismatches scratch;
            BodyContext probe = ctx;
            probe.rules = v.rules.get();
            probe.out = &scratch;
            Location root{"$"};
            compare(root, ev, a->at(i), probe);
            found = scratch.empty();
          }
          if (!found)
            ctx.add(loc, display_node(ev), display_node(a),
                    "no item matches arrayContains variant " + std::to_string(v.index) + " " + display_node(ev));
        }
        return;
      }
      if (r.kind == RuleKind::each_value && !rules.cascaded) {
        auto sub = each_value_rules(loc, r);
        compare_list_items(loc, e, a, with_rules(ctx, sub.get()));
        return;
      }
    }
    apply_collection_rules(loc, rules, e, a, ctx);
    compare_list_items(loc, e, a, ctx);
    return;
  }
  if (e->size() == 0 && a->size() > 0) {
    ctx.add(loc, "[]", display_node(a), "expected an empty array but got " + std::to_string(a->size()) + " item(s)");
    return;
  }
  size_t n = std::min(e->size(), a->size());
  for (size_t i = 0; i < n; ++i) {
    loc.push_back(std::to_string(i));
    compare(loc, e->at(i), a->at(i), ctx);
    loc.pop_back();
  }
  if (e->size() != a->size())
    ctx.add(loc, std::to_string(e->size()) + " item(s)", std::to_string(a->size()) + " item(s)",
            "expected an array of " + std::to_string(e->size()) + " item(s) but got " + std::to_string(a->size()));
}

void compare(Location& loc, const Node* e, const Node* a, const BodyContext& ctx) {
  if (e->is_object() || e->is_array()) {
    if (a->kind() != e->kind()) {
      // A rule such as `null` or `type` may still accept it; otherwise the shapes differ.
      if (ctx.rules && ctx.rules->defined_for(loc)) {
        RuleList rules = ctx.rules->best_for(loc);
        bool has_scalar_rule = false;
        for (const auto& r : rules.rules)
          if (!r.is_type() && !r.is_values_like() && r.kind != RuleKind::each_key) has_scalar_rule = true;
        if (has_scalar_rule) {
          for (const std::string& why : apply_rules(rules, Value::of(e), Value::of(a)))
            ctx.add(loc, display_node(e), display_node(a), why);
          return;
        }
      }
      ctx.add(loc, display_node(e), display_node(a),
              std::string("expected ") + (e->is_object() ? "an object" : "an array") + " but got a " + kind_word(a) + " " +
                  display_node(a));
      return;
    }
    if (e->is_object()) compare_objects(loc, e, a, ctx);
    else compare_arrays(loc, e, a, ctx);
    return;
  }
  if (ctx.rules && ctx.rules->defined_for(loc)) {
    RuleList rules = ctx.rules->best_for(loc);
    for (const std::string& why : apply_rules(rules, Value::of(e), Value::of(a)))
      ctx.add(loc, display_node(e), display_node(a), why);
    return;
  }
  if (!values_equal(Value::of(e), Value::of(a))) {
    std::string why = e->kind() != a->kind()
                          ? std::string("expected a ") + kind_word(e) + " " + display_node(e) + " but got a " + kind_word(a) + " " + display_node(a)
                          : "expected " + display_node(e) + " but got " + display_node(a);
    ctx.add(loc, display_node(e), display_node(a), why);
  }
}

}  // namespace

void match_json(const Node* expected, const Node* actual, const BodyContext& ctx) {
  Location loc{"$"};
  compare(loc, expected, actual, ctx);
}

}  // namespace accord::contracts::matching
