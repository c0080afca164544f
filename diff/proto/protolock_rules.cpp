// protolock's rule names, and the proto rules (buf's, under accord's IDs)
// that cover each when a proto.lock is compared with a tree.
#include "diff/proto/protolock.h"

namespace accord::diff::proto {

namespace {
const PeerRuleName kProtolockRules[] = {
    {"NoUsingReservedFields", "proto.reserved-message-no-delete proto.reserved-enum-no-delete",
     "a reserved number or name can only be reused by dropping its reservation, which these report"},
    {"NoRemovingReservedFields", "proto.reserved-message-no-delete proto.reserved-enum-no-delete", ""},
    {"NoRemovingFieldsWithoutReserve",
     "proto.field-no-delete-unless-number-reserved proto.field-no-delete-unless-name-reserved "
     "proto.enum-value-no-delete-unless-number-reserved proto.enum-value-no-delete-unless-name-reserved",
     "categories WIRE_JSON / WIRE (FILE, the default, reports every deletion: proto.field-no-delete)"},
    {"NoRemovingFieldsIfPersisted", "proto.field-no-delete proto.message-no-delete",
     "protolock checks messages marked (persisted) only; these check every message"},
    {"NoChangingFieldIDs", "proto.field-no-delete proto.field-same-name proto.enum-value-same-name",
     "fields are paired by number, as on the wire: a renumbered field is a deletion and a rename"},
    {"NoChangingFieldTypes", "proto.field-same-type proto.field-wire-compatible-type proto.field-wire-json-compatible-type",
     "types are compared resolved (Foo and pkg.Foo are one type), not as spelled"},
    {"NoChangingFieldNames", "proto.field-same-name proto.enum-value-same-name", ""},
    {"NoRemovingRPCs", "proto.rpc-no-delete proto.service-no-delete", ""},
    {"NoChangingRPCSignature",
     "proto.rpc-same-request-type proto.rpc-same-response-type proto.rpc-same-client-streaming "
     "proto.rpc-same-server-streaming",
     ""},
};
}  // namespace

std::span<const PeerRuleName> protolock_rule_names() { return kProtolockRules; }

}  // namespace accord::diff::proto
