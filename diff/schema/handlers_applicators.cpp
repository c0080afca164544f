// The applicator- and branch-level handlers (checks.h): an applicator
// keyword appearing, disappearing or closing on one schema pair, and a
// composition branch left unpaired. The walker (pairing.cpp,
// applicators.cpp) reaches each keyword, pairs its subschemas and recurses
// where a handler found nothing to say instead.
#include "diff/schema/checks.h"
#include "diff/schema/pairing.h"

namespace accord::diff::schema_detail {

using core::Schema;
using ApplicatorReport = WalkReporter<ApplicatorSlot>;
using BranchReport = WalkReporter<UnpairedBranch>;

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
  if (!s.walker.equivalent(o.then_schema, n.then_schema) || !s.walker.equivalent(o.else_schema, n.else_schema))
    report_at_parents(s, report, "conditional-changed");
}

// One handler per composition keyword: a branch of it left unpaired was
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

}  // namespace accord::diff::schema_detail
