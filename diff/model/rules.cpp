#include "diff/model/rules.h"

#include <algorithm>

namespace accord::diff {

bool has_category(const RuleInfo& rule, std::string_view category) {
  std::string_view rest = rule.categories;
  while (!rest.empty()) {
    size_t comma = rest.find(',');
    if (rest.substr(0, comma) == category) return true;
    if (comma == std::string_view::npos) break;
    rest.remove_prefix(comma + 1);
  }
  return false;
}

std::string render_message(std::string_view tmpl, const std::vector<Arg>& args) {
  std::string out;
  out.reserve(tmpl.size() + 32);
  for (size_t i = 0; i < tmpl.size();) {
    if (tmpl[i] == '{') {
      size_t close = tmpl.find('}', i);
      if (close != std::string_view::npos) {
        std::string_view name = tmpl.substr(i + 1, close - i - 1);
        auto it = std::find_if(args.begin(), args.end(), [&](const Arg& a) { return a.name == name; });
        if (it != args.end()) {
          out += it->value;
          i = close + 1;
          continue;
        }
      }
    }
    out += tmpl[i++];
  }
  return out;
}

}  // namespace accord::diff
