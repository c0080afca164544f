// The AsyncAPI-level rules. A rule is one `Rule` row: its registry data (id,
// severity, categories, purpose, message) and the handler(s) it registers at
// the levels of the walk it looks at. The walker (compare.cpp) pairs servers,
// operations, channels, parameters, messages and security requirements of
// both versions and, for each pair, calls every row's handler of that level;
// a handler only looks at that one pair and reports under its own row's id
// (Context::report takes no id). Payload, header and parameter schemas are
// the schema comparator's (`asyncapi.send-*` / `asyncapi.receive-*`) or the
// Avro rules': the walker hands them over, no row does. Rows live next to
// their handlers in rules_*.cpp; rule_table.cpp lists the files' spans.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "diff/asyncapi/internal.h"
#include "diff/model/rules.h"

namespace accord::diff::asyncapi {

// What every handler reports through.
struct Context {
  FindingSink& sink;
  Schemas& schemas;                  // for rules that compare a schema themselves (the Kafka key)
  std::optional<core::Error> error;  // the first error; no handler runs after it
  std::string_view rule;             // the row whose handler runs (set by the walker)

  // Reports a finding of the running row's rule.
  void report(std::vector<Arg> args, const std::string& operation, std::optional<Place> old_place,
              std::optional<Place> new_place);
  // Keeps the first error (the comparison then fails with it).
  void fail(const core::Status& status);
};

// A channel of a paired operation (or of its reply), in the direction the
// application uses it there.
struct ChannelPair {
  const Channel& o;
  const Channel& n;
  Action action;                 // decides how parameter values may change
  const std::string& operation;  // label ("send lights.measured")
  bool first;                    // the first operation to reach this pair of addresses
};

// Where a paired operation's messages (or its reply's) travel.
struct MessageSite {
  Action action;
  const std::string& channel;    // the new version's address
  const std::string& operation;  // label
};

// The security of a server or an operation; the owners are the server /
// operation objects.
struct SecuritySite {
  const std::string& subject;    // "server 'production'", "operation 'send x'"
  const std::string& operation;  // label ("" for a server)
  const At& old_owner;
  const At& new_owner;
};

// The levels of the walk. A handler sets the pointers of the levels it
// inspects (usually one); the walker calls it for every pair of that level.
struct Handlers {
  void (*server)(Context&, const Server& o, const Server& n) = nullptr;
  void (*server_removed)(Context&, const Server& s, const Model& n) = nullptr;
  void (*operation)(Context&, const Operation& o, const Operation& n) = nullptr;
  void (*operation_removed)(Context&, const Operation& op, const Model& n) = nullptr;
  void (*operation_added)(Context&, const Model& o, const Operation& op) = nullptr;
  // The channel of a paired operation, then its reply's channel.
  void (*channel)(Context&, const ChannelPair& c) = nullptr;
  // Channel parameters paired by name.
  void (*parameter)(Context&, const ChannelPair& c, const Parameter& o, const Parameter& n) = nullptr;
  void (*parameter_removed)(Context&, const ChannelPair& c, const Parameter& p) = nullptr;
  void (*parameter_added)(Context&, const ChannelPair& c, const Parameter& p) = nullptr;
  // Messages paired by any of their names (one left on each side: renamed).
  void (*message)(Context&, const MessageSite& site, const Message& o, const Message& n) = nullptr;
  void (*message_removed)(Context&, const MessageSite& site, const Message& m) = nullptr;
  void (*message_added)(Context&, const MessageSite& site, const Message& m) = nullptr;
  // The security lists of a paired server or operation, always.
  void (*security)(Context&, const SecuritySite& site, const std::vector<SecurityRequirement>& o,
                   const std::vector<SecurityRequirement>& n) = nullptr;
  // Only while both versions require credentials: each old requirement and
  // the new one a client of it is best matched to (counterpart()).
  void (*requirement_removed)(Context&, const SecuritySite& site, const SecurityRequirement& r) = nullptr;
  void (*requirement_added)(Context&, const SecuritySite& site, const SecurityRequirement& r) = nullptr;
  // The schemes of a matched requirement pair, by name.
  void (*scheme)(Context&, const SecuritySite& site, const SecurityEntry& o, const SecurityEntry& n) = nullptr;
  void (*scheme_removed)(Context&, const SecuritySite& site, const SecurityEntry& e,
                         const SecurityRequirement& n) = nullptr;
  void (*scheme_added)(Context&, const SecuritySite& site, const SecurityRequirement& o,
                       const SecurityEntry& e) = nullptr;
};

// One rule: its registry row and its handlers.
struct Rule {
  RuleInfo info;
  Handlers on;
};

// The rows by area (rules_*.cpp), and all of them (rule_table.cpp).
std::span<const Rule> operation_rules();
std::span<const Rule> message_rules();
std::span<const Rule> kafka_key_rules();
std::span<const Rule> binding_rules();
std::span<const Rule> security_rules();
const std::vector<const Rule*>& all_rules();

// Shared by handlers and the walker (compare.cpp).
std::string_view action_name(Action a);         // "send", "receive"
std::string operation_label(const Operation& op);  // "send lights.measured"
// Whether a client needs credentials at all: some requirement and none
// that names no scheme (a 2.x `{}`).
bool requires_credentials(const std::vector<SecurityRequirement>& list);
// The new requirement a client of `old_req` is best matched to (null: none
// shares a scheme with it).
const SecurityRequirement* counterpart(const SecurityRequirement& old_req, const std::vector<SecurityRequirement>& n);
// "oauth", or "apiKey + user" for a requirement of several schemes.
std::string label_of(const SecurityRequirement& r);

// Pairs everything and calls the rows' handlers (compare.cpp).
void walk(Context& cx, const Model& o, const Model& n);

}  // namespace accord::diff::asyncapi
