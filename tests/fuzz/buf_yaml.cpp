// Fuzz target: the buf.yaml / buf.work.yaml breaking-config loader (use,
// except, ignore, ignore_only, modules, excludes) and rule selection.
// The loader reads a path, so each input is written to one private file.
#include <unistd.h>

#include <cstdio>
#include <string>

#include "diff/proto/config.h"
#include "tests/fuzz/fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace accord;
  static const std::string path = "/tmp/accord-fuzz-buf-" + std::to_string(::getpid()) + ".yaml";
  if (FILE* f = std::fopen(path.c_str(), "wb")) {
    std::fwrite(data, 1, size, f);
    std::fclose(f);
  } else {
    return 0;
  }
  auto config = diff::proto::load_breaking_config(path);
  if (!config) return 0;
  auto rules = diff::proto::select_rules(*config, {});
  if (!rules) (void)rules.error().render();
  return 0;
}
