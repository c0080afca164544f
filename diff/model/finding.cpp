#include "diff/model/finding.h"

namespace accord::diff {

std::string_view severity_name(Severity s) {
  switch (s) {
    case Severity::info: return "info";
    case Severity::warning: return "warning";
    case Severity::error: return "error";
  }
  return "error";
}

std::optional<Severity> parse_severity(std::string_view name) {
  if (name == "info") return Severity::info;
  if (name == "warning" || name == "warn") return Severity::warning;
  if (name == "error" || name == "err") return Severity::error;
  return std::nullopt;
}

bool same_place(const std::optional<Place>& a, const std::optional<Place>& b) {
  if (!a || !b) return !a && !b;
  return a->file == b->file && a->pointer == b->pointer;
}

std::string_view Finding::arg(std::string_view name) const {
  for (const Arg& a : args)
    if (a.name == name) return a.value;
  return {};
}

}  // namespace accord::diff
