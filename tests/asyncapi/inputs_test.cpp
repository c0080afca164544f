// AsyncAPI documents that cannot be compared: exit 2 material, with the
// file:line:col of the cause, on either side of the comparison.
#include <catch2/catch.hpp>

#include "diff/engine.h"

using namespace accord;

TEST_CASE("an AsyncAPI 3 operation without a channel is unusable input naming where", "[asyncapi][inputs]") {
  const std::string good = "fixtures/asyncapi/rules/channel-renamed/old.yaml";
  const std::string bad = "fixtures/asyncapi/errors/operation-without-channel.yaml";
  const std::string expected =
      bad + ":10:5: operation 'onMeasured' names no channel (AsyncAPI 3 requires `channel`)";
  for (auto [old_path, new_path] : {std::pair{good, bad}, std::pair{bad, good}}) {
    INFO(old_path << " -> " << new_path);
    auto result = diff::compare_contracts({old_path, std::nullopt}, {new_path, std::nullopt}, {});
    REQUIRE_FALSE(result.ok());
    CHECK(result.error().render() == expected);
  }
}
