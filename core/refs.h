// $ref resolution across a set of documents: local pointers, relative files
// (which may reference further files), and remote URLs through an injected
// RemoteSource (core never touches the network itself; the CLI hands one in
// only with --allow-remote-refs). Resolution is lazy and per reference, so a
// recursive schema is just a reference back up the tree, never an error.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>

#include "core/expected.h"
#include "core/node.h"
#include "core/source.h"

namespace accord::core {

class RemoteSource {
 public:
  virtual ~RemoteSource() = default;
  virtual Expected<std::string> fetch(const std::string& url) = 0;
};

struct Resolved {
  const Node* node = nullptr;
  const Document* document = nullptr;
  std::string pointer;  // JSON Pointer of `node` inside `document` ("" is the root)
};

class DocumentSet {
 public:
  // Files (the $ref'd ones too) are read through `source` when it is given
  // (a git revision, say), else from the file system.
  explicit DocumentSet(RemoteSource* remote = nullptr, const SourceReader* source = nullptr)
      : remote_(remote), source_(source) {}

  // Loads (once) the file or URL `location` and returns its document.
  Expected<const Document*> load(const std::string& location);
  // Takes ownership of an already loaded document (e.g. one read from git).
  const Document* adopt(std::unique_ptr<Document> doc, std::string location = {});

  // If `node` is an object with a string `$ref`, follows the chain of
  // references to the first node that is not a bare reference. Otherwise
  // returns `node` itself with `pointer_hint` as its pointer.
  // Errors name the file:line:col of the offending `$ref`.
  Expected<Resolved> resolve(const Node* node, std::string pointer_hint = {});

  // Resolves one reference string as written in the document that holds `at`.
  // A fragment is a JSON Pointer or a plain name (`$anchor`, `$dynamicAnchor`,
  // draft-06/07 `$id: '#name'`, draft-04 `id: '#name'`).
  Expected<Resolved> resolve_ref(std::string_view ref, const Node* at);

  // `$recursiveRef` (2019-09; `recursive`) or `$dynamicRef` (2020-12): resolved
  // as `$ref`, then, when that target opens a dynamic scope (`$recursiveAnchor:
  // true`, or a `$dynamicAnchor` of the same name), redirected to the
  // outermost schema resource of the referring document that declares the
  // same anchor. A comparison starts at a document's root, so that root is
  // the outermost dynamic scope an instance is validated in.
  Expected<Resolved> resolve_dynamic_ref(std::string_view ref, const Node* at, bool recursive);

  // Adds nodes beside an adopted or loaded document: a format's normaliser
  // uses it for shapes the document implies but does not spell out (a
  // Swagger 2.0 operation's formData fields as one request-body schema).
  // The new nodes belong to `doc`'s file, so their positions and the
  // `$ref`s in them resolve as if written there; existing nodes never change.
  // Null when `doc` is not in this set.
  std::optional<TreeBuilder> derive(const Document* doc);

  // The document that owns `node` (nullptr for a node from elsewhere).
  const Document* document_of(const Node* node) const;
  // Where the document was loaded from (file path or URL).
  std::string location_of(const Document* doc) const;

 private:
  // JSON Schema `$id`s inside a document name resources of their own (a
  // bundled schema): `$ref`s to those URIs resolve to the embedded node,
  // and `$ref`s written under an `$id` resolve against that base URI.
  // `pointer` is one buffer grown and shrunk along the walk (a big schema
  // has ~10^5 nodes; a string per node cost more than the parse).
  void index_document(const Document* doc, const Node* root, const std::string& location);
  // The base URI `node`'s own `$id` (`id` in draft-04) sets under `base`; nothing without one.
  std::optional<std::string> own_base(const Node* node, const std::string& base) const;
  void index_ids(const Document* doc, const Node* node, const std::string& base, std::string& pointer);
  void index_anchor(const Document* doc, const Node* node, const std::string& base, const std::string& pointer);
  Expected<Resolved> resolve_ref_uncached(std::string_view ref, const Node* at);
  std::string_view id_key_ = "$id";  // "id" while indexing a draft-04 document
  // "<resource uri>" and "<resource uri>#<anchor>" -> the node they name.
  std::map<std::string, Resolved> embedded_;
  std::unordered_map<const Node*, std::string> ref_base_;  // a `$ref` value node -> its `$id` base (when not the file)
  // The `$id` base a `$ref` resolves against: its entry in ref_base_, else
  // its document's root base, else (nullptr) the document's location.
  const std::string* base_of(const Node* at, const Document* from) const;
  // A document's root `$id` base, when it has one: `$ref`s under it that no
  // nested `$id` rebases resolve against it (no ref_base_ entry each).
  std::unordered_map<const Document*, std::string> root_bases_;
  std::string root_base_;  // of the document index_ids walks
  // Successful resolutions by `$ref` value node: a comparison asks for the
  // same reference thousands of times. Cleared when a document is adopted
  // (its `$id`s may name new resources).
  std::unordered_map<const Node*, Resolved> ref_cache_;
  RemoteSource* remote_;
  const SourceReader* source_;
  std::map<std::string, std::unique_ptr<Document>> by_location_;
  std::unordered_map<const SourceFile*, std::pair<const Document*, std::string>> by_file_;
};

// Joins a reference's file part with the location of the referring document.
std::string join_location(const std::string& base, const std::string& relative);
bool is_remote(std::string_view location);

}  // namespace accord::core
