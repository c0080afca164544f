// Keyword checks of what a schema says about itself and its neighbours:
// deprecation and its sunset date, stability level, dependentRequired and
// the OpenAPI discriminator.
#include <algorithm>

#include "diff/schema/checks.h"

namespace accord::diff::schema_detail {

using core::Node;
using core::Schema;

namespace {

bool is_iso_date(std::string_view s) {
  if (s.size() < 10) return false;
  for (size_t i = 0; i < 10; ++i) {
    bool digit = s[i] >= '0' && s[i] <= '9';
    if ((i == 4 || i == 7) ? s[i] != '-' : !digit) return false;
  }
  return true;
}

// A scalar under the profile's key (sunset, stability), or `absent`.
std::string_view profile_value(const Schema& s, std::string_view key, std::string_view absent) {
  const Node* n = s.node && s.node->is_object() ? s.node->get(key) : nullptr;
  return n && n->is_scalar() ? n->text() : absent;
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

using Dependency = Schema::Dependency;

// Each trigger of `from` with the names it requires that `in` does not
// require with it; `report` gets the trigger and those names.
template <class Fn>
void each_added_dependency(const std::vector<Dependency>& from, const std::vector<Dependency>& in, Fn&& report) {
  for (const Dependency& d : from) {
    auto same = std::find_if(in.begin(), in.end(), [&](const Dependency& e) { return e.name == d.name; });
    std::vector<std::string_view> missing;
    for (std::string_view name : d.required)
      if (same == in.end() || std::find(same->required.begin(), same->required.end(), name) == same->required.end())
        missing.push_back(name);
    if (!missing.empty()) report(d.name, name_list(missing));
  }
}

// The discriminators of both sides when both have one and the profile reads them.
using Tag = Schema::BranchTag;
bool both_tagged(const Reporter& report) {
  return report.profile.discriminator && report.old_s.branch_tag && report.new_s.branch_tag;
}

const std::string_view* target_of(const Tag& tag, std::string_view value) {
  for (const auto& [k, target] : tag.mapping)
    if (k == value) return &target;
  return nullptr;
}

}  // namespace

// JSON Schema's own `deprecated` (2019-09 meta-data): said whether or not
// the profile knows a sunset key.
void check_deprecated(const Reporter& report) {
  if (report.new_s.deprecated && !report.old_s.deprecated) report("became-deprecated");
}

// Deprecating announces a removal: its sunset date (the profile's key)
// should be there and readable. Only what this change does is judged.
void check_sunset(const Reporter& report) {
  if (!report.new_s.deprecated || report.profile.sunset_key.empty()) return;
  std::string_view was = profile_value(report.old_s, report.profile.sunset_key, "");
  std::string_view is = profile_value(report.new_s, report.profile.sunset_key, "");
  if (is.empty()) {
    if (!report.old_s.deprecated) report("deprecated-without-sunset");
    return;
  }
  if (is == was) return;
  if (!is_iso_date(is))
    report("sunset-invalid", {{"sunset", std::string(is)}});
  else if (!report.earliest_sunset.empty() && is.substr(0, 10) < report.earliest_sunset)
    report("sunset-too-soon", {{"sunset", std::string(is)}});
}

// A stability level (the profile's key) on a schema or property: promising
// less than before (stable -> beta) takes a guarantee away. Absent counts as
// stable; a value outside the scale is not compared.
void check_stability(const Reporter& report) {
  if (report.profile.stability_key.empty()) return;
  auto rank = [](std::string_view level) {
    constexpr std::string_view kLevels[] = {"draft", "alpha", "beta", "stable"};
    for (int i = 0; i < 4; ++i)
      if (level == kLevels[i]) return i;
    return -1;
  };
  std::string_view was = profile_value(report.old_s, report.profile.stability_key, "stable");
  std::string_view is = profile_value(report.new_s, report.profile.stability_key, "stable");
  int old_rank = rank(was), new_rank = rank(is);
  if (old_rank >= 0 && new_rank >= 0 && new_rank < old_rank)
    report("stability-decreased", {{"old", std::string(was)}, {"new", std::string(is)}});
}

// dependentRequired / array `dependencies`: each trigger's names that became
// (or stopped being) required alongside it.
void check_dependent_required_added(const Reporter& report) {
  each_added_dependency(report.new_s.rare().dependent_required, report.old_s.rare().dependent_required,
                        [&](std::string_view trigger, std::string names) {
                          report("dependent-required-added", {{"trigger", std::string(trigger)}, {"names", names}});
                        });
}

void check_dependent_required_removed(const Reporter& report) {
  each_added_dependency(report.old_s.rare().dependent_required, report.new_s.rare().dependent_required,
                        [&](std::string_view trigger, std::string names) {
                          report("dependent-required-removed", {{"trigger", std::string(trigger)}, {"names", names}});
                        });
}

void check_discriminator_presence(const Reporter& report) {
  if (!report.profile.discriminator) return;
  const auto& o = report.old_s.branch_tag;
  const auto& n = report.new_s.branch_tag;
  if (!o && n) report("discriminator-added", {{"new", std::string(n->property_name)}});
  if (o && !n) report("discriminator-removed", {{"old", std::string(o->property_name)}});
}

void check_discriminator_property(const Reporter& report) {
  if (!both_tagged(report)) return;
  std::string_view was = report.old_s.branch_tag->property_name, is = report.new_s.branch_tag->property_name;
  if (was != is) report("discriminator-property-name-changed", {{"old", std::string(was)}, {"new", std::string(is)}});
}

void check_discriminator_mapping_added(const Reporter& report) {
  if (!both_tagged(report)) return;
  for (const auto& [value, target] : report.new_s.branch_tag->mapping)
    if (!target_of(*report.old_s.branch_tag, value))
      report("discriminator-mapping-added", {{"value", std::string(value)}, {"new", std::string(target)}});
}

void check_discriminator_mapping_changed(const Reporter& report) {
  if (!both_tagged(report)) return;
  for (const auto& [value, target] : report.new_s.branch_tag->mapping) {
    const std::string_view* before = target_of(*report.old_s.branch_tag, value);
    if (before && *before != target)
      report("discriminator-mapping-changed",
             {{"value", std::string(value)}, {"old", std::string(*before)}, {"new", std::string(target)}});
  }
}

void check_discriminator_mapping_removed(const Reporter& report) {
  if (!both_tagged(report)) return;
  for (const auto& [value, target] : report.old_s.branch_tag->mapping)
    if (!target_of(*report.new_s.branch_tag, value))
      report("discriminator-mapping-removed", {{"value", std::string(value)}, {"old", std::string(target)}});
}

}  // namespace accord::diff::schema_detail
