// YAML into the shared tree, through yaml-cpp's event parser.
// Scalars are typed with the YAML 1.2 core schema (so `on`, `off`, `yes` stay
// strings, unlike yaml-cpp's own 1.1-style conversions). An alias shares the
// anchored node instead of copying it; the "expanded size" of the document
// (what a walker would visit) is bounded, so an alias bomb is an error.
#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <sstream>
#include <unordered_map>

#include "core/loader.h"

namespace accord::core {

namespace {

struct Frame {
  Node* node = nullptr;
  YAML::anchor_t anchor = 0;
  uint64_t expanded = 1;  // nodes a full walk below (and including) this one visits
  bool expect_key = true; // maps: the next scalar is a key
  std::string_view pending_key;
  std::vector<Node*> merges;  // values of `<<` keys, applied at the end of the map
};

bool is_plain_tag(const std::string& tag) { return tag == "?" || tag.empty(); }

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// [-+]? ( \.[0-9]+ | [0-9]+ ( \.[0-9]* )? ) ( [eE] [-+]? [0-9]+ )?
bool is_core_float(std::string_view v) {
  size_t i = 0;
  if (i < v.size() && (v[i] == '-' || v[i] == '+')) ++i;
  size_t int_digits = 0, frac_digits = 0;
  while (i < v.size() && is_digit(v[i])) ++i, ++int_digits;
  if (i < v.size() && v[i] == '.') {
    ++i;
    while (i < v.size() && is_digit(v[i])) ++i, ++frac_digits;
  }
  if (int_digits == 0 && frac_digits == 0) return false;
  if (i < v.size() && (v[i] == 'e' || v[i] == 'E')) {
    ++i;
    if (i < v.size() && (v[i] == '-' || v[i] == '+')) ++i;
    size_t exp_digits = 0;
    while (i < v.size() && is_digit(v[i])) ++i, ++exp_digits;
    if (exp_digits == 0) return false;
  }
  return i == v.size();
}

// 0x[0-9a-fA-F]+ | 0o[0-7]+
bool is_core_hex_or_octal(std::string_view v) {
  if (v.size() < 3 || v[0] != '0' || (v[1] != 'x' && v[1] != 'o')) return false;
  for (size_t i = 2; i < v.size(); ++i) {
    char c = v[i];
    bool ok = v[1] == 'o' ? (c >= '0' && c <= '7') : (is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'));
    if (!ok) return false;
  }
  return true;
}

// YAML 1.2 core schema resolution of an untagged plain scalar.
Node::Kind resolve_plain(const std::string& v) {
  if (v.empty() || v == "~" || v == "null" || v == "Null" || v == "NULL") return Node::Kind::null;
  if (v == "true" || v == "True" || v == "TRUE" || v == "false" || v == "False" || v == "FALSE")
    return Node::Kind::boolean;
  const char c = v[0];
  if ((is_digit(c) || c == '-' || c == '+' || c == '.') && (is_core_float(v) || is_core_hex_or_octal(v)))
    return Node::Kind::number;
  return Node::Kind::string;
}

// Numbers are kept as JSON-style lexemes so that JSON and YAML versions of a
// spec compare equal ("+1" and "1." become "1" and "1.0").
std::string normalise_number(const std::string& v) {
  if (v.rfind("0x", 0) == 0) return std::to_string(std::stoull(v.substr(2), nullptr, 16));
  if (v.rfind("0o", 0) == 0) return std::to_string(std::stoull(v.substr(2), nullptr, 8));
  std::string s = v[0] == '+' ? v.substr(1) : v;
  if (!s.empty() && s.back() == '.') s += '0';
  if (s.size() > 1 && s[0] == '.') s = "0" + s;
  if (s.size() > 2 && s[0] == '-' && s[1] == '.') s = "-0" + s.substr(1);
  return s;
}

class TreeHandler : public YAML::EventHandler {
 public:
  TreeHandler(TreeBuilder& builder, const std::string& path, uint64_t max_expanded)
      : builder_(builder), path_(path), max_expanded_(max_expanded) {}

  bool failed() const { return failed_; }
  const Error& error() const { return error_; }
  Node* root() const { return root_; }

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    Node* n = make(Node::Kind::null, mark);
    builder_.set_text(n, "null");
    complete(n, anchor, 1, mark);
  }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    auto it = anchors_.find(anchor);
    if (it == anchors_.end()) return fail("alias to an unknown anchor", mark);
    complete(it->second.node, 0, it->second.expanded, mark);
  }

  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    if (failed_) return;
    // Keys are never typed: `200:` and `on:` are both member names.
    if (!stack_.empty() && stack_.back().node->is_object() && stack_.back().expect_key) {
      stack_.back().pending_key = builder_.keep(std::string(value));
      stack_.back().expect_key = false;
      return;
    }
    Node::Kind kind = Node::Kind::string;
    if (is_plain_tag(tag)) {
      kind = resolve_plain(value);
    } else if (tag == "tag:yaml.org,2002:int" || tag == "tag:yaml.org,2002:float") {
      kind = resolve_plain(value) == Node::Kind::number ? Node::Kind::number : Node::Kind::string;
    } else if (tag == "tag:yaml.org,2002:bool") {
      kind = resolve_plain(value) == Node::Kind::boolean ? Node::Kind::boolean : Node::Kind::string;
    } else if (tag == "tag:yaml.org,2002:null") {
      kind = Node::Kind::null;
    }
    Node* n = make(kind, mark);
    switch (kind) {
      case Node::Kind::null: builder_.set_text(n, "null"); break;
      case Node::Kind::boolean: builder_.set_text(n, (value[0] == 't' || value[0] == 'T') ? "true" : "false"); break;
      case Node::Kind::number: builder_.set_text(n, builder_.keep(normalise_number(value))); break;
      default: builder_.set_text(n, builder_.keep(std::string(value))); break;
    }
    complete(n, anchor, 1, mark);
  }

  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    if (!key_allowed(mark)) return;
    push_frame(make(Node::Kind::array, mark), anchor);
  }
  void OnSequenceEnd() override { close(); }

  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    if (!key_allowed(mark)) return;
    push_frame(make(Node::Kind::object, mark), anchor);
  }
  void OnMapEnd() override {
    if (failed_ || stack_.empty()) return;
    Frame& f = stack_.back();
    // YAML merge keys (`<<: *base`): members not set here come from the merged maps.
    for (Node* merged : f.merges) {
      std::vector<const Node*> sources;
      if (merged->is_object()) sources.push_back(merged);
      else if (merged->is_array())
        for (const Member& m : merged->children()) sources.push_back(m.value);
      for (const Node* src : sources) {
        if (!src->is_object()) continue;
        for (const Member& m : src->children())
          if (!has_key(f.node, m.key)) builder_.add_member(f.node, m.key, m.value);
      }
    }
    builder_.finish_object(f.node);
    close();
  }

 private:
  TreeBuilder& builder_;
  const std::string& path_;
  uint64_t max_expanded_;
  std::vector<Frame> stack_;
  struct Anchored {
    Node* node;
    uint64_t expanded;
  };
  std::unordered_map<YAML::anchor_t, Anchored> anchors_;
  Node* root_ = nullptr;
  bool failed_ = false;
  Error error_;

  static bool has_key(const Node* obj, std::string_view key) {
    for (const Member& m : obj->children())
      if (m.key == key) return true;
    return false;
  }

  void push_frame(Node* node, YAML::anchor_t anchor) {
    Frame f;
    f.node = node;
    f.anchor = anchor;
    stack_.push_back(std::move(f));
  }

  Node* make(Node::Kind kind, const YAML::Mark& mark) {
    return builder_.make(kind, static_cast<uint32_t>(mark.line + 1), static_cast<uint32_t>(mark.column + 1));
  }

  void fail(const std::string& message, const YAML::Mark& mark) {
    if (failed_) return;
    failed_ = true;
    error_ = make_error(message, path_, static_cast<uint32_t>(mark.line + 1), static_cast<uint32_t>(mark.column + 1));
  }

  bool key_allowed(const YAML::Mark& mark) {
    if (failed_) return false;
    if (!stack_.empty() && stack_.back().node->is_object() && stack_.back().expect_key) {
      fail("complex (non-scalar) mapping keys are not supported", mark);
      return false;
    }
    return true;
  }

  void close() {
    if (failed_ || stack_.empty()) return;
    Frame f = std::move(stack_.back());
    stack_.pop_back();
    complete(f.node, f.anchor, f.expanded, YAML::Mark());
  }

  // A finished value: attach it to its parent and account for its expanded size.
  void complete(Node* n, YAML::anchor_t anchor, uint64_t expanded, const YAML::Mark& mark) {
    if (failed_) return;
    if (anchor) anchors_[anchor] = Anchored{n, expanded};
    if (stack_.empty()) {
      root_ = n;
      if (expanded > max_expanded_) fail("alias expansion too large (possible alias bomb)", mark);
      return;
    }
    Frame& parent = stack_.back();
    parent.expanded += expanded;
    if (parent.expanded > max_expanded_) {
      YAML::Mark at = mark;
      if (at.line < 0 || (at.line == 0 && at.column == 0)) {
        at.line = static_cast<int>(n->location().line) - 1;
        at.column = static_cast<int>(n->location().column) - 1;
      }
      return fail("alias expansion exceeds " + std::to_string(max_expanded_) + " nodes (possible alias bomb)", at);
    }
    if (parent.node->is_array()) {
      builder_.add_item(parent.node, n);
    } else {
      if (parent.pending_key == "<<" && (n->is_object() || n->is_array())) {
        parent.merges.push_back(n);
      } else {
        builder_.add_member(parent.node, parent.pending_key, n);
      }
      parent.expect_key = true;
    }
  }
};

}  // namespace

Status parse_yaml_into(Document& doc, TreeBuilder& builder) {
  const std::string& text = builder.source();
  // Generous for real specs with reused anchors, small enough to stop a bomb early.
  const uint64_t max_expanded = 2'000'000 + 20 * static_cast<uint64_t>(text.size());
  std::istringstream in(text);
  TreeHandler handler(builder, doc.path(), max_expanded);
  try {
    YAML::Parser parser(in);
    if (!parser.HandleNextDocument(handler)) {
      return make_error("empty YAML document", doc.path(), 1, 1);
    }
  } catch (const YAML::Exception& e) {
    return make_error(e.msg, doc.path(), static_cast<uint32_t>(e.mark.line + 1),
                      static_cast<uint32_t>(e.mark.column + 1));
  }
  if (handler.failed()) return handler.error();
  if (!handler.root()) return make_error("empty YAML document", doc.path(), 1, 1);
  builder.set_root(handler.root());
  return ok_status();
}

}  // namespace accord::core
