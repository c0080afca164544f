// Fuzz target: the JSON parser (strict, positions, escapes, depth limit).
#include "core/json_writer.h"
#include "core/loader.h"
#include "tests/fuzz/fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace accord;
  auto doc = core::load_text("fuzz.json", fuzz::as_text(data, size), core::Syntax::json);
  if (!doc) {
    (void)doc.error().render();
    return 0;
  }
  fuzz::touch_tree((*doc)->root());
  return 0;
}
