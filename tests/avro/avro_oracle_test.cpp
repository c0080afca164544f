// libavro as the oracle: for every Avro fixture pair, accord's verdict in
// each direction (no error finding = compatible) equals whether Debian's
// Avro C library can resolve the writer schema into the reader schema. Where
// the C library and Java's SchemaCompatibility disagree, accord follows Java;
// those pairs are listed below with the reason, and the test checks that the
// C library still disagrees (so the list cannot go stale).
#include <avro.h>
#include <catch2/catch.hpp>
#include <sys/wait.h>
#include <csignal>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "diff/engine.h"

namespace fs = std::filesystem;
using namespace accord;

namespace {

std::string slurp(const std::string& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

enum class Outcome { resolves, refuses, crashes };

// Both resolvers must accept the pair. libavro 1.11.1 dereferences a null
// pointer when array items or map values cannot be resolved, so each check
// runs in a child process: a crash is an outcome, not the end of the test.
Outcome libavro_resolves(const std::string& writer_path, const std::string& reader_path) {
  std::string wtext = slurp(writer_path), rtext = slurp(reader_path);
  pid_t child = fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    // Catch2's handlers would report the child's crash as the test's own.
    for (int sig : {SIGSEGV, SIGABRT, SIGBUS, SIGFPE, SIGILL}) std::signal(sig, SIG_DFL);
    avro_schema_t writer = nullptr, reader = nullptr;
    if (avro_schema_from_json_length(wtext.data(), wtext.size(), &writer) != 0) _exit(3);
    if (avro_schema_from_json_length(rtext.data(), rtext.size(), &reader) != 0) _exit(3);
    avro_value_iface_t* w = avro_resolved_writer_new(writer, reader);
    avro_value_iface_t* r = avro_resolved_reader_new(writer, reader);
    if ((w != nullptr) != (r != nullptr)) _exit(4);
    _exit(w ? 0 : 1);
  }
  int status = 0;
  REQUIRE(waitpid(child, &status, 0) == child);
  if (WIFSIGNALED(status)) return Outcome::crashes;
  REQUIRE(WIFEXITED(status));
  INFO("exit 3: libavro cannot parse a schema; exit 4: its writer and reader resolvers disagree");
  REQUIRE(WEXITSTATUS(status) <= 1);
  return WEXITSTATUS(status) == 0 ? Outcome::resolves : Outcome::refuses;
}

bool accord_compatible(const std::string& dir, const std::string& mode) {
  diff::CompareOptions options;
  options.compat_mode = mode;
  auto findings = diff::compare_contracts({dir + "/old.avsc", std::nullopt}, {dir + "/new.avsc", std::nullopt}, options);
  REQUIRE(findings.ok());
  for (const diff::Finding& f : *findings)
    if (f.severity == diff::Severity::error) return false;
  return true;
}

struct Difference {
  std::string dir;
  std::string mode;
  bool java_compatible;
  const char* why;
};

const Difference kJavaDiffers[] = {
#include "avro_oracle_differences.inc"
};

const Difference* known_difference(const std::string& dir, const std::string& mode) {
  for (const Difference& d : kJavaDiffers)
    if (d.dir == dir && d.mode == mode) return &d;
  return nullptr;
}

std::vector<std::string> fixture_pairs() {
  std::vector<std::string> out;
  for (const char* root : {"fixtures/avro/rules", "fixtures/avro/oracle"})
    for (const auto& entry : fs::directory_iterator(root))
      if (fs::is_regular_file(entry.path() / "old.avsc")) out.push_back(entry.path().string());
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

TEST_CASE("accord's Avro verdicts equal libavro's resolution on every fixture pair", "[avro][oracle]") {
  auto pairs = fixture_pairs();
  REQUIRE(pairs.size() >= 20);
  for (const std::string& dir : pairs) {
    for (const std::string mode : {"backward", "forward"}) {
      INFO(dir << " --mode " << mode);
      bool backward = mode == "backward";
      Outcome c_library = backward ? libavro_resolves(dir + "/old.avsc", dir + "/new.avsc")
                                   : libavro_resolves(dir + "/new.avsc", dir + "/old.avsc");
      bool ours = accord_compatible(dir, mode);
      if (const Difference* d = known_difference(dir, mode)) {
        INFO("Java differs from the C library here: " << d->why);
        CHECK(ours == d->java_compatible);
        CHECK(c_library != (d->java_compatible ? Outcome::resolves : Outcome::refuses));
      } else {
        CHECK(c_library != Outcome::crashes);
        CHECK(ours == (c_library == Outcome::resolves));
      }
    }
  }
}
