// A port of the decisions of Java's ReaderWriterCompatibilityChecker (Avro
// 1.11): same types recurse, a writer union needs every branch readable, a
// reader union needs one branch that reads the writer, and the only type
// changes allowed are int->long->float->double and string<->bytes. Names
// compare as Java's schemaNameEquals does: the unqualified names, or the
// writer's full name among the reader's aliases.
#include "diff/avro/compat.h"

#include <algorithm>
#include <map>
#include <set>

namespace accord::diff::avro {

namespace {

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

bool names_match(const Schema& reader, const Schema& writer) {
  return reader.name == writer.name ||
         std::find(reader.aliases.begin(), reader.aliases.end(), writer.full_name) != reader.aliases.end();
}

// Same kind and name: the branch of a union that "is" the writer's type,
// whose own differences explain why it cannot read it.
bool same_kind(const Schema& a, const Schema& b) {
  if (a.type != b.type) return false;
  return !a.named() || names_match(a, b);
}

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& s : items) out += (out.empty() ? "" : ", ") + s;
  return out;
}

class Checker {
 public:
  Checker(Direction dir, Emit emit, const std::string& against, FindingSink& sink)
      : dir_(dir), emit_(emit), against_(against), sink_(sink) {}

  bool check(const Site& r, const Site& w) {
    const Schema& R = *r.schema;
    const Schema& W = *w.schema;
    if (R.type == W.type) return same_type(r, w);
    if (W.type == Type::union_) {
      bool ok = true;
      for (const Site& branch : W.branches) ok = writer_branch(r, branch) && ok;
      return ok;
    }
    if (R.type == Type::union_) return reader_union(r, w);
    if (promotable(W.type, R.type)) {
      changelog("avro.type-promoted", {{"old", describe(W)}, {"new", describe(R)}}, r, w);
      return true;
    }
    error("avro.type-changed", {{"old", describe(old_of(r, w))}, {"new", describe(new_of(r, w))}}, r, w);
    return false;
  }

 private:
  const Schema& old_of(const Site& r, const Site& w) const { return dir_ == Direction::backward ? *w.schema : *r.schema; }
  const Schema& new_of(const Site& r, const Site& w) const { return dir_ == Direction::backward ? *r.schema : *w.schema; }

  // Tries without reporting anything.
  bool probe(const Site& r, const Site& w) {
    bool saved = quiet_;
    quiet_ = true;
    bool ok = check(r, w);
    quiet_ = saved;
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
    missing_branch(r, branch);
    return false;
  }

  bool reader_union(const Site& r, const Site& w) {
    for (const Site& rb : r.schema->branches)
      if (probe(rb, w)) {
        bool widened = !branch_of_union_;
        branch_of_union_ = false;  // types inside the branch are on their own
        check(rb, w);
        branch_of_union_ = !widened;
        if (widened) changelog("avro.type-promoted", {{"old", describe(*w.schema)}, {"new", describe(*r.schema)}}, r, w);
        return true;
      }
    for (const Site& rb : r.schema->branches)
      if (same_kind(*rb.schema, *w.schema)) return check(rb, w);
    missing_branch(r, w);
    return false;
  }

  void missing_branch(const Site& r, const Site& w) {
    const char* rule = dir_ == Direction::backward ? "avro.union-branch-removed" : "avro.union-branch-added";
    error(rule, {{"type", describe(*w.schema)}, {"union", describe(*r.schema)}}, r, w);
  }

  bool same_type(const Site& r, const Site& w) {
    const Schema& R = *r.schema;
    const Schema& W = *w.schema;
    if (R.logical_type != W.logical_type)
      changelog("avro.logical-type-changed", {{"old", W.logical_type.empty() ? "none" : W.logical_type},
                                              {"new", R.logical_type.empty() ? "none" : R.logical_type}}, r, w);
    switch (R.type) {
      case Type::array:
      case Type::map: return check(R.items, W.items);
      case Type::union_: {
        bool ok = true;
        for (const Site& branch : W.branches) ok = writer_branch(r, branch) && ok;
        return ok;
      }
      case Type::fixed: {
        bool ok = check_name(r, w);
        if (R.size != W.size) {
          error("avro.fixed-size-changed", {{"name", W.full_name}, {"old", std::to_string(old_of(r, w).size)},
                                           {"new", std::to_string(new_of(r, w).size)}}, r, w);
          ok = false;
        }
        return ok;
      }
      case Type::enumeration: return check_name(r, w) & check_symbols(r, w);
      case Type::record: return check_record(r, w);
      default: return true;
    }
  }

  bool check_name(const Site& r, const Site& w) {
    const Schema& R = *r.schema;
    const Schema& W = *w.schema;
    if (names_match(R, W)) {
      if (R.full_name != W.full_name)
        changelog("avro.type-renamed", {{"kind", std::string(type_name(R.type))}, {"old", W.full_name}, {"new", R.full_name},
                                        {"how", R.name == W.name ? "by its unqualified name, as Java's resolution does"
                                                                 : "through its alias"}}, r, w);
      return true;
    }
    error("avro.name-changed", {{"kind", std::string(type_name(R.type))}, {"old", old_of(r, w).full_name},
                                {"new", new_of(r, w).full_name}, {"reader", dir_ == Direction::backward ? "new" : "old"},
                                {"writer_name", W.full_name}}, r, w);
    return false;
  }

