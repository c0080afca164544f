// A small provider for bench/verify-bench.sh: answers GET /items/N with a
// JSON item, on 127.0.0.1:PORT, with keep-alive. Built by the script.
#include <httplib.h>

#include <cstdio>
#include <cstdlib>
#include <string>

int main(int argc, char** argv) {
  int port = argc > 1 ? std::atoi(argv[1]) : 18089;
  httplib::Server server;
  server.set_tcp_nodelay(true);  // otherwise Nagle + delayed ACKs add ~40 ms to every answer
  server.Get(R"(/items/(\d+))", [](const httplib::Request& req, httplib::Response& res) {
    std::string id = req.matches[1];
    res.set_content("{\"id\":" + id + ",\"name\":\"item " + id + "\",\"price\":12.5,\"tags\":[\"a\",\"b\"],\"active\":true}",
                    "application/json");
  });
  server.Get("/health", [](const httplib::Request&, httplib::Response& res) { res.set_content("ok", "text/plain"); });
  if (!server.listen("127.0.0.1", port)) {
    std::fprintf(stderr, "cannot listen on 127.0.0.1:%d\n", port);
    return 1;
  }
  return 0;
}
