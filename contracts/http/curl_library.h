// libcurl's functions, bound when the first HTTP request is made (see
// core/dynamic_library.h for why it is not linked in). Only the functions
// curl_client.cpp calls; <curl/curl.h> still gives the types and constants.
#pragma once

#include <curl/curl.h>

#include "core/expected.h"

namespace accord::contracts::http {

struct CurlLibrary {
  CURLcode (*global_init)(long flags) = nullptr;
  CURL* (*easy_init)() = nullptr;
  void (*easy_cleanup)(CURL*) = nullptr;
  void (*easy_reset)(CURL*) = nullptr;
  CURLcode (*easy_setopt)(CURL*, CURLoption, ...) = nullptr;
  CURLcode (*easy_perform)(CURL*) = nullptr;
  CURLcode (*easy_getinfo)(CURL*, CURLINFO, ...) = nullptr;
  const char* (*easy_strerror)(CURLcode) = nullptr;
  curl_slist* (*slist_append)(curl_slist*, const char*) = nullptr;
  void (*slist_free_all)(curl_slist*) = nullptr;
};

// Loads libcurl once (thread-safe) and runs its global init; the same
// answer every call after.
const core::Expected<const CurlLibrary*>& curl_library();

}  // namespace accord::contracts::http
