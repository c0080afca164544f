// `accord rules`: the rule registry as text, JSON or markdown.
#include <memory>
#include <set>

#include "cli/command.h"
#include "cli/rules_doc.h"
#include "core/json_writer.h"
#include "diff/model/rules.h"
#include "diff/proto/protolock.h"

namespace accord::cli {

namespace {

// `--peer protolock`: each of protolock's rule names and the rules that cover it.
std::string render_peer_names(const std::string& format) {
  auto names = diff::proto::protolock_rule_names();
  if (format == "json") {
    core::JsonWriter w;
    w.begin_array();
    for (const auto& n : names)
      w.begin_object().key("peer").value("protolock").key("peer_rule").value(n.peer_rule).key("rules").value(n.rule_ids)
          .key("note").value(n.note).end_object();
    w.end_array();
    return w.take() + "\n";
  }
  std::string out;
  if (format == "markdown") out = "| protolock rule | accord rules | note |\n|---|---|---|\n";
  for (const auto& n : names) {
    if (format == "markdown") {
      out += "| `" + std::string(n.peer_rule) + "` | " + core::markdown_cell(n.rule_ids) + " | " +
             core::markdown_cell(n.note) + " |\n";
      continue;
    }
    std::string name(n.peer_rule);
    name.resize(std::max<size_t>(name.size(), 32), ' ');
    out += name + std::string(n.rule_ids) + (n.note.empty() ? "" : "\n" + std::string(32, ' ') + "(" + std::string(n.note) + ")") + "\n";
  }
  return out;
}

}  // namespace

Runner setup_rules(CLI::App& app) {
  auto format = std::make_shared<std::string>("text");
  auto only = std::make_shared<std::string>();
  app.add_option("--format", *format, "text|json|markdown")->check(CLI::IsMember({"text", "json", "markdown"}));
  // The formats that have rules, so `--only-format nope` is a usage error, not an empty list.
  std::set<std::string> formats;
  for (const diff::RuleInfo* r : diff::all_rules()) formats.insert(std::string(diff::format_name(r->format)));
  app.add_option("--only-format", *only, "Only rules of this contract format (openapi, proto, ...)")
      ->check(CLI::IsMember(formats));
  auto peer = std::make_shared<std::string>();
  app.add_option("--peer", *peer, "Instead, map a peer tool's rule names to accord's rules (protolock)")
      ->check(CLI::IsMember({"protolock"}));
  return [format, only, peer]() {
    std::string text = peer->empty() ? render_rules(*format, *only) : render_peer_names(*format);
    return write_output(text, "") ? kExitClean : kExitUnusable;
  };
}

}  // namespace accord::cli
