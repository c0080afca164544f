// Rules on the lifecycle of operations and parameters: deprecation, the
// x-sunset date that announces a removal, and x-stability-level.
#include <cctype>

#include "diff/openapi/rules.h"

namespace accord::diff::openapi {

bool is_iso_date(std::string_view s) {
  if (s.size() < 10) return false;
  for (size_t i = 0; i < 10; ++i) {
    bool digit = std::isdigit(static_cast<unsigned char>(s[i])) != 0;
    if ((i == 4 || i == 7) ? s[i] != '-' : !digit) return false;
  }
  return true;
}

bool sunset_passed(std::string_view sunset, std::string_view today) {
  return is_iso_date(sunset) && sunset.substr(0, 10) < today;
}

namespace {

constexpr Severity E = Severity::error, W = Severity::warning, I = Severity::info;
constexpr Format F = Format::openapi;

void operation_deprecated(Context& cx, const Operation& o, const Operation& n) {
  if (o.deprecated || !n.deprecated) return;
  std::string note = n.sunset.empty() ? "" : " (sunset " + n.sunset + ")";
  NodeRef old_at = child_of(o.node, "deprecated");
  cx.report({{"sunset_note", note}}, n.label, old_at ? old_at : o.node, child_of(n.node, "deprecated"));
}

void operation_reactivated(Context& cx, const Operation& o, const Operation& n) {
  if (o.deprecated && !n.deprecated) cx.report({}, n.label, child_of(o.node, "deprecated"), n.node);
}

// Both versions deprecated and the old one had a date that changed.
bool sunset_changed(const Operation& o, const Operation& n) {
  return o.deprecated && n.deprecated && !o.sunset.empty() && o.sunset != n.sunset;
}

void operation_sunset_removed(Context& cx, const Operation& o, const Operation& n) {
  if (sunset_changed(o, n) && n.sunset.empty())
    cx.report({{"old", o.sunset}}, n.label, child_of(o.node, "x-sunset"), n.node);
}

void operation_sunset_moved_earlier(Context& cx, const Operation& o, const Operation& n) {
  if (sunset_changed(o, n) && !n.sunset.empty() && is_iso_date(o.sunset) && is_iso_date(n.sunset) &&
      n.sunset.substr(0, 10) < o.sunset.substr(0, 10))
    cx.report({{"old", o.sunset}, {"new", n.sunset}}, n.label, child_of(o.node, "x-sunset"),
              child_of(n.node, "x-sunset"));
}

// The deprecation policy for what a change deprecates (an operation or a
// parameter): announce a removal date, as an x-sunset date a machine can read.
// Only what this change does is judged: deprecating without a date, or
// writing a date that cannot be read; an old, undated deprecation is left alone.
struct Deprecatable {
  bool was_deprecated = false, is_deprecated = false;
  std::string_view old_sunset, new_sunset;
  NodeRef old_node, new_node;
};
enum class Verdict : uint8_t { fine, without_sunset, invalid, too_soon };

Verdict judge(const Context& cx, const Deprecatable& d) {
  if (!d.is_deprecated) return Verdict::fine;
  if (!d.was_deprecated && d.new_sunset.empty()) return Verdict::without_sunset;
  bool new_date = !d.new_sunset.empty() && d.new_sunset != d.old_sunset;
  if (new_date && !is_iso_date(d.new_sunset)) return Verdict::invalid;
  if (new_date && !cx.earliest_sunset.empty() && d.new_sunset.substr(0, 10) < cx.earliest_sunset)
    return Verdict::too_soon;
  return Verdict::fine;
}

void report_verdict(Context& cx, Verdict wanted, const Deprecatable& d, std::vector<Arg> args,
                    const std::string& operation) {
  Verdict v = judge(cx, d);
  if (v != wanted || v == Verdict::fine) return;
  if (v == Verdict::without_sunset) {
    NodeRef old_at = child_of(d.old_node, "deprecated");
    cx.report(std::move(args), operation, old_at ? old_at : d.old_node, child_of(d.new_node, "deprecated"));
    return;
  }
  args.push_back({"sunset", std::string(d.new_sunset)});
  if (v == Verdict::too_soon) args.push_back({"days", std::to_string(cx.min_deprecation_days)});
  NodeRef old_at = child_of(d.old_node, "x-sunset");
  cx.report(std::move(args), operation, old_at ? old_at : d.old_node, child_of(d.new_node, "x-sunset"));
}

template <Verdict V>
void sunset_policy_of_operation(Context& cx, const Operation& o, const Operation& n) {
  report_verdict(cx, V, {o.deprecated, n.deprecated, o.sunset, n.sunset, o.node, n.node}, {{"what", "operation"}},
                 n.label);
}

template <Verdict V>
void sunset_policy_of_parameter(Context& cx, const Operation& op, const Parameter& o, const Parameter& n) {
  report_verdict(cx, V, {o.deprecated, n.deprecated, o.sunset, n.sunset, o.node, n.node},
                 {{"what", parameter_subject(n)}}, op.label);
}

// x-stability-level, least to most stable; -1 for a value outside the scale.
int stability_rank(std::string_view level) {
  constexpr std::string_view kLevels[] = {"draft", "alpha", "beta", "stable"};
  for (int i = 0; i < 4; ++i)
    if (level == kLevels[i]) return i;
  return -1;
}

void stability_level_invalid(Context& cx, const Operation& o, const Operation& n) {
  if (n.stability.empty() || stability_rank(n.stability) >= 0) return;
  NodeRef old_at = child_of(o.node, "x-stability-level");
  cx.report({{"value", n.stability}}, n.label, old_at ? old_at : o.node, child_of(n.node, "x-stability-level"));
}

// An operation without x-stability-level counts as stable: promising less
// than before (stable -> beta) takes a guarantee away from its clients.
// `sign` < 0 reports a decrease, > 0 an increase; nothing when either level
// is outside the scale.
void report_stability_change(Context& cx, const Operation& o, const Operation& n, int sign) {
  if ((!n.stability.empty() && stability_rank(n.stability) < 0) ||
      (!o.stability.empty() && stability_rank(o.stability) < 0))
    return;
  int was = o.stability.empty() ? 3 : stability_rank(o.stability);
  int is = n.stability.empty() ? 3 : stability_rank(n.stability);
  if ((is - was) * sign <= 0) return;
  NodeRef old_at = child_of(o.node, "x-stability-level"), new_at = child_of(n.node, "x-stability-level");
  cx.report({{"old", o.stability.empty() ? "stable" : o.stability}, {"new", n.stability.empty() ? "stable" : n.stability}},
            n.label, old_at ? old_at : o.node, new_at ? new_at : n.node);
}

void stability_decreased(Context& cx, const Operation& o, const Operation& n) { report_stability_change(cx, o, n, -1); }
void stability_increased(Context& cx, const Operation& o, const Operation& n) { report_stability_change(cx, o, n, 1); }

const Rule kRules[] = {
    {{"openapi.operation-deprecated", F, I, "operation", "An operation became deprecated",
      "operation was deprecated{sunset_note}"},
     {.operation = operation_deprecated}},
    {{"openapi.operation-reactivated", F, I, "operation", "An operation is no longer deprecated",
      "operation is no longer deprecated"},
     {.operation = operation_reactivated}},
    {{"openapi.operation-sunset-removed", F, W, "operation", "A deprecated operation lost its x-sunset date",
      "sunset date {old} of the deprecated operation was removed"},
     {.operation = operation_sunset_removed}},
    {{"openapi.operation-sunset-moved-earlier", F, E, "operation",
      "A deprecated operation's x-sunset date moved earlier", "sunset date moved earlier from {old} to {new}"},
     {.operation = operation_sunset_moved_earlier}},
    {{"openapi.deprecated-without-sunset", F, W, "operation,parameter",
      "An operation or parameter was deprecated without an x-sunset date for its removal",
      "{what} was deprecated without an x-sunset date"},
     {.operation = sunset_policy_of_operation<Verdict::without_sunset>,
      .parameter = sunset_policy_of_parameter<Verdict::without_sunset>}},
    {{"openapi.sunset-invalid", F, E, "operation,parameter",
      "An x-sunset date of a deprecated operation or parameter is not a YYYY-MM-DD date",
      "x-sunset '{sunset}' of the deprecated {what} is not a YYYY-MM-DD date"},
     {.operation = sunset_policy_of_operation<Verdict::invalid>,
      .parameter = sunset_policy_of_parameter<Verdict::invalid>}},
    {{"openapi.sunset-too-soon", F, E, "operation,parameter",
      "A deprecation's x-sunset date gives less notice than accord.yaml's deprecation-days",
      "x-sunset {sunset} of the deprecated {what} is less than {days} days away"},
     {.operation = sunset_policy_of_operation<Verdict::too_soon>,
      .parameter = sunset_policy_of_parameter<Verdict::too_soon>}},
    {{"openapi.stability-decreased", F, E, "operation",
      "An operation's x-stability-level was lowered (draft < alpha < beta < stable; absent = stable)",
      "stability level decreased from {old} to {new}"},
     {.operation = stability_decreased}},
    {{"openapi.stability-increased", F, I, "operation", "An operation's x-stability-level was raised",
      "stability level increased from {old} to {new}"},
     {.operation = stability_increased}},
    {{"openapi.stability-level-invalid", F, E, "operation",
      "An operation's x-stability-level is not one of draft, alpha, beta, stable",
      "x-stability-level '{value}' is not one of draft, alpha, beta, stable"},
     {.operation = stability_level_invalid}},
};

}  // namespace

std::span<const Rule> lifecycle_rules() { return kRules; }

}  // namespace accord::diff::openapi
