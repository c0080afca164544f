#include "cli/suggest.h"

#include <algorithm>

namespace accord::cli {

namespace {

size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

std::vector<std::string> subcommand_names(const CLI::App& app) {
  std::vector<std::string> out;
  for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; })) out.push_back(sub->get_name());
  return out;
}

const CLI::App* subcommand_named(const CLI::App& app, const std::string& name) {
  for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; }))
    if (sub->get_name() == name) return sub;
  return nullptr;
}

std::vector<std::string> long_flags(const CLI::App& app) {
  std::vector<std::string> out;
  for (const CLI::Option* o : app.get_options())
    for (const std::string& name : o->get_lnames()) out.push_back("--" + name);
  return out;
}

bool has_flag(const CLI::App& app, const std::string& flag) {
  auto flags = long_flags(app);
  return std::find(flags.begin(), flags.end(), flag) != flags.end();
}

}  // namespace

std::string closest_match(std::string_view word, const std::vector<std::string>& candidates) {
  size_t limit = std::max<size_t>(2, word.size() / 3);
  std::string best;
  size_t best_distance = limit + 1;
  for (const std::string& c : candidates) {
    size_t d = edit_distance(word, c);
    if (d < best_distance) {
      best_distance = d;
      best = c;
    }
  }
  return best;
}

std::string suggestion_for(const CLI::App& app, const std::vector<std::string>& args) {
  // Walk down the subcommands the arguments name; the first word that is not
  // one (where a subcommand is required) or the first unknown --flag is the typo.
  const CLI::App* at = &app;
  std::string path = "accord";
  for (const std::string& arg : args) {
    if (arg == "--") break;
    if (arg.empty()) continue;
    if (arg.rfind("--", 0) == 0) {
      std::string flag = arg.substr(0, arg.find('='));
      if (has_flag(*at, flag) || flag == "--help") continue;
      std::string near = closest_match(flag, long_flags(*at));
      std::string message = "unknown option '" + flag + "' for '" + path + "'";
      return near.empty() ? message + " (see '" + path + " --help')" : message + "; did you mean '" + near + "'?";
    }
    if (arg.front() == '-') continue;
    if (const CLI::App* sub = subcommand_named(*at, arg)) {
      at = sub;
      path += " " + arg;
      continue;
    }
    if (at->get_require_subcommand_min() > 0 || (at == &app)) {
      std::string near = closest_match(arg, subcommand_names(*at));
      std::string message = "unknown command '" + arg + "' for '" + path + "'";
      return near.empty() ? message + " (see '" + path + " --help')" : message + "; did you mean '" + near + "'?";
    }
    // A positional argument: option values and file names are not checked here.
  }
  return {};
}

}  // namespace accord::cli
