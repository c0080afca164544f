#include "contracts/http/curl_library.h"

#include "core/dynamic_library.h"

namespace accord::contracts::http {

namespace {

constexpr const char* kPackage = "libcurl4";

core::Expected<const CurlLibrary*> load() {
  auto library = core::DynamicLibrary::open({"libcurl.so.4"}, "an HTTP request (verify, test, a URL input)", kPackage);
  if (!library) return library.error();
  static CurlLibrary curl;
  core::FunctionBinder binder(*library);
  binder.need(curl.global_init, "curl_global_init");
  binder.need(curl.easy_init, "curl_easy_init");
  binder.need(curl.easy_cleanup, "curl_easy_cleanup");
  binder.need(curl.easy_reset, "curl_easy_reset");
  binder.need(curl.easy_setopt, "curl_easy_setopt");
  binder.need(curl.easy_perform, "curl_easy_perform");
  binder.need(curl.easy_getinfo, "curl_easy_getinfo");
  binder.need(curl.easy_strerror, "curl_easy_strerror");
  binder.need(curl.slist_append, "curl_slist_append");
  binder.need(curl.slist_free_all, "curl_slist_free_all");
  if (auto bound = binder.finish(kPackage); !bound) return bound.error();
  curl.global_init(CURL_GLOBAL_DEFAULT);
  return &curl;
}

}  // namespace

const core::Expected<const CurlLibrary*>& curl_library() {
  static const core::Expected<const CurlLibrary*> loaded = load();  // C++11 statics: initialised once
  return loaded;
}

}  // namespace accord::contracts::http
