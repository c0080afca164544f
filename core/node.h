// The document tree shared by every format: JSON and YAML load into the same
// immutable Node graph, and every node remembers where it came from so that a
// finding can name file:line:col in both versions of a contract.
#pragma once

#include <cstdint>
#include <deque>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/stable_pool.h"

namespace accord::core {

// One loaded file. Nodes point at it so a node alone can say where it is.
struct SourceFile {
  std::string path;  // as the user named it (used in messages)
};

struct SourceLocation {
  const SourceFile* file = nullptr;
  uint32_t line = 0;    // 1-based; 0 = unknown
  uint32_t column = 0;  // 1-based; 0 = unknown
  std::string_view path() const { return file ? std::string_view(file->path) : std::string_view(); }
};

class Node;

struct Member {
  std::string_view key;
  Node* value = nullptr;
};

class Node {
 public:
  enum class Kind : uint8_t { null, boolean, number, string, array, object };

  Kind kind() const { return kind_; }
  bool is_null() const { return kind_ == Kind::null; }
  bool is_bool() const { return kind_ == Kind::boolean; }
  bool is_number() const { return kind_ == Kind::number; }
  bool is_string() const { return kind_ == Kind::string; }
  bool is_array() const { return kind_ == Kind::array; }
  bool is_object() const { return kind_ == Kind::object; }
  bool is_scalar() const { return kind_ != Kind::array && kind_ != Kind::object; }

  // Scalars keep their text: the string value, the number's lexeme
  // ("1.50" stays "1.50"), "true"/"false", or "null".
  std::string_view text() const { return text_; }
  bool as_bool() const { return kind_ == Kind::boolean && text_ == "true"; }
  double as_number() const;  // 0 when not a number

  // Arrays: items in order. Objects: members in document order.
  const std::vector<Member>& children() const { return children_; }
  size_t size() const { return children_.size(); }
  const Node* at(size_t index) const {
    return index < children_.size() ? children_[index].value : nullptr;
  }
  // Object member lookup; nullptr when absent or when this is not an object.
  // Inline for the common answer, "absent": with a literal key the bit is a
  // constant, so a schema asking for the keywords it lacks costs a test each.
  const Node* get(std::string_view key) const {
    if (kind_ != Kind::object || (!index_ && !(key_bits_ & key_bit(key)))) return nullptr;
    return find_member(key);
  }
  // Convenience for optional scalar members.
  std::string_view get_text(std::string_view key, std::string_view fallback = {}) const;
  bool get_bool(std::string_view key, bool fallback = false) const;

  SourceLocation location() const { return {file_, line_, column_}; }

  // Deep structural equality, ignoring positions and object member order.
  bool equals(const Node& other) const;

 private:
  friend class Document;
  friend class TreeBuilder;

  Kind kind_ = Kind::null;
  uint32_t line_ = 0;
  uint32_t column_ = 0;
  // One bit per key an object has (key_bit; in what was padding): get() answers
  // most absent keys without comparing any. Reading a schema asks each object
  // for some 40 keywords it mostly lacks: a quarter of loading a large one.
  uint32_t key_bits_ = 0;
  const SourceFile* file_ = nullptr;
  std::string_view text_;
  std::vector<Member> children_;
  // Built once children are final, only for large objects (lookups in
  // `paths` or `components/schemas` of a big spec would otherwise be O(n)).
  std::unique_ptr<std::unordered_map<std::string_view, uint32_t>> index_;

  const Node* find_member(std::string_view key) const;  // get() past the quick answers
  static constexpr uint32_t key_bit(std::string_view key) {
    if (key.empty()) return 1;
    const unsigned first = static_cast<unsigned char>(key.front()), last = static_cast<unsigned char>(key.back());
    return 1u << ((key.size() * 5 + first + last * 3) & 31);
  }
};

// Owns the nodes and the text of one loaded file.
class Document {
 public:
  explicit Document(std::string path);
  Document(const Document&) = delete;
  Document& operator=(const Document&) = delete;

  const SourceFile& file() const { return *file_; }
  const std::string& path() const { return file_->path; }
  const Node* root() const { return root_; }
  size_t node_count() const { return nodes_.size(); }
  // How many object members anywhere in the document are named `$id`, `id`,
  // or `$anchor` / `$dynamicAnchor`: counted while loading, so a JSON Schema
  // whose only identifier is its root's needs no walk to find the others.
  struct IdentifierKeys {
    uint32_t dollar_id = 0;
    uint32_t plain_id = 0;
    uint32_t anchors = 0;
  };
  const IdentifierKeys& identifier_keys() const { return identifier_keys_; }

 private:
  friend class TreeBuilder;
  IdentifierKeys identifier_keys_;
  std::unique_ptr<SourceFile> file_;
  std::string source_;  // the raw text; string views may point into it
  StablePool<Node, 1024> nodes_;
  std::deque<std::string> owned_text_;  // unescaped strings that differ from the source
  Node* root_ = nullptr;
};

// The only way to build a Document: loaders use it, tests may too.
class TreeBuilder {
 public:
  explicit TreeBuilder(Document& doc) : doc_(doc) {}
  std::string& source() { return doc_.source_; }
  Node* make(Node::Kind kind, uint32_t line, uint32_t column);
  // Text that lives as long as the document (copied unless it already points into source()).
  std::string_view keep(std::string_view text);
  std::string_view keep(std::string&& text);
  void set_text(Node* node, std::string_view text) { node->text_ = text; }
  void add_item(Node* array, Node* item) { array->children_.push_back({{}, item}); }
  // Duplicate keys: the last one wins, as in most JSON parsers.
  void add_member(Node* object, std::string_view key, Node* value);
  // All of an array's items or an object's members at once, in one
  // allocation of the exact size (a vector grown member by member was a
  // fifth of parsing). Objects still need finish_object().
  void set_children(Node* container, std::span<const Member> children);
  // Call once an object's members are complete.
  void finish_object(Node* object);
  void set_root(Node* root) { doc_.root_ = root; }

 private:
  void note_key(Node* object, std::string_view key);
  Document& doc_;
};

}  // namespace accord::core
