// The one interface every compared format implements. The engine
// (diff/engine.cpp) knows formats only through it: it detects which format an
// input is, asks that format to load both versions, then to compare them.
// A format never includes diff/engine.h; the engine never names a format.
//
// Adding a format: one folder diff/<name>/ with a CMakeLists.txt defining the
// library accord_diff_<name>, a ContractFormat behind `<name>_format()`, and
// one line `ACCORD_FORMAT(<name>)` in diff/format/formats.def
// (docs/CONTRIBUTING.md has the checklist).
#pragma once

#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/expected.h"
#include "core/node.h"
#include "core/refs.h"
#include "diff/model/finding.h"
#include "diff/model/rules.h"

namespace accord::diff {

struct ContractInput {
  std::string path;                 // file or directory as the user named it
  std::optional<std::string> text;  // content supplied by the caller (e.g. stdin); `path` then only names it
  // Whether `path` is a directory, asked once where the input is resolved
  // (cli's resolve_input, else compare_contracts) and read here by every
  // format instead of asking the file system again.
  std::optional<bool> directory = std::nullopt;
  bool is_directory() const { return directory.value_or(false); }
  // Where `path` and the files it reaches ($refs, proto imports, -I
  // definitions) are read from (a git revision, cli/git_reader.h); null =
  // the file system. Every format loads through it, file by file as a
  // comparison reaches them; the engine names this version's places and
  // errors with its display_name().
  const core::SourceReader* source = nullptr;
};

// JSON Schema compatibility (--mode, accord.yaml `mode:`), named as schema
// registries name it (diff/jsonschema/mode.h): backward = every instance
// valid under OLD stays valid under NEW, forward = the reverse, full = both.
enum class SchemaMode : uint8_t { backward, forward, full };

// A --mode as written ("forward", "full-transitive"): the direction, and
// whether the versions before OLD are checked too. The engine parses
// CompareOptions::compat_mode once, before anything is loaded, and refuses a
// transitive mode with earlier versions for a format that keeps no history.
struct CompatMode {
  SchemaMode direction = SchemaMode::backward;
  bool transitive = false;
};
// "" is backward; an unknown name is an error that names it.
core::Expected<CompatMode> parse_compat_mode(std::string_view text);

struct CompareOptions {
  core::RemoteSource* remote = nullptr;        // non-null only with --allow-remote-refs
  std::optional<Format> kind;                  // --kind: skip detection, treat both versions as this format
  std::vector<std::string> include_paths;      // proto: -I roots
  std::vector<std::string> proto_categories;   // proto: FILE | PACKAGE | WIRE_JSON | WIRE (empty = FILE)
  std::string proto_config;                    // proto: buf.yaml / buf.work.yaml (empty = look in NEW's root)
  // Leave the loaded versions for the OS to reclaim, as clang's -disable-free
  // does: a process that exits right after the comparison need not free a
  // pool of thousands of proto files one allocation at a time (half a second
  // on googleapis). Only for a caller that exits soon; tests keep it off.
  bool disable_free = false;
  // OpenAPI: the shortest notice, in days from today, that a deprecation's
  // x-sunset may give (accord.yaml `deprecation-days`; 0 = no minimum).
  int min_deprecation_days = 0;
  // JSON Schema documents; the engine sets it from compat_mode when that is given.
  SchemaMode schema_mode = SchemaMode::backward;
  // "Today" for sunset dates (null = the system clock); tests and --today fix it.
  const core::Clock* clock = nullptr;
  // --mode backward|forward|full[-transitive] as written (empty = backward),
  // and the versions before OLD, oldest first, that transitive modes also
  // check (only formats whose compares_history() is true take them).
  std::string compat_mode;
  std::vector<std::string> earlier_versions;
  // Where a format puts warnings about its input that are not findings
  // (proto: deprecated buf rule IDs); the CLI shows them as report notes.
  std::vector<std::string>* notes = nullptr;
};

// How sure a format is that an input is one of its documents. The engine
// takes the surest claim; on a tie, the earlier format in formats.def.
enum class Claim : uint8_t { no, maybe, yes };

// One version of a contract in its format's model, with source positions.
// Each format derives its own and downcasts in compare().
class LoadedContract {
 public:
  virtual ~LoadedContract() = default;
};

class ContractFormat {
 public:
  virtual ~ContractFormat() = default;

  virtual Format id() const = 0;
  // How messages name it: "OpenAPI", "protobuf".
  virtual std::string_view display_name() const = 0;
  // What a user must give for this format, for "not a contract" errors:
  // "an OpenAPI document (a top-level `openapi` or `swagger` key)".
  virtual std::string_view expected_input() const = 0;

  // Whether load() takes a parsed JSON/YAML tree. The engine then parses each
  // input once and shows the same tree to every such format's claim_document.
  virtual bool reads_documents() const = 0;
  // Detection by name alone, before anything is read (extension, directory).
  virtual Claim claim_path(const ContractInput& input) const = 0;
  // Detection by content, for formats that read documents.
  virtual Claim claim_document(const core::Document& document) const = 0;

  // One version into the model. `document` is the parsed tree when
  // reads_documents(), null otherwise (the format reads `input` itself).
  virtual core::Expected<std::unique_ptr<LoadedContract>> load(const ContractInput& input,
                                                               std::unique_ptr<core::Document> document,
                                                               const CompareOptions& options) const = 0;
  // Pairs old and new elements and runs the rule table over the pairs.
  // Returns raw findings; the engine finalizes them (messages, fingerprints).
  virtual core::Expected<std::vector<Finding>> compare(LoadedContract& old_version, LoadedContract& new_version,
                                                       const CompareOptions& options) const = 0;

  // Whether a transitive --mode checks NEW against the versions before OLD
  // too (CompareOptions::earlier_versions). Otherwise such a request is an
  // error rather than a history silently left unchecked.
  virtual bool compares_history() const { return false; }

  // Every rule row of the format: `accord rules`, docs/rules.md, severities
  // and every count in tests come from here.
  virtual std::span<const RuleInfo> rules() const = 0;
};

// The registered formats, in detection order (diff/format/formats.def).
std::span<const ContractFormat* const> all_formats();
const ContractFormat* find_format(std::string_view name);
// "openapi|proto|...", for help texts and errors.
std::string format_names();

}  // namespace accord::diff
