#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "core/stable_pool.h"

using accord::core::StablePool;

namespace {
struct Counted {
  explicit Counted(int v, int& live) : value(v), live(live) { ++live; }
  ~Counted() { --live; }
  int value;
  int& live;
};
}  // namespace

TEST_CASE("StablePool keeps what it made in place and destroys it once", "[pool]") {
  int live = 0;
  {
    StablePool<Counted, 8> pool;
    std::vector<Counted*> made;
    for (int i = 0; i < 100; ++i) made.push_back(&pool.emplace_back(i, live));  // blocks 4, 8, 8, ...
    CHECK(pool.size() == 100);
    CHECK(live == 100);
    for (int i = 0; i < 100; ++i) CHECK(made[static_cast<size_t>(i)]->value == i);  // no element moved
  }
  CHECK(live == 0);
}

TEST_CASE("StablePool constructs from arguments, copies included", "[pool]") {
  StablePool<std::string> pool;
  const std::string& a = pool.emplace_back(40, 'x');
  const std::string& b = pool.emplace_back(a);
  CHECK(b == a);
  CHECK(&a != &b);
  CHECK(pool.size() == 2);
}
