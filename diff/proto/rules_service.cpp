// Service rules: deleted RPCs, and RPC request/response types, streaming and
// idempotency level staying the same.
#include <google/protobuf/descriptor.pb.h>

#include "diff/proto/rules.h"

namespace accord::diff::proto {

namespace {

constexpr Severity E = Severity::error;
constexpr Format F = Format::proto;

using M = pb::MethodDescriptor;

std::vector<Arg> rpc_args(const M* m, std::string before, std::string after) {
  return {{"rpc", m->name()}, {"service", m->service()->name()}, {"old", std::move(before)}, {"new", std::move(after)}};
}

void rpc_no_delete(const Ctx& c, const pb::ServiceDescriptor* o, const pb::ServiceDescriptor* n) {
  for (int i = 0; i < o->method_count(); ++i)
    if (!n->FindMethodByName(o->method(i)->name()))
      c.report({{"rpc", o->method(i)->name()}, {"service", n->name()}}, loc_of(n), loc_of(o->method(i)));
}

const char* streaming(bool s) { return s ? "streaming" : "unary"; }

void rpc_same_client_streaming(const Ctx& c, const M* o, const M* n) {
  if (o->client_streaming() != n->client_streaming())
    c.report(rpc_args(n, streaming(o->client_streaming()), streaming(n->client_streaming())), loc_of(n), loc_of(o));
}

void rpc_same_server_streaming(const Ctx& c, const M* o, const M* n) {
  if (o->server_streaming() != n->server_streaming())
    c.report(rpc_args(n, streaming(o->server_streaming()), streaming(n->server_streaming())), loc_of(n), loc_of(o));
}

void rpc_same_request_type(const Ctx& c, const M* o, const M* n) {
  const std::string& before = o->input_type()->full_name();
  const std::string& after = n->input_type()->full_name();
  if (before != after)
    c.report(rpc_args(n, before, after), loc_of(n).sub({tag::kMethodInput}), loc_of(o).sub({tag::kMethodInput}));
}

void rpc_same_response_type(const Ctx& c, const M* o, const M* n) {
  const std::string& before = o->output_type()->full_name();
  const std::string& after = n->output_type()->full_name();
  if (before != after)
    c.report(rpc_args(n, before, after), loc_of(n).sub({tag::kMethodOutput}), loc_of(o).sub({tag::kMethodOutput}));
}

void rpc_same_idempotency_level(const Ctx& c, const M* o, const M* n) {
  auto before = o->options().idempotency_level(), after = n->options().idempotency_level();
  if (before == after) return;
  // The option when written, else just the file (buf attaches no line then).
  auto where = [](const M* m) {
    Loc l = loc_of(m).sub({tag::kMethodOptions, tag::kMethodOptionIdempotency});
    return has_position(l) ? l : loc_of(m->file());
  };
  c.report(rpc_args(n, pb::MethodOptions::IdempotencyLevel_Name(before), pb::MethodOptions::IdempotencyLevel_Name(after)),
           where(n), where(o));
}

const Rule kRules[] = {
    {{"proto.rpc-no-delete", F, E, "FILE,PACKAGE",
      "RPCs are not deleted.",
      "Previously present RPC \"{rpc}\" on service \"{service}\" was deleted."},
     {.service = rpc_no_delete}},
    {{"proto.rpc-same-client-streaming", F, E, "CSR,FILE,PACKAGE,WIRE_JSON,WIRE",
      "RPCs keep client streaming.",
      "RPC \"{rpc}\" on service \"{service}\" changed from client {old} to client {new}."},
     {.method = rpc_same_client_streaming}},
    {{"proto.rpc-same-server-streaming", F, E, "CSR,FILE,PACKAGE,WIRE_JSON,WIRE",
      "RPCs keep server streaming.",
      "RPC \"{rpc}\" on service \"{service}\" changed from server {old} to server {new}."},
     {.method = rpc_same_server_streaming}},
    {{"proto.rpc-same-request-type", F, E, "CSR,FILE,PACKAGE,WIRE_JSON,WIRE",
      "RPCs keep their request type.",
      "RPC \"{rpc}\" on service \"{service}\" changed request type from \"{old}\" to \"{new}\"."},
     {.method = rpc_same_request_type}},
    {{"proto.rpc-same-response-type", F, E, "CSR,FILE,PACKAGE,WIRE_JSON,WIRE",
      "RPCs keep their response type.",
      "RPC \"{rpc}\" on service \"{service}\" changed response type from \"{old}\" to \"{new}\"."},
     {.method = rpc_same_response_type}},
    {{"proto.rpc-same-idempotency-level", F, E, "CSR,FILE,PACKAGE,WIRE_JSON,WIRE",
      "RPCs keep their idempotency level.",
      "RPC \"{rpc}\" on service \"{service}\" changed option \"idempotency_level\" from \"{old}\" to \"{new}\"."},
     {.method = rpc_same_idempotency_level}},
};

}  // namespace

std::span<const Rule> service_rules() { return kRules; }

}  // namespace accord::diff::proto
