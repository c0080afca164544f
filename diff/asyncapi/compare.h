// AsyncAPI (2.0-2.6, 3.0, 3.1) comparison on one normalised model: servers,
// operations paired by channel address and action, their messages, bindings
// and payloads. Payload and header schemas go through the shared schema
// comparator in the direction of the action: what the application sends is
// an output (`asyncapi.send-*`), what it receives an input (`asyncapi.receive-*`).
#pragma once

#include <span>
#include <string>
#include <vector>

#include "core/expected.h"
#include "core/refs.h"
#include "core/source.h"
#include "diff/model/finding.h"
#include "diff/model/rules.h"

namespace accord::diff {

// Where the files an AsyncAPI comparison reaches beyond `$ref`s are read:
// the .avsc files defining the named types of Avro payloads.
struct AsyncApiSources {
  std::vector<std::string> include_paths;         // -I roots searched for .avsc files (file system)
  const core::SourceReader* old_source = nullptr;  // each version's files (null: the file system)
  const core::SourceReader* new_source = nullptr;
};

// Raw findings (the engine finalizes them).
core::Expected<std::vector<Finding>> compare_asyncapi(core::DocumentSet& old_set, const core::Document& old_doc,
                                                      core::DocumentSet& new_set, const core::Document& new_doc,
                                                      const AsyncApiSources& sources = {});

std::span<const RuleInfo> asyncapi_rule_table();

}  // namespace accord::diff
