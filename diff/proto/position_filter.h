// Trims a parsed file's SourceCodeInfo to the locations findings can point at,
// before the DescriptorPool copies it (and rewrites it for options) and keeps
// it for the whole run.
#pragma once

#include <google/protobuf/descriptor.pb.h>

namespace accord::diff::proto {

// Keeps the locations of elements (messages, fields, enums, values, services,
// methods, oneofs), of everything under options, and of the parts
// location.h names (a field's name, type, default and JSON name; a file's
// package and syntax; an enum value's number; an RPC's request and response
// types). Drops every comment, every other part and reserved or extension
// ranges. Unknown paths are kept.
void keep_queried_positions(google::protobuf::SourceCodeInfo& info);

}  // namespace accord::diff::proto
