// Answers from pacts: the response of the interaction whose request matches
// under the pact's matching rules (method, path, query, headers, body);
// provider states choose among interactions with the same request. No match:
// 404 with a JSON body naming the closest interaction and why it did not match.
#pragma once

#include <vector>

#include "contracts/pact/model.h"
#include "contracts/stub/stub.h"

namespace accord::contracts::stub {

class PactStub : public Answerer {
 public:
  // Keeps the HTTP interactions of `pacts` (messages cannot be stubbed over HTTP).
  explicit PactStub(std::vector<pact::Pact> pacts);
  StubAnswer answer(const StubRequest& request) const override;
  size_t interaction_count() const { return entries_.size(); }
  size_t skipped() const { return skipped_; }

 private:
  struct Entry {
    const pact::Pact* pact;
    const pact::Interaction* interaction;
    pact::RequestSpec expected;  // its own copy, parsed once, read only while serving
  };
  std::vector<pact::Pact> pacts_;
  std::vector<Entry> entries_;
  size_t skipped_ = 0;
};

}  // namespace accord::contracts::stub
