#include "contracts/stub/stub_server.h"

#include <httplib.h>

#include <chrono>
#include <ctime>
#include <fstream>
#include <mutex>

namespace accord::contracts::stub {

struct StubServer::Impl {
  std::unique_ptr<Answerer> answerer;
  ServerOptions options;
  httplib::Server server;
  std::mutex log_mutex;
  std::ofstream log;
  int port = 0;

  void write_log(const httplib::Request& req, const StubAnswer& a) {
    if (!log.is_open()) return;
    std::time_t now = std::time(nullptr);
    char stamp[32];
    std::strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&now));
    std::lock_guard<std::mutex> lock(log_mutex);
    log << stamp << ' ' << req.method << ' ' << req.target << " -> " << a.status << ' '
        << (a.matched.empty() ? "(no match)" : a.matched) << '\n';
    log.flush();
  }

  void add_cors(const httplib::Request& req, httplib::Response& res) {
    if (!options.cors) return;
    std::string origin = req.get_header_value("Origin");
    res.set_header("Access-Control-Allow-Origin", origin.empty() ? "*" : origin);
    res.set_header("Access-Control-Allow-Credentials", "true");
    res.set_header("Vary", "Origin");
  }

  void handle(const httplib::Request& req, httplib::Response& res) {
    if (options.cors && req.method == "OPTIONS" && req.has_header("Access-Control-Request-Method")) {
      add_cors(req, res);
      res.status = 204;
      res.set_header("Access-Control-Allow-Methods", "GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS");
      std::string asked = req.get_header_value("Access-Control-Request-Headers");
      res.set_header("Access-Control-Allow-Headers", asked.empty() ? "*" : asked);
      res.set_header("Access-Control-Max-Age", "600");
      StubAnswer a;
      a.status = 204;
      a.matched = "(CORS preflight)";
      write_log(req, a);
      return;
    }
    StubRequest r;
    r.method = req.method;
    r.path = req.path;
    size_t q = req.target.find('?');
    if (q != std::string::npos) r.raw_query = req.target.substr(q + 1);
    for (const auto& [k, v] : req.headers) {
      if (k == "REMOTE_ADDR" || k == "REMOTE_PORT" || k == "LOCAL_ADDR" || k == "LOCAL_PORT") continue;  // httplib's own
      r.headers.emplace_back(k, v);
    }
    r.body = req.body;
    r.state = req.get_header_value("X-Pact-Provider-State");
    if (r.state.empty()) r.state = options.default_state;
    StubAnswer a = answerer->answer(r);
    res.status = a.status;
    std::string content_type;
    for (const auto& [k, v] : a.headers) {
      if (http::iequals(k, "Content-Type")) content_type = v;
      else if (!http::iequals(k, "Content-Length")) res.set_header(k, v);
    }
    add_cors(req, res);
    if (!a.body.empty() || !content_type.empty()) res.set_content(a.body, content_type.empty() ? "text/plain" : content_type);
    write_log(req, a);
  }
};

StubServer::StubServer(std::unique_ptr<Answerer> answerer, ServerOptions options) : impl_(std::make_unique<Impl>()) {
  impl_->answerer = std::move(answerer);
  impl_->options = std::move(options);
  auto handler = [this](const httplib::Request& req, httplib::Response& res) { impl_->handle(req, res); };
  const char* all = ".*";
  impl_->server.Get(all, handler);
  impl_->server.Post(all, handler);
  impl_->server.Put(all, handler);
  impl_->server.Patch(all, handler);
  impl_->server.Delete(all, handler);
  impl_->server.Options(all, handler);
  impl_->server.set_keep_alive_max_count(100000);
  // Idle keep-alive connections hold a worker (and shutdown) this long.
  impl_->server.set_keep_alive_timeout(2);
  // Headers and body leave in separate writes: without TCP_NODELAY, Nagle and
  // the client's delayed ACK stall every keep-alive answer by ~40 ms.
  impl_->server.set_tcp_nodelay(true);
}

StubServer::~StubServer() { stop(); }

core::Status StubServer::bind() {
  if (!impl_->options.log_file.empty()) {
    impl_->log.open(impl_->options.log_file, std::ios::app);
    if (!impl_->log) return core::make_error("cannot open the request log " + impl_->options.log_file);
  }
  const std::string& host = impl_->options.host;
  if (impl_->options.port == 0) {
    impl_->port = impl_->server.bind_to_any_port(host.c_str());
  } else {
    impl_->port = impl_->server.bind_to_port(host.c_str(), impl_->options.port) ? impl_->options.port : -1;
  }
  if (impl_->port <= 0)
    return core::make_error("cannot listen on " + host + ":" + std::to_string(impl_->options.port) +
                            " (address in use, or not an address of this machine)");
  return core::ok_status();
}

void StubServer::serve() { impl_->server.listen_after_bind(); }

void StubServer::stop() {
  if (impl_ && impl_->server.is_running()) impl_->server.stop();
}

int StubServer::port() const { return impl_->port; }

}  // namespace accord::contracts::stub
