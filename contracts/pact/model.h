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
  std::shared_ptr<const core::Document> metadata_owner;  // keeps `metadata` alive when parsed here
};

struct ProviderState {
  std::string name;
  const core::Node* params = nullptr;  // object or nullptr
};

struct Interaction {
  // What the interaction is, and so how it is verified. `unsupported` ones
  // (plugin-driven, unknown V4 types) are reported as skipped, never passed.
  enum class Kind { http, message, sync_message, unsupported } kind = Kind::http;
  std::string description;
  std::vector<ProviderState> states;
  RequestSpec request;
  ResponseSpec response;
  MessageSpec message;                  // message: the message; sync_message: the request message
  std::vector<MessageSpec> responses;   // sync_message: every expected response
  std::string unsupported_reason;       // unsupported: why accord cannot verify it
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
  std::shared_ptr<const core::Document> document;
};

}  // namespace accord::contracts::pact
