// YAML into the shared tree, through libyaml's event parser.
// libyaml rather than yaml-cpp: on the 3.8 MB Stripe spec its event parser
// runs in 0.13 s against yaml-cpp's 0.6-1.0 s (bench/parse-json.sh measures the
// JSON side; the YAML numbers are in the issue notes).
// Scalars are typed with the YAML 1.2 core schema here (so `on`, `off`, `yes`
// stay strings; libyaml itself does no typing). An alias shares the anchored
// node instead of copying it; the "expanded size" of the document (what a
// walker would visit) is bounded, so an alias bomb is an error.
#include <yaml.h>

#include <cstdio>
#include <string_view>

#include <unordered_map>

#include "core/limits.h"
#include "core/loader.h"

namespace accord::core {

namespace {

constexpr size_t kMaxDepth = kMaxNestingDepth;  // as for JSON: deeper input is refused

struct Mark {
  uint32_t line = 0;    // 1-based
  uint32_t column = 0;  // 1-based
};

Mark mark_of(const yaml_mark_t& m) { return {static_cast<uint32_t>(m.line + 1), static_cast<uint32_t>(m.column + 1)}; }

std::string text_of(const yaml_char_t* s) { return s ? std::string(reinterpret_cast<const char*>(s)) : std::string(); }

struct Frame {
  Node* node = nullptr;
  std::string anchor;
  uint64_t expanded = 1;   // nodes a full walk below (and including) this one visits
  bool expect_key = true;  // maps: the next scalar is a key
  std::string_view pending_key;
  std::vector<Node*> merges;  // values of `<<` keys, applied at the end of the map
};

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
// "0x…" / "0o…" digits as a decimal lexeme; past 64 bits (a fuzzer found
// std::stoull throwing there) as the nearest double.
std::string radix_to_decimal(std::string_view digits, int base) {
  unsigned long long exact = 0;
  double approx = 0;
  bool overflow = false;
  for (char c : digits) {
    const int d = c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
    approx = approx * base + d;
    if (exact > (~0ULL - static_cast<unsigned>(d)) / static_cast<unsigned>(base)) overflow = true;
    else exact = exact * base + d;
  }
  if (!overflow) return std::to_string(exact);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.17g", approx);
  return buf;
}

std::string normalise_number(const std::string& v) {
  if (v.rfind("0x", 0) == 0) return radix_to_decimal(std::string_view(v).substr(2), 16);
  if (v.rfind("0o", 0) == 0) return radix_to_decimal(std::string_view(v).substr(2), 8);
  std::string s = v[0] == '+' ? v.substr(1) : v;
  if (!s.empty() && s.back() == '.') s += '0';
  if (s.size() > 1 && s[0] == '.') s = "0" + s;
  if (s.size() > 2 && s[0] == '-' && s[1] == '.') s = "-0" + s.substr(1);
  return s;
}

// Builds the tree from parser events; aliases share nodes, bounded by size.
class TreeBuilderFromEvents {
 public:
  TreeBuilderFromEvents(TreeBuilder& builder, const std::string& path, uint64_t max_expanded)
      : builder_(builder), path_(path), max_expanded_(max_expanded) {}

  bool failed() const { return failed_; }
  const Error& error() const { return error_; }
  Node* root() const { return root_; }

  void on_alias(Mark mark, const std::string& anchor) {
    if (failed_) return;
    auto it = anchors_.find(anchor);
    if (it == anchors_.end()) return fail("alias to an unknown anchor '" + anchor + "'", mark);
    if (expecting_key()) return fail("aliases as mapping keys are not supported", mark);
    // What a walker visits through aliases, counted whole however the anchors nest.
    alias_expanded_ += it->second.expanded;
    if (alias_expanded_ > kMaxAliasExpandedNodes)
      return fail("YAML aliases expand to more than " + std::to_string(kMaxAliasExpandedNodes) +
                      " nodes (possible alias bomb)",
                  mark);
    complete(it->second.node, {}, it->second.expanded, mark);
  }

  void on_scalar(Mark mark, const std::string& tag, const std::string& anchor, std::string value, bool plain) {
    if (failed_) return;
    // Keys are never typed: `200:` and `on:` are both member names.
    if (expecting_key()) {
      stack_.back().pending_key = builder_.keep(std::move(value));
      stack_.back().expect_key = false;
      return;
    }
    Node::Kind kind = Node::Kind::string;
    if (tag.empty()) {
      kind = plain ? resolve_plain(value) : Node::Kind::string;
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
      default: builder_.set_text(n, builder_.keep(std::move(value))); break;
    }
    complete(n, anchor, 1, mark);
  }

  void on_collection_start(Node::Kind kind, Mark mark, const std::string& anchor) {
    if (failed_) return;
    if (expecting_key()) return fail("complex (non-scalar) mapping keys are not supported", mark);
    if (stack_.size() >= kMaxDepth) return fail("nesting deeper than 512 levels", mark);
    Frame f;
    f.node = make(kind, mark);
    f.anchor = anchor;
    stack_.push_back(std::move(f));
  }

  void on_sequence_end() { close(); }

