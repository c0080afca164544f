// The Avro entry point: load every version (with -I definitions), run the
// compatibility checks the mode asks for and the changelog pass.
#include "diff/avro/compare.h"

#include <filesystem>
#include <set>

#include "core/loader.h"
#include "core/source.h"
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

// The .avsc files under `directory`, recursively, read through `source`.
void collect_avsc(const core::SourceReader& source, const std::string& directory, std::set<std::string>& out) {
  auto names = source.list(directory);
  if (!names) return;  // unreadable: nothing from it, as a missing -I root gives nothing
  for (const std::string& name : *names) {
    const std::string path = (fs::path(directory) / name).string();
    if (source.is_directory(path)) collect_avsc(source, path, out);
    else if (fs::path(name).extension() == ".avsc") out.insert(path);
  }
}

bool same_file(const std::string& a, const std::string& b) {
  std::error_code ec;
  return fs::weakly_canonical(fs::absolute(a), ec) == fs::weakly_canonical(fs::absolute(b), ec);
}

// The definitions in the -I roots (files, or directories of .avsc files):
// named types any version may refer to. Read through the version's source,
// so an -I inside the repository is read at the same git ref as the version.
core::Expected<std::vector<std::unique_ptr<core::Document>>> load_includes(const core::SourceReader& source,
                                                                           const std::vector<std::string>& roots,
                                                                           const std::string& main_path) {
  std::vector<std::unique_ptr<core::Document>> out;
  auto add = [&](const std::string& path) -> core::Status {
    auto text = source.read(path);
    if (!text) return text.error();
    auto doc = core::load_text(path, std::move(*text), core::Syntax::json);
    if (!doc) return doc.error();
    out.push_back(std::move(*doc));
    return core::ok_status();
  };
  for (const std::string& root : roots) {
    if (!source.is_directory(root)) {
      // A missing root gives nothing, as before; a broken one is an error.
      if (auto added = add(root); !added && added.error().missing_file.empty()) return added.error();
      continue;
    }
    std::set<std::string> sorted;  // a stable order whatever the file system says
    collect_avsc(source, root, sorted);
    for (const std::string& p : sorted)
      if (!same_file(p, main_path))
        if (auto added = add(p); !added) return added.error();
  }
  return out;
}

core::Expected<std::unique_ptr<avro::SchemaSet>> load_version(const ContractInput& input, const CompareOptions& options) {
  // Through the input's source: a git revision with --against git:REF.
  const core::SourceReader& source = input.source ? *input.source : core::file_source();
  core::Expected<std::string> text = input.text ? core::Expected<std::string>(*input.text) : source.read(input.path);
  if (!text) return text.error();
  auto doc = core::load_text(input.path, std::move(*text), core::Syntax::json);
  if (!doc) return doc.error();
  auto includes = load_includes(source, options.include_paths, input.path);
  if (!includes) return includes.error();
  return avro::parse_schema_set(std::move(*doc), std::move(*includes));
}

bool is_avro_path(const std::string& path) { return path.size() > 5 && path.compare(path.size() - 5, 5, ".avsc") == 0; }

// One version, parsed (with its -I definitions) when loaded so a broken
// schema is reported before anything is compared.
struct AvroVersion : LoadedContract {
  ContractInput input;
  std::unique_ptr<avro::SchemaSet> schemas;
};

core::Expected<std::vector<Finding>> compare_versions(const AvroVersion& old_version, const AvroVersion& new_version,
                                                      const CompareOptions& options) {
  auto mode = parse_mode(options.compat_mode);
  if (!mode) return mode.error();
  // The earlier versions a transitive mode checks too, oldest first; OLD last.
  std::vector<std::unique_ptr<avro::SchemaSet>> history;
  std::vector<std::string> names;
  if (mode->transitive)
    for (const std::string& path : options.earlier_versions) {
      auto set = load_version({path, std::nullopt}, options);
      if (!set) return set.error();
      history.push_back(std::move(*set));
      names.push_back(path);
    }
  FindingSink verdict, changelog;
  auto check_against = [&](const avro::SchemaSet& old_set, const std::string& against) {
    if (mode->backward) avro::check_compatibility(old_set, *new_version.schemas, avro::Direction::backward, avro::Emit::verdict, against, verdict);
    if (mode->forward) avro::check_compatibility(old_set, *new_version.schemas, avro::Direction::forward, avro::Emit::verdict, against, verdict);
  };
  for (size_t i = 0; i < history.size(); ++i) check_against(*history[i], names[i]);
  check_against(*old_version.schemas, history.empty() ? std::string() : old_version.input.path);
  // What changed since the previous version.
  avro::check_compatibility(*old_version.schemas, *new_version.schemas, avro::Direction::backward, avro::Emit::changelog, "", changelog);

  return avro::with_changelog(verdict.take(), changelog.take());
}

class AvroFormat final : public ContractFormat {
 public:
  Format id() const override { return Format::avro; }
  std::string_view display_name() const override { return "Avro"; }
  std::string_view expected_input() const override { return "an Avro schema (.avsc)"; }
  bool reads_documents() const override { return false; }
  Claim claim_path(const ContractInput& input) const override { return is_avro_path(input.path) ? Claim::yes : Claim::no; }
  Claim claim_document(const core::Document&) const override { return Claim::no; }

  core::Expected<std::unique_ptr<LoadedContract>> load(const ContractInput& input, std::unique_ptr<core::Document>,
                                                       const CompareOptions& options) const override {
    auto set = load_version(input, options);
    if (!set) return set.error();
    auto loaded = std::make_unique<AvroVersion>();
    loaded->input = input;
    loaded->schemas = std::move(*set);
    return std::unique_ptr<LoadedContract>(std::move(loaded));
  }
  core::Expected<std::vector<Finding>> compare(LoadedContract& old_version, LoadedContract& new_version,
                                               const CompareOptions& options) const override {
    return compare_versions(static_cast<AvroVersion&>(old_version), static_cast<AvroVersion&>(new_version), options);
  }
  bool compares_history() const override { return true; }
  std::span<const RuleInfo> rules() const override { return avro_rule_table(); }
};

}  // namespace

const ContractFormat& avro_format() {
  static const AvroFormat format;
  return format;
}

}  // namespace accord::diff
