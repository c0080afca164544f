#include "core/node.h"

#include <algorithm>
#include <charconv>
#include <cstdlib>

namespace accord::core {

namespace {
constexpr size_t kIndexThreshold = 8;  // below this a linear scan beats hashing
}

double Node::as_number() const {
  if (kind_ != Kind::number) return 0;
  std::string copy(text_);
  return std::strtod(copy.c_str(), nullptr);
}

const Node* Node::find_member(std::string_view key) const {
  if (index_) {
    auto it = index_->find(key);
    return it == index_->end() ? nullptr : children_[it->second].value;
  }
  for (const Member& m : children_)
    if (m.key == key) return m.value;
  return nullptr;
}

std::string_view Node::get_text(std::string_view key, std::string_view fallback) const {
  const Node* n = get(key);
  return n && n->is_scalar() && !n->is_null() ? n->text() : fallback;
}

bool Node::get_bool(std::string_view key, bool fallback) const {
  const Node* n = get(key);
  return n && n->is_bool() ? n->as_bool() : fallback;
}

bool Node::equals(const Node& other) const {
  if (this == &other) return true;
  if (kind_ != other.kind_) {
    return false;
  }
  switch (kind_) {
    case Kind::null:
      return true;
    case Kind::boolean:
    case Kind::string:
      return text_ == other.text_;
    case Kind::number:
      return text_ == other.text_ || as_number() == other.as_number();
    case Kind::array:
      if (children_.size() != other.children_.size()) return false;
      for (size_t i = 0; i < children_.size(); ++i)
        if (!children_[i].value->equals(*other.children_[i].value)) return false;
      return true;
    case Kind::object:
      if (children_.size() != other.children_.size()) return false;
      for (const Member& m : children_) {
        const Node* o = other.get(m.key);
        if (!o || !m.value->equals(*o)) return false;
      }
      return true;
  }
  return false;
}

Document::Document(std::string path) : file_(std::make_unique<SourceFile>(SourceFile{std::move(path)})) {}

Node* TreeBuilder::make(Node::Kind kind, uint32_t line, uint32_t column) {
  Node& n = doc_.nodes_.emplace_back();
  n.kind_ = kind;
  n.line_ = line;
  n.column_ = column;
  n.file_ = doc_.file_.get();
  return &n;
}

std::string_view TreeBuilder::keep(std::string_view text) {
  const std::string& src = doc_.source_;
  if (text.data() >= src.data() && text.data() + text.size() <= src.data() + src.size()) return text;
  return doc_.owned_text_.emplace_back(text);
}

std::string_view TreeBuilder::keep(std::string&& text) { return doc_.owned_text_.emplace_back(std::move(text)); }

void TreeBuilder::add_member(Node* object, std::string_view key, Node* value) {
  object->children_.push_back({key, value});
  note_key(object, key);
}

void TreeBuilder::set_children(Node* container, std::span<const Member> children) {
  container->children_.assign(children.begin(), children.end());
  if (container->is_object())
    for (const Member& m : children) note_key(container, m.key);
}

void TreeBuilder::note_key(Node* object, std::string_view key) {
  object->key_bits_ |= Node::key_bit(key);
  if (key.size() >= 2 && (key[0] == '$' || key[0] == 'i')) {
    Document::IdentifierKeys& ids = doc_.identifier_keys_;
    if (key == "$id") ++ids.dollar_id;
    else if (key == "id") ++ids.plain_id;
    else if (key == "$anchor" || key == "$dynamicAnchor") ++ids.anchors;
  }
}

void TreeBuilder::finish_object(Node* object) {
  auto& kids = object->children_;
  if (kids.size() <= kIndexThreshold) {
    // Keep only the last occurrence of a duplicated key (rare: look before copying).
    bool duplicated = false;
    for (size_t i = 0; i < kids.size() && !duplicated; ++i)
      for (size_t k = i + 1; k < kids.size() && !duplicated; ++k) duplicated = kids[k].key == kids[i].key;
    if (!duplicated) return;
    std::vector<Member> kept;
    for (size_t i = 0; i < kids.size(); ++i) {
      bool later = false;
      for (size_t k = i + 1; k < kids.size() && !later; ++k) later = kids[k].key == kids[i].key;
      if (!later) kept.push_back(kids[i]);
    }
    if (kept.size() != kids.size()) kids = std::move(kept);
    return;
  }
  auto index = std::make_unique<std::unordered_map<std::string_view, uint32_t>>();
  index->reserve(kids.size());
  bool duplicates = false;
  for (uint32_t i = 0; i < kids.size(); ++i) {
    auto [it, inserted] = index->try_emplace(kids[i].key, i);
    if (!inserted) {
      kids[it->second].value = nullptr;  // superseded
      it->second = i;
      duplicates = true;
    }
  }
  if (duplicates) {
    kids.erase(std::remove_if(kids.begin(), kids.end(), [](const Member& m) { return m.value == nullptr; }),
               kids.end());
    index->clear();
    for (uint32_t i = 0; i < kids.size(); ++i) (*index)[kids[i].key] = i;
  }
  object->index_ = std::move(index);
}

}  // namespace accord::core
