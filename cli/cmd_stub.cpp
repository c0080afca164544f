// `accord stub PACTS...|SPEC --port N`: serves what a contract promises, for
// consumers to develop against. Stops cleanly on SIGINT/SIGTERM.
#include <pthread.h>
#include <signal.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <iostream>
#include <thread>

#include "cli/command.h"
#include "contracts/pact/loader.h"
#include "contracts/stub/pact_stub.h"
#include "contracts/stub/spec_stub.h"
#include "contracts/stub/stub_server.h"
#include "core/loader.h"

namespace accord::cli {

namespace {

using namespace accord::contracts;

struct StubArgs {
  std::vector<std::string> sources;
  int port = -1;
  std::string host = "127.0.0.1";
  std::string state;
  std::string log;
  bool cors = false;
};

// An OpenAPI document rather than pacts: YAML, or JSON with `openapi`/`swagger` at the root.
bool is_openapi(const std::string& path) {
  std::filesystem::path p(path);
  std::string ext = p.extension().string();
  if (ext == ".yaml" || ext == ".yml") return true;
  if (std::filesystem::is_directory(p)) return false;
  auto doc = core::load_file(path, core::Syntax::json);
  return doc && (*doc)->root() && (*doc)->root()->is_object() &&
         ((*doc)->root()->get("openapi") || (*doc)->root()->get("swagger"));
}

// Waits for SIGINT/SIGTERM on its own thread (they are blocked everywhere
// else), then stops the server; retries until serving has really ended.
void stop_on_signal(stub::StubServer& server, const std::atomic<bool>& done, sigset_t set) {
  int sig = 0;
  sigwait(&set, &sig);
  while (!done) {
    server.stop();
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
}

int run_stub(const StubArgs& a) {
  if (a.port < 0 || a.port > 65535) return report_unusable("--port must be 0-65535 (0: any free port)");
  std::unique_ptr<stub::Answerer> answerer;
  std::string what;
  if (a.sources.size() == 1 && is_openapi(a.sources[0])) {
    auto spec = stub::SpecStub::load(a.sources[0]);
    if (!spec) return report_unusable(spec.error().render());
    what = std::to_string((*spec)->operation_count()) + " operation(s) of " + a.sources[0];
    answerer = std::move(*spec);
  } else {
    auto pacts = pact::load_pacts(a.sources);
    if (!pacts) return report_unusable(pacts.error().render());
    auto pact_stub = std::make_unique<stub::PactStub>(std::move(*pacts));
    if (pact_stub->interaction_count() == 0) return report_unusable("the pact files hold no HTTP interaction to serve");
    what = std::to_string(pact_stub->interaction_count()) + " HTTP interaction(s)";
    if (pact_stub->skipped()) what += " (" + std::to_string(pact_stub->skipped()) + " non-HTTP interaction(s) not served)";
    answerer = std::move(pact_stub);
  }
  stub::ServerOptions o;
  o.host = a.host;
  o.port = a.port;
  o.cors = a.cors;
  o.log_file = a.log;
  o.default_state = a.state;
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &set, nullptr);  // before any thread starts: they all inherit it
  stub::StubServer server(std::move(answerer), o);
  if (auto st = server.bind(); !st) return report_unusable(st.error().render());
  std::cout << "accord stub: serving " << what << " on http://" << a.host << ":" << server.port() << std::endl;
  std::atomic<bool> done{false};
  std::thread watcher(stop_on_signal, std::ref(server), std::cref(done), set);
  server.serve();
  done = true;
  pthread_kill(watcher.native_handle(), SIGTERM);  // serving ended on its own: release the watcher
  watcher.join();
  std::cout << "accord stub: stopped" << std::endl;
  return kExitClean;
}

}  // namespace

Runner setup_stub(CLI::App& app) {
  auto a = std::make_shared<StubArgs>();
  app.add_option("sources", a->sources, "Pact files/directories, or one OpenAPI document")->required();
  app.add_option("--port", a->port, "Port to listen on (0: any free port)")->required();
  app.add_option("--host", a->host, "Address to listen on (default 127.0.0.1)");
  app.add_option("--state", a->state, "Provider state for requests without an X-Pact-Provider-State header");
  app.add_option("--log", a->log, "Append one line per request to this file");
  app.add_flag("--cors", a->cors, "Answer CORS preflights and allow any origin (browser consumers)");
  return [a] { return run_stub(*a); };
}

}  // namespace accord::cli
