// The handlers of the walk levels beside keywords (checks.h): property (one
// property paired by name, either side possibly absent), applicator (an
// applicator keyword appearing, disappearing or closing on one schema pair),
// branches (a composition branch left unpaired) and decided (a pair decided
// whole, without its keywords). The walker
// (pairing.cpp, applicators.cpp, walker_body.cpp) pairs the subschemas and
// recurses where both sides have one; these judge the rest.
#include "diff/schema/checks.h"
#include "diff/schema/pairing.h"

namespace accord::diff::schema_detail {

using core::Schema;
using PropertyReport = WalkReporter<PropertyPair>;
using ApplicatorReport = WalkReporter<ApplicatorSlot>;
using BranchReport = WalkReporter<UnpairedBranch>;
using DecidedReport = WalkReporter<DecidedPair>;

// Properties.

// Added or removed: one side has the property. What a removal breaks
// depends on the direction: a request property removed from an object
// rejecting unknown ones is now refused; a response property is read
// whether `required` lists it or not.
void property_presence(const PropertyPair& p, const PropertyReport& report) {
  if (!p.old_s && p.new_s) {
    if (p.ignored(p.new_s)) return;
    return report(p.request() && p.is_required() ? "required-property-added" : "property-added", &p.old_object,
                  p.new_s);
  }
  if (!p.old_s || p.new_s || p.ignored(p.old_s)) return;
  if (p.request()) {
    bool rejects_unknown = p.new_object.additional == core::Schema::Additional::forbidden;
    return report(rejects_unknown ? "property-removed-rejected" : "property-removed", p.old_s, &p.new_object);
  }
  report(p.was_required() ? "property-removed" : "optional-property-removed", p.old_s, &p.new_object);
}

// Became required / optional: a property both sides carry, or a name only
// `required` lists on either side (then placed at the objects).
void property_requiredness(const PropertyPair& p, const PropertyReport& report) {
  bool both = p.old_s && p.new_s;
  if (both ? p.ignored(p.old_s) || p.ignored(p.new_s) : p.old_s || p.new_s) return;
  const core::Schema* old_place = both ? p.old_s : &p.old_object;
  const core::Schema* new_place = both ? p.new_s : &p.new_object;
  bool was = p.was_required(), is = p.is_required();
  if (!was && is) report("property-became-required", old_place, new_place);
  if (was && !is) report("property-became-optional", old_place, new_place);
}

// One side readOnly (request) / writeOnly (response), the other not: the
// direction starts or stops carrying the property.
void property_visibility(const PropertyPair& p, const PropertyReport& report) {
  if (!p.old_s || !p.new_s) return;
  bool old_ignored = p.ignored(p.old_s), new_ignored = p.ignored(p.new_s);
  if (old_ignored == new_ignored) return;
  if (p.request()) {
    if (p.new_s->read_only) return report("property-became-read-only", p.old_s, p.new_s);
    return report(p.is_required() ? "required-property-became-not-read-only" : "property-became-not-read-only",
                  p.old_s, p.new_s);
  }
  if (p.new_s->write_only)
    return report(p.was_required() ? "required-property-became-write-only" : "property-became-write-only", p.old_s,
                  p.new_s);
  report("property-became-not-write-only", p.old_s, p.new_s);
}

// Applicators.

namespace {

void report_at_parents(const ApplicatorSlot& s, const ApplicatorReport& report, std::string_view change,
                       std::vector<Arg> args = {}) {
  report(change, &s.old_parent, &s.new_parent, std::move(args));
}

// Closed (`false`) on one side only: what no other keyword evaluated is
// now forbidden / allowed.
void unevaluated_closing(const ApplicatorSlot& s, const ApplicatorReport& report, std::string_view forbidden,
                         std::string_view allowed) {
  bool was = forbids(s.old_h), is = forbids(s.new_h);
  if (!was && is) report_at_parents(s, report, forbidden);
  if (was && !is) report_at_parents(s, report, allowed);
}

}  // namespace

void additional_properties_closing(const ApplicatorSlot& s, const ApplicatorReport& report) {
  if (s.keyword != Applicator::additional_properties) return;
  bool was = s.old_parent.additional == Schema::Additional::forbidden;
  bool is = s.new_parent.additional == Schema::Additional::forbidden;
  if (!was && is) report_at_parents(s, report, "additional-properties-forbidden");
  if (was && !is) report_at_parents(s, report, "additional-properties-allowed");
}

void unevaluated_properties_closing(const ApplicatorSlot& s, const ApplicatorReport& report) {
  if (s.keyword != Applicator::unevaluated_properties) return;
  unevaluated_closing(s, report, "unevaluated-properties-forbidden", "unevaluated-properties-allowed");
}

void unevaluated_items_closing(const ApplicatorSlot& s, const ApplicatorReport& report) {
  if (s.keyword != Applicator::unevaluated_items) return;
  unevaluated_closing(s, report, "unevaluated-items-forbidden", "unevaluated-items-allowed");
}

// A dependent schema for a trigger property on one side only.
void dependent_schema_presence(const ApplicatorSlot& s, const ApplicatorReport& report) {
  if (s.keyword != Applicator::dependent_schema || (s.old_h && s.new_h)) return;
  report_at_parents(s, report, s.old_h ? "dependent-schema-removed" : "dependent-schema-added",
                    {{"trigger", std::string(s.name)}});
}

// A pattern on one side only; placed at its subschema on that side.
void pattern_property_presence(const ApplicatorSlot& s, const ApplicatorReport& report) {
  if (s.keyword != Applicator::pattern_property || (s.old_h && s.new_h)) return;
  std::vector<Arg> args{{"pattern", std::string(s.name)}};
  if (s.new_h) return report("pattern-property-added", &s.old_parent, s.walker.new_schema(*s.new_h), std::move(args));
  report("pattern-property-removed", s.walker.old_schema(*s.old_h), &s.new_parent, std::move(args));
}

void contains_presence(const ApplicatorSlot& s, const ApplicatorReport& report) {
  if (s.keyword != Applicator::contains || (s.old_h && s.new_h)) return;
  report_at_parents(s, report, s.old_h ? "contains-removed" : "contains-added");
}

// `not` on one side, or another exclusion (as written: whether it excludes
// more or less is not decided).
void negation_change(const ApplicatorSlot& s, const ApplicatorReport& report) {
  if (s.keyword != Applicator::negation) return;
  if (!s.old_h) return report_at_parents(s, report, "not-added");
  if (!s.new_h) return report_at_parents(s, report, "not-removed");
  if (!s.old_h->node->equals(*s.new_h->node)) report_at_parents(s, report, "not-changed");
}

// if/then/else on one side, or a changed `if` (instances move between
// then and else, which cannot be judged without deciding the overlap of two
// schemas). Branches reaching $refs are not paired (walker: applicators.cpp):
// a change there is a warning too. Equal through `$ref`s counts as
// unchanged: a branch inline on one side and a `$ref` on the other is the same.
void conditional_change(const ApplicatorSlot& s, const ApplicatorReport& report) {
  if (s.keyword != Applicator::conditional) return;
  if (!has_conditional(s.old_parent)) return report_at_parents(s, report, "conditional-added");
  if (!has_conditional(s.new_parent)) return report_at_parents(s, report, "conditional-removed");
  if (!s.same_condition) return report_at_parents(s, report, "conditional-changed");
  if (s.inline_branches) return;
  const Schema &o = s.old_parent, &n = s.new_parent;
  if (!s.walker.equivalent(o.rare().then_schema, n.rare().then_schema) || !s.walker.equivalent(o.rare().else_schema, n.rare().else_schema))
    report_at_parents(s, report, "conditional-changed");
}

// Branches. One handler per composition keyword: a branch of it left unpaired was
// added or removed.
namespace {
void branch_presence(const UnpairedBranch& b, const BranchReport& report, std::string_view keyword,
                     std::string_view added, std::string_view removed) {
  if (b.keyword != keyword) return;
  report(b.removed ? removed : added, b.old_place, b.new_place, {{"branch", b.name}});
}
}  // namespace

void all_of_branch(const UnpairedBranch& b, const BranchReport& report) {
  branch_presence(b, report, "all-of", "all-of-added", "all-of-removed");
}
void any_of_branch(const UnpairedBranch& b, const BranchReport& report) {
  branch_presence(b, report, "any-of", "any-of-added", "any-of-removed");
}
void one_of_branch(const UnpairedBranch& b, const BranchReport& report) {
  branch_presence(b, report, "one-of", "one-of-added", "one-of-removed");
}

// Pairs decided whole. Nothing against anything is the widest change of
// type there is (check_type reports the same rows between keywords).
void acceptance_change(const DecidedPair& p, const DecidedReport& report) {
  if (p.what != Decision::acceptance) return;
  bool widened = p.old_s.accepts_nothing;
  report(widened ? "type-widened" : "type-narrowed", &p.old_s, &p.new_s,
         {{"old", widened ? "nothing" : "any"}, {"new", widened ? "any" : "nothing"}});
}

// Nullability around unwrapped wrappers (3.0 `nullable` against 3.1
// `anyOf: [X, {type: 'null'}]`), placed at the wrappers.
void unwrapped_nullability(const DecidedPair& p, const DecidedReport& report) {
  if (p.what != Decision::nullability || p.was_nullable == p.is_nullable) return;
  report(p.is_nullable ? "became-nullable" : "became-not-nullable", &p.old_s, &p.new_s);
}

}  // namespace accord::diff::schema_detail
