// The Avro rules, one row each. The errors are the reasons Java's
// SchemaCompatibility gives (READER_FIELD_MISSING_DEFAULT_VALUE, TYPE_MISMATCH,
// MISSING_UNION_BRANCH, MISSING_ENUM_SYMBOLS, NAME_MISMATCH,
// FIXED_SIZE_MISMATCH), named by what changed from the old version to the new
// one; which of them apply depends on --mode (backward: the new schema reads
// old data; forward: the old schema reads new data). Info rows make
// `accord diff` a complete changelog.
#include "diff/avro/compare.h"

namespace accord::diff {

namespace {
const RuleInfo kAvroRules[] = {
    {"avro.enum-symbol-added", Format::avro, Severity::error, "forward",
     "An enum gains a symbol that readers with the old schema cannot read (the old enum has no default).",
     "Enum {enum} gained {symbols}, which the old schema cannot read: it has no enum default."},
    {"avro.enum-symbol-removed", Format::avro, Severity::error, "backward",
     "An enum loses a symbol that old data may hold, and the new enum has no default.",
     "Enum {enum} lost {symbols}, which data written with the old schema may hold, and the new enum has no default."},
    {"avro.enum-symbols-changed", Format::avro, Severity::info, "changelog",
     "Enum symbols changed in a way the mode allows.",
     "Enum {enum} symbols changed (added: [{added}], removed: [{removed}])."},
    {"avro.field-added", Format::avro, Severity::info, "changelog",
     "A field was added in a way the mode allows.",
     "Field \"{field}\" was added to {record}."},
    {"avro.field-added-without-default", Format::avro, Severity::error, "backward",
     "A new field without a default: the new schema cannot read data written without it.",
     "Field \"{field}\" was added to {record} without a default: the new schema cannot read data written with the old one."},
    {"avro.field-removed", Format::avro, Severity::info, "changelog",
     "A field was removed in a way the mode allows.",
     "Field \"{field}\" was removed from {record}."},
    {"avro.field-removed-without-default", Format::avro, Severity::error, "forward",
     "A field removed that the old schema declares without a default: old readers cannot read new data.",
     "Field \"{field}\" was removed from {record}, and the old schema gives it no default: readers with the old schema cannot read new data."},
    {"avro.field-renamed", Format::avro, Severity::info, "changelog",
     "A field renamed, read through the new field's aliases.",
     "Field \"{old}\" of {record} is now \"{new}\" (read through its alias)."},
    {"avro.fixed-size-changed", Format::avro, Severity::error, "backward,forward",
     "A fixed type changed size.",
     "Fixed {name} changed size from {old} to {new}."},
    {"avro.logical-type-changed", Format::avro, Severity::warning, "changelog",
     "A logical type changed: the data still decodes, but its meaning changes.",
     "Logical type changed from {old} to {new}: the data still decodes, but means something else."},
    {"avro.name-changed", Format::avro, Severity::error, "backward,forward",
     "A named type was renamed without an alias the reader can match.",
     "The {kind} {old} is now {new}: the {reader} schema has no alias for {writer_name}."},
    {"avro.type-changed", Format::avro, Severity::error, "backward,forward",
     "A type changed to one that cannot be read from the other (only int->long->float->double and string<->bytes promote).",
     "Type changed from {old} to {new}, which cannot be read from the other."},
    {"avro.type-promoted", Format::avro, Severity::info, "changelog",
     "A type was widened in a way the mode allows (a promotion, or made a union that holds it).",
     "Type changed from {old} to {new}, which reads the old data."},
    {"avro.type-renamed", Format::avro, Severity::info, "changelog",
     "A named type renamed, read through the new type's aliases.",
     "The {kind} {old} is now {new}; readers match it {how}."},
    {"avro.union-branch-added", Format::avro, Severity::error, "forward",
     "A type or union gained a branch that readers with the old schema cannot read.",
     "The new schema may write {type}, which the old schema ({union}) cannot read."},
    {"avro.union-branch-removed", Format::avro, Severity::error, "backward",
     "A union lost a branch (or a type became a union without it) that old data may hold.",
     "Data written with the old schema as {type} cannot be read by the new schema ({union})."},
};

}  // namespace

std::span<const RuleInfo> avro_rule_table() { return kAvroRules; }

}  // namespace accord::diff
