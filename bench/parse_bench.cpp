// Measures what issue 2 asks: loading a multi-MB JSON spec with accord's JSON
// parser versus yaml-cpp (the YAML parser, which also reads JSON). Prints wall
// time per parser and the ratio; run it through bench/parse-json.sh.
#include <yaml-cpp/yaml.h>

#include <chrono>
#include <cstdio>
#include <string>

#include "core/loader.h"

namespace {

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: parse_bench FILE.json [repeats]\n");
    return 2;
  }
  const std::string path = argv[1];
  const int repeats = argc > 2 ? std::stoi(argv[2]) : 3;
  auto text = accord::core::read_file(path);
  if (!text) {
    std::fprintf(stderr, "%s\n", text.error().render().c_str());
    return 2;
  }
  double best_accord = 1e9, best_yaml = 1e9;
  size_t nodes = 0;
  for (int i = 0; i < repeats; ++i) {
    auto start = std::chrono::steady_clock::now();
    auto doc = accord::core::load_text(path, *text, accord::core::Syntax::json);
    best_accord = std::min(best_accord, seconds_since(start));
    if (!doc) {
      std::fprintf(stderr, "%s\n", doc.error().render().c_str());
      return 2;
    }
    nodes = (*doc)->node_count();
  }
  for (int i = 0; i < repeats; ++i) {
    auto start = std::chrono::steady_clock::now();
    try {
      YAML::Node node = YAML::Load(*text);
      (void)node;
    } catch (const YAML::Exception& e) {
      std::fprintf(stderr, "yaml-cpp: %s\n", e.what());
      return 2;
    }
    best_yaml = std::min(best_yaml, seconds_since(start));
  }
  std::printf("file        %s (%.1f MB, %zu nodes)\n", path.c_str(), text->size() / 1e6, nodes);
  std::printf("accord json %.3f s (best of %d)\n", best_accord, repeats);
  std::printf("yaml-cpp    %.3f s (best of %d)\n", best_yaml, repeats);
  std::printf("ratio       yaml-cpp / accord = %.1fx\n", best_yaml / best_accord);
  return 0;
}
