#include "contracts/http/curl_library.h"

#include "core/dynamic_library.h"

namespace accord::contracts::http {

namespace {

constexpr const char* kPackage = "libcurl4";

core::Expected<const CurlLibrary*> load() {
  auto library = core::DynamicLibrary::open({"libcurl.so.4"}, "an HTTP request (verify, test, a URL input)", kPackage);
  if (!library) return library.error();
  static CurlLibrary curl;
  std::string missing;
  auto need = [&](auto& fn, const char* name) {
    if (!library->bind(fn, name)) missing += (missing.empty() ? "" : ", ") + std::string(name);
  };
  need(curl.global_init, "curl_global_init");
  need(curl.easy_init, "curl_easy_init");
  need(curl.easy_cleanup, "curl_easy_cleanup");
  need(curl.easy_reset, "curl_easy_reset");
  need(curl.easy_setopt, "curl_easy_setopt");
  need(curl.easy_perform, "curl_easy_perform");
  need(curl.easy_getinfo, "curl_easy_getinfo");
  need(curl.easy_strerror, "curl_easy_strerror");
  need(curl.slist_append, "curl_slist_append");
  need(curl.slist_free_all, "curl_slist_free_all");
  if (!missing.empty()) return core::missing_functions_error(*library, missing, kPackage);
  curl.global_init(CURL_GLOBAL_DEFAULT);
  return &curl;
}

}  // namespace

const core::Expected<const CurlLibrary*>& curl_library() {
  static const core::Expected<const CurlLibrary*> loaded = load();  // C++11 statics: initialised once
  return loaded;
}

}  // namespace accord::contracts::http
