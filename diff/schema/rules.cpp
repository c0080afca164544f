// The schema rule table: one line per change kind, expanded into one
// RuleInfo row per direction that has a rule. Direction decides severity:
// a request schema may only widen, a response schema may only narrow.
//
// Each line also says who reports its change: the handler it registers at
// one level of the walk (checks.h: keywords, property, applicator,
// branches; `handler(f)` picks the level from f's signature). Where the
// walker reaches a level it runs that level's distinct handlers of this
// table, in table order, and a handler may report only the changes of the
// lines that name it. The walker pairs and recurses; it reports only the
// engine's own changes (budgets spent, an allOf not merged: no matched pair
// is compared there), marked kWalkerEmitted, and may report no other.
#include <algorithm>
#include <deque>
#include <string>
#include <vector>

#include "diff/schema/checks.h"
#include "diff/schema/rule_rows.h"

namespace accord::diff {

namespace schema_detail {
// The checks the table names, defined by family in checks_*.cpp.
void check_type(const Reporter& report);
void check_format(const Reporter& report);
void check_nullability(const Reporter& report);
void check_multiple_of(const Reporter& report);
void check_unique_items(const Reporter& report);
void check_maximum(const Reporter& report);
void check_minimum(const Reporter& report);
void check_max_length(const Reporter& report);
void check_min_length(const Reporter& report);
void check_max_items(const Reporter& report);
void check_min_items(const Reporter& report);
void check_max_properties(const Reporter& report);
void check_min_properties(const Reporter& report);
void check_min_contains(const Reporter& report);
void check_max_contains(const Reporter& report);
void check_enum_value_added(const Reporter& report);
void check_enum_value_removed(const Reporter& report);
void check_enum_presence(const Reporter& report);
void check_const(const Reporter& report);
void check_default(const Reporter& report);
void check_pattern(const Reporter& report);
void check_content_encoding(const Reporter& report);
void check_content_media_type(const Reporter& report);
void check_deprecated(const Reporter& report);
void check_sunset(const Reporter& report);
void check_stability(const Reporter& report);
void check_dependent_required_added(const Reporter& report);
void check_dependent_required_removed(const Reporter& report);
void check_discriminator_presence(const Reporter& report);
void check_discriminator_property(const Reporter& report);
void check_discriminator_mapping_added(const Reporter& report);
void check_discriminator_mapping_removed(const Reporter& report);
void check_discriminator_mapping_changed(const Reporter& report);
// The walk-level handlers (handlers_subschemas.cpp).
void property_presence(const PropertyPair& pair, const WalkReporter<PropertyPair>& report);
void property_requiredness(const PropertyPair& pair, const WalkReporter<PropertyPair>& report);
void property_visibility(const PropertyPair& pair, const WalkReporter<PropertyPair>& report);
void additional_properties_closing(const ApplicatorSlot& slot, const WalkReporter<ApplicatorSlot>& report);
void unevaluated_properties_closing(const ApplicatorSlot& slot, const WalkReporter<ApplicatorSlot>& report);
void unevaluated_items_closing(const ApplicatorSlot& slot, const WalkReporter<ApplicatorSlot>& report);
void dependent_schema_presence(const ApplicatorSlot& slot, const WalkReporter<ApplicatorSlot>& report);
void pattern_property_presence(const ApplicatorSlot& slot, const WalkReporter<ApplicatorSlot>& report);
void contains_presence(const ApplicatorSlot& slot, const WalkReporter<ApplicatorSlot>& report);
void negation_change(const ApplicatorSlot& slot, const WalkReporter<ApplicatorSlot>& report);
void conditional_change(const ApplicatorSlot& slot, const WalkReporter<ApplicatorSlot>& report);
void all_of_branch(const UnpairedBranch& branch, const WalkReporter<UnpairedBranch>& report);
void any_of_branch(const UnpairedBranch& branch, const WalkReporter<UnpairedBranch>& report);
void one_of_branch(const UnpairedBranch& branch, const WalkReporter<UnpairedBranch>& report);
void acceptance_change(const DecidedPair& pair, const WalkReporter<DecidedPair>& report);
void unwrapped_nullability(const DecidedPair& pair, const WalkReporter<DecidedPair>& report);
}  // namespace schema_detail

namespace {

using namespace schema_detail;

enum class Level : uint8_t { none, info, warning, error };

// Who reports a line's change: its handler at one level, run from the
// table, and/or the walker.
struct Source {
  Check check = nullptr;
  PropertyHandler property = nullptr;
  ApplicatorHandler applicator = nullptr;
  BranchHandler branches = nullptr;
  DecidedHandler decided = nullptr;
  bool walker = false;
  // Set by every handler() below: the static_assert tests it, because a
  // function pointer compared with nullptr is no constant expression under
  // -fsanitize=undefined.
  bool named = false;
};
constexpr Source handler(Check check) { return {.check = check, .named = true}; }
constexpr Source handler(PropertyHandler h) { return {.property = h, .named = true}; }
constexpr Source handler(ApplicatorHandler h) { return {.applicator = h, .named = true}; }
constexpr Source handler(BranchHandler h) { return {.branches = h, .named = true}; }
constexpr Source handler(DecidedHandler h) { return {.decided = h, .named = true}; }
// A keyword check reports the change, and a decided-level handler too
// where the walker decides a pair without comparing keywords (a schema
// accepting nothing against one accepting anything; nullability decided
// around an unwrapped wrapper).
constexpr Source handlers(Check check, DecidedHandler decided) {
  return {.check = check, .decided = decided, .named = true};
}
// The engine's own: a budget spent, an allOf that could not be merged.
constexpr Source kWalkerEmitted{.walker = true};

struct Change {
  std::string_view name;
  Level request;
  Level response;
  Source source;
  std::string_view purpose;  // "{dir}" becomes "request" / "response"
  std::string_view message;  // "{where}" is built from subject and property path
};

// E/W/I: error, warning, info; N: no rule in that direction.
constexpr Level E = Level::error, W = Level::warning, I = Level::info, N = Level::none;

// The property, applicator and branches levels run where the walker pairs
// subschemas, between its recursions (pairing.cpp, applicators.cpp), not
// with the keywords: a `$ref` pair cut on the stack compares keywords only.
//
// Lines of one family share a handler where one comparison decides between
// their changes, which then exclude each other: type-changed / -widened /
// -narrowed; format-*; became-(not-)nullable; deprecated-without-sunset /
// sunset-invalid / sunset-too-soon; became-enum / enum-removed; const-*;
// default-*, pattern-*, multiple-of-*, content-*; each limit's four lines;
// min-contains-*; unique-items-*; discriminator-added / -removed; property-added / required-property-added /
// the three removals (property_presence); became-required / -optional;
// the seven read-/write-only lines (property_visibility); each applicator's
// added / removed (/ changed) or forbidden / allowed; a composition's
// branch added / removed. Changes
// that can come together (an enum value added and another removed) have a
// check each.
constexpr Change kChanges[] = {
    // Types and formats.
    {"type-changed", E, E, handler(check_type), "a {dir} schema's type changed incompatibly", "{where}: type changed from {old} to {new}"},
    {"type-widened", I, E, handlers(check_type, acceptance_change), "a {dir} schema accepts more types", "{where}: type widened from {old} to {new}"},
    {"type-narrowed", E, I, handlers(check_type, acceptance_change), "a {dir} schema accepts fewer types", "{where}: type narrowed from {old} to {new}"},
    {"format-changed", E, E, handler(check_format), "a {dir} schema's format changed", "{where}: format changed from '{old}' to '{new}'"},
    {"format-widened", I, E, handler(check_format), "a {dir} schema's format widened (int32 to int64, float to double)", "{where}: format widened from '{old}' to '{new}'"},
    {"format-narrowed", E, I, handler(check_format), "a {dir} schema's format narrowed (int64 to int32, double to float)", "{where}: format narrowed from '{old}' to '{new}'"},
    {"format-added", E, I, handler(check_format), "a {dir} schema gained a format", "{where}: format '{new}' added"},
    {"format-removed", I, W, handler(check_format), "a {dir} schema lost its format", "{where}: format '{old}' removed"},
    {"became-nullable", I, E, handlers(check_nullability, unwrapped_nullability), "a {dir} schema now accepts null", "{where}: became nullable"},
    {"became-not-nullable", E, I, handlers(check_nullability, unwrapped_nullability), "a {dir} schema no longer accepts null", "{where}: is no longer nullable"},
    // Properties.
    {"property-added", I, I, handler(property_presence), "an optional property was added to a {dir} schema", "{where}: property added"},
    {"required-property-added", E, N, handler(property_presence), "a required property was added to a request schema", "{where}: required property added"},
    {"property-removed", W, E, handler(property_presence), "a {dir} property was removed (response: it was required)", "{where}: property removed"},
    {"property-removed-rejected", E, N, handler(property_presence), "a request property was removed from a schema that rejects unknown properties", "{where}: property removed, and additional properties are not allowed"},
    // An error although optional: clients read documented response properties
    // whether or not `required` lists them (Optic, openapi-diff and buf agree).
    {"optional-property-removed", N, E, handler(property_presence), "an optional response property was removed", "{where}: optional property removed"},
    {"property-became-required", E, I, handler(property_requiredness), "a {dir} property became required", "{where}: became required"},
    {"property-became-optional", I, E, handler(property_requiredness), "a {dir} property became optional", "{where}: became optional"},
    {"property-became-read-only", W, N, handler(property_visibility), "a request property became readOnly (the server now ignores it)", "{where}: became read-only"},
    {"property-became-not-read-only", I, N, handler(property_visibility), "a readOnly request property may now be sent", "{where}: is no longer read-only"},
    {"required-property-became-not-read-only", E, N, handler(property_visibility), "a required readOnly request property must now be sent", "{where}: is no longer read-only and is required"},
    {"property-became-write-only", N, E, handler(property_visibility), "an optional response property became writeOnly (no longer returned)", "{where}: became write-only"},
    {"required-property-became-write-only", N, E, handler(property_visibility), "a required response property became writeOnly (no longer returned)", "{where}: required property became write-only"},
    {"property-became-not-write-only", N, I, handler(property_visibility), "a writeOnly response property is now returned", "{where}: is no longer write-only"},
    {"became-deprecated", I, I, handler(check_deprecated), "a {dir} schema or property was deprecated", "{where}: deprecated"},
    {"deprecated-without-sunset", W, W, handler(check_sunset), "a {dir} schema or property was deprecated without an x-sunset date", "{where}: deprecated without an x-sunset date"},
    {"sunset-too-soon", E, E, handler(check_sunset), "the x-sunset of a deprecated {dir} schema or property gives less notice than accord.yaml's deprecation-days", "{where}: x-sunset {sunset} gives less notice than deprecation-days allow"},
    {"stability-decreased", E, E, handler(check_stability), "a {dir} schema or property's x-stability-level was lowered (draft < alpha < beta < stable; absent = stable)", "{where}: stability level decreased from {old} to {new}"},
    {"sunset-invalid", E, E, handler(check_sunset), "the x-sunset of a deprecated {dir} schema or property is not a YYYY-MM-DD date", "{where}: x-sunset '{sunset}' is not a YYYY-MM-DD date"},
    {"additional-properties-forbidden", E, I, handler(additional_properties_closing), "a {dir} object no longer accepts unknown properties", "{where}: additional properties are no longer allowed"},
    {"additional-properties-allowed", I, W, handler(additional_properties_closing), "a {dir} object now accepts unknown properties", "{where}: additional properties are now allowed"},
    {"unevaluated-properties-forbidden", E, I, handler(unevaluated_properties_closing), "a {dir} object no longer accepts properties no other keyword evaluated", "{where}: unevaluated properties are no longer allowed"},
    {"unevaluated-properties-allowed", I, W, handler(unevaluated_properties_closing), "a {dir} object now accepts properties no other keyword evaluated", "{where}: unevaluated properties are now allowed"},
    {"unevaluated-items-forbidden", E, I, handler(unevaluated_items_closing), "a {dir} array no longer accepts items no other keyword evaluated", "{where}: unevaluated items are no longer allowed"},
    {"unevaluated-items-allowed", I, W, handler(unevaluated_items_closing), "a {dir} array now accepts items no other keyword evaluated", "{where}: unevaluated items are now allowed"},
    {"dependent-required-added", E, I, handler(check_dependent_required_added), "a {dir} property now requires others beside it (dependentRequired / dependencies)", "{where}: when '{trigger}' is present, {names} must now be present too"},
    {"dependent-required-removed", I, W, handler(check_dependent_required_removed), "a {dir} property no longer requires others beside it (dependentRequired / dependencies)", "{where}: '{trigger}' no longer requires {names}"},
    {"dependent-schema-added", E, I, handler(dependent_schema_presence), "a {dir} property now brings a dependent schema (dependentSchemas / dependencies)", "{where}: dependent schema for '{trigger}' added"},
    {"dependent-schema-removed", I, W, handler(dependent_schema_presence), "a {dir} property no longer brings a dependent schema (dependentSchemas / dependencies)", "{where}: dependent schema for '{trigger}' removed"},
    {"pattern-property-added", E, I, handler(pattern_property_presence), "a {dir} object constrains more property names by pattern", "{where}: pattern property '{pattern}' added"},
    {"pattern-property-removed", I, E, handler(pattern_property_presence), "a {dir} object no longer constrains a property name pattern", "{where}: pattern property '{pattern}' removed"},
    // Values.
    {"enum-value-added", I, W, handler(check_enum_value_added), "a {dir} enum gained a value", "{where}: enum value {value} added"},
    {"enum-value-removed", E, I, handler(check_enum_value_removed), "a {dir} enum lost a value", "{where}: enum value {value} removed"},
    {"became-enum", E, I, handler(check_enum_presence), "a {dir} schema became an enum", "{where}: restricted to an enum"},
    {"enum-removed", I, W, handler(check_enum_presence), "a {dir} schema is no longer an enum", "{where}: enum restriction removed"},
    {"const-added", E, I, handler(check_const), "a {dir} schema became a constant", "{where}: const {new} added"},
    {"const-removed", I, W, handler(check_const), "a {dir} schema is no longer a constant", "{where}: const {old} removed"},
    {"const-changed", E, E, handler(check_const), "a {dir} schema's constant changed", "{where}: const changed from {old} to {new}"},
    {"default-added", I, I, handler(check_default), "a {dir} schema gained a default", "{where}: default {new} added"},
    {"default-removed", W, I, handler(check_default), "a {dir} schema lost its default", "{where}: default {old} removed"},
    {"default-changed", W, I, handler(check_default), "a {dir} schema's default changed", "{where}: default changed from {old} to {new}"},
    {"pattern-added", E, I, handler(check_pattern), "a {dir} string gained a pattern", "{where}: pattern '{new}' added"},
    {"pattern-removed", I, W, handler(check_pattern), "a {dir} string lost its pattern", "{where}: pattern '{old}' removed"},
    {"pattern-changed", W, W, handler(check_pattern), "a {dir} string's pattern changed", "{where}: pattern changed from '{old}' to '{new}'"},
    {"multiple-of-added", E, I, handler(check_multiple_of), "a {dir} number gained multipleOf", "{where}: multipleOf {new} added"},
    {"multiple-of-removed", I, W, handler(check_multiple_of), "a {dir} number lost multipleOf", "{where}: multipleOf {old} removed"},
    {"multiple-of-changed", E, E, handler(check_multiple_of), "a {dir} number's multipleOf changed to a factor that neither divides nor is a multiple of the old one", "{where}: multipleOf changed from {old} to {new}"},
    {"multiple-of-widened", I, E, handler(check_multiple_of), "a {dir} number's multipleOf became a divisor of the old one (more values accepted)", "{where}: multipleOf widened from {old} to {new}"},
    {"multiple-of-narrowed", E, I, handler(check_multiple_of), "a {dir} number's multipleOf became a multiple of the old one (fewer values accepted)", "{where}: multipleOf narrowed from {old} to {new}"},
    {"content-encoding-added", E, W, handler(check_content_encoding), "a {dir} string gained a contentEncoding", "{where}: contentEncoding '{new}' added"},
    {"content-encoding-removed", W, E, handler(check_content_encoding), "a {dir} string lost its contentEncoding", "{where}: contentEncoding '{old}' removed"},
    {"content-encoding-changed", E, E, handler(check_content_encoding), "a {dir} string's contentEncoding changed", "{where}: contentEncoding changed from '{old}' to '{new}'"},
    {"content-media-type-added", W, W, handler(check_content_media_type), "a {dir} string gained a contentMediaType", "{where}: contentMediaType '{new}' added"},
    {"content-media-type-removed", W, W, handler(check_content_media_type), "a {dir} string lost its contentMediaType", "{where}: contentMediaType '{old}' removed"},
    {"content-media-type-changed", E, E, handler(check_content_media_type), "a {dir} string's contentMediaType changed", "{where}: contentMediaType changed from '{old}' to '{new}'"},
    {"contains-added", E, I, handler(contains_presence), "a {dir} array must now contain an item matching 'contains'", "{where}: 'contains' added"},
    {"contains-removed", I, W, handler(contains_presence), "a {dir} array no longer needs an item matching 'contains'", "{where}: 'contains' removed"},
    {"min-contains-increased", E, I, handler(check_min_contains), "a {dir} array must contain more matching items (minContains; absent = 1)", "{where}: minContains increased from {old} to {new}"},
    {"min-contains-decreased", I, E, handler(check_min_contains), "a {dir} array may contain fewer matching items (minContains; absent = 1)", "{where}: minContains decreased from {old} to {new}"},
    {"max-contains-decreased", E, I, handler(check_max_contains), "a {dir} maxContains decreased", "{where}: maxContains decreased from {old} to {new}"},
    {"max-contains-increased", I, E, handler(check_max_contains), "a {dir} maxContains increased", "{where}: maxContains increased from {old} to {new}"},
    {"max-contains-set", W, I, handler(check_max_contains), "a {dir} array gained a maxContains", "{where}: maxContains {new} set"},
    {"max-contains-unset", I, E, handler(check_max_contains), "a {dir} array lost its maxContains", "{where}: maxContains {old} removed"},
    {"unique-items-enabled", E, I, handler(check_unique_items), "a {dir} array now requires unique items", "{where}: items must now be unique"},
    {"unique-items-disabled", I, W, handler(check_unique_items), "a {dir} array no longer requires unique items", "{where}: items no longer need to be unique"},
    // Limits: *-set / *-unset are a limit appearing / disappearing.
    {"max-decreased", E, I, handler(check_maximum), "a {dir} maximum decreased", "{where}: maximum decreased from {old} to {new}"},
    {"max-increased", I, E, handler(check_maximum), "a {dir} maximum increased", "{where}: maximum increased from {old} to {new}"},
    {"max-set", W, I, handler(check_maximum), "a {dir} number gained a maximum", "{where}: maximum {new} set"},
    {"max-unset", I, E, handler(check_maximum), "a {dir} number lost its maximum", "{where}: maximum {old} removed"},
    {"min-increased", E, I, handler(check_minimum), "a {dir} minimum increased", "{where}: minimum increased from {old} to {new}"},
    {"min-decreased", I, E, handler(check_minimum), "a {dir} minimum decreased", "{where}: minimum decreased from {old} to {new}"},
    {"min-set", W, I, handler(check_minimum), "a {dir} number gained a minimum", "{where}: minimum {new} set"},
    {"min-unset", I, E, handler(check_minimum), "a {dir} number lost its minimum", "{where}: minimum {old} removed"},
    {"max-length-decreased", E, I, handler(check_max_length), "a {dir} maxLength decreased", "{where}: max length decreased from {old} to {new}"},
    {"max-length-increased", I, E, handler(check_max_length), "a {dir} maxLength increased", "{where}: max length increased from {old} to {new}"},
    {"max-length-set", W, I, handler(check_max_length), "a {dir} string gained a maxLength", "{where}: max length {new} set"},
    {"max-length-unset", I, E, handler(check_max_length), "a {dir} string lost its maxLength", "{where}: max length {old} removed"},
    {"min-length-increased", E, I, handler(check_min_length), "a {dir} minLength increased", "{where}: min length increased from {old} to {new}"},
    {"min-length-decreased", I, E, handler(check_min_length), "a {dir} minLength decreased", "{where}: min length decreased from {old} to {new}"},
    {"min-length-set", W, I, handler(check_min_length), "a {dir} string gained a minLength", "{where}: min length {new} set"},
    {"min-length-unset", I, E, handler(check_min_length), "a {dir} string lost its minLength", "{where}: min length {old} removed"},
    {"max-items-decreased", E, I, handler(check_max_items), "a {dir} maxItems decreased", "{where}: max items decreased from {old} to {new}"},
    {"max-items-increased", I, E, handler(check_max_items), "a {dir} maxItems increased", "{where}: max items increased from {old} to {new}"},
    {"max-items-set", W, I, handler(check_max_items), "a {dir} array gained a maxItems", "{where}: max items {new} set"},
    {"max-items-unset", I, E, handler(check_max_items), "a {dir} array lost its maxItems", "{where}: max items {old} removed"},
    {"min-items-increased", E, I, handler(check_min_items), "a {dir} minItems increased", "{where}: min items increased from {old} to {new}"},
    {"min-items-decreased", I, E, handler(check_min_items), "a {dir} minItems decreased", "{where}: min items decreased from {old} to {new}"},
    {"min-items-set", W, I, handler(check_min_items), "a {dir} array gained a minItems", "{where}: min items {new} set"},
    {"min-items-unset", I, E, handler(check_min_items), "a {dir} array lost its minItems", "{where}: min items {old} removed"},
    {"max-properties-decreased", E, I, handler(check_max_properties), "a {dir} maxProperties decreased", "{where}: max properties decreased from {old} to {new}"},
    {"max-properties-increased", I, E, handler(check_max_properties), "a {dir} maxProperties increased", "{where}: max properties increased from {old} to {new}"},
    {"max-properties-set", W, I, handler(check_max_properties), "a {dir} object gained a maxProperties", "{where}: max properties {new} set"},
    {"max-properties-unset", I, E, handler(check_max_properties), "a {dir} object lost its maxProperties", "{where}: max properties {old} removed"},
    {"min-properties-increased", E, I, handler(check_min_properties), "a {dir} minProperties increased", "{where}: min properties increased from {old} to {new}"},
    {"min-properties-decreased", I, E, handler(check_min_properties), "a {dir} minProperties decreased", "{where}: min properties decreased from {old} to {new}"},
    {"min-properties-set", W, I, handler(check_min_properties), "a {dir} object gained a minProperties", "{where}: min properties {new} set"},
    {"min-properties-unset", I, E, handler(check_min_properties), "a {dir} object lost its minProperties", "{where}: min properties {old} removed"},
    // Composition.
    {"all-of-not-merged", I, I, kWalkerEmitted, "a {dir} allOf could not be merged into one schema, so its branches were compared one by one (less exactly)", "{where}: allOf not merged ({reason}); branches compared one by one"},
    {"all-of-added", E, I, handler(all_of_branch), "a {dir} allOf gained a branch", "{where}: allOf branch {branch} added"},
    {"all-of-removed", W, W, handler(all_of_branch), "a {dir} allOf lost a branch", "{where}: allOf branch {branch} removed"},
    {"any-of-added", I, E, handler(any_of_branch), "a {dir} anyOf gained a branch", "{where}: anyOf branch {branch} added"},
    {"any-of-removed", E, I, handler(any_of_branch), "a {dir} anyOf lost a branch", "{where}: anyOf branch {branch} removed"},
    {"one-of-added", I, E, handler(one_of_branch), "a {dir} oneOf gained a branch", "{where}: oneOf branch {branch} added"},
    {"one-of-removed", E, I, handler(one_of_branch), "a {dir} oneOf lost a branch", "{where}: oneOf branch {branch} removed"},
    {"not-added", E, I, handler(negation_change), "a {dir} schema gained a 'not' exclusion", "{where}: 'not' added"},
    {"not-removed", I, W, handler(negation_change), "a {dir} schema lost its 'not' exclusion", "{where}: 'not' removed"},
    {"not-changed", W, W, handler(negation_change), "a {dir} schema's 'not' exclusion changed (whether it now accepts more or less cannot be decided exactly)", "{where}: 'not' changed; whether this widens or narrows what is accepted cannot be decided exactly, review it"},
    {"conditional-added", E, I, handler(conditional_change), "a {dir} schema gained if/then/else (it can only accept less)", "{where}: if/then/else added"},
    {"conditional-removed", I, W, handler(conditional_change), "a {dir} schema lost its if/then/else (it can only accept more)", "{where}: if/then/else removed"},
    {"conditional-changed", W, W, handler(conditional_change), "a {dir} schema's 'if' condition changed (whether it now accepts more or less cannot be decided exactly)", "{where}: the 'if' of if/then/else changed; whether this widens or narrows what is accepted cannot be decided exactly, review it"},
    {"comparison-stopped", I, I, kWalkerEmitted, "a {dir} schema comparison reached a budget (schema pairs, or nesting depth) and stopped; what lies below was not compared", "{where}: comparison stopped here ({limit} reached); what lies below, and what came after it, was not compared"},
    {"comparison-approximate", I, I, kWalkerEmitted, "a {dir} recursive schema was too large to compare path by path; findings inside its cycles may name another path of the same cycle", "{where}: past {limit} of recursive schemas, findings below may be reported at another path of the same cycle"},
    {"discriminator-added", W, I, handler(check_discriminator_presence), "a {dir} schema gained a discriminator", "{where}: discriminator '{new}' added"},
    {"discriminator-removed", I, W, handler(check_discriminator_presence), "a {dir} schema lost its discriminator", "{where}: discriminator '{old}' removed"},
    {"discriminator-property-name-changed", E, E, handler(check_discriminator_property), "a {dir} discriminator names another property", "{where}: discriminator property changed from '{old}' to '{new}'"},
    {"discriminator-mapping-added", I, W, handler(check_discriminator_mapping_added), "a {dir} discriminator mapping gained a value", "{where}: discriminator value '{value}' added"},
    {"discriminator-mapping-removed", E, I, handler(check_discriminator_mapping_removed), "a {dir} discriminator mapping lost a value", "{where}: discriminator value '{value}' removed"},
    {"discriminator-mapping-changed", E, E, handler(check_discriminator_mapping_changed), "a {dir} discriminator value maps to another schema", "{where}: discriminator value '{value}' now maps to '{new}' (was '{old}')"},
};

constexpr bool every_line_has_a_reporter() {
  for (const Change& c : kChanges)
    if (!c.source.named && !c.source.walker) return false;
  return true;
}
static_assert(every_line_has_a_reporter(), "a line of kChanges names neither a handler nor kWalkerEmitted");

Severity to_severity(Level l) {
  return l == Level::error ? Severity::error : l == Level::warning ? Severity::warning : Severity::info;
}

std::string replace_all(std::string text, std::string_view from, std::string_view to) {
  for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
    text.replace(at, from.size(), to);
  return text;
}

}  // namespace

// The purposes speak of "request" and "response" (the input and output
// words of the table); a format's words replace them.
void schema_rule_rows(std::string_view format_prefix, std::string_view input_word, std::string_view output_word,
                      Format format, DerivedRules& out) {
  auto keep = [&](std::string s) -> std::string_view { return out.text.emplace_back(std::move(s)); };
  for (const Change& c : kChanges) {
    for (Direction d : {Direction::input, Direction::output}) {
      Level level = d == Direction::input ? c.request : c.response;
      if (level == Level::none) continue;
      std::string_view dir = d == Direction::input ? "request" : "response";
      std::string_view word = d == Direction::input ? input_word : output_word;
      std::string purpose = replace_all(replace_all(std::string(c.purpose), "{dir}", dir), dir, word);
      RuleInfo row{keep(std::string(format_prefix) + std::string(word) + "-" + std::string(c.name)), format,
                   to_severity(level), keep(std::string(word) + ",schema"), keep(std::move(purpose)), c.message};
      out.rows.push_back(row);
    }
  }
}

namespace schema_detail {

std::span<const ChangeRow> change_rows() {
  static const std::vector<ChangeRow> rows = [] {
    std::vector<ChangeRow> out;
    for (const Change& c : kChanges)
      out.push_back({c.name, c.source.check, c.source.property, c.source.applicator, c.source.branches,
                     c.source.decided, c.source.walker, c.request != Level::none, c.response != Level::none});
    return out;
  }();
  return rows;
}

const ChangeRow* find_change(std::string_view change) {
  for (const ChangeRow& row : change_rows())
    if (row.name == change) return &row;
  return nullptr;
}

// The distinct handlers one level's member of Source names, in table order.
template <class Handler>
std::vector<Handler> distinct_handlers(Handler Source::*level) {
  std::vector<Handler> out;
  for (const Change& c : kChanges)
    if (c.source.*level && std::find(out.begin(), out.end(), c.source.*level) == out.end())
      out.push_back(c.source.*level);
  return out;
}

std::span<const Check> table_checks() {
  static const std::vector<Check> handlers = distinct_handlers(&Source::check);
  return handlers;
}
std::span<const PropertyHandler> property_handlers() {
  static const std::vector<PropertyHandler> handlers = distinct_handlers(&Source::property);
  return handlers;
}
std::span<const ApplicatorHandler> applicator_handlers() {
  static const std::vector<ApplicatorHandler> handlers = distinct_handlers(&Source::applicator);
  return handlers;
}
std::span<const BranchHandler> branch_handlers() {
  static const std::vector<BranchHandler> handlers = distinct_handlers(&Source::branches);
  return handlers;
}
std::span<const DecidedHandler> decided_handlers() {
  static const std::vector<DecidedHandler> handlers = distinct_handlers(&Source::decided);
  return handlers;
}

bool walker_reports(std::string_view change, Direction direction) {
  const ChangeRow* row = find_change(change);
  return row && row->walker_reports && (direction == Direction::request ? row->request_rule : row->response_rule);
}

void Reporter::operator()(std::string_view change, std::vector<Arg> args) const {
  const ChangeRow* row = reportable_row(change, running_, input_.direction, refused_);
  if (!row) return;
  out_.findings.push_back(
      RawFinding{row->name, input_.path, std::move(args), place_of_schema(&old_s), place_of_schema(&new_s)});
}

core::Status run_checks(std::span<const Check> checks, const CheckInput& input, FrameOut& out) {
  // Once per schema pair and check: no Status is made unless a check was refused.
  std::string_view refused;
  Reporter report(input, nullptr, out, refused);
  for (Check check : checks) {
    report.running_ = check;
    check(report);
    if (!refused.empty())
      return core::make_error("internal error: a schema check reported '" + std::string(refused) +
                              "', a change whose row in diff/schema/rules.cpp does not name that check");
  }
  return core::ok_status();
}

core::Status run_check(Check check, const CheckInput& input, FrameOut& out) {
  return run_checks(std::span<const Check>(&check, 1), input, out);
}

}  // namespace schema_detail

}  // namespace accord::diff
