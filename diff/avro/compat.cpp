// The resolution walk, a port of the pairing of Java's
// ReaderWriterCompatibilityChecker (Avro 1.11): same types recurse, a writer
// union needs every branch readable, a reader union needs one branch that
// reads the writer, records pair their fields by name then alias. At each
// pair the walk runs every rule row's handler of that level (rules.h) and the
// pair reads when no row of the running direction reported; it never names a
// rule. Which directions run, and the history of transitive modes, are
// compare.cpp's; the rows' categories decide which pass a finding belongs to.
#include <algorithm>
#include <map>
#include <set>

#include "diff/avro/rules.h"
#include "diff/model/handler_rows.h"

namespace accord::diff::avro {

bool names_match(const Schema& reader, const Schema& writer) {
  return reader.name == writer.name ||
         std::find(reader.aliases.begin(), reader.aliases.end(), writer.full_name) != reader.aliases.end();
}

namespace {

// Runs the handler of every row that registered one at `Level`; whether the
// pair reads (no row of this direction reported).
template <auto Level, class... A>
bool run(Context& cx, const A&... args) {
  static const std::vector<const Rule*> rows = rows_at<Level>(all_rules());
  cx.broke = false;
  for (const Rule* rule : rows) {
    cx.rule = &rule->info;
    (rule->on.*Level)(cx, args...);
  }
  return !cx.broke;
}

// Same kind and name: the branch of a union that "is" the writer's type,
// whose own differences explain why it cannot read it.
bool same_kind(const Schema& a, const Schema& b) {
  if (a.type != b.type) return false;
  return !a.named() || names_match(a, b);
}

class Walk {
 public:
  explicit Walk(Context& cx) : cx_(cx) {}

  bool check(const Site& r, const Site& w) {
    const Schema& R = *r.schema;
    const Schema& W = *w.schema;
    if (R.type == W.type) return same_type(r, w);
    if (W.type == Type::union_) return writer_union(r, w);
    if (R.type == Type::union_) return reader_union(r, w);
    return run<&Handlers::other_type>(cx_, pair(r, w));
  }

 private:
  Pair pair(const Site& r, const Site& w) const { return Pair{r, w, cx_.direction}; }
  bool backward() const { return cx_.direction == Direction::backward; }

  // Tries without reporting anything.
  bool probe(const Site& r, const Site& w) {
    bool saved = cx_.quiet;
    cx_.quiet = true;
    bool ok = check(r, w);
    cx_.quiet = saved;
    return ok;
  }

  bool writer_union(const Site& r, const Site& w) {
    bool ok = true;
    for (const Site& branch : w.schema->branches) ok = writer_branch(r, branch) && ok;
    return ok;
  }

  bool writer_branch(const Site& r, const Site& branch) {
    // A branch of a union read by a union is not a type made a union.
    bool saved = branch_of_union_;
    branch_of_union_ = true;
    bool ok = resolve_branch(r, branch);
    branch_of_union_ = saved;
    return ok;
  }

  bool resolve_branch(const Site& r, const Site& branch) {
    if (probe(r, branch)) return check(r, branch);
    if (r.schema->type != Type::union_ && same_kind(*r.schema, *branch.schema)) return check(r, branch);
    if (r.schema->type == Type::union_)
      for (const Site& rb : r.schema->branches)
        if (same_kind(*rb.schema, *branch.schema)) return check(rb, branch);
    return branch_unread(r, branch);
  }

  bool reader_union(const Site& r, const Site& w) {
    for (const Site& rb : r.schema->branches)
      if (probe(rb, w)) {
        bool widened = !branch_of_union_;
        branch_of_union_ = false;  // types inside the branch are on their own
        check(rb, w);
        branch_of_union_ = !widened;
        return !widened || run<&Handlers::into_union>(cx_, pair(r, w));
      }
    for (const Site& rb : r.schema->branches)
      if (same_kind(*rb.schema, *w.schema)) return check(rb, w);
    return branch_unread(r, w);
  }

  // Data the reader cannot take: backward it is old data's branch the new
  // schema lost, forward a branch the new schema may write.
  bool branch_unread(const Site& r, const Site& w) {
    if (backward()) return run<&Handlers::branch_removed>(cx_, pair(r, w));
    return run<&Handlers::branch_added>(cx_, pair(r, w));
  }

  bool same_type(const Site& r, const Site& w) {
    const Schema& R = *r.schema;
    const Schema& W = *w.schema;
    bool ok = run<&Handlers::same_type>(cx_, pair(r, w));
    switch (R.type) {
      case Type::array:
      case Type::map: return check(R.items, W.items) && ok;
      case Type::union_: return writer_union(r, w) && ok;
      case Type::fixed: return named_parts<&Handlers::fixed>(r, w) && ok;
      case Type::enumeration: return named_parts<&Handlers::enumeration>(r, w) && ok;
      case Type::record: return check_record(r, w) && ok;
      default: return ok;
    }
  }

