// `accord stub`: answers chosen by the pact's matching rules and provider
// states, 404s that name the closest interaction, OpenAPI examples and
// generated bodies, and the built server (keep-alive, CORS, log, SIGTERM).
#include <catch2/catch.hpp>

#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "contracts/http/curl_client.h"
#include "contracts/pact/loader.h"
#include "contracts/stub/pact_stub.h"
#include "contracts/stub/spec_stub.h"
#include "test_paths.h"

using namespace accord::contracts;

namespace {

const char* kPact = R"({"consumer":{"name":"web"},"provider":{"name":"zoo"},"interactions":[
  {"description":"Mary, when the zoo is open","providerState":"the zoo is open",
   "request":{"method":"GET","path":"/alligators/Mary","headers":{"Accept":"application/json"}},
   "response":{"status":200,"headers":{"Content-Type":"application/json"},"body":{"name":"Mary"}}},
  {"description":"Mary, when the zoo is closed","providerState":"the zoo is closed",
   "request":{"method":"GET","path":"/alligators/Mary","headers":{"Accept":"application/json"}},
   "response":{"status":503,"body":{"error":"closed"}}},
  {"description":"any alligator by id","request":{"method":"GET","path":"/alligators/1","query":"limit=5",
   "matchingRules":{"path":{"matchers":[{"match":"regex","regex":"/alligators/\\d+"}]},
                    "query":{"limit":{"matchers":[{"match":"type"}]}}}},
   "response":{"status":200,"body":{"id":1}}},
  {"description":"create an alligator","request":{"method":"POST","path":"/alligators",
   "headers":{"Content-Type":"application/json"},"body":{"name":"Harry","feet":4},
   "matchingRules":{"body":{"$.name":{"matchers":[{"match":"type"}]},"$.feet":{"matchers":[{"match":"integer"}]}}}},
   "response":{"status":201,"body":{"created":true}}}],
  "metadata":{"pactSpecification":{"version":"3.0.0"}}})";

std::string temp_file(const std::string& text, const std::string& ext) {
  static int counter = 0;
  std::string path = "/tmp/accord-stub-" + std::to_string(::getpid()) + "-" + std::to_string(counter++) + ext;
  std::ofstream(path) << text;
  return path;
}

stub::PactStub pact_stub() {
  std::string path = temp_file(kPact, ".json");
  auto pacts = pact::load_pacts({path});
  std::remove(path.c_str());
  REQUIRE(pacts.ok());
  return stub::PactStub(std::move(*pacts));
}

stub::StubRequest get(const std::string& path, const std::string& query = "", const std::string& state = "") {
  stub::StubRequest r;
  r.method = "GET";
  r.path = path;
  r.raw_query = query;
  r.headers.emplace_back("Accept", "application/json");
  r.state = state;
  return r;
}

}  // namespace

TEST_CASE("stub: the interaction whose request matches answers, states choose", "[stub]") {
  auto s = pact_stub();
  CHECK(s.interaction_count() == 4);
  auto open = s.answer(get("/alligators/Mary", "", "the zoo is open"));
  CHECK(open.status == 200);
  CHECK(open.body == R"({"name":"Mary"})");
  auto closed = s.answer(get("/alligators/Mary", "", "the zoo is closed"));
  CHECK(closed.status == 503);
  CHECK(closed.matched == "Mary, when the zoo is closed");
  CHECK(s.answer(get("/alligators/Mary")).status == 200);  // no state asked: the first that matches

  auto by_rule = s.answer(get("/alligators/42", "limit=10"));
  CHECK(by_rule.status == 200);
  CHECK(by_rule.matched == "any alligator by id");

  stub::StubRequest post;
  post.method = "POST";
  post.path = "/alligators";
  post.headers.emplace_back("Content-Type", "application/json");
  post.body = R"({"name":"Sally","feet":3})";
  CHECK(s.answer(post).status == 201);
  post.body = R"({"name":"Sally","feet":3.5})";
  auto wrong = s.answer(post);
  CHECK(wrong.status == 404);
  CHECK(wrong.body.find(R"("closest":{"description":"create an alligator")") != std::string::npos);
  CHECK(wrong.body.find("$.body.feet") != std::string::npos);
}

TEST_CASE("stub: no match is a 404 naming the closest interaction and why", "[stub]") {
  auto s = pact_stub();
  auto a = s.answer(get("/alligators/Mary", "", "the zoo is on fire"));
  CHECK(a.status == 404);
  CHECK(a.body.find("no interaction for provider state 'the zoo is on fire'") != std::string::npos);
  auto b = s.answer(get("/crocodiles/1", "limit=5"));
  CHECK(b.status == 404);
  CHECK(b.body.find(R"("closest":{"description":"any alligator by id")") != std::string::npos);
  CHECK(b.body.find(R"("path":"path")") != std::string::npos);
}

TEST_CASE("stub: an OpenAPI document answers with examples or generated bodies", "[stub][openapi]") {
  auto spec = stub::SpecStub::load(std::string(ACCORD_SOURCE_DIR) + "/fixtures/spec_test/petstore.yaml");
  REQUIRE(spec.ok());
  auto pet = (*spec)->answer(get("/v1/pets/7"));
  CHECK(pet.status == 200);
  CHECK(pet.body == R"({"id":1,"name":"string"})");  // generated from the Pet schema
  stub::StubRequest create;
  create.method = "POST";
  create.path = "/v1/pets";
  create.headers.emplace_back("Content-Type", "application/json");
  create.body = R"({"id":"x"})";
  auto bad = (*spec)->answer(create);
  CHECK(bad.status == 400);
  CHECK(bad.body.find("missing required property 'name'") != std::string::npos);
  create.body = R"({"id":11,"name":"Rex"})";
  CHECK((*spec)->answer(create).status == 201);
  auto health = (*spec)->answer(get("/v1/health"));
  CHECK(health.status == 200);
  CHECK(health.body == R"({"status":"up"})");  // the first enum value
  CHECK((*spec)->answer(get("/v1/nothing")).status == 404);
}

