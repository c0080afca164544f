#include "core/json_writer.h"
#include "diff/render/render.h"

namespace accord::diff {

namespace {
void write_place(core::JsonWriter& w, const std::optional<Place>& p) {
  if (!p) {
    w.null();
    return;
  }
  w.begin_object();
  w.key("file").value(p->file);
  w.key("line").value(p->line);
  w.key("column").value(p->column);
  w.key("pointer").value(p->pointer);
  w.end_object();
}

// About what render_json writes for `findings`: the strings plus a fixed
// share for keys, indentation and numbers (vector's 735 findings: 770 KB).
size_t estimated_size(const std::vector<Finding>& findings) {
  size_t bytes = 256;
  for (const Finding& f : findings) {
    bytes += 420 + f.rule.size() + f.message.size() + f.operation.size() + f.fingerprint.size();
    for (const std::string& op : f.operations) bytes += op.size() + 8;
    for (const Arg& a : f.args) bytes += a.name.size() + a.value.size() + 16;
    for (const std::optional<Place>* p : {&f.old_place, &f.new_place})
      if (*p) bytes += (*p)->file.size() + (*p)->pointer.size();
  }
  return bytes;
}

}  // namespace

std::string render_json(const std::vector<Finding>& findings, const RenderContext& ctx) {
  core::JsonWriter w;
  w.reserve(estimated_size(findings));
  w.begin_object();
  w.key("findings").begin_array();
  for (const Finding& f : findings) {
    w.begin_object();
    w.key("rule").value(f.rule);
    w.key("severity").value(severity_name(f.severity));
    w.key("message").value(f.message);
    w.key("operation").value(f.operation);
    w.key("operations").begin_array();
    for (const std::string& op : f.operations) w.value(op);
    w.end_array();
    w.key("args").begin_object();
    for (const Arg& a : f.args) w.key(a.name).value(a.value);
    w.end_object();
    w.key("old");
    write_place(w, f.old_place);
    w.key("new");
    write_place(w, f.new_place);
    w.key("fingerprint").value(f.fingerprint);
    w.end_object();
  }
  w.end_array();
  SeverityCounts c = count_by_severity(findings);
  w.key("summary").begin_object();
  w.key("error").value(static_cast<uint64_t>(c.error));
  w.key("warning").value(static_cast<uint64_t>(c.warning));
  w.key("info").value(static_cast<uint64_t>(c.info));
  w.end_object();
  if (!ctx.notes.empty()) {
    w.key("notes").begin_array();
    for (const std::string& n : ctx.notes) w.value(n);
    w.end_array();
  }
  w.end_object();
  return w.take() + "\n";
}

}  // namespace accord::diff
