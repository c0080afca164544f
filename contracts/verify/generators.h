// Request generators (Pact V3/V4): values the verifier makes up when it sends
// a request - random numbers and strings, UUIDs, dates, and values taken from
// the provider state (`${id}` expressions fed by the state-change response).
#pragma once

#include <map>
#include <random>
#include <string>

#include "contracts/http/http_types.h"
#include "contracts/pact/model.h"

namespace accord::contracts::verify {

// Values the state-change call returned (and the states' params), as JSON text
// per name: `42`, `"abc"`.
using StateValues = std::map<std::string, std::string>;

struct GeneratedValue {
  std::string json;  // JSON text to put into a JSON body
  std::string text;  // the same value as plain text (headers, query, path)
};

class GeneratorContext {
 public:
  explicit GeneratorContext(const StateValues* state_values, uint64_t seed);
  // nullopt-like: ok()==false with a reason when the generator cannot run.
  core::Expected<GeneratedValue> generate(const pact::Generator& generator, const core::Node* example);

 private:
  const StateValues* state_values_;
  std::mt19937_64 rng_;
};

// Applies the request's generators; `body` becomes the bytes to send.
struct GeneratedRequest {
  std::string path;
  std::vector<std::pair<std::string, std::vector<std::string>>> query;
  http::HeaderList headers;
  std::string body;
};
core::Expected<GeneratedRequest> apply_request_generators(const pact::RequestSpec& spec, GeneratorContext& ctx);

// "${id}" / "/items/${id}" with the provider state's values.
core::Expected<GeneratedValue> substitute_expression(const std::string& expression, const StateValues& values,
                                                     const std::string& data_type);

// A string matching (a practical subset of) a regular expression.
std::string generate_from_regex(const std::string& regex, std::mt19937_64& rng);

}  // namespace accord::contracts::verify
