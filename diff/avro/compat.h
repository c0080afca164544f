// Schema resolution as org.apache.avro.SchemaCompatibility decides it (what
// Confluent Schema Registry runs): can a reader schema read data written
// with a writer schema? Every reason it cannot becomes a finding with the
// place in both versions.
#pragma once

#include <string>
#include <vector>

#include "diff/avro/schema.h"
#include "diff/model/sink.h"

namespace accord::diff::avro {

// backward: the new schema reads data written with the old one;
// forward: the old schema reads data written with the new one.
enum class Direction { backward, forward };

enum class Emit {
  verdict,    // only the errors of this direction
  changelog,  // only info and warnings (what changed that still reads), old -> new
};

// Returns whether the direction is compatible; reports into `sink`.
// `against` tags findings with the earlier version they were checked against
// (transitive modes), so the same change against two versions stays two findings.
bool check_compatibility(const SchemaSet& old_set, const SchemaSet& new_set, Direction direction, Emit emit,
                         const std::string& against, FindingSink& sink);

// The verdict's findings, then the changelog's (old -> new) except those at
// the places of an error: a change the mode rejects is reported once, as the
// error (a logical type change always shows: it decodes but means otherwise).
std::vector<Finding> with_changelog(std::vector<Finding> verdict, std::vector<Finding> changelog);

// OLD against NEW in one direction, with the changelog: for Avro schemas
// embedded in another contract (AsyncAPI payloads), where the direction
// comes from who reads the message.
std::vector<Finding> compare_one_direction(const SchemaSet& old_set, const SchemaSet& new_set, Direction direction);

}  // namespace accord::diff::avro
