// Service rules: deleted RPCs, and RPC request/response types, streaming and
// idempotency level staying the same.
#include <google/protobuf/descriptor.pb.h>

#include "diff/proto/rules.h"

namespace accord::diff::proto {

namespace {

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

const RuleHandler kHandlers[] = {
    {.id = "proto.rpc-no-delete", .service = rpc_no_delete},
    {.id = "proto.rpc-same-client-streaming", .method = rpc_same_client_streaming},
    {.id = "proto.rpc-same-server-streaming", .method = rpc_same_server_streaming},
    {.id = "proto.rpc-same-request-type", .method = rpc_same_request_type},
    {.id = "proto.rpc-same-response-type", .method = rpc_same_response_type},
    {.id = "proto.rpc-same-idempotency-level", .method = rpc_same_idempotency_level},
};

}  // namespace

std::span<const RuleHandler> service_rule_handlers() { return kHandlers; }

}  // namespace accord::diff::proto
