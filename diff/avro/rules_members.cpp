// Rules on the members of named types: a record's fields (paired by name,
// then by the reader field's aliases) and an enum's symbols.
#include <algorithm>

#include "diff/avro/rules.h"

namespace accord::diff::avro {

namespace {

constexpr Severity E = Severity::error, W = Severity::warning, I = Severity::info;
constexpr Format F = Format::avro;

std::vector<Arg> field_args(const Field& f, const Schema& record) { return {{"field", f.name}, {"record", record.full_name}}; }

// A new field's place is the field; the old one's, the record that lacks it.
void field_added(Context& cx, const Pair& records, const Field& f) {
  cx.report(field_args(f, records.new_schema()), records.old_at(), field_at(records.new_at(), f));
}

// Old data holds no value for it, so the new schema needs the default.
void field_added_without_default(Context& cx, const Pair& records, const Field& f) {
  if (!f.default_value) field_added(cx, records, f);
}

void field_removed(Context& cx, const Pair& records, const Field& f) {
  cx.report(field_args(f, records.old_schema()), field_at(records.old_at(), f), records.new_at());
}

// New data holds no value for it, so old readers need the default.
void field_removed_without_default(Context& cx, const Pair& records, const Field& f) {
  if (!f.default_value) field_removed(cx, records, f);
}

// Paired under another name: through the reader field's aliases.
void field_renamed(Context& cx, const Pair& records, const Field& o, const Field& n) {
  if (o.name == n.name) return;
  cx.report({{"record", records.new_schema().full_name}, {"old", o.name}, {"new", n.name}},
            field_at(records.old_at(), o), field_at(records.new_at(), n));
}

bool has_symbol(const Schema& e, const std::string& s) { return std::find(e.symbols.begin(), e.symbols.end(), s) != e.symbols.end(); }

// The symbols of `from` that `in` lacks.
std::vector<std::string> lacking(const Schema& from, const Schema& in) {
  std::vector<std::string> out;
  for (const std::string& s : from.symbols)
    if (!has_symbol(in, s)) out.push_back(s);
  return out;
}

// An enum default reads the symbols the enum does not know.
bool reads_unknown(const Schema& e) { return e.has_enum_default && has_symbol(e, e.enum_default); }

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& s : items) out += (out.empty() ? "" : ", ") + s;
  return out;
}

void enum_symbols_changed(Context& cx, const Pair& p) {
  std::vector<std::string> added = lacking(p.new_schema(), p.old_schema());
  std::vector<std::string> removed = lacking(p.old_schema(), p.new_schema());
  if (!added.empty() || !removed.empty())
    cx.report({{"enum", p.new_schema().full_name}, {"added", join(added)}, {"removed", join(removed)}}, p);
}

void enum_symbol_removed(Context& cx, const Pair& p) {
  std::vector<std::string> removed = lacking(p.old_schema(), p.new_schema());
  if (!removed.empty() && !reads_unknown(p.new_schema()))
    cx.report({{"enum", p.new_schema().full_name}, {"symbols", join(removed)}}, p);
}

void enum_symbol_added(Context& cx, const Pair& p) {
  std::vector<std::string> added = lacking(p.new_schema(), p.old_schema());
  if (!added.empty() && !reads_unknown(p.old_schema()))
    cx.report({{"enum", p.old_schema().full_name}, {"symbols", join(added)}}, p);
}

const Rule kRules[] = {
    {{"avro.enum-symbol-added", F, E, "forward",
      "An enum gains a symbol that readers with the old schema cannot read (the old enum has no default).",
      "Enum {enum} gained {symbols}, which the old schema cannot read: it has no enum default."},
     {.enumeration = enum_symbol_added}},
    {{"avro.enum-symbol-removed", F, E, "backward",
      "An enum loses a symbol that old data may hold, and the new enum has no default.",
      "Enum {enum} lost {symbols}, which data written with the old schema may hold, and the new enum has no default."},
     {.enumeration = enum_symbol_removed}},
    {{"avro.enum-symbols-changed", F, I, "changelog",
      "Enum symbols changed in a way the mode allows.",
      "Enum {enum} symbols changed (added: [{added}], removed: [{removed}])."},
     {.enumeration = enum_symbols_changed}},
    {{"avro.field-added", F, I, "changelog",
      "A field was added in a way the mode allows.",
      "Field \"{field}\" was added to {record}."},
     {.field_added = field_added}},
    {{"avro.field-added-without-default", F, E, "backward",
      "A new field without a default: the new schema cannot read data written without it.",
      "Field \"{field}\" was added to {record} without a default: the new schema cannot read data written with the old one."},
     {.field_added = field_added_without_default}},
    {{"avro.field-removed", F, I, "changelog",
      "A field was removed in a way the mode allows.",
      "Field \"{field}\" was removed from {record}."},
     {.field_removed = field_removed}},
    {{"avro.field-removed-without-default", F, E, "forward",
      "A field removed that the old schema declares without a default: old readers cannot read new data.",
      "Field \"{field}\" was removed from {record}, and the old schema gives it no default: readers with the old schema cannot read new data."},
     {.field_removed = field_removed_without_default}},
    {{"avro.field-renamed", F, I, "changelog",
      "A field renamed, read through the new field's aliases.",
      "Field \"{old}\" of {record} is now \"{new}\" (read through its alias)."},
     {.field = field_renamed}},
};

}  // namespace

std::span<const Rule> member_rules() { return kRules; }

}  // namespace accord::diff::avro
