// Internal to the model: the state shared while one document is normalised
// (model.cpp builds the document level, model_operation.cpp one operation).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/json_pointer.h"
#include "diff/openapi/model.h"

namespace accord::diff::openapi::detail {

class ModelBuilder {
 public:
  ModelBuilder(core::DocumentSet& set, Api& api) : set_(set), api_(api) {}

  // Follows a `$ref` (if any). Records the first error and returns an empty
  // NodeRef, so callers simply skip what could not be resolved.
  NodeRef resolve(const core::Node* node, std::string pointer);
  const std::optional<core::Error>& error() const { return error_; }

  // Document level (model.cpp).
  void build();

  // One operation (model_operation.cpp). `path_params` may be null.
  void build_operation(Operation& op, const NodeRef& path_params);

 private:
  void build_servers();
  void build_security_schemes();
  void build_paths();
  void build_webhooks();
  void add_parameter(Operation& op, const Parameter& p);
  std::optional<Parameter> read_parameter(const NodeRef& param, const Operation& op,
                                          NodeRef& body_param);
  void read_request_body(Operation& op, const NodeRef& body_param);
  NodeRef form_schema(const Operation& op);
  void read_responses(Operation& op);
  Response read_response(std::string status, const NodeRef& node, const std::vector<std::string>& produces);
  std::vector<MediaType> read_content(const NodeRef& owner);
  Security read_security(const NodeRef& node);
  std::vector<std::string> media_list(const core::Node* op_node, std::string_view key) const;

  core::DocumentSet& set_;
  Api& api_;
  std::optional<core::Error> error_;
  Security global_security_;
};

std::string lower(std::string_view s);
std::vector<std::string> string_array(const core::Node* node);
NodeRef child(const NodeRef& parent, std::string_view key);

}  // namespace accord::diff::openapi::detail
