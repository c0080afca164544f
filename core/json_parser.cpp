// A strict JSON parser that records line and column for every node.
// Written here rather than taken from a library because the tree must carry
// positions and borrow string text from the source buffer (no copy for the
// common, escape-free string), which is what keeps a 13 MB spec fast.
#include "core/limits.h"
#include "core/loader.h"

#include <cstring>

#include "core/json_scan.h"

namespace accord::core {

namespace {

constexpr int kMaxDepth = kMaxNestingDepth;  // deeper input is refused, never a stack overflow

class JsonParser {
 public:
  JsonParser(TreeBuilder& builder, const std::string& path)
      : builder_(builder), path_(path), src_(builder.source()) {
    pos_ = src_.data();
    end_ = pos_ + src_.size();
    line_start_ = pos_;
    if (end_ - pos_ >= 3 && std::memcmp(pos_, "\xEF\xBB\xBF", 3) == 0) {  // UTF-8 BOM
      pos_ += 3;
      line_start_ = pos_;
    }
  }

  Expected<Node*> parse() {
    skip_ws();
    Node* root = parse_value(0);
    if (failed_) return error_;
    skip_ws();
    if (pos_ != end_) return fail("unexpected text after the JSON document"), error_;
    return root;
  }

 private:
  TreeBuilder& builder_;
  const std::string& path_;
  const std::string& src_;
  const char* pos_;
  const char* end_;
  const char* line_start_;
  uint32_t line_ = 1;
  bool failed_ = false;
  // The members and items of the containers being parsed, innermost last:
  // each container takes its own at its end, in one exact allocation.
  std::vector<Member> pending_;
  Error error_;

  uint32_t column() const { return static_cast<uint32_t>(pos_ - line_start_) + 1; }

  Node* fail(const std::string& message) {
    if (!failed_) {
      failed_ = true;
      error_ = make_error(message, path_, line_, column());
    }
    return nullptr;
  }

  void skip_ws() {
    while (pos_ < end_) {
      char c = *pos_;
      if (c == '\n') {
        ++line_;
        line_start_ = ++pos_;
        pos_ = skip_json_spaces(pos_, end_);  // the next line's indentation
      } else if (c == ' ' || c == '\t' || c == '\r') {
        ++pos_;
      } else {
        break;
      }
    }
  }

  static std::string describe(char c) {
    if (c == '\0') return "end of input";
    std::string s = "'";
    s += c;
    return s + "'";
  }

  Node* parse_value(int depth) {
    if (depth > kMaxDepth) return fail("nesting deeper than 512 levels");
    if (pos_ >= end_) return fail("unexpected end of input, expected a value");
    const uint32_t line = line_, col = column();
    switch (*pos_) {
      case '{': return parse_object(depth, line, col);
      case '[': return parse_array(depth, line, col);
      case '"': {
        Node* n = builder_.make(Node::Kind::string, line, col);
        std::string_view text;
        if (!parse_string(text)) return nullptr;
        builder_.set_text(n, text);
        return n;
      }
      case 't': return parse_literal("true", Node::Kind::boolean, line, col);
      case 'f': return parse_literal("false", Node::Kind::boolean, line, col);
      case 'n': return parse_literal("null", Node::Kind::null, line, col);
      default:
        if (*pos_ == '-' || (*pos_ >= '0' && *pos_ <= '9')) return parse_number(line, col);
        return fail("unexpected " + describe(*pos_) + ", expected a value");
    }
  }

  Node* parse_literal(std::string_view word, Node::Kind kind, uint32_t line, uint32_t col) {
    if (static_cast<size_t>(end_ - pos_) < word.size() || std::string_view(pos_, word.size()) != word)
      return fail("invalid literal, expected '" + std::string(word) + "'");
    Node* n = builder_.make(kind, line, col);
    builder_.set_text(n, std::string_view(pos_, word.size()));
    pos_ += word.size();
    return n;
  }

  Node* parse_number(uint32_t line, uint32_t col) {
    const char* start = pos_;
    auto digits = [&] {
      const char* d = pos_;
      while (pos_ < end_ && *pos_ >= '0' && *pos_ <= '9') ++pos_;
      return pos_ > d;
    };
    if (*pos_ == '-') ++pos_;
    if (pos_ < end_ && *pos_ == '0') {
      ++pos_;
    } else if (!digits()) {
      return fail("invalid number");
    }
    if (pos_ < end_ && *pos_ == '.') {
      ++pos_;
      if (!digits()) return fail("invalid number: expected digits after '.'");
    }
    if (pos_ < end_ && (*pos_ == 'e' || *pos_ == 'E')) {
      ++pos_;
      if (pos_ < end_ && (*pos_ == '+' || *pos_ == '-')) ++pos_;
      if (!digits()) return fail("invalid number: expected digits in exponent");
    }
    Node* n = builder_.make(Node::Kind::number, line, col);
    builder_.set_text(n, std::string_view(start, static_cast<size_t>(pos_ - start)));
    return n;
  }

  static void append_utf8(std::string& out, uint32_t cp) {
    if (cp < 0x80) {
      out += static_cast<char>(cp);
    } else if (cp < 0x800) {
      out += static_cast<char>(0xC0 | (cp >> 6));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
      out += static_cast<char>(0xE0 | (cp >> 12));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (cp >> 18));
      out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    }
  }

