// A small streaming JSON writer for every JSON output (findings, verification
// results, usage reports). It handles commas and escaping; callers say what.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace accord::core {

// The one place text is escaped for the formats accord writes, so every
// report escapes the same way.
std::string json_escape(std::string_view s);  // without the surrounding quotes
void append_json_escaped(std::string& out, std::string_view s);  // the same, appended to `out`
// XML text: the five predefined entities; control characters XML 1.0 forbids become spaces.
std::string xml_escape(std::string_view s);
// An XML attribute value: xml_escape, and newlines and tabs as character
// references, because attribute normalisation would turn them into spaces.
std::string xml_attribute(std::string_view s);
// Markdown inline text a user or a document wrote: the characters that would
// become markup (emphasis, code, links, HTML, headings, table cells) are
// backslash-escaped and line breaks become spaces.
std::string markdown_escape(std::string_view s);
// A Markdown code span that survives backticks inside (the fence is one
// longer than the longest run). In a GFM table '|' ends a cell even inside a
// code span, so `in_table` escapes it.
std::string markdown_code(std::string_view s, bool in_table = false);
// A table cell of Markdown that accord's authors wrote (rule purposes): its
// markup is kept; only what would end the cell or the row is escaped.
std::string markdown_cell(std::string_view s);

class JsonWriter {
 public:
  explicit JsonWriter(bool pretty = true) : pretty_(pretty) {}

  JsonWriter& begin_object();
  JsonWriter& end_object();
  JsonWriter& begin_array();
  JsonWriter& end_array();
  JsonWriter& key(std::string_view k);
  JsonWriter& value(std::string_view v);
  JsonWriter& value(const char* v) { return value(std::string_view(v)); }
  JsonWriter& value(const std::string& v) { return value(std::string_view(v)); }
  JsonWriter& value(int64_t v);
  JsonWriter& value(uint64_t v);
  JsonWriter& value(int v) { return value(static_cast<int64_t>(v)); }
  JsonWriter& value(unsigned v) { return value(static_cast<uint64_t>(v)); }
  JsonWriter& value(double v);
  JsonWriter& value(bool v);
  JsonWriter& null();
  JsonWriter& raw(std::string_view json);  // an already serialised value

  // Room for `bytes` of output up front: a large document then never
  // regrows (each regrowth copied what was written into fresh pages).
  void reserve(size_t bytes) { out_.reserve(bytes); }
  const std::string& str() const { return out_; }
  std::string take() { return std::move(out_); }

 private:
  void before_value();
  void newline();
  std::string out_;
  bool pretty_;
  struct Level {
    bool first = true;
  };
  std::vector<Level> stack_;
  bool after_key_ = false;
};

}  // namespace accord::core
