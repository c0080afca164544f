// Pact provider verification: replays each interaction of the pacts against a
// running provider and matches what comes back, with provider states,
// generators, filters and parallel workers.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <regex>
#include <string>
#include <vector>

#include "contracts/http/http_types.h"
#include "contracts/pact/model.h"
#include "contracts/verify/report.h"

namespace accord::contracts::verify {

struct VerifyOptions {
  std::string provider_base_url;        // "http://127.0.0.1:8080" (a path prefix is kept)
  std::string message_path = "/";       // where message interactions ask the provider for their message
  std::string state_change_url;         // empty: provider states are not set up
  bool state_change_teardown = false;
  http::HeaderList extra_headers;       // -H / --header-from-env: added to (or replacing) request headers
  size_t concurrency = 1;
  std::optional<std::string> consumer;  // exact consumer name
  std::optional<std::regex> interaction_filter;  // on descriptions
  std::optional<std::regex> state_filter;        // on provider state names
  uint64_t seed = 0;                    // generators; 0 = from the clock
};

// Makes one client per worker thread (each keeps its own connections alive).
using ClientFactory = std::function<std::unique_ptr<http::Client>()>;

// Runs every selected interaction; the results keep the pacts' order.
std::vector<InteractionResult> verify_pacts(std::vector<pact::Pact>& pacts, const VerifyOptions& options,
                                            const ClientFactory& make_client);

// A result naming the interaction (pact file, consumer, provider, description,
// pending, comments, test name, provider states), not yet checked: every
// check of interactions starts from it.
InteractionResult result_for(const pact::Pact& pact, const pact::Interaction& interaction);

// Whether an interaction passes the --consumer/--interaction/--state filters.
bool selected(const pact::Pact& pact, const pact::Interaction& interaction, const VerifyOptions& options);

// Joins the base URL, a path and query parameters into a URL.
std::string build_url(const std::string& base, const std::string& path,
                      const std::vector<std::pair<std::string, std::vector<std::string>>>& query);

}  // namespace accord::contracts::verify
