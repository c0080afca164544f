// Fuzz target: the accord.yaml loader (rules, severities, ignores with
// expiry dates, deprecation-days), with a rule table that knows a few ids.
#include "core/loader.h"
#include "diff/config/config.h"
#include "tests/fuzz/fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace accord;
  auto doc = core::load_text("accord.yaml", fuzz::as_text(data, size), core::Syntax::yaml);
  if (!doc) return 0;
  auto known = [](std::string_view id) {
    return id == "openapi.operation-removed" || id == "openapi.response-property-removed" ||
           id.rfind("proto.", 0) == 0;
  };
  auto config = diff::parse_config(**doc, known);
  if (!config) (void)config.error().render();
  return 0;
}