TEST_CASE("accord stub: serves over keep-alive, logs, CORS, stops on SIGTERM", "[stub][cli]") {
  std::string pact_path = temp_file(kPact, ".json");
  std::string log = "/tmp/accord-stub-log-" + std::to_string(::getpid()) + ".txt";
  std::remove(log.c_str());
  int out[2];
  REQUIRE(::pipe(out) == 0);
  pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    ::dup2(out[1], 1);
    ::close(out[0]);
    ::execl(ACCORD_BINARY, ACCORD_BINARY, "stub", pact_path.c_str(), "--port", "0", "--cors", "--log", log.c_str(),
            "--state", "the zoo is closed", static_cast<char*>(nullptr));
    ::_exit(127);
  }
  ::close(out[1]);
  FILE* from = ::fdopen(out[0], "r");
  char line[512] = {0};
  REQUIRE(std::fgets(line, sizeof line, from));
  std::string banner = line;
  INFO(banner);
  size_t colon = banner.rfind(':');
  REQUIRE(colon != std::string::npos);
  std::string base = "http://127.0.0.1:" + std::to_string(std::stoi(banner.substr(colon + 1)));

  http::ClientOptions o;
  o.timeout_ms = 5000;
  auto owned_client = std::make_unique<http::CurlClient>(o);
  http::CurlClient& client = *owned_client;
  http::Request req;
  req.method = "GET";
  req.url = base + "/alligators/Mary";
  req.headers = {{"Accept", "application/json"}, {"Origin", "http://localhost:3000"}};
  auto closed = client.send(req);  // --state picks the closed zoo
  REQUIRE(closed.ok());
  CHECK(closed->status == 503);
  CHECK(*http::find_header(closed->headers, "Access-Control-Allow-Origin") == "http://localhost:3000");
  req.headers.emplace_back("X-Pact-Provider-State", "the zoo is open");
  auto open = client.send(req);  // the header wins over --state
  REQUIRE(open.ok());
  CHECK(open->status == 200);
  CHECK(open->body == R"({"name":"Mary"})");
  http::Request preflight;
  preflight.method = "OPTIONS";
  preflight.url = base + "/alligators";
  preflight.headers = {{"Origin", "http://localhost:3000"}, {"Access-Control-Request-Method", "POST"}};
  auto pre = client.send(preflight);
  REQUIRE(pre.ok());
  CHECK(pre->status == 204);

  // A POST without a body says "Content-Length: 0": without it the server
  // waited for a body until its read timeout, then answered 400.
  http::Request bodiless;
  bodiless.method = "POST";
  bodiless.url = base + "/alligators";
  auto no_body = client.send(bodiless);
  CHECK(no_body.ok());  // CHECK, not REQUIRE: the stub must still be stopped below
  if (no_body.ok()) CHECK(no_body->status == 404);  // the create interaction wants a body: no match, named

  owned_client.reset();  // close the keep-alive connection: shutdown then need not wait for it
  ::kill(pid, SIGTERM);
  int status = 0;
  ::waitpid(pid, &status, 0);
  CHECK(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);
  std::string rest;
  while (std::fgets(line, sizeof line, from)) rest += line;
  std::fclose(from);
  CHECK(rest.find("accord stub: stopped") != std::string::npos);
  std::ifstream in(log);
  std::stringstream logged;
  logged << in.rdbuf();
  CHECK(logged.str().find("GET /alligators/Mary -> 503 Mary, when the zoo is closed") != std::string::npos);
  CHECK(logged.str().find("GET /alligators/Mary -> 200 Mary, when the zoo is open") != std::string::npos);
  std::remove(log.c_str());
  std::remove(pact_path.c_str());
}

TEST_CASE("accord stub: without its HTTP module beside the binary it is unusable input that names the module", "[stub][cli]") {
  // A copy of the binary in a folder of its own: no accord-stub-http.so next to it or in ../lib/accord.
  char dir_template[] = "/tmp/accord-stub-nomodule-XXXXXX";
  REQUIRE(::mkdtemp(dir_template));
  const std::string dir = dir_template, copy = dir + "/accord";
  {
    std::ifstream from(ACCORD_BINARY, std::ios::binary);
    std::ofstream to(copy, std::ios::binary);
    to << from.rdbuf();
  }
  REQUIRE(::chmod(copy.c_str(), 0755) == 0);
  const std::string pact_path = temp_file(kPact, ".json");
  const std::string err = dir + "/err.txt";
  const std::string command = "'" + copy + "' stub '" + pact_path + "' --port 0 2> '" + err + "'";
  const int status = std::system(command.c_str());
  REQUIRE(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 2);
  std::ifstream in(err);
  std::stringstream text;
  text << in.rdbuf();
  INFO(text.str());
  CHECK(text.str().find("accord stub needs " + dir + "/accord-stub-http.so") != std::string::npos);
  CHECK(text.str().find("cmake --install") != std::string::npos);
  std::remove(err.c_str());
  std::remove(copy.c_str());
  ::rmdir(dir.c_str());
}
