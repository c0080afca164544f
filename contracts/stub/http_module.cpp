// accord-stub-http.so: the cpp-httplib server behind `accord stub`
// (http_module.h says why it is a module). It turns each request into a
// StubRequest, asks the Answerer, and writes the answer; optional CORS and a
// request log.
#include <httplib.h>

#include <cctype>
#include <chrono>
#include <ctime>
#include <fstream>
#include <mutex>

#include "contracts/stub/http_module.h"
#include "contracts/stub/stub_server.h"

namespace accord::contracts::stub {

namespace {

// contracts/http's iequals lives in the binary, which the module cannot call.
bool same_header_name(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) return false;
  return true;
}

struct HttpServer {
  const Answerer* answerer = nullptr;
  ServerOptions options;
  httplib::Server server;
  std::mutex log_mutex;
  std::ofstream log;

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
      if (same_header_name(k, "Content-Type")) content_type = v;
      else if (!same_header_name(k, "Content-Length")) res.set_header(k, v);
    }
    add_cors(req, res);
    if (!a.body.empty() || !content_type.empty()) res.set_content(a.body, content_type.empty() ? "text/plain" : content_type);
    write_log(req, a);
  }
};

void* create(const Answerer* answerer, const ServerOptions* options) {
  auto* s = new HttpServer;
  s->answerer = answerer;
  s->options = *options;
  auto handler = [s](const httplib::Request& req, httplib::Response& res) { s->handle(req, res); };
  const char* all = ".*";
  s->server.Get(all, handler);
  s->server.Post(all, handler);
  s->server.Put(all, handler);
  s->server.Patch(all, handler);
  s->server.Delete(all, handler);
  s->server.Options(all, handler);
  s->server.set_keep_alive_max_count(100000);
  // Idle keep-alive connections hold a worker (and shutdown) this long.
  s->server.set_keep_alive_timeout(2);
  // Headers and body leave in separate writes: without TCP_NODELAY, Nagle and
  // the client's delayed ACK stall every keep-alive answer by ~40 ms.
  s->server.set_tcp_nodelay(true);
  return s;
}

void stop(void* server) {
  auto* s = static_cast<HttpServer*>(server);
  if (s->server.is_running()) s->server.stop();
}

void destroy(void* server) {
  stop(server);
  delete static_cast<HttpServer*>(server);
}

int bind(void* server, std::string* error) {
  auto* s = static_cast<HttpServer*>(server);
  if (!s->options.log_file.empty()) {
    s->log.open(s->options.log_file, std::ios::app);
    if (!s->log) {
      *error = "cannot open the request log " + s->options.log_file;
      return 0;
    }
  }
  const std::string& host = s->options.host;
  int port = s->options.port == 0 ? s->server.bind_to_any_port(host.c_str())
                                  : (s->server.bind_to_port(host.c_str(), s->options.port) ? s->options.port : -1);
  if (port <= 0) {
    *error = "cannot listen on " + host + ":" + std::to_string(s->options.port) +
             " (address in use, or not an address of this machine)";
    return 0;
  }
  return port;
}

void serve(void* server) { static_cast<HttpServer*>(server)->server.listen_after_bind(); }

const HttpServerApi kApi{kHttpModuleVersion, create, destroy, bind, serve, stop};

}  // namespace
}  // namespace accord::contracts::stub

extern "C" __attribute__((visibility("default"))) const accord::contracts::stub::HttpServerApi* accord_stub_http_api() {
  return &accord::contracts::stub::kApi;
}
