// What comparators report into. Rules call add() with the rule ID, the
// structured args and the places; the sink only collects. Severity, message
// and fingerprint come later, from the rule rows, in finalize_findings()
// (diff/catalog.cpp), so a rule handler only says *what* changed and *where*.
#pragma once

#include <vector>

#include "core/node.h"
#include "diff/model/finding.h"

namespace accord::diff {

Place place_of(const core::Node* node, std::string pointer);

class FindingSink {
 public:
  void add(std::string_view rule_id, std::vector<Arg> args, std::string operation,
           std::optional<Place> old_place, std::optional<Place> new_place);
  // Names every operation the last added finding affects (a removed path
  // reports one finding for all its operations).
  void set_last_operations(std::vector<std::string> operations);
  const std::vector<Finding>& findings() const { return findings_; }
  std::vector<Finding> take();

 private:
  std::vector<Finding> findings_;
};

// Defined in diff/catalog.cpp (library accord_diff), because it reads the
// whole registry. Fills message, severity (when the rule is known) and fingerprint, drops
// exact duplicates, sorts by file position of the new side, then old, and
// merges findings that describe one change at one place (merge_same_change).
void finalize_findings(std::vector<Finding>& findings);
std::string compute_fingerprint(const Finding& f);

}  // namespace accord::diff
