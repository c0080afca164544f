// `accord completion bash|zsh|fish`: a completion script built from the
// command table and each subcommand's declared options, so it never lags
// behind the CLI.
#include <algorithm>
#include <memory>

#include "cli/command.h"

namespace accord::cli {

namespace {

struct Entry {
  std::string name;     // "breaking", or "usage ingest" for a nested command
  std::string summary;
  std::vector<std::string> flags;  // "--format", ...
};

std::vector<std::string> flags_of(const CLI::App& app) {
  std::vector<std::string> out;
  for (const CLI::Option* o : app.get_options())
    for (const std::string& name : o->get_lnames()) out.push_back("--" + name);
  return out;
}

void collect(const CLI::App& app, const std::string& prefix, std::vector<Entry>& out) {
  for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; })) {
    std::string name = prefix.empty() ? sub->get_name() : prefix + " " + sub->get_name();
    out.push_back({name, sub->get_description(), flags_of(*sub)});
    collect(*sub, name, out);
  }
}

std::string joined(const std::vector<std::string>& words) {
  std::string s;
  for (const std::string& w : words) s += (s.empty() ? "" : " ") + w;
  return s;
}

std::string quoted_single(std::string_view s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

std::vector<std::string> top_level(const std::vector<Entry>& entries) {
  std::vector<std::string> out;
  for (const Entry& e : entries)
    if (e.name.find(' ') == std::string::npos) out.push_back(e.name);
  return out;
}

std::vector<std::string> children_of(const std::vector<Entry>& entries, const std::string& parent) {
  std::vector<std::string> out;
  for (const Entry& e : entries)
    if (e.name.rfind(parent + " ", 0) == 0 && e.name.find(' ', parent.size() + 1) == std::string::npos)
      out.push_back(e.name.substr(parent.size() + 1));
  return out;
}

std::string bash_script(const std::vector<Entry>& entries) {
  std::string s = "# bash completion for accord (accord completion bash)\n_accord() {\n";
  s += "  local cur=\"${COMP_WORDS[COMP_CWORD]}\" cmd=\"\" i\n";
  s += "  for ((i = 1; i < COMP_CWORD; i++)); do\n    case \"${COMP_WORDS[i]}\" in -*) ;; *) cmd=\"${cmd:+$cmd }${COMP_WORDS[i]}\" ;; esac\n  done\n";
  s += "  local words\n  case \"$cmd\" in\n";
  s += "    \"\") words=" + quoted_single(joined(top_level(entries)) + " --help --version") + " ;;\n";
  // Deepest commands first, so "usage ingest FILE" is not taken for "usage".
  std::vector<const Entry*> deepest_first;
  for (const Entry& e : entries) deepest_first.push_back(&e);
  auto depth = [](const Entry* e) { return std::count(e->name.begin(), e->name.end(), ' '); };
  std::stable_sort(deepest_first.begin(), deepest_first.end(),
                   [&](const Entry* a, const Entry* b) { return depth(a) > depth(b); });
  for (const Entry* e : deepest_first) {
    std::vector<std::string> words = children_of(entries, e->name);
    words.insert(words.end(), e->flags.begin(), e->flags.end());
    s += "    " + quoted_single(e->name) + "|" + quoted_single(e->name + " ") + "*) words=" + quoted_single(joined(words)) +
         " ;;\n";
  }
  s += "  esac\n";
  s += "  if [[ \"$cur\" == -* ]]; then\n    COMPREPLY=($(compgen -W \"$words\" -- \"$cur\"))\n  else\n";
  s += "    COMPREPLY=($(compgen -W \"$words\" -- \"$cur\") $(compgen -f -- \"$cur\"))\n  fi\n}\n";
  s += "complete -o filenames -F _accord accord\n";
  return s;
}

std::string zsh_script(const std::vector<Entry>& entries) {
  std::string s = "#compdef accord\n# zsh completion for accord (accord completion zsh)\n_accord() {\n";
  s += "  local -a commands\n  if (( CURRENT == 2 )); then\n    commands=(\n";
  for (const Entry& e : entries)
    if (e.name.find(' ') == std::string::npos) {
      std::string summary = e.summary;
      for (char& c : summary)
        if (c == ':') c = ' ';
      s += "      " + quoted_single(e.name + ":" + summary) + "\n";
    }
  s += "    )\n    _describe 'command' commands\n    return\n  fi\n  case \"${words[2]}\" in\n";
  for (const std::string& top : top_level(entries)) {
    std::vector<std::string> words = children_of(entries, top);
    for (const Entry& e : entries)
      if (e.name == top || e.name.rfind(top + " ", 0) == 0) words.insert(words.end(), e.flags.begin(), e.flags.end());
    s += "    " + top + ") compadd -- " + joined(words) + "; _files ;;\n";
  }
  s += "  esac\n}\n_accord \"$@\"\n";
  return s;
}

std::string fish_script(const std::vector<Entry>& entries) {
  std::string s = "# fish completion for accord (accord completion fish)\n";
  for (const Entry& e : entries) {
    size_t space = e.name.rfind(' ');
    std::string leaf = space == std::string::npos ? e.name : e.name.substr(space + 1);
    std::string condition = space == std::string::npos ? "__fish_use_subcommand"
                                                       : "__fish_seen_subcommand_from " + e.name.substr(0, space);
    s += "complete -c accord -n " + quoted_single(condition) + " -a " + leaf + " -d " + quoted_single(e.summary) + "\n";
    for (const std::string& flag : e.flags)
      s += "complete -c accord -n " + quoted_single("__fish_seen_subcommand_from " + leaf) + " -l " + flag.substr(2) +
           "\n";
  }
  return s;
}

}  // namespace

Runner setup_completion(CLI::App& app) {
  auto shell = std::make_shared<std::string>();
  app.add_option("shell", *shell, "bash|zsh|fish")->required()->check(CLI::IsMember({"bash", "zsh", "fish"}));
  CLI::App* self = &app;
  return [shell, self] {
    std::vector<Entry> entries;
    collect(*self->get_parent(), "", entries);
    std::string script = *shell == "bash" ? bash_script(entries) : *shell == "zsh" ? zsh_script(entries) : fish_script(entries);
    return write_output(script, "") ? kExitClean : kExitUnusable;
  };
}

}  // namespace accord::cli
