// `accord verify` against an HTTPS provider: certificates are verified by
// default, --cacert adds a CA, --insecure opts out. The provider runs in
// process (cpp-httplib's SSLServer) with a CA and certificate made per run.
#include <catch2/catch.hpp>

#include "run_accord.h"
#include "test_certificates.h"
#include "test_provider.h"

using namespace accord_test;

namespace {

// An HTTPS provider for the "get an alligator" interaction of e2e-v3.json.
struct HttpsAnimalService {
  TestCertificates certs = make_test_certificates();
  std::unique_ptr<TestProvider> provider;

  HttpsAnimalService() {
    REQUIRE(certs.error.empty());
    auto server = std::make_unique<httplib::SSLServer>(certs.server_cert.c_str(), certs.server_key.c_str());
    REQUIRE(server->is_valid());
    server->Get("/alligators/Mary", [](const httplib::Request&, httplib::Response& res) {
      res.set_content(R"({"name":"Mary","feet":4,"tags":["green"],"born":"2020-01-02"})", "application/json");
    });
    provider = std::make_unique<TestProvider>(std::move(server), "https");
    provider->start();
  }
  ~HttpsAnimalService() {
    provider.reset();
    remove_test_certificates(certs);
  }

  // A generous timeout: a hang would surface as "timed out", which the tests rule out.
  std::string args(const std::string& base_url) const {
    return pact_fixture("e2e-v3.json") + " --interaction 'get an alligator' --timeout 20 --provider-base-url " + base_url;
  }
};

}  // namespace

TEST_CASE("accord verify over HTTPS: an untrusted certificate fails the interaction with a TLS verdict", "[verify][e2e][cli][tls]") {
  HttpsAnimalService service;
  RunResult r = run_accord(service.args(service.provider->url()));
  INFO(r.out << r.err);
  CHECK(r.exit_code == 1);
  CHECK(r.out.find("FAIL  get an alligator") != std::string::npos);
  CHECK(r.out.find("TLS failure") != std::string::npos);
  CHECK(r.out.find("certificate") != std::string::npos);
  CHECK(r.out.find("--cacert") != std::string::npos);  // says how to fix it
  CHECK(r.out.find("timed out") == std::string::npos);
}

TEST_CASE("accord verify over HTTPS: --cacert trusts the provider's CA", "[verify][e2e][cli][tls]") {
  HttpsAnimalService service;
  RunResult r = run_accord(service.args(service.provider->url()) + " --cacert " + service.certs.ca_cert);
  INFO(r.out << r.err);
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("1 passed, 0 failed") != std::string::npos);
}

TEST_CASE("accord verify over HTTPS: --insecure skips certificate verification", "[verify][e2e][cli][tls]") {
  HttpsAnimalService service;
  RunResult r = run_accord(service.args(service.provider->url()) + " --insecure");
  INFO(r.out << r.err);
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("1 passed, 0 failed") != std::string::npos);
}

TEST_CASE("accord verify over HTTPS: a trusted CA does not excuse a wrong host name", "[verify][e2e][cli][tls]") {
  HttpsAnimalService service;
  // The certificate names IP 127.0.0.1 only; "localhost" reaches the same server.
  std::string as_localhost = "https://localhost:" + std::to_string(service.provider->port());
  RunResult r = run_accord(service.args(as_localhost) + " --cacert " + service.certs.ca_cert);
  INFO(r.out << r.err);
  CHECK(r.exit_code == 1);
  CHECK(r.out.find("TLS failure") != std::string::npos);
  CHECK(r.out.find("localhost") != std::string::npos);
}

TEST_CASE("accord verify: an unreadable --cacert is a usage error naming the file", "[verify][e2e][cli][tls]") {
  RunResult r = run_accord(pact_fixture("e2e-v3.json") + " --provider-base-url https://127.0.0.1:1 --cacert /nonexistent/ca.pem");
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("/nonexistent/ca.pem") != std::string::npos);
}
