// The rows of a format's rule table that registered a handler at one level of
// its walk (`Level`: a pointer to a member of the format's `Handlers`), in
// table order. Every format's walker runs exactly these at that level.
#pragma once

#include <vector>

namespace accord::diff {

template <auto Level, class Rows>
std::vector<typename Rows::value_type> rows_at(const Rows& rows) {
  std::vector<typename Rows::value_type> out;
  for (const auto& row : rows)
    if (row->on.*Level) out.push_back(row);
  return out;
}

}  // namespace accord::diff
