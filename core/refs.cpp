#include "core/refs.h"

#include <unordered_set>

#include "core/json_pointer.h"
#include "core/limits.h"
#include "core/loader.h"

namespace accord::core {


// http(s) and any other `scheme://` URI (a `$ref: ory://tracing-config` is
// no file path); only a RemoteSource can answer for those.
bool is_remote(std::string_view location) {
  size_t sep = location.find("://");
  if (sep == std::string_view::npos || sep == 0) return false;
  for (char c : location.substr(0, sep))
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.'))
      return false;
  return location.substr(0, sep) != "file";
}

std::string join_location(const std::string& base, const std::string& relative) {
  if (relative.empty()) return base;
  if (is_remote(relative) || relative[0] == '/') return relative;
  size_t slash = base.rfind('/');
  std::string dir = slash == std::string::npos ? std::string() : base.substr(0, slash + 1);
  std::string joined = dir + relative;
  // Fold "./" and "dir/../" so the same file reached two ways is loaded once.
  std::vector<std::string> parts;
  size_t start = 0;
  std::string prefix;
  if (is_remote(joined)) {
    size_t host_end = joined.find('/', joined.find("//") + 2);
    if (host_end == std::string::npos) return joined;
    prefix = joined.substr(0, host_end);
    start = host_end;
  }
  bool absolute = start < joined.size() && joined[start] == '/';
  for (size_t i = start; i <= joined.size();) {
    size_t next = joined.find('/', i);
    if (next == std::string::npos) next = joined.size();
    std::string part = joined.substr(i, next - i);
    if (part == "..") {
      if (!parts.empty() && parts.back() != "..") parts.pop_back();
      else if (!absolute) parts.push_back(part);
    } else if (!part.empty() && part != ".") {
      parts.push_back(part);
    }
    i = next + 1;
  }
  std::string out = prefix + (absolute ? "/" : "");
  for (size_t i = 0; i < parts.size(); ++i) out += (i ? "/" : "") + parts[i];
  return out;
}

Expected<const Document*> DocumentSet::load(const std::string& location) {
  auto it = by_location_.find(location);
  if (it != by_location_.end()) return static_cast<const Document*>(it->second.get());
  Expected<std::unique_ptr<Document>> doc = make_error("unreachable");
  if (is_remote(location)) {
    if (!remote_) return make_error("remote reference not allowed (pass --allow-remote-refs): " + location);
    auto text = remote_->fetch(location);
    if (!text) return text.error();
    doc = load_text(location, std::move(*text));
  } else if (source_) {
    auto text = source_->read(location);
    if (!text) return text.error();
    doc = load_text(location, std::move(*text));
  } else {
    doc = load_file(location);
  }
  if (!doc) return doc.error();
  return adopt(std::move(*doc), location);
}

const Document* DocumentSet::adopt(std::unique_ptr<Document> doc, std::string location) {
  if (location.empty()) location = doc->path();
  const Document* raw = doc.get();
  by_file_[&raw->file()] = {raw, location};
  by_location_[location] = std::move(doc);
  // Only JSON Schema documents carry `$id`s worth a walk.
  const Node* root = raw->root();
  if (!root || !root->is_object()) return raw;
  const Node* dialect = root->get("$schema");
  bool draft4 = dialect && dialect->is_string() && dialect->text().find("draft-04") != std::string_view::npos;
  const Node* old_id = root->get("id");
  if (draft4 || (!dialect && !root->get("$id") && old_id && old_id->is_string())) id_key_ = "id";
  ref_cache_.clear();
  if (dialect || root->get("$id") || id_key_ == "id") index_document(raw, root, location);
  id_key_ = "$id";
  return raw;
}

std::optional<std::string> DocumentSet::own_base(const Node* node, const std::string& base) const {
  const Node* id = node->get(id_key_);
  if (!id || !id->is_string() || id->text().empty() || id->text()[0] == '#') return std::nullopt;  // "#name" is an anchor
  return join_location(base, std::string(id->text().substr(0, id->text().find('#'))));
}

void DocumentSet::index_document(const Document* doc, const Node* root, const std::string& location) {
  // The root's own base: `$ref`s under it resolve against it unless a nested `$id` says otherwise.
  root_base_ = location;
  if (auto own = own_base(root, location)) root_base_ = std::move(*own);
  if (root_base_ != location) root_bases_[doc] = root_base_;
  // Identifiers below the root are what the walk is for: most documents
  // have none, and the walk over a big one cost as much as its parse.
  const Document::IdentifierKeys& keys = doc->identifier_keys();
  const uint32_t anywhere = (id_key_ == "id" ? keys.plain_id : keys.dollar_id) + keys.anchors;
  const uint32_t at_root = (root->get(id_key_) ? 1 : 0) + (root->get("$anchor") ? 1 : 0) +
                           (root->get("$dynamicAnchor") ? 1 : 0);
  if (anywhere <= at_root) {
    if (root_base_ != location) embedded_.try_emplace(root_base_, Resolved{root, doc, ""});
    index_anchor(doc, root, root_base_, "");
    return;
  }
  std::string pointer;
  index_ids(doc, root, location, pointer);
}

void DocumentSet::index_ids(const Document* doc, const Node* node, const std::string& base, std::string& pointer) {
  const size_t length = pointer.size();
  if (node->is_array()) {
    for (size_t i = 0; i < node->size(); ++i) {
      const Node* item = node->at(i);
      if (!item->is_object() && !item->is_array()) continue;
      pointer += '/';
      pointer += std::to_string(i);
      index_ids(doc, item, base, pointer);
      pointer.resize(length);
    }
    return;
  }
  if (!node->is_object()) return;
  const std::string* here = &base;
  std::optional<std::string> own = own_base(node, base);
  if (own) {
    here = &*own;
    embedded_.try_emplace(*own, Resolved{node, doc, pointer});
  }
  index_anchor(doc, node, *here, pointer);
  for (const Member& m : node->children()) {
    if (m.key == "$ref" && m.value->is_string()) {
      if (*here != root_base_) ref_base_[m.value] = *here;
      continue;
    }
    // Keywords whose values are data, not schemas: a `$id` there names nothing.
    if (m.key == "enum" || m.key == "const" || m.key == "examples" || m.key == "default") continue;
    if (!m.value->is_object() && !m.value->is_array()) continue;
    pointer += '/';
    pointer += pointer_escape(m.key);
    index_ids(doc, m.value, *here, pointer);
    pointer.resize(length);
  }
}

void DocumentSet::index_anchor(const Document* doc, const Node* node, const std::string& base,
                               const std::string& pointer) {
  auto name_of = [&](std::string_view key, bool after_hash) -> std::string_view {
    const Node* v = node->get(key);
    if (!v || !v->is_string() || v->text().empty()) return {};
    std::string_view text = v->text();
    if (!after_hash) return text;
    return text[0] == '#' && text.size() > 1 && text[1] != '/' ? text.substr(1) : std::string_view();
  };
  for (std::string_view name : {name_of("$anchor", false), name_of("$dynamicAnchor", false), name_of(id_key_, true)})
    if (!name.empty()) embedded_.try_emplace(base + "#" + std::string(name), Resolved{node, doc, pointer});
}

std::optional<TreeBuilder> DocumentSet::derive(const Document* doc) {
  for (auto& [location, owned] : by_location_)
    if (owned.get() == doc) return TreeBuilder(*owned);
  return std::nullopt;
}

const Document* DocumentSet::document_of(const Node* node) const {
  if (!node) return nullptr;
  auto it = by_file_.find(node->location().file);
  return it == by_file_.end() ? nullptr : it->second.first;
}

std::string DocumentSet::location_of(const Document* doc) const {
  if (!doc) return {};
  auto it = by_file_.find(&doc->file());
  return it == by_file_.end() ? doc->path() : it->second.second;
}

Expected<Resolved> DocumentSet::resolve_ref(std::string_view ref, const Node* at) {
  // Only the reference written at `at` is cached (a caller may resolve another string from there).
  bool cacheable = at && at->is_string() && at->text() == ref;
  if (cacheable)
    if (auto it = ref_cache_.find(at); it != ref_cache_.end()) return it->second;
  auto resolved = resolve_ref_uncached(ref, at);
  if (cacheable && resolved) ref_cache_.emplace(at, *resolved);
  return resolved;
}

// A pointer fragment that resolved is already in canonical form unless it
// carries percent-escapes (decoded by pointer_split, never re-encoded).
static std::string canonical_pointer(std::string_view prefix, const std::string& fragment) {
  std::string canonical(prefix);
  if (fragment.find('%') == std::string::npos) return canonical + fragment;
  std::vector<std::string> tokens;
  pointer_split("#" + fragment, tokens);
  for (const auto& t : tokens) canonical = pointer_append(canonical, t);
  return canonical;
}

const std::string* DocumentSet::base_of(const Node* at, const Document* from) const {
  if (auto it = ref_base_.find(at); it != ref_base_.end()) return &it->second;
  if (auto it = root_bases_.find(from); it != root_bases_.end()) return &it->second;
  return nullptr;
}

Expected<Resolved> DocumentSet::resolve_ref_uncached(std::string_view ref, const Node* at) {
  const Document* from = document_of(at);
  const SourceLocation loc = at ? at->location() : SourceLocation{};
  auto fail = [&](const std::string& why) {
    return make_error(why, std::string(loc.path()), loc.line, loc.column);
  };
  size_t hash = ref.find('#');
  std::string file_part(ref.substr(0, hash));
  std::string fragment(hash == std::string_view::npos ? std::string_view() : ref.substr(hash + 1));
  const Document* target = from;
  const Resolved* resource = nullptr;  // an embedded `$id` resource the ref lands in
  const std::string* base = base_of(at, from);
  if (file_part.empty() && base) {
    auto it = embedded_.find(*base);
    if (it != embedded_.end()) resource = &it->second;
  } else if (!file_part.empty()) {
    if (!from) return fail("cannot resolve $ref '" + std::string(ref) + "': unknown referring document");
    std::string location = join_location(base ? *base : location_of(from), file_part);
    if (auto it = embedded_.find(location); it != embedded_.end()) resource = &it->second;
  }
  if (!fragment.empty() && fragment[0] != '/') {
    // A plain name: an anchor of the resource the reference lands in.
    std::string resource_uri = file_part.empty()
                                   ? (base ? *base : location_of(from))
                                   : join_location(base ? *base : location_of(from), file_part);
    if (!file_part.empty() && !embedded_.count(resource_uri) && !is_remote(resource_uri)) (void)load(resource_uri);
    if (auto it = embedded_.find(resource_uri + "#" + fragment); it != embedded_.end()) return it->second;
    return fail("dangling $ref '" + std::string(ref) + "': no anchor '" + fragment + "' in that schema resource");
  }
  if (resource) {
    const Node* node = pointer_resolve(resource->node, "#" + fragment);
    if (!node) return fail("dangling $ref '" + std::string(ref) + "': nothing at that pointer");
    return Resolved{node, resource->document, canonical_pointer(resource->pointer, fragment)};
  }
  if (!file_part.empty()) {
    std::string location = join_location(base ? *base : location_of(from), file_part);
    auto loaded = load(location);
    if (!loaded) {
      Error e = fail("cannot resolve $ref '" + std::string(ref) + "': " + loaded.error().render());
      e.missing_file = loaded.error().missing_file;
      return e;
    }
    target = *loaded;
  }
  if (!target) return fail("cannot resolve $ref '" + std::string(ref) + "'");
  std::string pointer = "#" + fragment;
  const Node* node = pointer_resolve(target->root(), pointer);
  if (!node) return fail("dangling $ref '" + std::string(ref) + "': nothing at that pointer");
  return Resolved{node, target, canonical_pointer("", fragment)};
}

Expected<Resolved> DocumentSet::resolve_dynamic_ref(std::string_view ref, const Node* at, bool recursive) {
  auto target = resolve_ref(ref, at);
  if (!target) return target;
  const Document* from = document_of(at);
  const Node* root = from ? from->root() : nullptr;
  if (!root || !root->is_object() || !target->node->is_object()) return target;
  if (recursive) {
    auto anchored = [](const Node* n) {
      const Node* a = n->get("$recursiveAnchor");
      return a && a->is_bool() && a->as_bool();
    };
    if (anchored(target->node) && anchored(root)) return Resolved{root, from, ""};
    return target;
  }
  size_t hash = ref.find('#');
  std::string_view name = hash == std::string_view::npos ? std::string_view() : ref.substr(hash + 1);
  const Node* declared = target->node->get("$dynamicAnchor");
  if (name.empty() || name[0] == '/' || !declared || !declared->is_string() || declared->text() != name) return target;
  auto outer = embedded_.find(location_of(from) + "#" + std::string(name));
  if (outer == embedded_.end()) return target;
  const Node* outer_anchor = outer->second.node->get("$dynamicAnchor");
  return outer_anchor && outer_anchor->is_string() && outer_anchor->text() == name ? outer->second : *target;
}

Expected<Resolved> DocumentSet::resolve(const Node* node, std::string pointer_hint) {
  Resolved cur{node, document_of(node), std::move(pointer_hint)};
  std::unordered_set<const Node*> seen;
  for (int hops = 0; hops <= kMaxRefChain; ++hops) {
    if (!cur.node || !cur.node->is_object()) return cur;
    const Node* ref = cur.node->get("$ref");
    if (!ref || !ref->is_string()) return cur;
    if (!seen.insert(cur.node).second) {
      const SourceLocation loc = node->location();
      return make_error("circular $ref chain (a reference that only refers to itself)", std::string(loc.path()),
                        loc.line, loc.column);
    }
    auto next = resolve_ref(ref->text(), ref);
    if (!next) return next.error();
    cur = std::move(*next);
  }
  const SourceLocation loc = node->location();
  return make_error("$ref chain longer than " + std::to_string(kMaxRefChain) + " references", std::string(loc.path()),
                    loc.line, loc.column);
}

}  // namespace accord::core
