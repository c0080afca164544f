#include "diff/schema/branch_pairing.h"

#include <algorithm>
#include <set>

namespace accord::diff::schema_detail {

using core::Schema;
using core::SchemaHandle;

namespace {

// Below this share of common features (property names and types) two
// inline branches are different schemas, not one schema changed.
constexpr double kMinSimilarity = 0.5;

// What pairs two branches: a scalar value (strings and other scalars never
// collide) or the schema a branch names. Views into the documents and the
// graphs' pointers, which outlive the pairing: no string is built.
struct Key {
  enum Kind : char { none, string, other_scalar, target } kind = none;
  std::string_view text;
  explicit operator bool() const { return kind != none; }
  friend bool operator==(const Key& a, const Key& b) { return a.kind == b.kind && a.text == b.text; }
  friend bool operator<(const Key& a, const Key& b) { return a.kind != b.kind ? a.kind < b.kind : a.text < b.text; }
};

Key scalar_key(const core::Node* v) {
  if (!v || !v->is_scalar()) return {};
  return {v->is_string() ? Key::string : Key::other_scalar, v->text()};
}

// Types and property names: properties sort before types, by name.
using Feature = std::pair<uint8_t, std::string_view>;  // (0, name) or (1 + type bit, "")

// The single value a schema allows: its const, or a one-value enum.
Key single_value(const Schema* s) {
  if (!s) return {};
  if (s->const_value) return scalar_key(s->const_value);
  if (s->enum_values && s->enum_values->is_array() && s->enum_values->size() == 1)
    return scalar_key(s->enum_values->at(0));
  return {};
}

std::string_view last_segment(std::string_view ref) {
  size_t slash = ref.rfind('/');
  return slash == std::string_view::npos ? ref : ref.substr(slash + 1);
}

std::string_view ref_text(const SchemaHandle& h) {
  const core::Node* r = h.via_ref ? core::reference_of(h.node) : nullptr;
  return r ? r->text() : std::string_view();
}

struct Side {
  const BranchList& list;
  std::vector<const Schema*> schemas;
  std::vector<int> partner;
  std::string_view discriminator;  // the property that tells the branches apart, if any
};

class Pairer {
 public:
  Pairer(PairWalker& walker, const BranchList& o, const BranchList& n) : walker_(walker), old_{o, {}, {}, {}}, new_{n, {}, {}, {}} {
    for (Side* s : {&old_, &new_}) {
      for (const SchemaHandle& h : s->list.handles)
        s->schemas.push_back(s->list.old_side ? walker.old_schema(h) : walker.new_schema(h));
      s->partner.assign(s->list.handles.size(), -1);
    }
    old_.discriminator = discriminator_property(o, n);
    new_.discriminator = discriminator_property(n, o);
  }

  BranchPairing run() {
    pair_by_key([](Side& s, size_t i) { return target(s, i); });
    pair_equivalent();
    pair_by_key([this](Side& s, size_t i) { return discriminator_value(s, i); });
    if (std::optional<std::string_view> tag = tag_property())
      pair_by_key([this, &tag](Side& s, size_t i) { return tag_of(s, i, *tag); });
    pair_similar();
    pair_by_position();
    BranchPairing out;
    for (size_t i = 0; i < old_.partner.size(); ++i)
      if (old_.partner[i] >= 0) out.pairs.emplace_back(i, static_cast<size_t>(old_.partner[i]));
      else out.old_left.push_back(i);
    for (size_t j = 0; j < new_.partner.size(); ++j)
      if (new_.partner[j] < 0) out.new_left.push_back(j);
    return out;
  }

 private:
  std::string_view discriminator_property(const BranchList& own, const BranchList& other) const {
    if (!walker_.profile->discriminator) return {};
    for (const BranchList* l : {&own, &other})
      if (l->parent && l->parent->branch_tag && !l->parent->branch_tag->property_name.empty())
        return l->parent->branch_tag->property_name;
    return {};
  }

  void link(size_t i, size_t j) {
    old_.partner[i] = static_cast<int>(j);
    new_.partner[j] = static_cast<int>(i);
  }

  // Each unpaired old branch takes the first unpaired new one with its key.
  template <class KeyOf>
  void pair_by_key(const KeyOf& key_of) {
    std::vector<Key> new_keys(new_.partner.size());
    for (size_t j = 0; j < new_keys.size(); ++j)
      if (new_.partner[j] < 0) new_keys[j] = key_of(new_, j);
    for (size_t i = 0; i < old_.partner.size(); ++i) {
      if (old_.partner[i] >= 0) continue;
      Key k = key_of(old_, i);
      if (!k) continue;
      for (size_t j = 0; j < new_keys.size(); ++j)
        if (new_.partner[j] < 0 && new_keys[j] == k) {
          link(i, j);
          break;
        }
    }
  }