  void on_mapping_end() {
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

  void fail(const std::string& message, Mark mark) {
    if (failed_) return;
    failed_ = true;
    error_ = make_error(message, path_, mark.line, mark.column);
  }

 private:
  TreeBuilder& builder_;
  const std::string& path_;
  uint64_t max_expanded_;
  uint64_t alias_expanded_ = 0;
  std::vector<Frame> stack_;
  struct Anchored {
    Node* node;
    uint64_t expanded;
  };
  std::unordered_map<std::string, Anchored> anchors_;
  Node* root_ = nullptr;
  bool failed_ = false;
  Error error_;

  bool expecting_key() const { return !stack_.empty() && stack_.back().node->is_object() && stack_.back().expect_key; }

  static bool has_key(const Node* obj, std::string_view key) {
    for (const Member& m : obj->children())
      if (m.key == key) return true;
    return false;
  }

  Node* make(Node::Kind kind, Mark mark) { return builder_.make(kind, mark.line, mark.column); }

  void close() {
    if (failed_ || stack_.empty()) return;
    Frame f = std::move(stack_.back());
    stack_.pop_back();
    complete(f.node, f.anchor, f.expanded, Mark{f.node->location().line, f.node->location().column});
  }

  // A finished value: attach it to its parent and account for its expanded size.
  void complete(Node* n, const std::string& anchor, uint64_t expanded, Mark mark) {
    if (failed_) return;
    if (!anchor.empty()) anchors_[anchor] = Anchored{n, expanded};
    if (stack_.empty()) {
      root_ = n;
      if (expanded > max_expanded_) fail("alias expansion too large (possible alias bomb)", mark);
      return;
    }
    Frame& parent = stack_.back();
    parent.expanded += expanded;
    if (parent.expanded > max_expanded_)
      return fail("alias expansion exceeds " + std::to_string(max_expanded_) + " nodes (possible alias bomb)", mark);
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

// Owns a libyaml parser for the duration of one load.
class EventSource {
 public:
  explicit EventSource(const std::string& text) {
    yaml_parser_initialize(&parser_);
    yaml_parser_set_input_string(&parser_, reinterpret_cast<const unsigned char*>(text.data()), text.size());
  }
  ~EventSource() { yaml_parser_delete(&parser_); }
  EventSource(const EventSource&) = delete;
  EventSource& operator=(const EventSource&) = delete;

  // False on a syntax error (see error_message/error_mark).
  bool next(yaml_event_t& event) { return yaml_parser_parse(&parser_, &event) != 0; }

  std::string error_message() const {
    std::string msg = parser_.problem ? parser_.problem : "invalid YAML";
    if (parser_.context) msg += std::string(" ") + parser_.context;
    return msg;
  }
  Mark error_mark() const { return mark_of(parser_.problem_mark); }

 private:
  yaml_parser_t parser_;
};

}  // namespace

Status parse_yaml_into(Document& doc, TreeBuilder& builder) {
  const std::string& text = builder.source();
  // Generous for real specs with reused anchors, small enough to stop a bomb early.
  const uint64_t max_expanded = 2'000'000 + 20 * static_cast<uint64_t>(text.size());
  TreeBuilderFromEvents tree(builder, doc.path(), max_expanded);
  EventSource source(text);
  bool in_document = false, done = false;
  while (!done && !tree.failed()) {
    yaml_event_t event;
    if (!source.next(event)) {
      Mark m = source.error_mark();
      return make_error(source.error_message(), doc.path(), m.line, m.column);
    }
    const Mark mark = mark_of(event.start_mark);
    switch (event.type) {
      case YAML_DOCUMENT_START_EVENT: in_document = true; break;
      case YAML_DOCUMENT_END_EVENT:
      case YAML_STREAM_END_EVENT: done = true; break;  // only the first document counts
      case YAML_ALIAS_EVENT: tree.on_alias(mark, text_of(event.data.alias.anchor)); break;
      case YAML_SCALAR_EVENT: {
        const auto& sc = event.data.scalar;
        std::string tag = text_of(sc.tag);
        if (tag == "!") tag.clear();  // the non-specific tag of quoted scalars
        const bool plain = sc.style == YAML_PLAIN_SCALAR_STYLE || sc.style == YAML_ANY_SCALAR_STYLE;
        tree.on_scalar(mark, tag, text_of(sc.anchor),
                       std::string(reinterpret_cast<const char*>(sc.value), sc.length), plain);
        break;
      }
      case YAML_SEQUENCE_START_EVENT:
        tree.on_collection_start(Node::Kind::array, mark, text_of(event.data.sequence_start.anchor));
        break;
      case YAML_SEQUENCE_END_EVENT: tree.on_sequence_end(); break;
      case YAML_MAPPING_START_EVENT:
        tree.on_collection_start(Node::Kind::object, mark, text_of(event.data.mapping_start.anchor));
        break;
      case YAML_MAPPING_END_EVENT: tree.on_mapping_end(); break;
      default: break;
    }
    yaml_event_delete(&event);
  }
  if (tree.failed()) return tree.error();
  if (!in_document || !tree.root()) return make_error("empty YAML document", doc.path(), 1, 1);
  builder.set_root(tree.root());
  return ok_status();
}

}  // namespace accord::core
