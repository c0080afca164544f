// The non-schema OpenAPI rules. The walker (walker.cpp) pairs old and new
// nodes; each function here only looks at one matched (or unmatched) pair and
// reports what changed. Rule IDs and messages live in rule_table.cpp.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "diff/model/sink.h"
#include "diff/openapi/model.h"
#include "diff/schema/compare.h"

namespace accord::diff::openapi {

// What every rule reports through.
struct Context {
  FindingSink& sink;
  SchemaComparator& schemas;
  std::string today;  // "YYYY-MM-DD" (UTC), for sunset dates
  std::optional<core::Error> error;
  int min_deprecation_days = 0;  // accord.yaml `deprecation-days`
  std::string earliest_sunset;   // today + that many days ("" = no minimum)

  void report(std::string_view rule, std::vector<Arg> args, const std::string& operation, const NodeRef& old_ref,
              const NodeRef& new_ref);
  // Hands a paired schema to the schema comparator (either side may be missing).
  void compare_schema(const NodeRef& old_schema, const NodeRef& new_schema, Direction direction,
                      const std::string& operation, std::string subject);
};

// Operations and paths (rules_operation.cpp).
void check_path_removed(Context& cx, const PathItem& old_path, const NodeRef& new_paths,
                        const std::vector<const Operation*>& removed_without_deprecation);
void check_path_added(Context& cx, const NodeRef& old_paths, const PathItem& new_path);
// Returns true when it reported (so a removed path does not repeat every operation).
bool check_deprecated_operation_removed(Context& cx, const Operation& op, const NodeRef& new_parent);
void check_operation_removed(Context& cx, const Operation& op, const NodeRef& new_parent);
void check_operation_added(Context& cx, const NodeRef& old_parent, const Operation& op);
void check_operation_id(Context& cx, const Operation& o, const Operation& n);
void check_operation_deprecation(Context& cx, const Operation& o, const Operation& n);
void check_operation_sunset(Context& cx, const Operation& o, const Operation& n);
void check_operation_stability(Context& cx, const Operation& o, const Operation& n);
void check_operation_texts(Context& cx, const Operation& o, const Operation& n);
void check_operation_tags(Context& cx, const Operation& o, const Operation& n);
void check_webhooks(Context& cx, const Api& o, const Api& n);
// Whether a deprecated operation's sunset (YYYY-MM-DD) is before `today`.
bool sunset_passed(std::string_view sunset, std::string_view today);
// Whether `s` starts with a YYYY-MM-DD date.
bool is_iso_date(std::string_view s);

// The deprecation policy for what a change deprecates (an operation or a
// parameter): announce a removal date, as an x-sunset date a machine can read.
struct Deprecatable {
  bool was_deprecated = false, is_deprecated = false;
  std::string_view old_sunset, new_sunset;
  NodeRef old_node, new_node;
};
void check_sunset_policy(Context& cx, const Deprecatable& d, std::vector<Arg> args, const std::string& operation);

// Parameters (rules_parameter.cpp).
void check_parameter_added(Context& cx, const Operation& o, const Operation& n, const Parameter& p);
void check_parameter_removed(Context& cx, const Operation& o, const Parameter& p, const Operation& n);
void check_parameter_moved(Context& cx, const Operation& op, const Parameter& o, const Parameter& n);
void check_parameter_required(Context& cx, const Operation& op, const Parameter& o, const Parameter& n);
void check_parameter_serialization(Context& cx, const Operation& op, const Parameter& o, const Parameter& n);
void check_parameter_deprecation(Context& cx, const Operation& op, const Parameter& o, const Parameter& n);
void check_parameter_sunset(Context& cx, const Operation& op, const Parameter& o, const Parameter& n);
void check_path_parameter_renamed(Context& cx, const Operation& op, const Parameter& o, const Parameter& n);
std::string parameter_subject(const Parameter& p);

// Request bodies, media types, responses, headers (rules_body.cpp).
void check_request_body(Context& cx, const Operation& o, const Operation& n);
void check_media_type_removed(Context& cx, Direction d, const std::string& op, const MediaType& m,
                              const NodeRef& new_parent, const std::string& where);
void check_media_type_added(Context& cx, Direction d, const std::string& op, const NodeRef& old_parent,
                            const MediaType& m, const std::string& where);
// A media type replaced by a range that covers it ("application/json" -> "application/*").
void check_media_type_generalized(Context& cx, Direction d, const std::string& op, const MediaType& o,
                                  const MediaType& n, const std::string& where);
void check_media_type_specialized(Context& cx, Direction d, const std::string& op, const MediaType& o,
                                  const MediaType& n, const std::string& where);
void check_media_schema(Context& cx, Direction d, const std::string& op, const MediaType& o, const MediaType& n,
                        const std::string& subject);
void check_response_removed(Context& cx, const Operation& o, const Response& r, const Operation& n);
void check_response_added(Context& cx, const Operation& o, const Operation& n, const Response& r);
void check_header_removed(Context& cx, const std::string& op, const Response& r, const Header& h,
                          const Response& new_response);
void check_header_added(Context& cx, const std::string& op, const Response& old_response, const Response& r,
                        const Header& h);
void check_header_required(Context& cx, const std::string& op, const Response& r, const Header& o,
                           const Header& n);

// Security (rules_security.cpp).
void check_operation_security(Context& cx, const Operation& o, const Operation& n);
void check_security_schemes(Context& cx, const Api& o, const Api& n);

// Servers (rules_servers.cpp).
void check_servers(Context& cx, const Api& o, const Api& n);

// Pairs everything and calls the checks above (walker.cpp).
void walk(Context& cx, const Api& o, const Api& n);

}  // namespace accord::diff::openapi
