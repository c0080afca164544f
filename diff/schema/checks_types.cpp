// Keyword checks of types and numbers: type, nullability, format,
// multipleOf, uniqueItems. Severity is not decided here: each change is
// named, and the rule table's row for the direction decides.
#include <algorithm>
#include <cmath>

#include "diff/schema/checks.h"

namespace accord::diff::schema_detail {

using core::Keyword;
using core::Schema;

namespace {

std::string text_of(const Keyword& k) { return k ? std::string(k.value->text()) : std::string(); }

// Types without the null bit (nullability is compared on its own); a
// schema that only accepts null keeps it.
uint8_t core_types(uint8_t t) {
  uint8_t without = t & ~core::type_null;
  return without ? without : t;
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

}  // namespace

void check_type(const Reporter& report) {
  uint8_t o = core_types(report.old_s.types), n = core_types(report.new_s.types);
  if (o == n) return;
  std::vector<Arg> args{{"old", core::type_names(o)}, {"new", core::type_names(n)}};
  if (core::type_subset(o, n)) report("type-widened", std::move(args));
  else if (core::type_subset(n, o)) report("type-narrowed", std::move(args));
  else report("type-changed", std::move(args));
}

// Nullability only means something when a type restricts the value.
void check_nullability(const Reporter& report) {
  auto restricted = [](const Schema& s) { return s.types != 0 || s.enum_values || s.const_value; };
  if (restricted(report.old_s) && restricted(report.new_s) && report.old_s.null_allowed != report.new_s.null_allowed)
    report(report.new_s.null_allowed ? "became-nullable" : "became-not-nullable");
}

void check_format(const Reporter& report) {
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

void check_multiple_of(const Reporter& report) {
  const Keyword& o = report.old_s.multiple_of;
  const Keyword& n = report.new_s.multiple_of;
  if (!o && !n) return;
  if (!o) return report("multiple-of-added", {{"new", std::string(n.value->text())}});
  if (!n) return report("multiple-of-removed", {{"old", std::string(o.value->text())}});
  std::vector<Arg> args{{"old", std::string(o.value->text())}, {"new", std::string(n.value->text())}};
  // A factor that is not a number is compared as written.
  if (!o.value->is_number() || !n.value->is_number()) {
    if (!o.value->equals(*n.value)) report("multiple-of-changed", std::move(args));
    return;
  }
  double was = o.value->as_number(), is = n.value->as_number();
  if (was == is) return;
  if (divides(is, was)) return report("multiple-of-widened", std::move(args));
  if (divides(was, is)) return report("multiple-of-narrowed", std::move(args));
  report("multiple-of-changed", std::move(args));
}

void check_unique_items(const Reporter& report) {
  if (report.old_s.unique_items != report.new_s.unique_items)
    report(report.new_s.unique_items ? "unique-items-enabled" : "unique-items-disabled");
}

}  // namespace accord::diff::schema_detail
