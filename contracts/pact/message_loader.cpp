// Message interactions: V3 `messages` and V4 Asynchronous/Messages and
// Synchronous/Messages (a request message and the expected response messages).
#include "contracts/pact/body_codec.h"
#include "contracts/pact/loader.h"

namespace accord::contracts::pact {

using core::Node;
using matching::error_at;

core::Expected<MessageSpec> parse_message(const Node* node, SpecVersion version) {
  if (!node || !node->is_object()) return error_at(node, "a message must be an object");
  MessageSpec m;
  http::HeaderList type_header;  // the metadata's content type stands in for a Content-Type header
  if (const Node* meta = node->get("metadata")) {
    if (!meta->is_object() && !meta->is_null()) return error_at(meta, "message 'metadata' must be an object");
    if (meta->is_object()) {
      for (const auto& item : meta->children()) {
        m.metadata.emplace_back(std::string(item.key), item.value);
        std::string_view k = item.key;
        if ((k == "contentType" || k == "Content-Type" || k == "content-type") && item.value->is_string())
          type_header.emplace_back("Content-Type", std::string(item.value->text()));
      }
    }
  }
  if (auto st = parse_body(node, "contents", version, type_header, m.contents); !st) return st.error();
  if (auto st = parse_rules(node, version, m.rules); !st) return st.error();
  return m;
}

core::Status load_message_parts(const Node* node, SpecVersion version, Interaction& in) {
  if (in.kind == Interaction::Kind::message) {
    auto m = parse_message(node, version);
    if (!m) return m.error();
    in.message = std::move(*m);
    return core::ok_status();
  }
  const Node* request = node->get("request");
  if (!request) return error_at(node, "synchronous message '" + in.description + "' has no 'request'");
  auto req = parse_message(request, version);
  if (!req) return req.error();
  in.message = std::move(*req);
  const Node* response = node->get("response");
  if (!response || !response->is_array() || response->size() == 0)
    return error_at(response ? response : node,
                    "synchronous message '" + in.description + "' needs a 'response' array with at least one message");
  for (const auto& item : response->children()) {
    auto m = parse_message(item.value, version);
    if (!m) return m.error();
    in.responses.push_back(std::move(*m));
  }
  return core::ok_status();
}

}  // namespace accord::contracts::pact
