// Test helper: writes a loaded tree back out, as JSON (optionally with every
// object's keys in reverse order) or as YAML, to check that format and key
// order never change what accord reports.
#pragma once

#include <string>

#include "core/node.h"

namespace accord::test {

std::string write_json(const core::Node& node, bool reverse_keys);
std::string write_yaml(const core::Node& node);

}  // namespace accord::test
