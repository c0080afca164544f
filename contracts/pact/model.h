// The Pact document model shared by every spec version (V1 to V4): what a
// consumer expects a provider to answer, with the matching rules and
// generators that loosen or fill it.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "contracts/http/http_types.h"
#include "contracts/matching/rules.h"
#include "core/node.h"

namespace accord::contracts::pact {

enum class SpecVersion { v1, v1_1, v2, v3, v4 };
std::string to_string(SpecVersion v);

struct Body {
  enum class State { missing, null, empty, present } state = State::missing;
  std::string content_type;       // declared (V4 `contentType`) or from the Content-Type header
  const core::Node* json = nullptr;  // when the pact holds the body as a JSON value
  std::string text;               // raw bytes (strings in pacts, bodies received over HTTP)
  std::shared_ptr<const core::Document> owner;  // keeps `json` alive when parsed here

  bool present() const { return state == State::present; }
  // The body as bytes to send: `text`, or `json` serialised.
  std::string bytes() const;
};

struct Generator {
  std::string type;             // RandomInt, Uuid, Date, ProviderState, ...
  const core::Node* config = nullptr;  // the generator object itself
};

struct GeneratorCategory {
  std::vector<std::pair<std::string, Generator>> entries;  // path or name -> generator
};

struct Generators {
  GeneratorCategory body, header, query, path, status;
};

struct RequestSpec {
  std::string method = "GET";
  std::string path = "/";
  bool has_path = false;
  // V1.1+: parsed parameters in order; V1 keeps the raw string too.
  std::vector<std::pair<std::string, std::vector<std::string>>> query;
  bool has_query = false;
  std::string raw_query;  // V1 compares query strings as strings
  http::HeaderList headers;
  bool has_headers = false;
  Body body;
  matching::MatchingRules rules;
  Generators generators;
};

struct ResponseSpec {
  int status = 200;
  bool has_status = false;
  http::HeaderList headers;
  bool has_headers = false;
  Body body;
  matching::MatchingRules rules;
  Generators generators;
};

struct MessageSpec {
  Body contents;
  std::vector<std::pair<std::string, const core::Node*>> metadata;
  matching::MatchingRules rules;
};

struct ProviderState {
  std::string name;
  const core::Node* params = nullptr;  // object or nullptr
};

struct Interaction {
  std::string description;
  std::vector<ProviderState> states;
  RequestSpec request;
  ResponseSpec response;
  bool pending = false;
  std::vector<std::string> comments;  // V4 comments.text: shown with the verdict
  std::string test_name;              // V4 comments.testname: the consumer test that wrote it
  core::SourceLocation location;
};

struct Pact {
  std::string file;
  std::string consumer;
  std::string provider;
  SpecVersion version = SpecVersion::v2;
  std::vector<Interaction> interactions;
  size_t skipped_non_http = 0;  // V3 messages / V4 message interactions: not replayed over HTTP
  std::shared_ptr<const core::Document> document;
};

}  // namespace accord::contracts::pact
