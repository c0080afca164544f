// The non-schema OpenAPI rules. A rule is one `Rule` row: its registry data
// (id, severity, categories, purpose, message) and the handler(s) it
// registers at the levels of the walk it looks at. The walker (walker.cpp)
// pairs old and new nodes and, for each pair, calls every row's handler of
// that level; a handler only looks at that one pair and reports under its
// own row's id (Context::report takes no id). Rows live next to their
// handlers in rules_*.cpp; rule_table.cpp lists the files' spans.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "diff/model/rules.h"
#include "diff/model/sink.h"
#include "diff/openapi/model.h"
#include "diff/schema/compare.h"

namespace accord::diff::openapi {

// What every handler reports through.
struct Context {
  FindingSink& sink;
  SchemaComparator& schemas;
  std::string today;  // "YYYY-MM-DD" (UTC), for sunset dates
  std::optional<core::Error> error;
  int min_deprecation_days = 0;  // accord.yaml `deprecation-days`
  std::string earliest_sunset;   // today + that many days ("" = no minimum)
  std::string_view rule;         // the row whose handler runs (set by the walker)

  // Reports a finding of the running row's rule.
  void report(std::vector<Arg> args, const std::string& operation, const NodeRef& old_ref, const NodeRef& new_ref);
  // Hands a paired schema to the schema comparator (either side may be missing).
  void compare_schema(const NodeRef& old_schema, const NodeRef& new_schema, Direction direction,
                      const std::string& operation, std::string subject);
};

// A media type of the old version and its counterpart in the new one.
enum class MediaMatch : uint8_t { same, generalized, specialized };
struct MediaSite {
  Direction direction;           // request (input) or response (output)
  const std::string& operation;  // label
  const std::string& where;      // "request body", "response 200", "webhook payload"
};
struct MediaPair {
  const MediaSite& site;
  const MediaType& o;
  const MediaType& n;
  MediaMatch match;
  std::string subject;  // "response 200 (application/json)"
};

// The levels of the walk. A handler sets the pointers of the levels it
// inspects (usually one); the walker calls it for every pair of that level.
struct Handlers {
  void (*api)(Context&, const Api& o, const Api& n) = nullptr;
  // Paths that vanished, with the operations they lost (deprecated ones too).
  void (*path_removed)(Context&, const PathItem& old_path, const NodeRef& new_paths,
                       const std::vector<const Operation*>& removed) = nullptr;
  void (*path_added)(Context&, const NodeRef& old_paths, const PathItem& new_path) = nullptr;
  // `path_removed`: the whole path went (path_removed then reports it once).
  void (*operation_removed)(Context&, const Operation& op, const NodeRef& new_parent, bool path_removed) = nullptr;
  void (*operation_added)(Context&, const NodeRef& old_parent, const Operation& op) = nullptr;
  void (*operation)(Context&, const Operation& o, const Operation& n) = nullptr;
  // Parameters paired by key; `moved`: paired by name across locations.
  void (*parameter)(Context&, const Operation& op, const Parameter& o, const Parameter& n) = nullptr;
  void (*parameter_moved)(Context&, const Operation& op, const Parameter& o, const Parameter& n) = nullptr;
  void (*parameter_removed)(Context&, const Operation& o, const Parameter& p, const Operation& n) = nullptr;
  void (*parameter_added)(Context&, const Operation& o, const Operation& n, const Parameter& p) = nullptr;
  void (*media)(Context&, const MediaPair& pair) = nullptr;
  void (*media_removed)(Context&, const MediaSite& site, const MediaType& m, const NodeRef& new_parent) = nullptr;
  void (*media_added)(Context&, const MediaSite& site, const NodeRef& old_parent, const MediaType& m) = nullptr;
  void (*response_removed)(Context&, const Operation& o, const Response& r, const Operation& n) = nullptr;
  void (*response_added)(Context&, const Operation& o, const Operation& n, const Response& r) = nullptr;
  void (*header)(Context&, const std::string& op, const Response& r, const Header& o, const Header& n) = nullptr;
  void (*header_removed)(Context&, const std::string& op, const Response& old_response, const Header& h,
                         const Response& new_response) = nullptr;
  void (*header_added)(Context&, const std::string& op, const Response& old_response, const Response& new_response,
                       const Header& h) = nullptr;
  // Security alternatives of an operation that requires credentials in both versions.
  void (*security_alternative)(Context&, const std::string& op, const SecurityAlternative& o,
                               const SecurityAlternative& n) = nullptr;
  void (*security_alternative_removed)(Context&, const Operation& o, const Operation& n,
                                       const SecurityAlternative& a) = nullptr;
  void (*security_alternative_added)(Context&, const Operation& o, const Operation& n,
                                     const SecurityAlternative& a) = nullptr;
  void (*scheme)(Context&, const SecurityScheme& o, const SecurityScheme& n) = nullptr;
  void (*scheme_removed)(Context&, const SecurityScheme& s, const Api& n) = nullptr;
  void (*scheme_added)(Context&, const Api& o, const SecurityScheme& s) = nullptr;
  // OAuth2 flows of a scheme that sends credentials the same way in both versions.
  void (*flow)(Context&, const SecurityScheme& n, const OAuthFlow& o, const OAuthFlow& nf) = nullptr;
  void (*flow_removed)(Context&, const SecurityScheme& n, const OAuthFlow& f) = nullptr;
  void (*flow_added)(Context&, const SecurityScheme& o, const SecurityScheme& n, const OAuthFlow& f) = nullptr;
};

// One rule: its registry row and its handlers.
struct Rule {
  RuleInfo info;
  Handlers on;
};

// The rows by area (rules_*.cpp), and all of them (rule_table.cpp).
std::span<const Rule> operation_rules();
std::span<const Rule> lifecycle_rules();
std::span<const Rule> parameter_rules();
std::span<const Rule> body_rules();
std::span<const Rule> security_rules();
std::span<const Rule> server_rules();
const std::vector<const Rule*>& all_rules();

// Shared by handlers and the walker.
bool sunset_passed(std::string_view sunset, std::string_view today);  // x-sunset (YYYY-MM-DD) before today
bool is_iso_date(std::string_view s);                                  // starts with a YYYY-MM-DD date
std::string parameter_subject(const Parameter& p);                     // "query parameter 'limit'"
bool requires_credentials(const Security& s);  // alternatives listed, none of them `{}`
std::string credential_shape(const SecurityScheme& s);  // "http bearer", "apiKey (header 'X-Key')"

// Pairs everything and calls the rows' handlers (walker.cpp).
void walk(Context& cx, const Api& o, const Api& n);

}  // namespace accord::diff::openapi
