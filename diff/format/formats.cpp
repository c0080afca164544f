// The registration list made code: every ACCORD_FORMAT(name) line of
// formats.def declares name_format() and adds it, in order.
#include <vector>

#include "diff/format/format.h"

namespace accord::diff {

#define ACCORD_FORMAT(name) const ContractFormat& name##_format();
#include "diff/format/formats.def"
#undef ACCORD_FORMAT

std::span<const ContractFormat* const> all_formats() {
  static const std::vector<const ContractFormat*> formats = {
#define ACCORD_FORMAT(name) &name##_format(),
#include "diff/format/formats.def"
#undef ACCORD_FORMAT
  };
  return formats;
}

const ContractFormat* find_format(std::string_view name) {
  for (const ContractFormat* f : all_formats())
    if (f->id().name == name) return f;
  return nullptr;
}

std::string format_names() {
  std::string out;
  for (const ContractFormat* f : all_formats()) {
    if (!out.empty()) out += '|';
    out += f->id().name;
  }
  return out;
}

}  // namespace accord::diff
