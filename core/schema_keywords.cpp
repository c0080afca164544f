// Reading one schema object's keywords into a core::Schema (JSON Schema's
// vocabulary, by dialect), then the format's own through its
// SchemaVocabulary. The graph that shares and resolves schemas is schema.cpp.
#include <algorithm>
#include <array>
#include <iterator>
#include <tuple>

#include "core/json_pointer.h"
#include "core/schema.h"

namespace accord::core {

namespace {

// The keywords read below. A schema object's members are matched against
// them once (Words); asking the object for each keyword instead was most of
// reading a schema: some 46 lookups, nearly all of them for absent keys.
constexpr std::string_view kWords[] = {
    "type", "properties", "required", "additionalProperties", "patternProperties", "propertyNames",
    "items", "prefixItems", "additionalItems", "contains", "dependencies", "dependentRequired",
    "dependentSchemas", "unevaluatedProperties", "unevaluatedItems", "enum", "const", "minimum",
    "exclusiveMinimum", "maximum", "exclusiveMaximum", "multipleOf", "minLength", "maxLength",
    "minItems", "maxItems", "minProperties", "maxProperties", "pattern", "format", "default",
    "minContains", "maxContains", "contentEncoding", "contentMediaType", "uniqueItems", "readOnly",
    "writeOnly", "deprecated", "allOf", "anyOf", "oneOf", "not", "if", "then", "else"};
constexpr size_t kWordCount = std::size(kWords);

// The index of a keyword, at compile time: a key that is not in kWords does not compile.
consteval size_t word(std::string_view key) {
  for (size_t i = 0; i < kWordCount; ++i)
    if (kWords[i] == key) return i;
  throw "not a keyword of kWords";
}

// A member's key -> candidate keywords: a hash of its length and end bytes
// into 64 buckets (at most 2 keywords share one; make_buckets checks that
// each fits when compiling).
constexpr size_t bucket_of(std::string_view key) {
  return (key.size() + static_cast<unsigned char>(key.front()) * 10 + static_cast<unsigned char>(key.back()) * 12) & 63;
}
struct WordBuckets {
  int8_t slot[64][2];
};
constexpr WordBuckets make_buckets() {
  WordBuckets b{};
  for (auto& bucket : b.slot)
    for (int8_t& s : bucket) s = -1;
  for (size_t i = 0; i < kWordCount; ++i) {
    int8_t* bucket = b.slot[bucket_of(kWords[i])];
    size_t free = 0;
    while (free < 2 && bucket[free] >= 0) ++free;
    if (free == 2) throw "a bucket overflows: change bucket_of";
    bucket[free] = static_cast<int8_t>(i);
  }
  return b;
}
constexpr WordBuckets kBuckets = make_buckets();

class Words {
 public:
  explicit Words(const Node* node) {
    for (const Member& m : node->children()) {
      if (m.key.empty()) continue;
      for (int8_t w : kBuckets.slot[bucket_of(m.key)])
        if (w >= 0 && kWords[w] == m.key) {
          at_[static_cast<size_t>(w)] = m.value;
          break;
        }
    }
  }
  const Node* operator[](size_t w) const { return at_[w]; }

 private:
  std::array<const Node*, kWordCount> at_{};
};

// Handles of one schema's subschemas, their pointers written into the graph's arena.
class HandleMaker {
 public:
  HandleMaker(std::string_view pointer, StringArena& strings) : pointer_(pointer), strings_(strings) {}

  SchemaHandle operator()(const Node* node, std::string_view key) const { return at(node, under(key)); }
  // "<pointer>/<key>", the base of a keyword's list or map of subschemas.
  std::string_view under(std::string_view key) const { return strings_.append(pointer_, key); }
  // The member `name` of the map at `base`: "<base>/<name>".
  SchemaHandle member(const Node* node, std::string_view base, std::string_view name) const {
    return at(node, strings_.append(base, name));
  }

