// Fuzz target: $ref resolution over an in-memory set of three documents
// (mem/a.yaml, mem/b.yaml, mem/c.yaml, separated by "=====" lines): local
// pointers, references between the files, chains and loops.
#include "core/loader.h"
#include "core/refs.h"
#include "tests/fuzz/fuzz_input.h"

namespace {

// No network and no disk: anything outside the set is an error.
class NoRemote final : public accord::core::RemoteSource {
 public:
  accord::core::Expected<std::string> fetch(const std::string& url) override {
    return accord::core::make_error("no remote documents while fuzzing", url);
  }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace accord;
  const auto texts = fuzz::split_documents(std::string_view(reinterpret_cast<const char*>(data), size), 3);
  NoRemote remote;
  core::DocumentSet set(&remote);
  const char* names[] = {"mem/a.yaml", "mem/b.yaml", "mem/c.yaml"};
  std::vector<const core::Document*> docs;
  for (size_t i = 0; i < texts.size(); ++i) {
    auto doc = core::load_text(names[i], texts[i], core::Syntax::automatic);
    if (doc) docs.push_back(set.adopt(std::move(*doc), names[i]));
  }
  // Resolve every $ref object of every document, as a comparator would.
  size_t budget = 20000;
  for (const core::Document* d : docs) {
    std::vector<const core::Node*> todo{d->root()};
    while (!todo.empty() && budget > 0) {
      const core::Node* n = todo.back();
      todo.pop_back();
      --budget;
      if (!n) continue;
      if (n->is_object() && n->get("$ref")) {
        auto r = set.resolve(n);
        if (r) fuzz::touch_tree(r->node);
        else (void)r.error().render();
        continue;  // what a reference points at is reached through it
      }
      for (const core::Member& m : n->children()) todo.push_back(m.value);
    }
  }
  return 0;
}