  // The schema a `$ref` branch names (a lone schema: where it sits).
  static Key target(Side& s, size_t i) {
    if (s.list.lone)
      return s.schemas[i] && !s.schemas[i]->pointer.empty() ? Key{Key::target, s.schemas[i]->pointer} : Key{};
    std::string_view ref = ref_text(s.list.handles[i]);
    if (ref.empty()) return {};
    return Key{Key::target, ref.front() == '#' ? ref.substr(1) : ref};
  }

  // Each side's shapes once, not once per pair: only pairs of one shape
  // can be equivalent, and most pairs of a long oneOf are not.
  void pair_equivalent() {
    std::vector<uint64_t> old_shapes(old_.partner.size()), new_shapes(new_.partner.size());
    for (size_t i = 0; i < old_shapes.size(); ++i)
      if (old_.partner[i] < 0) old_shapes[i] = walker_.branch_shape(old_.list.handles[i], true);  // as equivalent() reads them
    for (size_t j = 0; j < new_shapes.size(); ++j)
      if (new_.partner[j] < 0) new_shapes[j] = walker_.branch_shape(new_.list.handles[j], false);
    for (size_t i = 0; i < old_.partner.size(); ++i)
      for (size_t j = 0; j < new_.partner.size() && old_.partner[i] < 0; ++j)
        if (new_.partner[j] < 0 && old_shapes[i] == new_shapes[j] &&
            walker_.equivalent(old_.list.handles[i], new_.list.handles[j]))
          link(i, j);
  }

  // The value of the discriminator property that selects the branch: from
  // the mapping, the branch's own const/enum, or (the implicit
  // mapping) the name of the schema a `$ref` branch names.
  Key discriminator_value(Side& s, size_t i) {
    if (s.discriminator.empty()) return {};
    std::string_view ref = ref_text(s.list.handles[i]);
    const Schema* parent = s.list.parent;
    if (!ref.empty() && parent && parent->branch_tag)
      for (const auto& [value, to] : parent->branch_tag->mapping)
        if (to == ref || (to.find('/') == std::string_view::npos && to == last_segment(ref)))
          return Key{Key::string, value};
    if (Key k = tag_of(s, i, s.discriminator)) return k;
    if (!ref.empty() && parent && parent->branch_tag) return Key{Key::string, last_segment(ref)};
    return {};
  }

  // A property of a branch, also where an `allOf` part declares it.
  const core::NamedHandle* declared(const Side& side, const Schema* s, std::string_view name, int depth) {
    constexpr int kMaxAllOfDepth = 8;
    if (!s || depth > kMaxAllOfDepth) return nullptr;
    if (const core::NamedHandle* p = s->property(name)) return p;
    for (const SchemaHandle& part : s->all_of)
      if (const core::NamedHandle* p = declared(side, load(side, part), name, depth + 1)) return p;
    return nullptr;
  }

  const Schema* load(const Side& side, const SchemaHandle& h) {
    return side.list.old_side ? walker_.old_schema(h) : walker_.new_schema(h);
  }

  Key tag_of(Side& s, size_t i, std::string_view property) {
    const core::NamedHandle* p = declared(s, s.schemas[i], property, 0);
    if (!p) return {};
    return single_value(s.list.old_side ? walker_.old_schema(p->schema) : walker_.new_schema(p->schema));
  }

  // A property every unpaired branch of both sides fixes to one value, a
  // different one per branch: the tag that tells them apart.
  std::optional<std::string_view> tag_property() {
    const Schema* first = nullptr;
    for (size_t i = 0; i < old_.partner.size() && !first; ++i)
      if (old_.partner[i] < 0) first = old_.schemas[i];
    if (!first) return std::nullopt;
    std::set<Feature> names;
    add_features(old_, first, names, 0);
    for (const auto& [kind, name] : names)  // properties first, by name
      if (kind == 0 && tags_apart(old_, name) && tags_apart(new_, name)) return name;
    return std::nullopt;
  }

  bool tags_apart(Side& s, std::string_view property) {
    std::set<Key> seen;
    for (size_t i = 0; i < s.partner.size(); ++i) {
      if (s.partner[i] >= 0) continue;
      Key k = tag_of(s, i, property);
      if (!k || !seen.insert(k).second) return false;
    }
    return true;
  }

