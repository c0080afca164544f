// Fuzz target: OpenAPI model build (Swagger 2.0, 3.0, 3.1) and the comparison
// of two versions: old and new are one input split at a "=====" line, so the
// fuzzer mutates both sides (a seed is a real old/new rule fixture pair).
#include "diff/engine.h"
#include "tests/fuzz/fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace accord;
  auto texts = fuzz::split_documents(std::string_view(reinterpret_cast<const char*>(data), size), 2);
  diff::ContractInput old_input{"old.yaml", std::move(texts[0])};
  diff::ContractInput new_input{"new.yaml", std::move(texts[1])};
  diff::CompareOptions options;  // no remote refs: the set is what the input holds
  auto findings = diff::compare_contracts(old_input, new_input, options);
  if (!findings) {
    (void)findings.error().render();
    return 0;
  }
  size_t total = 0;
  for (const auto& f : *findings) total += f.message.size() + f.fingerprint.size();
  (void)total;
  return 0;
}
