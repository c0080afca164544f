// The Avro entry point: load every version (with -I definitions), run the
// compatibility checks the mode asks for and the changelog pass.
#include "diff/avro/compare.h"

#include <filesystem>
#include <set>

#include "core/loader.h"
#include "diff/avro/compat.h"
#include "diff/avro/schema.h"

namespace accord::diff {

namespace {

namespace fs = std::filesystem;

struct Mode {
  bool backward = true, forward = false, transitive = false;
};

core::Expected<Mode> parse_mode(std::string_view text) {
  Mode m;
  std::string_view base = text;
  if (base.size() > 11 && base.substr(base.size() - 11) == "-transitive") {
    m.transitive = true;
    base = base.substr(0, base.size() - 11);
  }
  if (base.empty() || base == "backward") return m;
  if (base == "forward") return Mode{false, true, m.transitive};
  if (base == "full") return Mode{true, true, m.transitive};
  return core::make_error("unknown --mode '" + std::string(text) +
                          "' for Avro (expected backward|forward|full, optionally with -transitive)");
}

// The .avsc files of the -I roots: named types any version may refer to.
std::vector<std::string> include_files(const std::vector<std::string>& roots, const std::string& main_path) {
  std::vector<std::string> out;
  std::error_code ec;
  for (const std::string& root : roots) {
    if (fs::is_regular_file(root, ec)) {
      out.push_back(root);
      continue;
    }
    std::set<std::string> sorted;  // a stable order whatever the file system says
    for (auto it = fs::recursive_directory_iterator(root, ec); !ec && it != fs::recursive_directory_iterator(); it.increment(ec))
      if (it->is_regular_file(ec) && it->path().extension() == ".avsc") sorted.insert(it->path().string());
    for (const std::string& p : sorted)
      if (!fs::equivalent(p, main_path, ec)) out.push_back(p);
  }
  return out;
}

core::Expected<std::unique_ptr<avro::SchemaSet>> load_version(const ContractInput& input, const CompareOptions& options) {
  auto doc = input.text ? core::load_text(input.path, *input.text, core::Syntax::json)
                        : core::load_file(input.path, core::Syntax::json);
  if (!doc) return doc.error();
  std::vector<std::unique_ptr<core::Document>> includes;
  for (const std::string& path : include_files(options.include_paths, input.path)) {
    auto inc = core::load_file(path, core::Syntax::json);
    if (!inc) return inc.error();
    includes.push_back(std::move(*inc));
  }
  return avro::parse_schema_set(std::move(*doc), std::move(includes));
}

using PointerPair = std::pair<std::string, std::string>;

PointerPair pointers(const Finding& f) {
  auto key = [](const std::optional<Place>& p) { return p ? p->file + "#" + p->pointer : std::string("-"); };
  return {key(f.old_place), key(f.new_place)};
}

}  // namespace

bool is_avro_input(const ContractInput& input) {
  return input.path.size() > 5 && input.path.compare(input.path.size() - 5, 5, ".avsc") == 0;
}

core::Expected<std::vector<Finding>> compare_avro(const ContractInput& old_input, const ContractInput& new_input,
                                                  const CompareOptions& options) {
  auto mode = parse_mode(options.compat_mode);
  if (!mode) return mode.error();
  auto new_set = load_version(new_input, options);
  if (!new_set) return new_set.error();
  std::vector<ContractInput> earlier;
  if (mode->transitive)
    for (const std::string& path : options.earlier_versions) earlier.push_back({path, std::nullopt});
  earlier.push_back(old_input);

  FindingSink verdict, changelog;
  for (size_t i = 0; i < earlier.size(); ++i) {
    auto old_set = load_version(earlier[i], options);
    if (!old_set) return old_set.error();
    std::string against = earlier.size() > 1 ? earlier[i].path : std::string();
    if (mode->backward) avro::check_compatibility(**old_set, **new_set, avro::Direction::backward, avro::Emit::verdict, against, verdict);
    if (mode->forward) avro::check_compatibility(**old_set, **new_set, avro::Direction::forward, avro::Emit::verdict, against, verdict);
    if (i + 1 == earlier.size())  // what changed since the previous version
      avro::check_compatibility(**old_set, **new_set, avro::Direction::backward, avro::Emit::changelog, "", changelog);
  }
  std::vector<Finding> out = verdict.take();
  std::set<PointerPair> broken;
  for (const Finding& f : out) broken.insert(pointers(f));
  // A change the mode rejects is reported once, as the error.
  for (Finding& f : changelog.take())
    if (f.rule == "avro.logical-type-changed" || !broken.count(pointers(f))) out.push_back(std::move(f));
  return out;
}

}  // namespace accord::diff
