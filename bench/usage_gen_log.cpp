// Writes an nginx `combined` access log of LINES requests over the operations
// of an OpenAPI spec, for bench/usage_ingest.sh. Built with the project (no
// python on a fresh machine). Deterministic: the same arguments give the same
// bytes, so two runs of the bench read the same log.
//   usage_gen_log SPEC LINES OUT [DAYS]
// What makes it realistic rather than easy for the ingest:
//  - every line is drawn afresh: path parameters come from large pools, so
//    most concrete paths are distinct (a raw-path cache cannot do all the work);
//  - popular operations dominate (a skewed pick), as in real traffic;
//  - ~30% of GETs carry a query string; ~5% of requests hit paths the spec
//    does not have (scanners, health checks, typos);
//  - a dozen consumers (user agents) and a few dozen requests per second.
#include <cinttypes>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "registry/spec_operations.h"

namespace {

// splitmix64: tiny, fast and the same on every platform (std:: distributions are not).
struct Random {
  uint64_t state;
  uint64_t next() {
    uint64_t z = (state += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
  }
  uint64_t below(uint64_t n) { return next() % n; }
  double unit() { return static_cast<double>(next() >> 11) / 9007199254740992.0; }
};

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// A plausible value for a path parameter, chosen by its name.
void append_parameter(std::string& out, std::string_view name, Random& rng) {
  static const char* const kWords[] = {"octo", "hub", "api", "core", "web", "data", "infra", "docs", "cli", "kit"};
  char buf[64];
  if (name == "owner" || name == "org" || name == "username" || name == "user" || name == "enterprise" ||
      name == "team_slug") {
    std::snprintf(buf, sizeof buf, "%s%" PRIu64, kWords[rng.below(10)], rng.below(50000));
  } else if (name == "repo" || name == "name" || name == "package_name") {
    std::snprintf(buf, sizeof buf, "%s-%s%" PRIu64, kWords[rng.below(10)], kWords[rng.below(10)], rng.below(2000));
  } else if (ends_with(name, "sha") || name == "ref" || name == "basehead") {
    std::snprintf(buf, sizeof buf, "%016" PRIx64 "%016" PRIx64 "%08" PRIx64, rng.next(), rng.next(),
                  rng.next() & 0xffffffffu);
  } else if (ends_with(name, "id") || ends_with(name, "number") || name == "page") {
    std::snprintf(buf, sizeof buf, "%" PRIu64, 1 + rng.below(rng.below(4) == 0 ? 1000 : 90000000));
  } else {
    std::snprintf(buf, sizeof buf, "%s_%" PRIu64, kWords[rng.below(10)], rng.below(100000));
  }
  out += buf;
}

// "/repos/{owner}/{repo}" with each {name} replaced by a value.
void append_concrete_path(std::string& out, std::string_view templ, Random& rng) {
  for (size_t i = 0; i < templ.size();) {
    if (templ[i] == '{') {
      size_t close = templ.find('}', i);
      if (close == std::string_view::npos) break;
      append_parameter(out, templ.substr(i + 1, close - i - 1), rng);
      i = close + 1;
    } else {
      out += templ[i++];
    }
  }
}

void append_unmatched_path(std::string& out, Random& rng) {
  static const char* const kPaths[] = {"/favicon.ico", "/robots.txt", "/healthz", "/.env", "/wp-login.php",
                                       "/metrics", "/api/v1/status", "/repos/octo1/web2/nonexistent-feature"};
  out += kPaths[rng.below(sizeof kPaths / sizeof kPaths[0])];
  if (rng.below(3) == 0) out += "/" + std::to_string(rng.below(100000));
}

int status_for(std::string_view method, Random& rng) {
  const uint64_t r = rng.below(100);
  if (r < 3) return 404;
  if (r < 4) return 500;
  if (r < 5) return 422;
  if (r < 7) return 401;
  if (method == "GET") return r < 15 ? 304 : 200;
  if (method == "POST") return 201;
  if (method == "DELETE") return 204;
  return 200;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 4) {
    std::fprintf(stderr, "usage: %s SPEC LINES OUT [DAYS]\n", argv[0]);
    return 2;
  }
  auto spec = accord::registry::load_spec_operations(argv[1]);
  if (!spec) {
    std::fprintf(stderr, "%s\n", spec.error().render().c_str());
    return 1;
  }
  const int64_t lines = std::atoll(argv[2]);
  const int64_t days = argc > 4 ? std::atoll(argv[4]) : 7;
  std::FILE* out = std::fopen(argv[3], "wb");
  if (!out || spec->operations.empty() || lines <= 0 || days <= 0) {
    std::fprintf(stderr, "cannot write %s, or no operations, or bad LINES/DAYS\n", argv[3]);
    return 1;
  }
  static const char* const kAgents[] = {
      "octo-web/3.1.4 (+https://example.com)", "gh-cli/2.40.1 (linux; amd64)", "dependabot/1.0",
      "actions-runner/2.311.0", "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0",
      "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_1) AppleWebKit/605.1.15 Safari/605.1.15", "curl/8.4.0",
      "python-requests/2.31.0", "Go-http-client/1.1", "okhttp/4.12.0", "renovate/37.0.0", "terraform-provider/5.42"};
  constexpr size_t kAgentCount = sizeof kAgents / sizeof kAgents[0];
  static const char* const kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                        "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  const size_t op_count = spec->operations.size();
  Random rng{42};
  const int64_t start = accord::core::days_from_civil(2026, 10, 1) * 86400;
  const int64_t span = days * 86400;
  std::vector<char> file_buffer(1 << 20);
  std::setvbuf(out, file_buffer.data(), _IOFBF, file_buffer.size());
  std::string target, line;
  for (int64_t i = 0; i < lines; ++i) {
    const int64_t t = start + i * span / lines;
    const int64_t day = accord::core::day_of(t);
    const int64_t secs = t - day * 86400;
    int year;
    unsigned month, mday;
    accord::core::civil_from_days(day, year, month, mday);
    // Cubing a uniform number skews the pick toward the first operations.
    const double u = rng.unit();
    const auto& op = spec->operations[static_cast<size_t>(u * u * u * static_cast<double>(op_count))];
    std::string_view method = op.method;
    target.clear();
    if (rng.below(100) < 5) {
      method = rng.below(4) == 0 ? "POST" : "GET";
      append_unmatched_path(target, rng);
    } else {
      append_concrete_path(target, op.path, rng);
      if (method == "GET" && rng.below(10) < 3)
        target += "?per_page=100&page=" + std::to_string(1 + rng.below(20)) + (rng.below(2) ? "&state=open" : "");
    }
    const uint64_t agent = rng.below(4) == 0 ? rng.below(kAgentCount) : rng.below(3);
    char head[160];
    std::snprintf(head, sizeof head, "10.%u.%u.%u - - [%02u/%s/%04d:%02d:%02d:%02d +0000] \"",
                  static_cast<unsigned>(rng.below(256)), static_cast<unsigned>(rng.below(256)),
                  static_cast<unsigned>(1 + rng.below(254)), mday, kMonths[month - 1], year,
                  static_cast<int>(secs / 3600), static_cast<int>(secs / 60 % 60), static_cast<int>(secs % 60));
    char tail[64];
    std::snprintf(tail, sizeof tail, " HTTP/1.1\" %d %u \"-\" \"", status_for(method, rng),
                  static_cast<unsigned>(rng.below(20000)));
    line.assign(head);
    line.append(method).append(" ").append(target).append(tail).append(kAgents[agent]).append("\"\n");
    std::fwrite(line.data(), 1, line.size(), out);
  }
  if (std::fclose(out) != 0) {
    std::fprintf(stderr, "cannot write %s\n", argv[3]);
    return 1;
  }
  return 0;
}
