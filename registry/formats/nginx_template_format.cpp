// nginx `log_format` templates, and `combined` (which is one of them). The
// template is compiled once into literal/variable steps; each variable's
// value runs up to the literal that follows it.
#include <cstring>
#include <memory>
#include <vector>

#include "registry/formats/log_format.h"

namespace accord::registry {

namespace {

enum class Slot { ignore, remote_addr, remote_user, time_local, time_iso8601, msec, request, method, uri, status,
                  user_agent, field };

struct Step {
  std::string literal;  // text that must follow the previous variable (may be empty at the start)
  Slot slot = Slot::ignore;
  std::string name;     // variable name without '$'
  bool has_variable = false;
};

Slot slot_of(std::string_view name) {
  // Never a consumer's identity: skip storing them on the hot path.
  if (name == "ident" || name == "body_bytes_sent" || name == "bytes_sent") return Slot::ignore;
  if (name == "remote_addr" || name == "binary_remote_addr" || name == "realip_remote_addr") return Slot::remote_addr;
  if (name == "remote_user") return Slot::remote_user;
  if (name == "time_local") return Slot::time_local;
  if (name == "time_iso8601") return Slot::time_iso8601;
  if (name == "msec") return Slot::msec;
  if (name == "request") return Slot::request;
  if (name == "request_method") return Slot::method;
  if (name == "request_uri" || name == "uri") return Slot::uri;
  if (name == "status") return Slot::status;
  if (name == "http_user_agent") return Slot::user_agent;
  return Slot::field;
}

// Whether `literal` occurs in `line` at `pos`. Literals between variables are
// one to three characters: an inline loop beats a call to memcmp per step.
bool has_at(std::string_view line, size_t pos, std::string_view literal) {
  if (pos > line.size() || line.size() - pos < literal.size()) return false;
  for (size_t i = 0; i < literal.size(); ++i)
    if (line[pos + i] != literal[i]) return false;
  return true;
}

// Where `literal` next occurs from `from`. Quoted values may contain \" (Apache):
// a quote preceded by a backslash is not the end. memchr for the literal's
// first character, then an inline check of the rest.
size_t find_unescaped(std::string_view line, std::string_view literal, size_t from) {
  const char first = literal[0];
  while (from < line.size()) {
    const void* hit = std::memchr(line.data() + from, first, line.size() - from);
    if (!hit) return std::string_view::npos;
    const size_t at = static_cast<size_t>(static_cast<const char*>(hit) - line.data());
    if (has_at(line, at, literal) && (first != '"' || at == 0 || line[at - 1] != '\\')) return at;
    from = at + 1;
  }
  return std::string_view::npos;
}

bool is_name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

class TemplateParser final : public LineParser {
 public:
  explicit TemplateParser(std::vector<Step> steps, std::string trailer)
      : steps_(std::move(steps)), trailer_(std::move(trailer)) {}

  // make_combined_parser's parser: try the unrolled `combined` path first.
  void use_combined_fast_path() { combined_ = true; }

  bool parse(std::string_view line, Request& out, std::string& why) override {
    if (combined_ && parse_combined(line, out, why)) return true;
    out.clear();
    size_t pos = 0;
    for (size_t i = 0; i < steps_.size(); ++i) {
      const Step& step = steps_[i];
      if (!has_at(line, pos, step.literal)) {
        why = "line does not follow the log format near column " + std::to_string(pos + 1);
        return false;
      }
      pos += step.literal.size();
      const std::string& next = i + 1 < steps_.size() ? steps_[i + 1].literal : trailer_;
      size_t end;
      if (next.empty()) {
        end = i + 1 < steps_.size() ? line.find(' ', pos) : line.size();
        if (end == std::string_view::npos) end = line.size();
      } else {
        end = find_unescaped(line, next, pos);
        if (end == std::string_view::npos) {
          why = "line does not follow the log format near column " + std::to_string(pos + 1);
          return false;
        }
      }
      if (!assign(step, line.substr(pos, end - pos), out, why)) return false;
      pos = end;
    }
    if (!has_at(line, pos, trailer_)) {
      why = "line does not follow the log format at its end";
      return false;
    }
    if (out.method.empty() || out.target.empty()) {
      why = "no request line";
      return false;
    }
    return true;
  }

 private:
  // nginx's `combined` (most logs): the steps of the loop below, unrolled,
  // with the same searches and the same assign() per value, so the same
  // lines pass with the same values. On any failure the loop runs again from
  // the start and says why.
  // $remote_addr $ident $remote_user [$time_local] "$request" $status $body_bytes_sent "$http_referer" "$http_user_agent"
  bool parse_combined(std::string_view line, Request& out, std::string& why) {
    constexpr size_t npos = std::string_view::npos;
    auto dash_as_empty = [](std::string_view v) { return v == "-" ? std::string_view() : v; };
    out.clear();
    size_t end = find_unescaped(line, " ", 0);
    if (end == npos) return false;
    out.remote_addr = dash_as_empty(line.substr(0, end));
    size_t pos = end + 1;
    if ((end = find_unescaped(line, " ", pos)) == npos) return false;  // $ident
    pos = end + 1;
    if ((end = find_unescaped(line, " [", pos)) == npos) return false;
    out.remote_user = dash_as_empty(line.substr(pos, end - pos));
    pos = end + 2;
    if ((end = find_unescaped(line, "] \"", pos)) == npos) return false;
    if (!assign_time_local(dash_as_empty(line.substr(pos, end - pos)), out, why)) return false;
    pos = end + 3;
    if ((end = find_unescaped(line, "\" ", pos)) == npos) return false;
    if (!split_request_line(dash_as_empty(line.substr(pos, end - pos)), out.method, out.target)) return false;
    pos = end + 2;
    if ((end = find_unescaped(line, " ", pos)) == npos) return false;
    if (!parse_status(dash_as_empty(line.substr(pos, end - pos)), out.status)) return false;
    pos = end + 1;
    if ((end = find_unescaped(line, " \"", pos)) == npos) return false;  // $body_bytes_sent
    pos = end + 2;
    if ((end = find_unescaped(line, "\" \"", pos)) == npos) return false;
    out.fields.emplace_back(steps_[7].name, dash_as_empty(line.substr(pos, end - pos)));  // $http_referer
    pos = end + 3;
    if ((end = find_unescaped(line, "\"", pos)) == npos) return false;
    out.user_agent = dash_as_empty(line.substr(pos, end - pos));
    return !out.method.empty() && !out.target.empty();
  }

