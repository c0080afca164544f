// Keyword-level comparison of one schema pair: everything that does not
// recurse into subschemas. Severity is not decided here: each change is
// named, and the rule table's row for the direction decides.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string_view>
#include <unordered_set>

#include "diff/schema/internal.h"

namespace accord::diff::schema_detail {

namespace {

using core::Keyword;
using core::Node;
using core::Schema;

struct Reporter {
  const Schema& old_s;
  const Schema& new_s;
  Direction direction;
  const std::string& path;
  const SchemaProfile& profile;
  FrameOut& out;

  void operator()(std::string_view change, std::vector<Arg> args = {}) const {
    if (!has_rule(change, direction)) return;
    out.findings.push_back(RawFinding{change, path, std::move(args), place_of_schema(&old_s), place_of_schema(&new_s)});
  }
};

bool is_iso_date(std::string_view s) {
  if (s.size() < 10) return false;
  for (size_t i = 0; i < 10; ++i) {
    bool digit = s[i] >= '0' && s[i] <= '9';
    if ((i == 4 || i == 7) ? s[i] != '-' : !digit) return false;
  }
  return true;
}

// Deprecating announces a removal: its sunset date (the profile's key)
// should be there and readable. Only what this change does is judged.
// A profile without a sunset key (plain JSON Schema) still says a schema
// became deprecated: `deprecated` is JSON Schema's own (2019-09 meta-data).
void compare_deprecation(const Reporter& report, std::string_view earliest_sunset) {
  if (!report.new_s.deprecated) return;
  if (report.profile.sunset_key.empty()) {
    if (!report.old_s.deprecated) report("became-deprecated");
    return;
  }
  auto sunset_of = [&](const Schema& s) -> std::string_view {
    const Node* n = s.node && s.node->is_object() ? s.node->get(report.profile.sunset_key) : nullptr;
    return n && n->is_scalar() ? n->text() : std::string_view();
  };
  std::string_view was = sunset_of(report.old_s), is = sunset_of(report.new_s);
  if (!report.old_s.deprecated) {
    report("became-deprecated");
    if (is.empty()) report("deprecated-without-sunset");
  }
  if (is.empty() || is == was) return;
  if (!is_iso_date(is))
    report("sunset-invalid", {{"sunset", std::string(is)}});
  else if (!earliest_sunset.empty() && is.substr(0, 10) < earliest_sunset)
    report("sunset-too-soon", {{"sunset", std::string(is)}});
}

// A stability level (the profile's key) on a schema or property: promising
// less than before (stable -> beta) takes a guarantee away. Absent counts as
// stable; a value outside the scale is not compared.
void compare_stability(const Reporter& report) {
  if (report.profile.stability_key.empty()) return;
  auto level_of = [&](const Schema& s) -> std::string_view {
    const Node* n = s.node && s.node->is_object() ? s.node->get(report.profile.stability_key) : nullptr;
    return n && n->is_scalar() ? n->text() : std::string_view("stable");
  };
  auto rank = [](std::string_view level) {
    constexpr std::string_view kLevels[] = {"draft", "alpha", "beta", "stable"};
    for (int i = 0; i < 4; ++i)
      if (level == kLevels[i]) return i;
    return -1;
  };
  std::string_view was = level_of(report.old_s), is = level_of(report.new_s);
  int old_rank = rank(was), new_rank = rank(is);
  if (old_rank >= 0 && new_rank >= 0 && new_rank < old_rank)
    report("stability-decreased", {{"old", std::string(was)}, {"new", std::string(is)}});
}

// A value as a message shows it: strings quoted, numbers and literals as
// written, containers abbreviated.
std::string show(const Node* n) {
  if (!n) return "none";
  if (n->is_string()) {
    std::string quoted = "'";
    quoted.append(n->text());
    quoted += '\'';
    return quoted;
  }
  if (n->is_array()) return "[...]";
  if (n->is_object()) return "{...}";
  return std::string(n->text());
}

std::string text_of(const Keyword& k) { return k ? std::string(k.value->text()) : std::string(); }

// Types without the null bit (nullability is compared on its own); a
// schema that only accepts null keeps it.
uint8_t core_types(uint8_t t) {
  uint8_t without = t & ~core::type_null;
  return without ? without : t;
}

void compare_types(const Reporter& report) {
  uint8_t o = core_types(report.old_s.types), n = core_types(report.new_s.types);
  if (o != n) {
    std::vector<Arg> args{{"old", core::type_names(o)}, {"new", core::type_names(n)}};
    if (core::type_subset(o, n)) report("type-widened", std::move(args));
    else if (core::type_subset(n, o)) report("type-narrowed", std::move(args));
    else report("type-changed", std::move(args));
  }
  // Nullability only means something when a type restricts the value.
  auto restricted = [](const Schema& s) { return s.types != 0 || s.enum_values || s.const_value; };
  if (restricted(report.old_s) && restricted(report.new_s) && report.old_s.null_allowed != report.new_s.null_allowed)
    report(report.new_s.null_allowed ? "became-nullable" : "became-not-nullable");
}

void compare_format(const Reporter& report) {
  std::string o = text_of(report.old_s.format), n = text_of(report.new_s.format);
  if (o == n) return;
  if (o.empty()) return report("format-added", {{"new", n}});
  if (n.empty()) return report("format-removed", {{"old", o}});
  std::vector<Arg> args{{"old", o}, {"new", n}};
  if (report.profile.same_format_family(o, n))
    return report(report.profile.format_rank(n) > report.profile.format_rank(o) ? "format-widened" : "format-narrowed",
                  std::move(args));
  report("format-changed", std::move(args));
}

bool contains(const Node* list, const Node* value) {
  for (const core::Member& m : list->children())
    if (m.value->equals(*value)) return true;
  return false;
}

void compare_values(const Reporter& report) {
  const Schema& o = report.old_s;
  const Schema& n = report.new_s;
  bool consts_only = !o.enum_values && !n.enum_values;
  if (consts_only) {
    if (o.const_value && n.const_value) {
      if (!o.const_value->equals(*n.const_value))
        report("const-changed", {{"old", show(o.const_value)}, {"new", show(n.const_value)}});
    } else if (n.const_value) {
      report("const-added", {{"new", show(n.const_value)}});
    } else if (o.const_value) {
      report("const-removed", {{"old", show(o.const_value)}});
    }
    return;
  }
  // At least one side is an enum; a const on the other side is an enum of one.
  auto values = [](const Schema& s) { return s.enum_values ? s.enum_values : nullptr; };
  const Node* ov = values(o);
  const Node* nv = values(n);
  if (!ov && !o.const_value) return report("became-enum");
  if (!nv && !n.const_value) return report("enum-removed");
  if (ov && nv && ov->equals(*nv)) return;
  // null in an enum is nullability, compared on its own (compare_types).
  auto each = [](const Node* list, const Node* single, auto&& fn) {
    if (list) {
      for (const core::Member& m : list->children())
        if (!m.value->is_null()) fn(m.value);
    } else {
      fn(single);
    }
  };
  // Big string enums (ruff's ~900 rule codes) were an n*m scan; a string
  // equals only a string of the same text, so a set of each list's strings
  // answers those exactly, other values still go through contains().
  auto strings_of = [](const Node* list) {
    std::unordered_set<std::string_view> set;
    if (list && list->size() > 16)
      for (const core::Member& m : list->children())
        if (m.value->is_string()) set.insert(m.value->text());
    return set;
  };
  const std::unordered_set<std::string_view> old_strings = strings_of(ov), new_strings = strings_of(nv);
  auto in = [&](const Node* list, const Node* single, const Node* v) {
    if (!list) return single->equals(*v);
    if (v->is_string() && list->size() > 16) return (list == ov ? old_strings : new_strings).count(v->text()) > 0;
    return contains(list, v);
  };
  each(nv, n.const_value, [&](const Node* v) {
    if (!in(ov, o.const_value, v)) report("enum-value-added", {{"value", show(v)}});
  });
  each(ov, o.const_value, [&](const Node* v) {
    if (!in(nv, n.const_value, v)) report("enum-value-removed", {{"value", show(v)}});
  });
}

std::string show_bound(const core::Bound& b) {
  std::string s(b.text);
  return b.exclusive ? s + " (exclusive)" : s;
}

// The four changes of one limit; names are static (findings keep views).
struct LimitNames {
  std::string_view tightened, loosened, set, unset;
};
constexpr LimitNames kMax{"max-decreased", "max-increased", "max-set", "max-unset"};
constexpr LimitNames kMin{"min-increased", "min-decreased", "min-set", "min-unset"};
constexpr LimitNames kMaxLength{"max-length-decreased", "max-length-increased", "max-length-set", "max-length-unset"};
constexpr LimitNames kMinLength{"min-length-increased", "min-length-decreased", "min-length-set", "min-length-unset"};
constexpr LimitNames kMaxItems{"max-items-decreased", "max-items-increased", "max-items-set", "max-items-unset"};
constexpr LimitNames kMinItems{"min-items-increased", "min-items-decreased", "min-items-set", "min-items-unset"};
constexpr LimitNames kMaxProperties{"max-properties-decreased", "max-properties-increased", "max-properties-set",
                                    "max-properties-unset"};
constexpr LimitNames kMaxContains{"max-contains-decreased", "max-contains-increased", "max-contains-set",
                                  "max-contains-unset"};
constexpr LimitNames kMinProperties{"min-properties-increased", "min-properties-decreased", "min-properties-set",
                                    "min-properties-unset"};

struct Limit {
  bool present = false;
  double value = 0;
  bool exclusive = false;
  std::string text;
};

Limit limit_of(const core::Bound& b) { return {b.present, b.value, b.exclusive, show_bound(b)}; }
Limit limit_of(const Keyword& k) {
  if (!k || !k.value->is_number()) return {};
  return {true, k.value->as_number(), false, std::string(k.value->text())};
}

// `is_max`: a lower value is tighter. An exclusive limit at the same value
// is tighter than an inclusive one.
void compare_limit(const Reporter& report, const LimitNames& names, bool is_max, const Limit& o, const Limit& n) {
  if (!o.present && !n.present) return;
  if (!o.present) return report(names.set, {{"new", n.text}});
  if (!n.present) return report(names.unset, {{"old", o.text}});
  if (o.value == n.value && o.exclusive == n.exclusive) return;
  bool tighter = o.value == n.value ? n.exclusive : (is_max ? n.value < o.value : n.value > o.value);
  report(tighter ? names.tightened : names.loosened, {{"old", o.text}, {"new", n.text}});
}

// minContains defaults to 1 and only counts while `contains` is there;
// maxContains has no default (unlimited).
void compare_contains_counts(const Reporter& report) {
  const Schema& o = report.old_s;
  const Schema& n = report.new_s;
  if (!o.contains || !n.contains) return;  // contains added / removed is reported on its own
  Limit om = limit_of(o.min_contains), nm = limit_of(n.min_contains);
  if (!om.present) om = {true, 1, false, "1 (default)"};
  if (!nm.present) nm = {true, 1, false, "1 (default)"};
  if (om.value != nm.value)
    report(nm.value > om.value ? "min-contains-increased" : "min-contains-decreased", {{"old", om.text}, {"new", nm.text}});
  compare_limit(report, kMaxContains, true, limit_of(o.max_contains), limit_of(n.max_contains));
}

void compare_limits(const Reporter& report) {
  const Schema& o = report.old_s;
  const Schema& n = report.new_s;
  compare_limit(report, kMax, true, limit_of(o.maximum), limit_of(n.maximum));
  compare_limit(report, kMin, false, limit_of(o.minimum), limit_of(n.minimum));
  compare_limit(report, kMaxLength, true, limit_of(o.max_length), limit_of(n.max_length));
  compare_limit(report, kMinLength, false, limit_of(o.min_length), limit_of(n.min_length));
  compare_limit(report, kMaxItems, true, limit_of(o.max_items), limit_of(n.max_items));
  compare_limit(report, kMinItems, false, limit_of(o.min_items), limit_of(n.min_items));
  compare_limit(report, kMaxProperties, true, limit_of(o.max_properties), limit_of(n.max_properties));
  compare_limit(report, kMinProperties, false, limit_of(o.min_properties), limit_of(n.min_properties));
  compare_contains_counts(report);
}

// Present-on-one-side / changed keywords whose value is compared as a whole.
void compare_scalar_keyword(const Reporter& report, const Keyword& o, const Keyword& n, std::string_view added,
                            std::string_view removed, std::string_view changed, bool quote) {
  auto shown = [&](const Keyword& k) { return quote ? show(k.value) : std::string(k.value->text()); };
  if (!o && !n) return;
  if (!o) return report(added, {{"new", shown(n)}});
  if (!n) return report(removed, {{"old", shown(o)}});
  if (o.value->equals(*n.value)) return;
  report(changed, {{"old", shown(o)}, {"new", shown(n)}});
}

// multipleOf: the new factor accepts a subset of the old multiples when it
// is itself a multiple of the old one (2 -> 4 narrows), a superset when it
// divides the old one (4 -> 2 widens); otherwise neither.
bool divides(double factor, double value) {
  if (factor <= 0 || value <= 0) return false;
  double ratio = value / factor;
  // Past 2^53 every double is whole, so "is a whole multiple" cannot be told:
  // not divisible, and the change is reported as multiple-of-changed. (Casting
  // such a ratio to long long was undefined behaviour: found by fuzzing.)
  if (!(ratio <= 9007199254740992.0)) return false;
  double nearest = std::floor(ratio + 0.5);
  return nearest >= 1 && std::fabs(ratio - nearest) <= 1e-9 * std::max(1.0, ratio);
}

void compare_multiple_of(const Reporter& report) {
  const Keyword& o = report.old_s.multiple_of;
  const Keyword& n = report.new_s.multiple_of;
  if (!o || !n || !o.value->is_number() || !n.value->is_number())
    return compare_scalar_keyword(report, o, n, "multiple-of-added", "multiple-of-removed", "multiple-of-changed",
                                  false);
  double was = o.value->as_number(), is = n.value->as_number();
  if (was == is) return;
  std::vector<Arg> args{{"old", std::string(o.value->text())}, {"new", std::string(n.value->text())}};
  if (divides(is, was)) return report("multiple-of-widened", std::move(args));
  if (divides(was, is)) return report("multiple-of-narrowed", std::move(args));
  report("multiple-of-changed", std::move(args));
}

std::string name_list(const std::vector<std::string_view>& names) {
  std::string out;
  for (std::string_view name : names) {
    if (!out.empty()) out += ", ";
    out += '\'';
    out.append(name);
    out += '\'';
  }
  return out;
}

// dependentRequired / array `dependencies`: each trigger's names that became
// (or stopped being) required alongside it.
void compare_dependent_required(const Reporter& report) {
  using Dependency = Schema::Dependency;
  auto find = [](const std::vector<Dependency>& list, std::string_view name) -> const Dependency* {
    for (const Dependency& d : list)
      if (d.name == name) return &d;
    return nullptr;
  };
  auto missing = [](const Dependency* from, const Dependency* in) {
    std::vector<std::string_view> out;
    for (std::string_view name : from->required)
      if (!in || std::find(in->required.begin(), in->required.end(), name) == in->required.end()) out.push_back(name);
    return out;
  };
  for (const Dependency& d : report.new_s.dependent_required)
    if (auto added = missing(&d, find(report.old_s.dependent_required, d.name)); !added.empty())
      report("dependent-required-added", {{"trigger", std::string(d.name)}, {"names", name_list(added)}});
  for (const Dependency& d : report.old_s.dependent_required)
    if (auto removed = missing(&d, find(report.new_s.dependent_required, d.name)); !removed.empty())
      report("dependent-required-removed", {{"trigger", std::string(d.name)}, {"names", name_list(removed)}});
}

void compare_discriminator(const Reporter& report) {
  if (!report.profile.discriminator) return;
  const auto& o = report.old_s.branch_tag;
  const auto& n = report.new_s.branch_tag;
  if (!o && !n) return;
  if (!o) return report("discriminator-added", {{"new", std::string(n->property_name)}});
  if (!n) return report("discriminator-removed", {{"old", std::string(o->property_name)}});
  if (o->property_name != n->property_name)
    report("discriminator-property-name-changed",
           {{"old", std::string(o->property_name)}, {"new", std::string(n->property_name)}});
  auto find = [](const auto& mapping, std::string_view value) -> const std::string_view* {
    for (const auto& [k, target] : mapping)
      if (k == value) return &target;
    return nullptr;
  };
  for (const auto& [value, target] : n->mapping) {
    const std::string_view* before = find(o->mapping, value);
    if (!before) report("discriminator-mapping-added", {{"value", std::string(value)}, {"new", std::string(target)}});
    else if (*before != target)
      report("discriminator-mapping-changed",
             {{"value", std::string(value)}, {"old", std::string(*before)}, {"new", std::string(target)}});
  }
  for (const auto& [value, target] : o->mapping)
    if (!find(n->mapping, value))
      report("discriminator-mapping-removed", {{"value", std::string(value)}, {"old", std::string(target)}});
}

}  // namespace

void compare_keywords(const Schema& old_s, const Schema& new_s, Direction direction, const std::string& path,
                      const SchemaProfile& profile, std::string_view earliest_sunset, FrameOut& out) {
  Reporter report{old_s, new_s, direction, path, profile, out};
  compare_types(report);
  compare_format(report);
  compare_values(report);
  compare_limits(report);
  compare_multiple_of(report);
  compare_dependent_required(report);
  compare_scalar_keyword(report, old_s.content_encoding, new_s.content_encoding, "content-encoding-added",
                         "content-encoding-removed", "content-encoding-changed", false);
  compare_scalar_keyword(report, old_s.content_media_type, new_s.content_media_type, "content-media-type-added",
                         "content-media-type-removed", "content-media-type-changed", false);
  compare_scalar_keyword(report, old_s.pattern, new_s.pattern, "pattern-added", "pattern-removed", "pattern-changed",
                         false);
  compare_scalar_keyword(report, old_s.default_value, new_s.default_value, "default-added", "default-removed",
                         "default-changed", true);
  if (old_s.unique_items != new_s.unique_items)
    report(new_s.unique_items ? "unique-items-enabled" : "unique-items-disabled");
  compare_deprecation(report, earliest_sunset);
  compare_stability(report);
  compare_discriminator(report);
}

}  // namespace accord::diff::schema_detail
