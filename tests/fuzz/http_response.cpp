// Fuzz target: the verifier's response path fed from bytes. The input is a
// raw HTTP response (status line, header lines, blank line, body); it goes
// through the ResponseReader the libcurl client uses (header lines one by one,
// the body in chunks whose size the first byte picks, the --max-body cut),
// then is matched against a fixed interaction with matching rules.
#include "contracts/http/response_reader.h"
#include "contracts/matching/http_match.h"
#include "contracts/pact/loader.h"
#include "tests/fuzz/fuzz_input.h"

namespace {

using namespace accord::contracts;

constexpr const char* kExpected = R"({
  "consumer": {"name": "fuzz"}, "provider": {"name": "provider"},
  "interactions": [{
    "description": "a user", "request": {"method": "GET", "path": "/users/1"},
    "response": {
      "status": 200,
      "headers": {"Content-Type": "application/json; charset=utf-8", "X-Id": "7"},
      "body": {"id": 1, "name": "Ann", "tags": ["a"], "created": "2024-01-02T03:04:05Z"},
      "matchingRules": {
        "header": {"X-Id": {"matchers": [{"match": "regex", "regex": "\\d+"}]}},
        "body": {
          "$.id": {"matchers": [{"match": "integer"}]},
          "$.name": {"matchers": [{"match": "type"}]},
          "$.tags": {"matchers": [{"match": "type", "min": 1}]},
          "$.created": {"matchers": [{"match": "datetime", "format": "yyyy-MM-dd'T'HH:mm:ssX"}]}
        }
      }
    }
  }],
  "metadata": {"pactSpecification": {"version": "3.0.0"}}
})";

pact::ResponseSpec expected_response() {
  static const pact::Pact pact = *pact::load_pact_text("expected.json", kExpected);
  return pact.interactions.front().response;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const size_t chunk = 1 + data[0];
  std::string_view bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
  http::Response response;
  http::ResponseReader reader(response, 4096);  // small, so the fuzzer reaches the cut
  // Header lines up to the first empty line, as libcurl hands them over.
  while (!bytes.empty()) {
    size_t eol = bytes.find('\n');
    std::string_view line = bytes.substr(0, eol == std::string_view::npos ? bytes.size() : eol + 1);
    bytes.remove_prefix(line.size());
    if (line == "\r\n" || line == "\n") break;
    reader.on_header_line(line);
  }
  while (!bytes.empty()) {
    std::string_view piece = bytes.substr(0, chunk);
    bytes.remove_prefix(piece.size());
    if (!reader.on_body(piece)) break;
  }
  if (reader.body_cut()) return 0;  // the verifier reports the cut; nothing to match
  pact::ResponseSpec expected = expected_response();
  pact::ResponseSpec actual = matching::response_from_http(response);
  (void)matching::match_response(expected, actual);
  return 0;
}