  // A fixed or enum pair: the names, then (whatever they say) the parts.
  template <auto Parts>
  bool named_parts(const Site& r, const Site& w) {
    bool names = run<&Handlers::named>(cx_, pair(r, w));
    bool parts = run<Parts>(cx_, pair(r, w));
    return names && parts;
  }

  bool check_record(const Site& r, const Site& w) {
    auto key = std::make_pair(r.schema, w.schema);
    // A pair already being compared further up (a recursive type) is
    // assumed compatible, as Java does; a pair already compared is not
    // reported twice.
    if (active_.count(key)) return true;
    auto& memo = cx_.quiet ? probed_ : reported_;
    if (auto it = memo.find(key); it != memo.end()) return it->second;
    active_.insert(key);
    bool saved = branch_of_union_;
    branch_of_union_ = false;  // the record's fields are not branches
    bool ok = run<&Handlers::named>(cx_, pair(r, w));
    ok = check_fields(r, w) && ok;
    branch_of_union_ = saved;
    active_.erase(key);
    memo[key] = ok;
    return ok;
  }

  static const Field* writer_field(const Schema& W, const Field& reader_field) {
    for (const Field& f : W.fields)
      if (f.name == reader_field.name) return &f;
    for (const std::string& alias : reader_field.aliases)
      for (const Field& f : W.fields)
        if (f.name == alias) return &f;
    return nullptr;
  }

  // Where a record is defined, for a field one side lacks: the record's
  // definition, not the place that names it (a record from another .avsc
  // is reported in that file).
  static Site definition(const Site& s) { return Site{s.schema, s.schema->node, s.schema->pointer}; }

  // A field one side lacks, as the version that has it: the reader's own
  // field is new data's (backward) or old data's (forward).
  bool field_only_in(const Pair& records, const Field& f, bool reader_has_it) {
    if (reader_has_it == backward()) return run<&Handlers::field_added>(cx_, records, f);
    return run<&Handlers::field_removed>(cx_, records, f);
  }

  bool check_fields(const Site& r_named, const Site& w_named) {
    const Site r = definition(r_named), w = definition(w_named);
    const Pair records = pair(r, w);
    bool ok = true;
    std::set<const Field*> read;
    for (const Field& rf : r.schema->fields) {
      const Field* wf = writer_field(*w.schema, rf);
      if (!wf) {
        ok = field_only_in(records, rf, true) && ok;
        continue;
      }
      read.insert(wf);
      ok = (backward() ? run<&Handlers::field>(cx_, records, *wf, rf) : run<&Handlers::field>(cx_, records, rf, *wf)) && ok;
      ok = check(rf.type, wf->type) && ok;
    }
    for (const Field& wf : w.schema->fields)
      if (!read.count(&wf)) ok = field_only_in(records, wf, false) && ok;
    return ok;
  }

  Context& cx_;
  bool branch_of_union_ = false;
  std::set<std::pair<const Schema*, const Schema*>> active_;
  std::map<std::pair<const Schema*, const Schema*>, bool> probed_, reported_;
};

}  // namespace

bool check_compatibility(const SchemaSet& old_set, const SchemaSet& new_set, Direction direction, Emit emit,
                         const std::string& against, FindingSink& sink) {
  Context cx{direction, emit, against, sink};
  Walk walk(cx);
  if (direction == Direction::backward) return walk.check(new_set.root, old_set.root);
  return walk.check(old_set.root, new_set.root);
}

namespace {
using PointerPair = std::pair<std::string, std::string>;

PointerPair pointers(const Finding& f) {
  auto key = [](const std::optional<Place>& p) { return p ? p->file + "#" + p->pointer : std::string("-"); };
  return {key(f.old_place), key(f.new_place)};
}
}  // namespace

std::vector<Finding> with_changelog(std::vector<Finding> verdict, std::vector<Finding> changelog) {
  std::set<PointerPair> broken;
  for (const Finding& f : verdict) broken.insert(pointers(f));
  for (Finding& f : changelog)
    if (f.rule == "avro.logical-type-changed" || !broken.count(pointers(f))) verdict.push_back(std::move(f));
  return verdict;
}

std::vector<Finding> compare_one_direction(const SchemaSet& old_set, const SchemaSet& new_set, Direction direction) {
  FindingSink verdict, changelog;
  check_compatibility(old_set, new_set, direction, Emit::verdict, "", verdict);
  check_compatibility(old_set, new_set, Direction::backward, Emit::changelog, "", changelog);
  return with_changelog(verdict.take(), changelog.take());
}

}  // namespace accord::diff::avro
