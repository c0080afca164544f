// The one entry point the CLI (and the usage planner) calls to compare two
// versions of a contract, whatever its format.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/expected.h"
#include "core/refs.h"
#include "diff/model/finding.h"

namespace accord::diff {

enum class ContractKind { openapi, asyncapi, jsonschema, proto, avro, graphql };
std::string_view contract_kind_name(ContractKind k);

struct ContractInput {
  std::string path;                 // file or directory as the user named it
  std::optional<std::string> text;  // content supplied by the caller (e.g. from git); `path` then only names it
};

struct CompareOptions {
  core::RemoteSource* remote = nullptr;        // non-null only with --allow-remote-refs
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
  // Avro: --mode backward|forward|full[-transitive] (empty = backward), and
  // the versions before OLD, oldest first, that transitive modes also check.
  std::string compat_mode;
  std::vector<std::string> earlier_versions;
};

// Decides the format from the file extension and the document's marker key
// (`openapi`, `swagger`, `asyncapi`, `$schema`).
core::Expected<ContractKind> detect_kind(const ContractInput& input);

// Compares and returns finalized findings (messages, fingerprints, sorted).
core::Expected<std::vector<Finding>> compare_contracts(const ContractInput& old_input, const ContractInput& new_input,
                                                       const CompareOptions& options);

}  // namespace accord::diff