  bool assign_time_local(std::string_view value, Request& out, std::string& why) {
    if (value != last_time_text_) {  // time strings repeat line after line: parse each once
      if (!parse_clf_time(value, last_time_)) {
        why = "malformed time";
        return false;
      }
      last_time_text_.assign(value);
    }
    out.time = last_time_;
    return true;
  }

  bool assign(const Step& step, std::string_view value, Request& out, std::string& why) {
    if (value == "-") value = {};
    switch (step.slot) {
      case Slot::ignore: break;
      case Slot::remote_addr: out.remote_addr = value; break;
      case Slot::remote_user: out.remote_user = value; break;
      case Slot::user_agent: out.user_agent = value; break;
      case Slot::method: out.method = value; break;
      case Slot::uri: out.target = value; break;
      case Slot::request:
        if (!split_request_line(value, out.method, out.target)) {
          why = "malformed request line";
          return false;
        }
        break;
      case Slot::status:
        if (!parse_status(value, out.status)) {
          why = "malformed status";
          return false;
        }
        break;
      case Slot::time_local: return assign_time_local(value, out, why);
      case Slot::time_iso8601:
        if (!parse_iso8601(value, out.time)) {
          why = "malformed time";
          return false;
        }
        break;
      case Slot::msec: {
        size_t dot = value.find('.');
        int64_t seconds = 0;
        for (char c : value.substr(0, dot)) seconds = seconds * 10 + (c - '0');
        out.time = seconds;
        break;
      }
      case Slot::field: out.fields.emplace_back(step.name, value); break;
    }
    return true;
  }

  std::vector<Step> steps_;
  std::string trailer_;
  std::string last_time_text_;
  int64_t last_time_ = 0;
  bool combined_ = false;
};

core::Expected<std::unique_ptr<TemplateParser>> compile_template(std::string_view log_format) {
  std::vector<Step> steps;
  std::string literal;
  for (size_t i = 0; i < log_format.size();) {
    char c = log_format[i];
    if (c != '$') {
      literal += c;
      ++i;
      continue;
    }
    size_t start = i + 1;
    bool braced = start < log_format.size() && log_format[start] == '{';
    if (braced) ++start;
    size_t end = start;
    while (end < log_format.size() && is_name_char(log_format[end])) ++end;
    if (end == start) return core::make_error("log format: '$' without a variable name at column " + std::to_string(i + 1));
    if (braced && (end >= log_format.size() || log_format[end] != '}'))
      return core::make_error("log format: unclosed '${' at column " + std::to_string(i + 1));
    if (!steps.empty() && literal.empty())
      return core::make_error("log format: variables $" + steps.back().name + " and $" +
                              std::string(log_format.substr(start, end - start)) +
                              " touch; they cannot be told apart");
    Step step;
    step.literal = std::move(literal);
    literal.clear();
    step.name = std::string(log_format.substr(start, end - start));
    step.slot = slot_of(step.name);
    step.has_variable = true;
    steps.push_back(std::move(step));
    i = braced ? end + 1 : end;
  }
  bool has_request = false, has_method = false, has_uri = false;
  for (const Step& s : steps) {
    has_request |= s.slot == Slot::request;
    has_method |= s.slot == Slot::method;
    has_uri |= s.slot == Slot::uri;
  }
  if (!has_request && !(has_method && has_uri))
    return core::make_error("log format: needs $request, or $request_method with $request_uri/$uri");
  return std::make_unique<TemplateParser>(std::move(steps), std::move(literal));
}

}  // namespace

core::Expected<std::unique_ptr<LineParser>> make_nginx_template_parser(std::string_view log_format) {
  auto parser = compile_template(log_format);
  if (!parser) return parser.error();
  return std::unique_ptr<LineParser>(std::move(*parser));
}

std::unique_ptr<LineParser> make_combined_parser() {
  // nginx's predefined `combined`; Apache's %h %l %u %t "%r" %>s %b "%{Referer}i" "%{User-agent}i" has the
  // same shape, with its ident field (almost always "-") where nginx writes a literal "-".
  auto parser = compile_template(
      "$remote_addr $ident $remote_user [$time_local] \"$request\" $status $body_bytes_sent \"$http_referer\" "
      "\"$http_user_agent\"");
  (*parser)->use_combined_fast_path();
  return std::unique_ptr<LineParser>(std::move(*parser));
}

}  // namespace accord::registry
