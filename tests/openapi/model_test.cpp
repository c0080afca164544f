// The normalised model: what Swagger 2.0 turns into, how parameters are keyed
// and merged, and that unusable input is an error value, never a crash.
#include <catch2/catch.hpp>

#include "core/loader.h"
#include "diff/engine.h"
#include "diff/openapi/model.h"

using namespace accord;
using namespace accord::diff::openapi;

namespace {

struct Loaded {
  core::DocumentSet set;
  const core::Document* doc = nullptr;
};

std::unique_ptr<Loaded> load(const char* name, std::string text) {
  auto l = std::make_unique<Loaded>();
  auto doc = core::load_text(name, std::move(text));
  REQUIRE(doc.ok());
  l->doc = l->set.adopt(std::move(*doc));
  return l;
}

const Operation* find_op(const Api& api, std::string_view label) {
  for (const Operation& op : api.operations)
    if (op.label == label) return &op;
  return nullptr;
}

}  // namespace

TEST_CASE("Swagger 2.0 body, produces and host/basePath become 3.x shapes", "[openapi][model]") {
  auto l = load("s.yaml", R"(swagger: '2.0'
info: {title: t, version: '1'}
host: api.example.com
basePath: /v2/
schemes: [http, https]
consumes: [application/json, application/xml]
paths:
  /pets:
    post:
      produces: [text/plain]
      parameters:
        - {name: p, in: body, required: true, schema: {type: object}}
        - {name: q, in: query, type: array, items: {type: string}}
      responses:
        '200': {description: ok, schema: {type: string}}
)");
  auto api = build_api(l->set, *l->doc);
  REQUIRE(api.ok());
  CHECK(api->major == 2);
  REQUIRE(api->servers.size() == 2);
  CHECK(api->servers[0].url == "http://api.example.com/v2");
  CHECK(api->base_path == "/v2");
  const Operation* op = find_op(*api, "POST /pets");
  REQUIRE(op);
  REQUIRE(op->request_body);
  CHECK(op->request_body->required);
  REQUIRE(op->request_body->content.size() == 2);
  CHECK(op->request_body->content[1].name == "application/xml");
  CHECK(op->request_body->content[0].schema.pointer == "/paths/~1pets/post/parameters/0/schema");
  REQUIRE(op->parameters.size() == 1);  // the body is not a parameter
  CHECK(op->parameters[0].style == "form");
  CHECK_FALSE(op->parameters[0].explode);  // collectionFormat csv
  REQUIRE(op->responses.size() == 1);
  REQUIRE(op->responses[0].content.size() == 1);
  CHECK(op->responses[0].content[0].name == "text/plain");
}

TEST_CASE("parameters: path ones keyed by position, operation overrides path item", "[openapi][model]") {
  auto l = load("p.yaml", R"(openapi: 3.0.0
info: {title: t, version: '1'}
paths:
  /a/{x}/b/{y}:
    parameters:
      - {name: y, in: path, required: true, schema: {type: string}}
      - {name: X-Id, in: header, schema: {type: string}}
      - {name: x, in: path, required: true, schema: {type: string}}
    get:
      parameters:
        - {name: X-Id, in: header, required: true, schema: {type: string}}
      responses: {'200': {description: ok}}
)");
  auto api = build_api(l->set, *l->doc);
  REQUIRE(api.ok());
  const Operation* op = find_op(*api, "GET /a/{x}/b/{y}");
  REQUIRE(op);
  CHECK(op->key == "get /a/{}/b/{}");
  REQUIRE(op->parameters.size() == 3);
  CHECK(op->parameters[0].key == "path#1");
  CHECK(op->parameters[1].key == "header:x-id");
  CHECK(op->parameters[1].required);  // the operation's definition won
  CHECK(op->parameters[2].key == "path#0");
}

TEST_CASE("a dangling $ref is an error that names its position", "[openapi][model]") {
  auto l = load("d.yaml", R"(openapi: 3.0.0
info: {title: t, version: '1'}
paths:
  /a:
    get:
      parameters:
        - $ref: '#/components/parameters/Missing'
      responses: {'200': {description: ok}}
)");
  auto api = build_api(l->set, *l->doc);
  REQUIRE_FALSE(api.ok());
  CHECK(api.error().line == 7);
  CHECK(api.error().message.find("Missing") != std::string::npos);
}

TEST_CASE("malformed shapes are skipped, not crashed on", "[openapi][model]") {
  auto l = load("m.yaml", R"(openapi: 3.0.0
info: {title: t, version: '1'}
servers: 12
security: [1, {a: 3}]
paths:
  x-ext: {}
  /a: [1, 2]
  /b:
    get:
      parameters: {not: a list}
      requestBody: 5
      responses: [1]
    post: 7
components: {securitySchemes: {s: [1]}}
)");
  auto api = build_api(l->set, *l->doc);
  REQUIRE(api.ok());
  REQUIRE(api->operations.size() == 1);
  CHECK(api->operations[0].parameters.empty());
  CHECK_FALSE(api->operations[0].request_body);
  auto self = diff::compare_contracts({"m.yaml", std::string(R"(openapi: 3.0.0
paths: {/b: {get: {responses: 3}}})")},
                                      {"m2.yaml", std::string("openapi: 3.0.0\npaths: 4\n")}, {});
  CHECK(self.ok());
}
