#include "registry/formats/json_fields.h"

#include <charconv>

#include "registry/formats/log_format.h"

namespace accord::registry {

void flatten_json_fields(const core::Node* node, const std::string& prefix, std::deque<std::string>& keys,
                         std::vector<std::pair<std::string_view, std::string_view>>& fields) {
  for (const core::Member& m : node->children()) {
    if (m.value->is_object()) {
      keys.push_back(prefix + std::string(m.key) + ".");
      std::string nested = keys.back();
      keys.pop_back();
      flatten_json_fields(m.value, nested, keys, fields);
    } else if (m.value->is_scalar() && !m.value->is_null()) {
      if (prefix.empty()) {
        fields.emplace_back(m.key, m.value->text());
      } else {
        keys.push_back(prefix + std::string(m.key));
        fields.emplace_back(keys.back(), m.value->text());
      }
    }
  }
}

bool parse_json_time(std::string_view text, int64_t& out) {
  if (!text.empty() && text[0] >= '0' && text[0] <= '9' && text.find_first_of("-/") == std::string_view::npos) {
    double value = 0;
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc()) return false;
    // Seconds until year 5138; beyond that it must be ms, us or ns.
    while (value > 1e11) value /= 1000;
    out = static_cast<int64_t>(value);
    return true;
  }
  if (parse_iso8601(text, out)) return true;
  return parse_clf_time(text, out);
}

}  // namespace accord::registry
