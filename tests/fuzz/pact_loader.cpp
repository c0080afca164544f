// Fuzz target: the pact loader (V1-V4 shapes, matching rules, generators,
// bodies) and the matchers: every loaded interaction's request and response
// are matched against themselves, which must not crash whatever the rules say.
#include "contracts/matching/http_match.h"
#include "contracts/pact/loader.h"
#include "tests/fuzz/fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace accord;
  using namespace accord::contracts;
  auto pact = pact::load_pact_text("fuzz.json", fuzz::as_text(data, size));
  if (!pact) {
    (void)pact.error().render();
    return 0;
  }
  size_t budget = 64;
  for (pact::Interaction& in : pact->interactions) {
    if (budget-- == 0) break;
    pact::RequestSpec actual_request = in.request;
    (void)matching::match_request(in.request, actual_request, pact->version);
    pact::ResponseSpec actual_response = in.response;
    (void)matching::match_response(in.response, actual_response);
  }
  return 0;
}
