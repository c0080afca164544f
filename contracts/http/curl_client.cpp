#include "contracts/http/curl_client.h"

#include "contracts/http/response_reader.h"
#include "core/limits.h"

#include "contracts/http/curl_library.h"

namespace accord::contracts::http {

core::Status global_init() {
  const auto& curl = curl_library();
  if (!curl) return curl.error();
  return core::ok_status();
}

struct CurlClient::Impl {
  const CurlLibrary* curl = nullptr;  // null when libcurl could not be loaded
  ClientOptions options;
  CURL* easy = nullptr;
  char error[CURL_ERROR_SIZE] = {0};
};

namespace {

size_t on_body(char* data, size_t size, size_t n, void* user) {
  // Returning less than given makes libcurl stop with CURLE_WRITE_ERROR.
  return static_cast<ResponseReader*>(user)->on_body(std::string_view(data, size * n)) ? size * n : 0;
}

size_t on_header(char* data, size_t size, size_t n, void* user) {
  static_cast<ResponseReader*>(user)->on_header_line(std::string_view(data, size * n));
  return size * n;
}

std::string describe(const CurlLibrary& curl, CURLcode code, const char* detail, long timeout_ms) {
  switch (code) {
    case CURLE_COULDNT_CONNECT: return std::string("connection refused: ") + detail;
    case CURLE_OPERATION_TIMEDOUT: return "timed out after " + std::to_string(timeout_ms) + " ms (" + detail + ")";
    case CURLE_RECV_ERROR:
    case CURLE_PARTIAL_FILE:
    case CURLE_GOT_NOTHING: return std::string("connection closed by the provider: ") + detail;
    case CURLE_SEND_ERROR: return std::string("connection reset while sending: ") + detail;
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_SSL_CERTPROBLEM:
      return std::string("TLS failure: ") + detail + " (use --cacert to trust the provider's CA, or --insecure)";
    default: return detail[0] ? std::string(detail) : curl.easy_strerror(code);
  }
}

}  // namespace

CurlClient::CurlClient(ClientOptions options) : impl_(std::make_unique<Impl>()) {
  impl_->options = std::move(options);
  if (const auto& curl = curl_library()) {
    impl_->curl = *curl;
    impl_->easy = impl_->curl->easy_init();
  }
}

CurlClient::~CurlClient() {
  if (impl_->easy) impl_->curl->easy_cleanup(impl_->easy);
}

core::Expected<Response> CurlClient::send(const Request& request) {
  if (const auto& loaded = curl_library(); !loaded) return loaded.error();
  const CurlLibrary& curl = *impl_->curl;
  CURL* h = impl_->easy;
  if (!h) return core::make_error("cannot initialise libcurl");
  // Reset per-request options but keep the handle's connection cache.
  curl.easy_reset(h);
  const ClientOptions& o = impl_->options;
  Response response;
  ResponseReader reader(response, o.max_body_bytes);
  impl_->error[0] = '\0';
  curl.easy_setopt(h, CURLOPT_URL, request.url.c_str());
  curl.easy_setopt(h, CURLOPT_ERRORBUFFER, impl_->error);
  curl.easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
  curl.easy_setopt(h, CURLOPT_TIMEOUT_MS, o.timeout_ms);
  curl.easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS, o.connect_timeout_ms > 0 ? o.connect_timeout_ms : o.timeout_ms);
  curl.easy_setopt(h, CURLOPT_TCP_NODELAY, 1L);
  curl.easy_setopt(h, CURLOPT_WRITEFUNCTION, on_body);
  curl.easy_setopt(h, CURLOPT_WRITEDATA, &reader);
  curl.easy_setopt(h, CURLOPT_HEADERFUNCTION, on_header);
  curl.easy_setopt(h, CURLOPT_HEADERDATA, &reader);
  curl.easy_setopt(h, CURLOPT_SSL_VERIFYPEER, o.insecure ? 0L : 1L);
  curl.easy_setopt(h, CURLOPT_SSL_VERIFYHOST, o.insecure ? 0L : 2L);
  if (!o.ca_file.empty()) curl.easy_setopt(h, CURLOPT_CAINFO, o.ca_file.c_str());
  curl.easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");
  curl.easy_setopt(h, CURLOPT_ACCEPT_ENCODING, nullptr);
  curl.easy_setopt(h, CURLOPT_CUSTOMREQUEST, request.method.c_str());
  if (request.method == "HEAD") curl.easy_setopt(h, CURLOPT_NOBODY, 1L);
  // POST, PUT and PATCH define a meaning for content: without a body they still
  // say "Content-Length: 0" (RFC 9110 8.6), or a server may wait for one.
  const bool content_method = request.method == "POST" || request.method == "PUT" || request.method == "PATCH";
  if (request.has_body || !request.body.empty() || content_method) {
    curl.easy_setopt(h, CURLOPT_POSTFIELDS, request.body.data());
    curl.easy_setopt(h, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(request.body.size()));
  }
  curl_slist* headers = nullptr;
  bool has_expect = false, has_content_type = false;
  for (const auto& [k, v] : request.headers) {
    std::string line = v.empty() ? k + ";" : k + ": " + v;
    headers = curl.slist_append(headers, line.c_str());
    has_expect |= iequals(k, "Expect");
    has_content_type |= iequals(k, "Content-Type");
  }
  // libcurl would otherwise add headers the contract did not ask for.
  if (!has_expect) headers = curl.slist_append(headers, "Expect:");
  if (!has_content_type && (request.has_body || !request.body.empty() || content_method))
    headers = curl.slist_append(headers, "Content-Type:");
  headers = curl.slist_append(headers, "Accept:");
  curl.easy_setopt(h, CURLOPT_HTTPHEADER, headers);
  CURLcode rc = curl.easy_perform(h);
  curl.slist_free_all(headers);
  if (reader.body_cut())
    return core::make_error("response body larger than --max-body (" + core::describe_byte_size(o.max_body_bytes) +
                            "): the transfer was cut there");
  if (rc != CURLE_OK) return core::make_error(describe(curl, rc, impl_->error, o.timeout_ms));
  long status = 0;
  curl.easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status);
  response.status = static_cast<int>(status);
  return response;
}

}  // namespace accord::contracts::http