  // Types and property names, through `allOf`: a branch written as
  // `allOf: [$ref Base, {properties...}]` is what all its parts declare.
  std::set<Feature> features(const Side& side, const Schema* s) {
    std::set<Feature> out;
    add_features(side, s, out, 0);
    return out;
  }

  void add_features(const Side& side, const Schema* s, std::set<Feature>& out, int depth) {
    constexpr int kMaxAllOfDepth = 8;  // an allOf that reaches itself stops here
    if (!s || depth > kMaxAllOfDepth) return;
    for (int bit = 0; bit < 8; ++bit)
      if (s->types & (1u << bit)) out.insert(Feature(static_cast<uint8_t>(1 + bit), {}));
    for (const core::NamedHandle& p : s->properties) out.insert(Feature(0, p.name));
    for (const SchemaHandle& part : s->all_of)
      add_features(side, load(side, part), out, depth + 1);
  }

  // Jaccard similarity over property names and types; the best pairs first.
  void pair_similar() {
    struct Candidate {
      double score;
      size_t i, j;
    };
    std::vector<Candidate> candidates;
    std::vector<std::set<Feature>> new_features(new_.partner.size());
    for (size_t j = 0; j < new_features.size(); ++j)
      if (new_.partner[j] < 0) new_features[j] = features(new_, new_.schemas[j]);
    for (size_t i = 0; i < old_.partner.size(); ++i) {
      if (old_.partner[i] >= 0) continue;
      std::set<Feature> of = features(old_, old_.schemas[i]);
      for (size_t j = 0; j < new_features.size(); ++j) {
        if (new_.partner[j] >= 0 || of.empty() || new_features[j].empty()) continue;
        size_t common = 0;
        for (const Feature& f : of) common += new_features[j].count(f);
        double score = static_cast<double>(common) / static_cast<double>(of.size() + new_features[j].size() - common);
        if (score >= kMinSimilarity) candidates.push_back({score, i, j});
      }
    }
    std::stable_sort(candidates.begin(), candidates.end(),
                     [](const Candidate& a, const Candidate& b) { return a.score > b.score; });
    for (const Candidate& c : candidates)
      if (old_.partner[c.i] < 0 && new_.partner[c.j] < 0) link(c.i, c.j);
  }

  // What is left pairs in order when both sides have as many left.
  void pair_by_position() {
    std::vector<size_t> ol, nl;
    for (size_t i = 0; i < old_.partner.size(); ++i)
      if (old_.partner[i] < 0) ol.push_back(i);
    for (size_t j = 0; j < new_.partner.size(); ++j)
      if (new_.partner[j] < 0) nl.push_back(j);
    if (ol.size() != nl.size()) return;
    for (size_t k = 0; k < ol.size(); ++k) link(ol[k], nl[k]);
  }

  PairWalker& walker_;
  Side old_, new_;
};

}  // namespace

BranchPairing pair_branches(PairWalker& walker, const BranchList& old_list, const BranchList& new_list) {
  return Pairer(walker, old_list, new_list).run();
}

std::string branch_name(const SchemaHandle& h, size_t index) {
  if (std::string_view ref = ref_text(h); !ref.empty()) return std::string(last_segment(ref));
  if (h.node->is_object())
    if (std::string_view title = h.node->get_text("title"); !title.empty()) return std::string(title);
  return "#" + std::to_string(index);
}

bool inert_beside_composition(std::string_view key, const SchemaProfile& profile) {
  static constexpr std::string_view inert[] = {"description", "title", "examples", "$comment", "deprecated",
                                               "readOnly", "writeOnly", "default", "summary"};
  if (profile.is_annotation(key) || profile.is_nullable_key(key)) return true;
  return std::find(std::begin(inert), std::end(inert), key) != std::end(inert);
}

const std::vector<SchemaHandle>* alternatives_of(const Schema& s, const SchemaProfile& profile,
                                                 std::string_view& keyword) {
  if (s.boolean_schema || s.base || s.null_allowed || !s.node || !s.node->is_object() || !s.all_of.empty()) return nullptr;
  if (s.any_of.empty() == s.one_of.empty()) return nullptr;
  for (const core::Member& m : s.node->children())
    if (m.key != "anyOf" && m.key != "oneOf" && !(m.key == "discriminator" && profile.discriminator) &&
        !inert_beside_composition(m.key, profile))
      return nullptr;
  keyword = s.any_of.empty() ? "one-of" : "any-of";
  return s.any_of.empty() ? &s.one_of : &s.any_of;
}

}  // namespace accord::diff::schema_detail
