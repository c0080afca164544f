// proto.lock, protolock's JSON snapshot of a .proto tree, as one version of a
// protobuf contract: read into FileDescriptorProtos (so the proto rules
// compare it like any other image, with positions pointing into the lock),
// and written from a loaded tree (`accord lock DIR > proto.lock`).
//
// What a lock does not record, and how it is read:
// - syntax: each file takes the syntax of the same file in the version it is
//   compared with (proto3 when that version has no such file, proto2 when a
//   field of it is `required`); so file-same-syntax never fires on a lock;
// - types are written as in the source ("Foo", "pkg.Foo"), resolved by
//   protobuf's scope rules; a type from a file the lock does not hold stays a
//   placeholder of that name;
// - an enum nested in a message is listed at file level as "Parent.Enum"
//   (only the innermost parent), and an `extend X {}` block as a message
//   named X: the reader nests and extends accordingly;
// - options are name/value strings: the standard ones are applied, custom
//   (parenthesised) ones are not compared by any rule and are skipped.
#pragma once

#include <google/protobuf/descriptor.pb.h>

#include <functional>
#include <span>
#include <string>
#include <string_view>

#include "core/expected.h"
#include "core/node.h"

namespace accord::diff::proto {

namespace pb = google::protobuf;

// A file named proto.lock (protolock's fixed name).
bool is_protolock_path(std::string_view path);

// "proto2" or "proto3" for a proto path, as the other version declares it;
// empty when that version has no such file.
using SyntaxOf = std::function<std::string(const std::string& proto_path)>;

// The lock's files as descriptors, source positions pointing into `lock`.
// Errors name the lock's file:line:col.
core::Expected<pb::FileDescriptorSet> read_protolock(const core::Document& lock, const SyntaxOf& syntax_of);

// A peer's rule name and the accord rule IDs (space separated) that cover it.
struct PeerRuleName {
  std::string_view peer_rule;
  std::string_view rule_ids;
  std::string_view note;  // how the coverage differs, when it does
};
// protolock's nine rules (`accord rules --peer protolock`).
std::span<const PeerRuleName> protolock_rule_names();

class Image;
// The snapshot protolock writes for the compared files of a source tree
// (JSON, protolock's key order and indentation, no trailing newline).
std::string write_protolock(const Image& image);

// protolock's "a:/:b.proto" spelling of a proto path, and back.
std::string from_protopath(std::string_view protopath);
std::string to_protopath(std::string_view proto_path);

}  // namespace accord::diff::proto
