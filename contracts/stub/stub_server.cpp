// The binary's side of `accord stub`'s server: loads accord-stub-http.so
// (http_module.h says why it is a module) from beside the binary (a build
// tree) or from ../lib/accord (an install), and forwards to it.
#include "contracts/stub/stub_server.h"

#include <unistd.h>

#include <filesystem>

#include "contracts/stub/http_module.h"
#include "core/dynamic_library.h"

namespace accord::contracts::stub {

namespace {

std::vector<std::string> module_paths() {
  std::error_code ec;
  std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (ec) return {kHttpModuleName};
  std::filesystem::path dir = exe.parent_path();
  return {(dir / kHttpModuleName).string(), (dir.parent_path() / "lib" / "accord" / kHttpModuleName).string()};
}

core::Expected<const HttpServerApi*> http_api() {
  static const core::Expected<const HttpServerApi*> api = []() -> core::Expected<const HttpServerApi*> {
    auto module = core::DynamicLibrary::open_first(module_paths(), "accord stub",
                                                   "it is built and installed with accord (cmake --install)");
    if (!module) return module.error();
    const HttpServerApi* (*entry)() = nullptr;
    if (!module->bind(entry, kHttpModuleEntry)) return core::missing_functions_error(*module, kHttpModuleEntry, "accord");
    const HttpServerApi* table = entry();
    if (!table || table->version != kHttpModuleVersion)
      return core::make_error(module->soname() + " is from another build of accord: reinstall accord");
    return table;
  }();
  return api;
}

}  // namespace

struct StubServer::Impl {
  std::unique_ptr<Answerer> answerer;
  ServerOptions options;
  const HttpServerApi* api = nullptr;
  void* server = nullptr;  // the module's, created by bind()
  int port = 0;
};

StubServer::StubServer(std::unique_ptr<Answerer> answerer, ServerOptions options) : impl_(std::make_unique<Impl>()) {
  impl_->answerer = std::move(answerer);
  impl_->options = std::move(options);
}

StubServer::~StubServer() {
  if (impl_->server) impl_->api->destroy(impl_->server);
}

core::Status StubServer::bind() {
  auto api = http_api();
  if (!api) return api.error();
  impl_->api = *api;
  if (!impl_->server) impl_->server = impl_->api->create(impl_->answerer.get(), &impl_->options);
  std::string error;
  impl_->port = impl_->api->bind(impl_->server, &error);
  if (impl_->port <= 0) return core::make_error(error);
  return core::ok_status();
}

void StubServer::serve() {
  if (impl_->server) impl_->api->serve(impl_->server);
}

void StubServer::stop() {
  if (impl_->server) impl_->api->stop(impl_->server);
}

int StubServer::port() const { return impl_->port; }

}  // namespace accord::contracts::stub
