#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "core/json_pointer.h"
#include "core/pointer_map.h"
#include "core/string_arena.h"

using accord::core::PointerMap;
using accord::core::StringArena;

TEST_CASE("PointerMap finds what was put in, keeps the first value, and survives growth", "[pool]") {
  std::vector<int> keys(1000), values(1000);
  PointerMap<int, int> map;
  CHECK(map.find(&keys[0]) == nullptr);  // empty: nothing, and no crash
  for (size_t i = 0; i < keys.size(); ++i) map.emplace(&keys[i], &values[i]);
  CHECK(map.size() == keys.size());
  for (size_t i = 0; i < keys.size(); ++i) CHECK(map.find(&keys[i]) == &values[i]);
  map.emplace(&keys[7], &values[8]);  // like emplace: an existing key keeps its value
  CHECK(map.find(&keys[7]) == &values[7]);
  CHECK(map.size() == keys.size());
  int absent = 0;
  CHECK(map.find(&absent) == nullptr);
}

TEST_CASE("StringArena writes what pointer_append would and its strings never move", "[pool]") {
  StringArena arena;
  std::vector<std::string_view> kept;
  std::vector<std::string> expected;
  for (int i = 0; i < 5000; ++i) {  // many blocks
    const std::string base = "/definitions/d" + std::to_string(i);
    kept.push_back(arena.append(base, "a/b~c"));
    expected.push_back(accord::core::pointer_append(base, "a/b~c"));
    kept.push_back(arena.append(base, static_cast<size_t>(i)));
    expected.push_back(accord::core::pointer_append(base, static_cast<size_t>(i)));
  }
  const std::string big(20000, 'x');  // longer than a block: a block of its own
  kept.push_back(arena.keep(big));
  expected.push_back(big);
  kept.push_back(arena.append("", "properties"));  // an empty base
  expected.push_back("/properties");
  kept.push_back(arena.keep(""));
  expected.push_back("");
  REQUIRE(kept.size() == expected.size());
  for (size_t i = 0; i < kept.size(); ++i) CHECK(kept[i] == expected[i]);
  CHECK(expected[0] == "/definitions/d0/a~1b~0c");
}
