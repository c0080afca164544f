// The one main of every test binary. Two warnings are always on, because each
// turns a test that cannot fail into one that does:
// - NoTests: a ctest entry whose name matches no test case (a `;` in a
//   TEST_CASE name splits the entry in two) fails instead of passing with
//   nothing run;
// - NoAssertions: a test case that asserts nothing fails.
// Catch2 v2 takes one `--warn` on the command line, so they are set here.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

int main(int argc, char* argv[]) {
  Catch::Session session;
  if (int rc = session.applyCommandLine(argc, argv); rc != 0) return rc;
  auto& config = session.configData();
  config.warnings = static_cast<Catch::WarnAbout::What>(config.warnings | Catch::WarnAbout::NoAssertions |
                                                        Catch::WarnAbout::NoTests);
  return session.run();
}
