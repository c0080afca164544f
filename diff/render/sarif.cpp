// SARIF 2.1.0, the format GitHub code scanning and many IDEs import. One run:
// the tool's rules (from the registry), one result per finding located at the
// new side, the old side as a related location, and the fingerprint as a
// partial fingerprint so alerts stay matched across unrelated edits.
#include <map>

#include "core/json_writer.h"
#include "diff/model/merge.h"
#include "diff/render/render.h"

namespace accord::diff {

namespace {

// A result's level: `error` exactly when the finding fails the gate, `note`
// otherwise, so code scanning agrees with the exit code.
std::string_view result_level(const Finding& f, const RenderContext& ctx) { return ctx.fails(f) ? "error" : "note"; }

// A rule's default level, from its registry severity.
std::string_view sarif_level(Severity s) {
  switch (s) {
    case Severity::error: return "error";
    case Severity::warning: return "warning";
    case Severity::info: return "note";
  }
  return "none";
}

// A path as a URI reference: unreserved characters and '/' stay, everything
// else is percent-encoded (':' too, or "c:x" would read as a scheme).
// Absolute paths become file:// URIs.
std::string path_to_uri(std::string_view path) {
  static const char* hex = "0123456789ABCDEF";
  std::string out = !path.empty() && path.front() == '/' ? "file://" : "";
  for (unsigned char c : path) {
    bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
                c == '_' || c == '~' || c == '/';
    if (keep) {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

struct RuleEntry {
  std::string id;
  std::string description;
  Severity level = Severity::error;
  std::string categories;
};

// The registry's rules, plus a stub for any rule a finding names that the
// registry does not know (ruleIndex must always point somewhere real).
std::vector<RuleEntry> collect_rules(const std::vector<Finding>& findings, const RenderContext& ctx,
                                     std::map<std::string, size_t>& index) {
  std::vector<RuleEntry> rules;
  auto add = [&](RuleEntry e) {
    if (index.count(e.id)) return;
    index[e.id] = rules.size();
    rules.push_back(std::move(e));
  };
  for (const RuleInfo* r : ctx.rules)
    add({std::string(r->id), std::string(r->purpose), r->severity, std::string(r->categories)});
  for (const Finding& f : findings) add({f.rule, f.rule, f.severity, {}});
  return rules;
}

void write_tags(core::JsonWriter& w, std::string_view categories) {
  w.key("tags").begin_array();
  while (!categories.empty()) {
    size_t comma = categories.find(',');
    if (std::string_view tag = categories.substr(0, comma); !tag.empty()) w.value(tag);
    if (comma == std::string_view::npos) break;
    categories.remove_prefix(comma + 1);
  }
  w.end_array();
}

void write_physical_location(core::JsonWriter& w, const Place& p, const RenderContext& ctx) {
  w.key("physicalLocation").begin_object();
  w.key("artifactLocation").begin_object().key("uri").value(path_to_uri(p.file)).end_object();
  if (p.line) {
    w.key("region").begin_object();
    w.key("startLine").value(p.line);
    if (p.column) {
      std::string line = ctx.source_line ? ctx.source_line(p.file, p.line) : std::string();
      w.key("startColumn").value(utf16_column(line, p.column));
    }
    w.end_object();
  }
  w.end_object();
}

void write_result(core::JsonWriter& w, const Finding& f, size_t rule_index, const RenderContext& ctx) {
  w.begin_object();
  w.key("ruleId").value(f.rule);
  w.key("ruleIndex").value(static_cast<uint64_t>(rule_index));
  w.key("level").value(result_level(f, ctx));
  std::string text = f.message;
  if (!f.operation.empty()) text += " (" + operations_summary(f) + ")";
  w.key("message").begin_object().key("text").value(text).end_object();
  // A result without a file cannot be shown in code scanning: fall back to
  // the new document itself.
  const Place* p = f.primary();
  Place fallback;
  fallback.file = ctx.new_path;
  if (!p || p->file.empty()) p = ctx.new_path.empty() ? nullptr : &fallback;
  w.key("locations").begin_array();
  if (p) {
    w.begin_object();
    write_physical_location(w, *p, ctx);
    w.end_object();
  }
  w.end_array();
  if (f.new_place && f.old_place && !f.old_place->file.empty()) {
    w.key("relatedLocations").begin_array().begin_object();
    w.key("id").value(1);
    write_physical_location(w, *f.old_place, ctx);
    w.key("message").begin_object().key("text").value("in the old version").end_object();
    w.end_object().end_array();
  }
  w.key("partialFingerprints").begin_object().key("accordFingerprint/v1").value(f.fingerprint).end_object();
  w.key("properties").begin_object();
  w.key("operation").value(f.operation);
  w.key("operations").begin_array();
  for (const std::string& op : f.operations) w.value(op);
  w.end_array();
  w.key("pointer").value(f.primary() ? f.primary()->pointer : std::string());
  w.end_object();
  w.end_object();
}

}  // namespace

std::string render_sarif(const std::vector<Finding>& findings, const RenderContext& ctx) {
  std::map<std::string, size_t> index;
  std::vector<RuleEntry> rules = collect_rules(findings, ctx, index);
  core::JsonWriter w;
  w.begin_object();
  w.key("$schema").value("https://json.schemastore.org/sarif-2.1.0.json");
  w.key("version").value("2.1.0");
  w.key("runs").begin_array().begin_object();
  w.key("tool").begin_object().key("driver").begin_object();
  w.key("name").value("accord");
  if (!ctx.tool_version.empty()) w.key("semanticVersion").value(ctx.tool_version);
  w.key("rules").begin_array();
  for (const RuleEntry& r : rules) {
    w.begin_object();
    w.key("id").value(r.id);
    w.key("shortDescription").begin_object().key("text").value(r.description).end_object();
    w.key("defaultConfiguration").begin_object().key("level").value(sarif_level(r.level)).end_object();
    w.key("properties").begin_object();
    write_tags(w, r.categories);
    w.end_object();
    w.end_object();
  }
  w.end_array();
  w.end_object().end_object();  // driver, tool
  // Columns are counted in UTF-16 code units (utf16_column), SARIF's default, said explicitly.
  w.key("columnKind").value("utf16CodeUnits");
  w.key("invocations").begin_array().begin_object();
  w.key("executionSuccessful").value(true);
  if (!ctx.notes.empty()) {
    w.key("toolExecutionNotifications").begin_array();
    for (const std::string& n : ctx.notes) {
      w.begin_object();
      w.key("level").value("note");
      w.key("message").begin_object().key("text").value(n).end_object();
      w.end_object();
    }
    w.end_array();
  }
  w.end_object().end_array();
  w.key("results").begin_array();
  for (const Finding& f : findings) write_result(w, f, index.at(f.rule), ctx);
  w.end_array();
  w.end_object().end_array();  // run, runs
  w.end_object();
  return w.take() + "\n";
}

}  // namespace accord::diff
