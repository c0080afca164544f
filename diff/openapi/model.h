// One shape for Swagger 2.0, OpenAPI 3.0 and 3.1, so that a 2.0 -> 3.x
// migration diffs cleanly. The model only points into the loaded trees (no
// subtree is copied); every `$ref` to a parameter, response, request body or
// header is resolved once while the model is built.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/expected.h"
#include "core/refs.h"

namespace accord::diff::openapi {

// A node and its JSON Pointer inside the document that holds it (after $refs).
struct NodeRef {
  const core::Node* node = nullptr;
  std::string pointer;
  explicit operator bool() const { return node != nullptr; }
};

struct MediaType {
  std::string name;  // "application/json" (lower case)
  NodeRef node;      // the media type object (2.0: the body parameter / response)
  NodeRef schema;    // may be empty
};

struct Parameter {
  std::string name;
  std::string in;   // query | header | path | cookie; formData only in Operation::form_fields
  std::string key;  // pairing key: "path#<position>" or "<in>:<name>" (header names lower case)
  bool required = false;
  bool deprecated = false;
  std::string sunset;  // x-sunset as written ("" when absent)
  std::string style;  // effective style (defaults applied, 2.0 collectionFormat mapped)
  bool explode = false;
  bool is_collection = false;  // schema type array/object: only then style/explode matter
  NodeRef node;
  NodeRef schema;  // 3.x: `schema` (or the first media type's); 2.0: the parameter itself
};

struct RequestBody {
  NodeRef node;
  bool required = false;
  std::vector<MediaType> content;
};

struct Header {
  std::string name;  // as written
  std::string key;   // lower case
  bool required = false;
  NodeRef node;
  NodeRef schema;
};

struct Response {
  std::string status;  // "200", "2XX", "default"
  NodeRef node;
  std::vector<MediaType> content;
  std::vector<Header> headers;
};

// One alternative of a security requirement: scheme name -> scopes.
struct SecurityAlternative {
  std::vector<std::pair<std::string, std::vector<std::string>>> schemes;  // sorted by name
  std::string key;  // scheme names joined, for pairing
  NodeRef node;
};

struct Security {
  bool declared = false;  // false: the operation inherits (or nothing is declared at all)
  NodeRef node;
  std::vector<SecurityAlternative> alternatives;
};

struct Operation {
  std::string method;  // lower case
  std::string path;    // as written
  std::string key;     // "get /users/{}"
  std::string path_key;  // "/users/{}"
  std::string label;   // "GET /users/{id}"
  NodeRef node;
  NodeRef path_item;
  std::vector<Parameter> parameters;
  // Swagger 2.0 `in: formData` fields, as written. The diff compares them
  // through `request_body`, whose schema lists them as properties (the
  // OpenAPI 3 shape), so a 2.0 -> 3.x migration of a form diffs cleanly.
  std::vector<Parameter> form_fields;
  std::optional<RequestBody> request_body;
  std::vector<Response> responses;
  Security security;  // effective: the operation's own, else the document's
  bool deprecated = false;
  std::string sunset;  // x-sunset as written ("" when absent)
  std::string stability;  // x-stability-level as written: draft | alpha | beta | stable ("" when absent)
  std::string operation_id, summary, description;
  std::vector<std::string> tags;
};

struct OAuthFlow {
  std::string name;  // implicit | password | clientCredentials | authorizationCode
  NodeRef node;
  std::string authorization_url, token_url;
  std::vector<std::string> scopes;  // sorted
};

struct SecurityScheme {
  std::string name;
  NodeRef node;
  std::string type;    // http | apiKey | oauth2 | openIdConnect | mutualTLS
  std::string scheme;  // http: basic | bearer ... (lower case)
  std::string in, parameter_name;  // apiKey
  std::vector<OAuthFlow> flows;     // sorted by name
};

struct Server {
  std::string url;  // variables replaced by their defaults
  NodeRef node;
};

struct PathItem {
  std::string path;
  std::string key;  // normalized template
  NodeRef node;
};

struct Api {
  int major = 3;  // 2 for Swagger 2.0
  NodeRef root;
  NodeRef paths;
  std::vector<PathItem> path_items;
  std::vector<Operation> operations;
  // OpenAPI 3.1 `webhooks`: requests the API sends. `path` is the webhook
  // name, `label` "webhook <name> (POST)", `key` "<method> <name>".
  std::vector<Operation> webhooks;
  std::vector<SecurityScheme> security_schemes;  // sorted by name
  NodeRef security_schemes_node;
  std::vector<Server> servers;
  NodeRef servers_node;
  std::string base_path;  // path part of the servers (2.0 basePath), "" or "/v1"
};

// Builds the model of one document; `$ref`s resolve through `set`.
core::Expected<Api> build_api(core::DocumentSet& set, const core::Document& doc);

// The member `key` of `parent` with its pointer (empty when absent).
NodeRef child_of(const NodeRef& parent, std::string_view key);

// The path part of a server URL ("https://x.io/v1/" -> "/v1"; "/" -> "").
std::string url_base_path(std::string_view url);

}  // namespace accord::diff::openapi
