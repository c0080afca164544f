// Fuzz target: the YAML loader (libyaml events -> tree; core-schema typing,
// anchors, aliases, merge keys, the alias-bomb and depth limits).
#include "core/loader.h"
#include "tests/fuzz/fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace accord;
  auto doc = core::load_text("fuzz.yaml", fuzz::as_text(data, size), core::Syntax::yaml);
  if (!doc) {
    (void)doc.error().render();
    return 0;
  }
  fuzz::touch_tree((*doc)->root());
  return 0;
}