  bool check_symbols(const Site& r, const Site& w) {
    const Schema& R = *r.schema;
    const Schema& W = *w.schema;
    std::vector<std::string> missing, extra;
    for (const std::string& s : W.symbols)
      if (std::find(R.symbols.begin(), R.symbols.end(), s) == R.symbols.end()) missing.push_back(s);
    for (const std::string& s : R.symbols)
      if (std::find(W.symbols.begin(), W.symbols.end(), s) == W.symbols.end()) extra.push_back(s);
    if (!missing.empty() || !extra.empty())
      changelog("avro.enum-symbols-changed", {{"enum", R.full_name}, {"added", join(extra)}, {"removed", join(missing)}}, r, w);
    if (missing.empty() || (R.has_enum_default && std::count(R.symbols.begin(), R.symbols.end(), R.enum_default)))
      return true;
    const char* rule = dir_ == Direction::backward ? "avro.enum-symbol-removed" : "avro.enum-symbol-added";
    error(rule, {{"enum", R.full_name}, {"symbols", join(missing)}}, r, w);
    return false;
  }

  bool check_record(const Site& r, const Site& w) {
    auto key = std::make_pair(r.schema, w.schema);
    // A pair already being compared further up (a recursive type) is
    // assumed compatible, as Java does; a pair already compared is not
    // reported twice.
    if (active_.count(key)) return true;
    auto& memo = quiet_ ? probed_ : reported_;
    if (auto it = memo.find(key); it != memo.end()) return it->second;
    active_.insert(key);
    bool saved = branch_of_union_;
    branch_of_union_ = false;  // the record's fields are not branches
    bool ok = check_name(r, w);
    ok = check_fields(r, w) && ok;
    branch_of_union_ = saved;
    active_.erase(key);
    memo[key] = ok;
    return ok;
  }

  const Field* writer_field(const Schema& W, const Field& reader_field, bool& by_alias) const {
    by_alias = false;
    for (const Field& f : W.fields)
      if (f.name == reader_field.name) return &f;
    for (const std::string& alias : reader_field.aliases)
      for (const Field& f : W.fields)
        if (f.name == alias) {
          by_alias = true;
          return &f;
        }
    return nullptr;
  }

  // Where a record is defined, for a field one side lacks: the record's
  // definition, not the place that names it (a record from another .avsc
  // is reported in that file).
  static Site definition(const Site& s) { return Site{s.schema, s.schema->node, s.schema->pointer}; }

  bool check_fields(const Site& r_named, const Site& w_named) {
    const Site r = definition(r_named), w = definition(w_named);
    const Schema& R = *r.schema;
    const Schema& W = *w.schema;
    bool ok = true;
    std::set<const Field*> read;
    for (const Field& rf : R.fields) {
      bool by_alias = false;
      const Field* wf = writer_field(W, rf, by_alias);
      Site rsite{r.schema, rf.node, rf.pointer};
      if (!wf) {
        bool backward = dir_ == Direction::backward;
        if (rf.default_value) {
          changelog(backward ? "avro.field-added" : "avro.field-removed", {{"field", rf.name}, {"record", R.full_name}}, rsite, w);
          continue;
        }
        error(backward ? "avro.field-added-without-default" : "avro.field-removed-without-default",
              {{"field", rf.name}, {"record", R.full_name}}, rsite, w);
        if (emit_ == Emit::changelog)
          changelog(backward ? "avro.field-added" : "avro.field-removed", {{"field", rf.name}, {"record", R.full_name}}, rsite, w);
        ok = false;
        continue;
      }
      read.insert(wf);
      if (by_alias)
        changelog("avro.field-renamed", {{"record", R.full_name}, {"old", wf->name}, {"new", rf.name}},
                  rsite, Site{w.schema, wf->node, wf->pointer});
      ok = check(rf.type, wf->type) && ok;
    }
    for (const Field& wf : W.fields)
      if (!read.count(&wf))
        changelog(dir_ == Direction::backward ? "avro.field-removed" : "avro.field-added",
                  {{"field", wf.name}, {"record", W.full_name}}, r, Site{w.schema, wf.node, wf.pointer});
    return ok;
  }

  void error(std::string_view rule, std::vector<Arg> args, const Site& r, const Site& w) {
    if (!quiet_ && emit_ == Emit::verdict) report(rule, std::move(args), r, w);
  }
  void changelog(std::string_view rule, std::vector<Arg> args, const Site& r, const Site& w) {
    if (!quiet_ && emit_ == Emit::changelog) report(rule, std::move(args), r, w);
  }

  void report(std::string_view rule, std::vector<Arg> args, const Site& r, const Site& w) {
    const Site& o = dir_ == Direction::backward ? w : r;
    const Site& n = dir_ == Direction::backward ? r : w;
    if (!against_.empty()) args.push_back({"against", against_});
    sink_.add(rule, std::move(args), "", place_of(o.node, o.pointer), place_of(n.node, n.pointer));
  }

  Direction dir_;
  Emit emit_;
  std::string against_;
  FindingSink& sink_;
  bool quiet_ = false;
  bool branch_of_union_ = false;
  std::set<std::pair<const Schema*, const Schema*>> active_;
  std::map<std::pair<const Schema*, const Schema*>, bool> probed_, reported_;
};

}  // namespace

bool check_compatibility(const SchemaSet& old_set, const SchemaSet& new_set, Direction direction, Emit emit,
                         const std::string& against, FindingSink& sink) {
  Checker checker(direction, emit, against, sink);
  if (direction == Direction::backward) return checker.check(new_set.root, old_set.root);
  return checker.check(old_set.root, new_set.root);
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
