// Keyword checks of values: enum and const, default, pattern and the
// content keywords (contentEncoding, contentMediaType), each compared as a
// whole value.
#include <unordered_set>

#include "diff/schema/checks.h"

namespace accord::diff::schema_detail {

using core::Keyword;
using core::Node;
using core::Schema;

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

namespace {

// The values one side accepts when enums are compared: its enum list, or
// its const as an enum of one.
class Values {
 public:
  Values(const Node* enum_list, const Node* const_value) : list_(enum_list), single_(const_value) {
    if (list_ && list_->size() > 16)
      for (const core::Member& m : list_->children())
        if (m.value->is_string()) strings_.insert(m.value->text());
  }

  bool has(const Node* v) const {
    if (!list_) return single_->equals(*v);
    if (v->is_string() && list_->size() > 16) return strings_.count(v->text()) > 0;
    for (const core::Member& m : list_->children())
      if (m.value->equals(*v)) return true;
    return false;
  }

 private:
  const Node* list_;
  const Node* single_;
  // Big string enums (ruff's ~900 rule codes) were an n*m scan; a string
  // equals only a string of the same text, so a set of the list's strings
  // answers those exactly, other values still go through the list.
  std::unordered_set<std::string_view> strings_;
};

// Each value of a side's enum list (or its const); null in an enum is
// nullability, compared on its own (check_nullability).
template <class Fn>
void each_value(const Schema& s, Fn&& fn) {
  if (!s.enum_values) return fn(s.const_value);
  for (const core::Member& m : s.enum_values->children())
    if (!m.value->is_null()) fn(m.value);
}

// Whether enum values are compared: at least one side is an enum, both
// accept a list of values (a const is an enum of one) and the lists differ.
bool enums_differ(const Schema& o, const Schema& n) {
  if (!o.enum_values && !n.enum_values) return false;  // consts only: check_const
  if (!o.enum_values && !o.const_value) return false;  // became an enum
  if (!n.enum_values && !n.const_value) return false;  // no longer an enum
  return !(o.enum_values && n.enum_values && o.enum_values->equals(*n.enum_values));
}

// Present-on-one-side / changed keywords whose value is compared as a whole.
void compare_whole(const Reporter& report, const Keyword& o, const Keyword& n, std::string_view added,
                   std::string_view removed, std::string_view changed, bool quote) {
  auto shown = [&](const Keyword& k) { return quote ? show(k.value) : std::string(k.value->text()); };
  if (!o && !n) return;
  if (!o) return report(added, {{"new", shown(n)}});
  if (!n) return report(removed, {{"old", shown(o)}});
  if (o.value->equals(*n.value)) return;
  report(changed, {{"old", shown(o)}, {"new", shown(n)}});
}

}  // namespace

void check_enum_value_added(const Reporter& report) {
  if (!enums_differ(report.old_s, report.new_s)) return;
  Values before(report.old_s.enum_values, report.old_s.const_value);
  each_value(report.new_s, [&](const Node* v) {
    if (!before.has(v)) report("enum-value-added", {{"value", show(v)}});
  });
}

void check_enum_value_removed(const Reporter& report) {
  if (!enums_differ(report.old_s, report.new_s)) return;
  Values after(report.new_s.enum_values, report.new_s.const_value);
  each_value(report.old_s, [&](const Node* v) {
    if (!after.has(v)) report("enum-value-removed", {{"value", show(v)}});
  });
}

// An enum on one side against no restriction (neither enum nor const) on the other.
void check_enum_presence(const Reporter& report) {
  const Schema& o = report.old_s;
  const Schema& n = report.new_s;
  if (!o.enum_values && !n.enum_values) return;
  if (!o.enum_values && !o.const_value) return report("became-enum");
  if (!n.enum_values && !n.const_value) report("enum-removed");
}

// A const against a const (or none); a const beside an enum is an enum of one.
void check_const(const Reporter& report) {
  const Schema& o = report.old_s;
  const Schema& n = report.new_s;
  if (o.enum_values || n.enum_values) return;
  if (o.const_value && n.const_value) {
    if (!o.const_value->equals(*n.const_value))
      report("const-changed", {{"old", show(o.const_value)}, {"new", show(n.const_value)}});
  } else if (n.const_value) {
    report("const-added", {{"new", show(n.const_value)}});
  } else if (o.const_value) {
    report("const-removed", {{"old", show(o.const_value)}});
  }
}

void check_default(const Reporter& report) {
  compare_whole(report, report.old_s.default_value, report.new_s.default_value, "default-added", "default-removed",
                "default-changed", true);
}

void check_pattern(const Reporter& report) {
  compare_whole(report, report.old_s.pattern, report.new_s.pattern, "pattern-added", "pattern-removed",
                "pattern-changed", false);
}

void check_content_encoding(const Reporter& report) {
  compare_whole(report, report.old_s.rare().content_encoding, report.new_s.rare().content_encoding, "content-encoding-added",
                "content-encoding-removed", "content-encoding-changed", false);
}

void check_content_media_type(const Reporter& report) {
  compare_whole(report, report.old_s.rare().content_media_type, report.new_s.rare().content_media_type, "content-media-type-added",
                "content-media-type-removed", "content-media-type-changed", false);
}

}  // namespace accord::diff::schema_detail
