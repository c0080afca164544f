// Rules on the types the resolution pairs: type changes and promotions,
// union branches, logical types, the names of named types and fixed sizes.
#include "diff/avro/rules.h"

namespace accord::diff::avro {

namespace {

constexpr Severity E = Severity::error, W = Severity::warning, I = Severity::info;
constexpr Format F = Format::avro;

// The specification's promotions: what a reader of `reader` reads written as `writer`.
bool promotable(Type writer, Type reader) {
  switch (reader) {
    case Type::long_: return writer == Type::int_;
    case Type::float_: return writer == Type::int_ || writer == Type::long_;
    case Type::double_: return writer == Type::int_ || writer == Type::long_ || writer == Type::float_;
    case Type::bytes: return writer == Type::string;
    case Type::string: return writer == Type::bytes;
    default: return false;
  }
}

void type_changed(Context& cx, const Pair& p) {
  if (promotable(p.writer().type, p.reader().type)) return;
  cx.report({{"old", describe(p.old_schema())}, {"new", describe(p.new_schema())}}, p);
}

void type_promoted(Context& cx, const Pair& p) {
  if (promotable(p.writer().type, p.reader().type))
    cx.report({{"old", describe(p.old_schema())}, {"new", describe(p.new_schema())}}, p);
}

// The walk found the writer's type read by a branch of the reader's union.
void type_made_union(Context& cx, const Pair& p) {
  cx.report({{"old", describe(p.old_schema())}, {"new", describe(p.new_schema())}}, p);
}

std::string logical_or_none(const Schema& s) { return s.logical_type.empty() ? "none" : s.logical_type; }

void logical_type_changed(Context& cx, const Pair& p) {
  if (p.old_schema().logical_type != p.new_schema().logical_type)
    cx.report({{"old", logical_or_none(p.old_schema())}, {"new", logical_or_none(p.new_schema())}}, p);
}

// The walk found no branch of the reader that reads the writer's type; the
// row's direction names it (a branch lost, or one the old schema cannot read).
void branch_unread(Context& cx, const Pair& p) {
  cx.report({{"type", describe(p.writer())}, {"union", describe(p.reader())}}, p);
}

void name_changed(Context& cx, const Pair& p) {
  if (names_match(p.reader(), p.writer())) return;
  cx.report({{"kind", std::string(type_name(p.reader().type))},
             {"old", p.old_schema().full_name},
             {"new", p.new_schema().full_name},
             {"reader", p.new_reads() ? "new" : "old"},
             {"writer_name", p.writer().full_name}},
            p);
}

void type_renamed(Context& cx, const Pair& p) {
  const Schema& R = p.reader();
  const Schema& Wr = p.writer();
  if (!names_match(R, Wr) || R.full_name == Wr.full_name) return;
  cx.report({{"kind", std::string(type_name(R.type))},
             {"old", p.old_schema().full_name},
             {"new", p.new_schema().full_name},
             {"how", R.name == Wr.name ? "by its unqualified name, as Java's resolution does" : "through its alias"}},
            p);
}

void fixed_size_changed(Context& cx, const Pair& p) {
  if (p.reader().size == p.writer().size) return;
  cx.report({{"name", p.writer().full_name},
             {"old", std::to_string(p.old_schema().size)},
             {"new", std::to_string(p.new_schema().size)}},
            p);
}

const Rule kRules[] = {
    {{"avro.fixed-size-changed", F, E, "backward,forward",
      "A fixed type changed size.",
      "Fixed {name} changed size from {old} to {new}."},
     {.fixed = fixed_size_changed}},
    {{"avro.logical-type-changed", F, W, "changelog",
      "A logical type changed: the data still decodes, but its meaning changes.",
      "Logical type changed from {old} to {new}: the data still decodes, but means something else."},
     {.same_type = logical_type_changed}},
    {{"avro.name-changed", F, E, "backward,forward",
      "A named type was renamed without an alias the reader can match.",
      "The {kind} {old} is now {new}: the {reader} schema has no alias for {writer_name}."},
     {.named = name_changed}},
    {{"avro.type-changed", F, E, "backward,forward",
      "A type changed to one that cannot be read from the other (only int->long->float->double and string<->bytes promote).",
      "Type changed from {old} to {new}, which cannot be read from the other."},
     {.other_type = type_changed}},
    // Two levels, one rule: a promotion and a type made a union that holds
    // it are the same widening, found at two places of the walk.
    {{"avro.type-promoted", F, I, "changelog",
      "A type was widened in a way the mode allows (a promotion, or made a union that holds it).",
      "Type changed from {old} to {new}, which reads the old data."},
     {.other_type = type_promoted, .into_union = type_made_union}},
    {{"avro.type-renamed", F, I, "changelog",
      "A named type renamed, read through the new type's aliases.",
      "The {kind} {old} is now {new}; readers match it {how}."},
     {.named = type_renamed}},
    // The two union rows share a handler: the walk hands each the unread
    // branch of its own direction (rules.h, `branch_removed`/`branch_added`).
    {{"avro.union-branch-added", F, E, "forward",
      "A type or union gained a branch that readers with the old schema cannot read.",
      "The new schema may write {type}, which the old schema ({union}) cannot read."},
     {.branch_added = branch_unread}},
    {{"avro.union-branch-removed", F, E, "backward",
      "A union lost a branch (or a type became a union without it) that old data may hold.",
      "Data written with the old schema as {type} cannot be read by the new schema ({union})."},
     {.branch_removed = branch_unread}},
};

}  // namespace

std::span<const Rule> type_rules() { return kRules; }

}  // namespace accord::diff::avro
