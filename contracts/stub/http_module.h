// What accord-stub-http.so, the module that holds cpp-httplib, offers the
// accord binary. Why a module: cpp-httplib brings OpenSSL and brotli, whose
// relocations and initialisers cost every run of accord, `--version` and a
// one-file diff included (callgrind: 4-6M of 12M instructions); only `accord
// stub` needs them, so only it loads them (stub_server.cpp).
//
// The module is our own code built with the same compiler and headers, so the
// table may pass C++ types; the exports are extern "C" only to have one
// unmangled name to look up. The module may not use anything of the binary but
// the Answerer's virtual call (it is linked with --no-undefined).
#pragma once

#include <string>

#include "contracts/stub/stub.h"

namespace accord::contracts::stub {

struct ServerOptions;

// Bumped when a function's signature or ServerOptions changes: a module left
// from another build is refused instead of called wrongly.
inline constexpr int kHttpModuleVersion = 1;
inline constexpr const char* kHttpModuleName = "accord-stub-http.so";
inline constexpr const char* kHttpModuleEntry = "accord_stub_http_api";

struct HttpServerApi {
  int version;
  void* (*create)(const Answerer* answerer, const ServerOptions* options);
  void (*destroy)(void* server);
  // The port bound, or 0 with `error` set.
  int (*bind)(void* server, std::string* error);
  void (*serve)(void* server);  // until stop()
  void (*stop)(void* server);
};

}  // namespace accord::contracts::stub
