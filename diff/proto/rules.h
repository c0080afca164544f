// The proto rules. A rule is one `Rule` row: its registry data (id, severity,
// buf categories, purpose, message) and the handler it registers at the
// level of the walk it looks at. The walker (walker.cpp) does the pairing,
// buf's way: files by path, messages/enums/services by full name, fields by
// number, extensions by extendee and number, enum values by number, RPCs by
// name; for each pair it calls the handler of every selected row of that
// level, which reports under its own row's id (Ctx::report takes no id).
// Rows live next to their handlers in rules_*.cpp; rule_table.cpp lists the
// files' spans.
#pragma once

#include <google/protobuf/descriptor.h>

#include <functional>
#include <span>
#include <string_view>
#include <vector>

#include "diff/model/finding.h"
#include "diff/model/rules.h"
#include "diff/proto/image.h"
#include "diff/proto/location.h"

namespace accord::diff::proto {

// Turns (rule, args, new place, old place) into a Finding. buf.yaml's
// ignores are applied to the findings afterwards, with accord.yaml's kind
// (diff::drop_ignored), on each place's module path and package.
class Reporter {
 public:
  Reporter(const Image& old_image, const Image& new_image) : old_(old_image), new_(new_image) {}
  void add(std::string_view rule, std::vector<Arg> args, const Loc& new_loc, const Loc& old_loc);
  std::vector<Finding> take() { return std::move(findings_); }

 private:
  const Image& old_;
  const Image& new_;
  std::vector<Finding> findings_;
};

// What every handler reports through. The reporter and the rule are
// private: a handler reports under the row the walker is running, never
// another rule's id.
class Ctx {
 public:
  Ctx(const Image& old_version, const Image& new_version, Reporter& reporter, std::string_view rule)
      : old_image(old_version), new_image(new_version), reporter_(reporter), rule_(rule) {}
  const Image& old_image;
  const Image& new_image;
  // Reports a finding of the running row's rule.
  void report(std::vector<Arg> args, const Loc& new_loc, const Loc& old_loc) const {
    reporter_.add(rule_, std::move(args), new_loc, old_loc);
  }

 private:
  Reporter& reporter_;
  std::string_view rule_;
};

using EnumValues = std::vector<const pb::EnumValueDescriptor*>;  // every name (aliases) for one number

// The levels of the walk. A row sets the pointer of the level it inspects;
// the walker calls it for every matched pair of that level.
struct Handlers {
  void (*image)(const Ctx&) = nullptr;  // once per comparison, with both whole images
  void (*file)(const Ctx&, const pb::FileDescriptor* old_file, const pb::FileDescriptor* new_file) = nullptr;
  void (*message)(const Ctx&, const pb::Descriptor* old_message, const pb::Descriptor* new_message) = nullptr;
  // Fields by number, and extensions by extendee and number.
  void (*field)(const Ctx&, const pb::FieldDescriptor* old_field, const pb::FieldDescriptor* new_field) = nullptr;
  void (*enumeration)(const Ctx&, const pb::EnumDescriptor* old_enum, const pb::EnumDescriptor* new_enum) = nullptr;
  void (*enum_value)(const Ctx&, const EnumValues& old_values, const EnumValues& new_values) = nullptr;
  void (*service)(const Ctx&, const pb::ServiceDescriptor* old_service, const pb::ServiceDescriptor* new_service) = nullptr;
  void (*method)(const Ctx&, const pb::MethodDescriptor* old_method, const pb::MethodDescriptor* new_method) = nullptr;
};

// One rule: its registry row and its handler.
struct Rule {
  RuleInfo info;
  Handlers on;
};

// The rows by area (rules_*.cpp), and all of them, sorted by id: the order
// proto_rule_table() lists them in and the walker runs them in
// (rule_table.cpp).
std::span<const Rule> file_rules();
std::span<const Rule> deletion_rules();
std::span<const Rule> message_rules();
std::span<const Rule> field_rules();
std::span<const Rule> enum_rules();
std::span<const Rule> service_rules();
std::span<const Rule> added_rules();
const std::vector<const Rule*>& all_rules();
// The rows behind rules picked from proto_rule_table() (select_rules).
std::vector<const Rule*> rows_of(const std::vector<const RuleInfo*>& selected);

// Runs the rows' handlers over every matched pair of the two versions.
void walk(const Image& old_image, const Image& new_image, std::span<const Rule* const> rules, Reporter& reporter);

// Shared wording.
std::string quoted(std::string_view s);
// buf's field description: `Field "2" with name "email" on message "User"` (or `Extension ...`).
std::string field_description(const pb::FieldDescriptor* field, bool with_name = true);
// The package of the file behind a location ("" when none).
std::string_view package_of(const Loc& loc);

}  // namespace accord::diff::proto