  bool read_hex4(uint32_t& out) {
    if (end_ - pos_ < 4) return false;
    out = 0;
    for (int i = 0; i < 4; ++i) {
      char c = *pos_++;
      out <<= 4;
      if (c >= '0' && c <= '9') out |= static_cast<uint32_t>(c - '0');
      else if (c >= 'a' && c <= 'f') out |= static_cast<uint32_t>(c - 'a' + 10);
      else if (c >= 'A' && c <= 'F') out |= static_cast<uint32_t>(c - 'A' + 10);
      else return false;
    }
    return true;
  }

  // On entry *pos_ == '"'. Borrows the source text when there is no escape.
  bool parse_string(std::string_view& out) {
    ++pos_;
    const char* start = pos_;
    pos_ = find_json_string_stop(pos_, end_);
    if (pos_ < end_ && *pos_ == '"') {
      out = std::string_view(start, static_cast<size_t>(pos_ - start));
      ++pos_;
      return true;
    }
    std::string buf(start, static_cast<size_t>(pos_ - start));
    while (true) {
      if (pos_ >= end_) return fail("unterminated string"), false;
      char c = *pos_;
      if (c == '"') {
        ++pos_;
        break;
      }
      if (static_cast<unsigned char>(c) < 0x20)
        return fail(c == '\n' ? "unterminated string (newline inside a string)" : "control character inside a string"),
               false;
      ++pos_;  // past the backslash
      if (pos_ >= end_) return fail("unterminated string"), false;
      char e = *pos_++;
      switch (e) {
        case '"': buf += '"'; break;
        case '\\': buf += '\\'; break;
        case '/': buf += '/'; break;
        case 'b': buf += '\b'; break;
        case 'f': buf += '\f'; break;
        case 'n': buf += '\n'; break;
        case 'r': buf += '\r'; break;
        case 't': buf += '\t'; break;
        case 'u': {
          uint32_t cp = 0;
          if (!read_hex4(cp)) return fail("invalid \\u escape"), false;
          if (cp >= 0xD800 && cp <= 0xDBFF && end_ - pos_ >= 6 && pos_[0] == '\\' && pos_[1] == 'u') {
            const char* save = pos_;
            pos_ += 2;
            uint32_t low = 0;
            if (read_hex4(low) && low >= 0xDC00 && low <= 0xDFFF) {
              cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
            } else {
              pos_ = save;
            }
          }
          append_utf8(buf, cp);
          break;
        }
        default:
          --pos_;
          return fail("invalid escape '\\" + std::string(1, e) + "'"), false;
      }
      const char* run = pos_;  // the escape-free run up to the next stop byte, copied whole
      pos_ = find_json_string_stop(pos_, end_);
      buf.append(run, static_cast<size_t>(pos_ - run));
    }
    out = builder_.keep(std::move(buf));
    return true;
  }

  void take_pending(Node* container, size_t first) {
    builder_.set_children(container, std::span<const Member>(pending_).subspan(first));
    pending_.resize(first);
  }

  Node* parse_array(int depth, uint32_t line, uint32_t col) {
    Node* arr = builder_.make(Node::Kind::array, line, col);
    ++pos_;
    skip_ws();
    if (pos_ < end_ && *pos_ == ']') {
      ++pos_;
      return arr;
    }
    const size_t first = pending_.size();
    while (true) {
      skip_ws();
      Node* item = parse_value(depth + 1);
      if (!item) return nullptr;
      pending_.push_back({{}, item});
      skip_ws();
      if (pos_ < end_ && *pos_ == ',') {
        ++pos_;
        continue;
      }
      if (pos_ < end_ && *pos_ == ']') {
        ++pos_;
        take_pending(arr, first);
        return arr;
      }
      return fail("expected ',' or ']' in array, found " + describe(pos_ < end_ ? *pos_ : '\0'));
    }
  }

  Node* parse_object(int depth, uint32_t line, uint32_t col) {
    Node* obj = builder_.make(Node::Kind::object, line, col);
    ++pos_;
    skip_ws();
    if (pos_ < end_ && *pos_ == '}') {
      ++pos_;
      builder_.finish_object(obj);
      return obj;
    }
    const size_t first = pending_.size();
    while (true) {
      skip_ws();
      if (pos_ >= end_ || *pos_ != '"')
        return fail("expected a quoted member name, found " + describe(pos_ < end_ ? *pos_ : '\0'));
      std::string_view key;
      if (!parse_string(key)) return nullptr;
      skip_ws();
      if (pos_ >= end_ || *pos_ != ':') return fail("expected ':' after member name");
      ++pos_;
      skip_ws();
      Node* value = parse_value(depth + 1);
      if (!value) return nullptr;
      pending_.push_back({key, value});
      skip_ws();
      if (pos_ < end_ && *pos_ == ',') {
        ++pos_;
        continue;
      }
      if (pos_ < end_ && *pos_ == '}') {
        ++pos_;
        take_pending(obj, first);
        builder_.finish_object(obj);
        return obj;
      }
      return fail("expected ',' or '}' in object, found " + describe(pos_ < end_ ? *pos_ : '\0'));
    }
  }
};

}  // namespace

Status parse_json_into(Document& doc, TreeBuilder& builder) {
  JsonParser parser(builder, doc.path());
  auto root = parser.parse();
  if (!root) return root.error();
  builder.set_root(*root);
  return ok_status();
}

}  // namespace accord::core
