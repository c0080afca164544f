// Java's Schema.isValidDefault (Avro 1.11): the checks a field default must
// pass for Schema.Parser to accept the schema. Enum and fixed defaults are
// only required to be strings, and a union's default must fit its first
// branch, as the specification says.
#include <cerrno>
#include <cstdlib>
#include <limits>

#include "diff/avro/schema.h"

namespace accord::diff::avro {

namespace {

bool is_integral(const core::Node& v) {
  if (!v.is_number()) return false;
  for (char c : v.text())
    if (c == '.' || c == 'e' || c == 'E') return false;
  return true;
}

bool fits_int(const core::Node& v) {
  std::string text(v.text());
  errno = 0;
  long long n = std::strtoll(text.c_str(), nullptr, 10);
  return errno == 0 && n >= std::numeric_limits<int32_t>::min() && n <= std::numeric_limits<int32_t>::max();
}

bool fits_long(const core::Node& v) {
  std::string text(v.text());
  errno = 0;
  (void)std::strtoll(text.c_str(), nullptr, 10);
  return errno == 0;
}

}  // namespace

bool is_valid_default(const Schema& schema, const core::Node& v) {
  // A record whose field defaults to the record itself would otherwise never end.
  thread_local int depth = 0;
  if (depth > 64) return false;
  struct Guard {
    Guard() { ++depth; }
    ~Guard() { --depth; }
  } guard;
  switch (schema.type) {
    case Type::string:
    case Type::bytes:
    case Type::enumeration:
    case Type::fixed: return v.is_string();
    case Type::int_: return is_integral(v) && fits_int(v);
    case Type::long_: return is_integral(v) && fits_long(v);
    case Type::float_:
    case Type::double_: return v.is_number();
    case Type::boolean: return v.is_bool();
    case Type::null: return v.is_null();
    case Type::array:
      if (!v.is_array()) return false;
      for (const core::Member& m : v.children())
        if (!is_valid_default(*schema.items.schema, *m.value)) return false;
      return true;
    case Type::map:
      if (!v.is_object()) return false;
      for (const core::Member& m : v.children())
        if (!is_valid_default(*schema.items.schema, *m.value)) return false;
      return true;
    case Type::union_: return !schema.branches.empty() && is_valid_default(*schema.branches[0].schema, v);
    case Type::record:
      if (!v.is_object()) return false;
      for (const Field& f : schema.fields) {
        const core::Node* given = v.get(f.name);
        if (!given) given = f.default_value;
        if (!given || !is_valid_default(*f.type.schema, *given)) return false;
      }
      return true;
  }
  return false;
}

}  // namespace accord::diff::avro
