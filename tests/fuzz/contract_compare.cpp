// Fuzz target, one binary per format: that format's loader (model build with
// positions) and the comparison of two versions. Old and new are one input
// split at a "=====" line, so the fuzzer mutates both sides; seeds are the
// format's rule fixture pairs. With ACCORD_FUZZ_FORMAT (asyncapi, avro,
// graphql) --kind is set, so detection cannot route the bytes elsewhere;
// without it (openapi_compare: Swagger 2.0, 3.0, 3.1) detection runs too.
#include "diff/engine.h"
#include "tests/fuzz/fuzz_input.h"

#ifndef ACCORD_FUZZ_EXTENSION
#error "ACCORD_FUZZ_EXTENSION is the file extension that format's files carry"
#endif

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace accord;
  auto texts = fuzz::split_documents(std::string_view(reinterpret_cast<const char*>(data), size), 2);
  diff::ContractInput old_input{"old." ACCORD_FUZZ_EXTENSION, std::move(texts[0])};
  diff::ContractInput new_input{"new." ACCORD_FUZZ_EXTENSION, std::move(texts[1])};
  diff::CompareOptions options;  // no remote refs: the set is what the input holds
#ifdef ACCORD_FUZZ_FORMAT
  options.kind = diff::Format::ACCORD_FUZZ_FORMAT;
#endif
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