  void list(const Node* list, std::string_view key, std::vector<SchemaHandle>& out) const {
    if (!list || !list->is_array()) return;
    std::string_view base = under(key);
    for (size_t i = 0; i < list->size(); ++i) out.push_back(at(list->at(i), strings_.append(base, i)));
  }

  void named(const Node* map, std::string_view key, std::vector<NamedHandle>& out) const {
    if (!map || !map->is_object()) return;
    std::string_view base = under(key);
    size_t inherited = out.size();  // non-zero only for a $ref with siblings
    out.reserve(inherited + map->size());
    for (const Member& m : map->children()) {
      NamedHandle named{m.key, at(m.value, strings_.append(base, m.key))};
      auto end = out.begin() + static_cast<std::ptrdiff_t>(inherited);
      auto same = std::find_if(out.begin(), end, [&](const NamedHandle& h) { return h.name == m.key; });
      if (same != end) *same = named;  // a sibling overrides the $ref base
      else out.push_back(named);
    }
  }

 private:
  static SchemaHandle at(const Node* node, std::string_view pointer) {
    SchemaHandle h;
    h.node = node;
    h.pointer = pointer;
    h.via_ref = reference_of(node) != nullptr;
    return h;
  }

  std::string_view pointer_;
  StringArena& strings_;
};

Bound read_bound(const Node* limit, const Node* exclusive, std::string_view key, std::string_view exclusive_key,
                 bool is_max) {
  Bound b;
  if (limit && limit->is_number()) b = Bound{true, limit->as_number(), false, limit, limit->text(), key};
  if (!exclusive) return b;
  if (exclusive->is_bool()) {  // draft-04 / OpenAPI 3.0: a flag on minimum/maximum
    if (b.present) b.exclusive = exclusive->as_bool();
    return b;
  }
  if (!exclusive->is_number()) return b;
  double value = exclusive->as_number();
  // Both given: the tighter one decides.
  bool tighter = !b.present || (is_max ? value <= b.value : value >= b.value);
  if (tighter) b = Bound{true, value, true, exclusive, exclusive->text(), exclusive_key};
  return b;
}

bool draft_at_most(Dialect d, Dialect last) { return d == Dialect::unknown || (d != Dialect::openapi30 && d <= last); }
bool draft_from(Dialect d, Dialect first) { return d == Dialect::unknown || (d != Dialect::openapi30 && d >= first); }

// `dependentRequired` / `dependentSchemas` (2019-09+) and their draft-04..07
// predecessor `dependencies`, whose entries are either kind.
void read_dependencies(const Words& words, const HandleMaker& handle, Schema& out, Dialect dialect) {
  auto required_entry = [&](const Member& m) {
    Schema::Dependency dep{m.key, {}, m.value};
    for (const Member& r : m.value->children())
      if (r.value->is_string()) dep.required.push_back(r.value->text());
    out.rare_mut().dependent_required.push_back(std::move(dep));
  };
  auto add_schema = [&](const Member& m, std::string_view base) {
    out.rare_mut().dependent_schemas.push_back({m.key, handle.member(m.value, base, m.key)});
  };
  auto schema_like = [](const Node* n) { return n->is_object() || n->is_bool(); };
  if (draft_at_most(dialect, Dialect::draft7))
    if (const Node* deps = words[word("dependencies")]; deps && deps->is_object()) {
      const std::string_view base = handle.under("dependencies");
      for (const Member& m : deps->children()) {
        if (m.value->is_array()) required_entry(m);
        else if (schema_like(m.value)) add_schema(m, base);
      }
    }
  if (!draft_from(dialect, Dialect::draft2019_09)) return;
  if (const Node* deps = words[word("dependentRequired")]; deps && deps->is_object())
    for (const Member& m : deps->children())
      if (m.value->is_array()) required_entry(m);
  if (const Node* deps = words[word("dependentSchemas")]; deps && deps->is_object()) {
    const std::string_view base = handle.under("dependentSchemas");
    for (const Member& m : deps->children())
      if (schema_like(m.value)) add_schema(m, base);
  }
}

// items / prefixItems / additionalItems by dialect: the array form of
// `items` is a tuple up to 2019-09, `prefixItems` is the tuple in 2020-12.
void read_items(const Words& words, const HandleMaker& handle, Schema& out, Dialect dialect) {
  const Node* items = words[word("items")];
  const Node* prefix = draft_from(dialect, Dialect::draft2020_12) ? words[word("prefixItems")] : nullptr;
  bool tuple_items = items && items->is_array() && draft_at_most(dialect, Dialect::draft2019_09);
  auto schema_like = [](const Node* n) { return n && (n->is_object() || n->is_bool()); };
  if (items || prefix) out.items_keyword = Keyword{items ? items : prefix, &out};
  if (prefix && prefix->is_array()) {
    out.prefix_items.clear();
    handle.list(prefix, "prefixItems", out.prefix_items);
    if (schema_like(items)) out.items = handle(items, "items");
  } else if (tuple_items) {
    out.prefix_items.clear();
    handle.list(items, "items", out.prefix_items);
    if (const Node* rest = words[word("additionalItems")]; schema_like(rest))
      out.items = handle(rest, "additionalItems");
  } else if (schema_like(items)) {
    out.items = handle(items, "items");
  }
  if (const Node* c = words[word("contains")]; schema_like(c)) out.rare_mut().contains = handle(c, "contains");
}

}  // namespace

void read_schema_keywords(const Node* node, std::string_view pointer, Schema& out, Dialect dialect,
                          const SchemaVocabulary& vocabulary, StringArena& strings) {
  const HandleMaker handle(pointer, strings);
  const Words words(node);
  out.dialect = dialect;
  out.vocabulary = &vocabulary;
  auto keyword = [&](size_t w) -> Keyword {
    const Node* value = words[w];
    return value ? Keyword{value, &out} : Keyword{};
  };
  auto take = [&](Keyword& slot, size_t w) {
    if (Keyword k = keyword(w)) slot = k;
  };

  if (Keyword k = keyword(word("type"))) {
    out.type_keyword = k;
    out.declared_types = 0;
    if (k.value->is_string()) out.declared_types = type_bit(k.value->text());
    else if (k.value->is_array())
      for (const Member& t : k.value->children()) out.declared_types |= type_bit(t.value->text());
  }

  handle.named(words[word("properties")], "properties", out.properties);
  if (Keyword k = keyword(word("required")); k && k.value->is_array()) {
    out.required_keyword = k;
    for (const Member& r : k.value->children())
      if (r.value->is_string() && !out.is_required(r.value->text())) out.required.push_back(r.value->text());
  }
  if (Keyword k = keyword(word("additionalProperties"))) {
    out.additional_keyword = k;
    if (k.value->is_bool()) {
      out.additional = k.value->as_bool() ? Schema::Additional::allowed : Schema::Additional::forbidden;
    } else if (k.value->is_object()) {
      out.additional = Schema::Additional::schema;
      out.additional_schema = handle(k.value, "additionalProperties");
    }
  }
  handle.named(words[word("patternProperties")], "patternProperties", out.pattern_properties);
  if (const Node* names = words[word("propertyNames")]) out.rare_mut().property_names = handle(names, "propertyNames");

  read_items(words, handle, out, dialect);
  read_dependencies(words, handle, out, dialect);
  for (auto [key, w, slot] : {std::tuple{"unevaluatedProperties", word("unevaluatedProperties"), &SchemaRare::unevaluated_properties},
                              std::tuple{"unevaluatedItems", word("unevaluatedItems"), &SchemaRare::unevaluated_items}})
    if (const Node* u = words[w]; u && (u->is_object() || u->is_bool())) out.rare_mut().*slot = handle(u, key);

  if (Keyword k = keyword(word("enum")); k && k.value->is_array()) {
    out.enum_keyword = k;
    out.enum_values = k.value;
  }
  if (Keyword k = keyword(word("const"))) {
    out.const_keyword = k;
    out.const_value = k.value;
  }

  if (const Node *at = words[word("minimum")], *exclusive = words[word("exclusiveMinimum")]; at || exclusive)
    out.minimum = read_bound(at, exclusive, "minimum", "exclusiveMinimum", false);
  if (const Node *at = words[word("maximum")], *exclusive = words[word("exclusiveMaximum")]; at || exclusive)
    out.maximum = read_bound(at, exclusive, "maximum", "exclusiveMaximum", true);
  take(out.multiple_of, word("multipleOf"));
  take(out.min_length, word("minLength"));
  take(out.max_length, word("maxLength"));
  take(out.min_items, word("minItems"));
  take(out.max_items, word("maxItems"));
  take(out.min_properties, word("minProperties"));
  take(out.max_properties, word("maxProperties"));
  take(out.pattern, word("pattern"));
  take(out.format, word("format"));
  take(out.default_value, word("default"));
  for (auto [slot, w] : {std::pair{&SchemaRare::min_contains, word("minContains")},
                         std::pair{&SchemaRare::max_contains, word("maxContains")},
                         std::pair{&SchemaRare::content_encoding, word("contentEncoding")},
                         std::pair{&SchemaRare::content_media_type, word("contentMediaType")}})
    if (Keyword k = keyword(w)) out.rare_mut().*slot = k;
  // Boolean keywords keep both the value and where it was written.
  auto take_flag = [&](Keyword& where, bool& flag, size_t w) {
    if (Keyword k = keyword(w)) {
      where = k;
      flag = k.value->as_bool();
    }
  };
  take_flag(out.unique_items_keyword, out.unique_items, word("uniqueItems"));
  take_flag(out.read_only_keyword, out.read_only, word("readOnly"));
  take_flag(out.write_only_keyword, out.write_only, word("writeOnly"));
  take_flag(out.deprecated_keyword, out.deprecated, word("deprecated"));

  struct Composition {
    const char* key;
    size_t word;
    std::vector<SchemaHandle>* list;
    Keyword* site;
  };
  for (Composition c : {Composition{"allOf", word("allOf"), &out.all_of, &out.all_of_keyword},
                        Composition{"anyOf", word("anyOf"), &out.any_of, &out.any_of_keyword},
                        Composition{"oneOf", word("oneOf"), &out.one_of, &out.one_of_keyword}})
    if (Keyword k = keyword(c.word); k && k.value->is_array()) {
      *c.site = k;
      handle.list(k.value, c.key, *c.list);
    }
  for (auto [key, w, slot] : {std::tuple{"not", word("not"), &SchemaRare::not_schema},
                              std::tuple{"if", word("if"), &SchemaRare::if_schema},
                              std::tuple{"then", word("then"), &SchemaRare::then_schema},
                              std::tuple{"else", word("else"), &SchemaRare::else_schema}})
    if (const Node* n = words[w]; n && (n->is_object() || n->is_bool())) out.rare_mut().*slot = handle(n, key);

  if (vocabulary.read) vocabulary.read(node, out, dialect, false);

  // Derived: the effective type set.
  uint8_t types = out.declared_types;
  bool compositional = !out.all_of.empty() || !out.any_of.empty() || !out.one_of.empty();
  if (types == 0 && !compositional) {
    if (!out.properties.empty() || out.additional != Schema::Additional::absent || !out.pattern_properties.empty() ||
        !out.required.empty())
      types = type_object;
    else if (out.items || !out.prefix_items.empty())
      types = type_array;
  }
  if (types & type_null) out.null_allowed = true;
  // `enum` listing null is one more way to admit null, where no `type`
  // keeps null out (or the vocabulary's flag let it in).
  if (out.enum_values && (out.declared_types == 0 || out.null_allowed))
    for (const Member& v : out.enum_values->children())
      if (v.value->is_null()) out.null_allowed = true;
  if (out.null_allowed && types != 0) types |= type_null;
  out.types = types;
}

}  // namespace accord::core
