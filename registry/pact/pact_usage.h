// Contract-based usage: which consumer's pact calls which operation and
// which response fields its expectations read (body keys and matchers).
#pragma once

#include <string>
#include <vector>

#include "core/expected.h"
#include "registry/store/store.h"

namespace accord::registry {

// Reads one pact file (specification v1 to v4). HTTP interactions only;
// message interactions are skipped.
struct PactFile {
  PactKey key;  // consumer and provider from the file, the version from the caller
  std::vector<PactUsage> usage;
};
core::Expected<PactFile> read_pact(const std::string& path, const std::string& consumer_version = "");
core::Expected<std::vector<PactUsage>> read_pact_usage(const std::string& path);

}  // namespace accord::registry
