// The Avro rules. A rule is one `Rule` row: its registry data (id, severity,
// categories, purpose, message) and the handler(s) it registers at the levels
// of the schema-resolution walk (compat.cpp). The walk pairs the reader's
// schema with the writer's as the specification's resolution does and, for
// each pair, calls every row's handler of that level; a handler only looks at
// that one pair and reports under its own row's id (Context::report takes no
// id). Rows live next to their handlers in rules_*.cpp; rule_table.cpp lists
// the files' spans.
//
// A row's categories say when it speaks: "backward" / "forward" rows are the
// reasons a reader cannot read in that direction (they report only in that
// direction's verdict, and their report is what makes the pair incompatible);
// "changelog" rows say what changed old -> new (they report only in the
// changelog pass, which runs backward: the new schema reads). So no handler
// asks which mode runs.
#pragma once

#include <span>
#include <string>
#include <vector>

#include "diff/avro/compat.h"
#include "diff/avro/schema.h"
#include "diff/model/rules.h"
#include "diff/model/sink.h"

namespace accord::diff::avro {

// One pairing of the resolution: the reader's schema and the writer's, and
// the same two seen as old and new (backward: the new version reads).
struct Pair {
  const Site& reader_at;
  const Site& writer_at;
  Direction direction;

  bool new_reads() const { return direction == Direction::backward; }
  const Schema& reader() const { return *reader_at.schema; }
  const Schema& writer() const { return *writer_at.schema; }
  const Site& old_at() const { return new_reads() ? writer_at : reader_at; }
  const Site& new_at() const { return new_reads() ? reader_at : writer_at; }
  const Schema& old_schema() const { return *old_at().schema; }
  const Schema& new_schema() const { return *new_at().schema; }
};

// What every handler reports through; the walk sets everything but `broke`.
struct Context {
  Direction direction;
  Emit emit;
  std::string against;  // transitive modes: the earlier version checked against
  FindingSink& sink;
  bool quiet = false;              // probing a union branch: decide, report nothing
  const RuleInfo* rule = nullptr;  // the row whose handler runs
  bool broke = false;              // a row of this direction reported since the level began

  // Reports a finding of the running row's rule at the old and new places,
  // if the row speaks in this pass (see the categories above).
  void report(std::vector<Arg> args, const Site& old_at, const Site& new_at);
  void report(std::vector<Arg> args, const Pair& pair) { report(std::move(args), pair.old_at(), pair.new_at()); }
};

// Where a field of a record is written.
inline Site field_at(const Site& record, const Field& field) { return Site{record.schema, field.node, field.pointer}; }

// The levels of the walk. A row sets the pointers of the levels it inspects
// (usually one); the walk calls it for every pair of that level and the
// pair reads only if no row of the running direction reported there.
struct Handlers {
  // Reader and writer of the same type, before their parts are compared.
  void (*same_type)(Context&, const Pair& p) = nullptr;
  // Of different types, neither a union (a promotion, or not readable).
  void (*other_type)(Context&, const Pair& p) = nullptr;
  // A writer's type (not a branch of a writer union) read by a branch of the reader's union.
  void (*into_union)(Context&, const Pair& p) = nullptr;
  // A writer's type (or union branch) that neither the reader nor a branch of its union reads:
  // backward, the old data's branch the new schema lost; forward, the branch
  // the new schema may write that the old one cannot read.
  void (*branch_removed)(Context&, const Pair& p) = nullptr;
  void (*branch_added)(Context&, const Pair& p) = nullptr;
  // Two records, enums or fixed types paired by kind (their names are the handlers').
  void (*named)(Context&, const Pair& p) = nullptr;
  void (*fixed)(Context&, const Pair& p) = nullptr;
  void (*enumeration)(Context&, const Pair& p) = nullptr;
  // Fields of a record pair (`records`: the two definitions), paired by the
  // reader field's name, then its aliases.
  void (*field)(Context&, const Pair& records, const Field& old_field, const Field& new_field) = nullptr;
  // A field only the new record has / only the old record has.
  void (*field_added)(Context&, const Pair& records, const Field& new_field) = nullptr;
  void (*field_removed)(Context&, const Pair& records, const Field& old_field) = nullptr;
};

// One rule: its registry row and its handlers.
struct Rule {
  RuleInfo info;
  Handlers on;
};

// The rows by area (rules_*.cpp), and all of them (rule_table.cpp).
std::span<const Rule> type_rules();
std::span<const Rule> member_rules();
const std::vector<const Rule*>& all_rules();

// Shared by handlers and the walk: Java's schemaNameEquals (the unqualified
// names, or the writer's full name among the reader's aliases).
bool names_match(const Schema& reader, const Schema& writer);

}  // namespace accord::diff::avro
