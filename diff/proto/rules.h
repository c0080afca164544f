// What a proto rule handler sees: one matched old/new pair of one kind, and
// a way to report. The walker (walker.cpp) does the pairing, buf's way:
// files by path, messages/enums/services by full name, fields by number,
// extensions by extendee and number, enum values by number, RPCs by name.
#pragma once

#include <google/protobuf/descriptor.h>

#include <functional>
#include <span>
#include <string_view>
#include <vector>

#include "diff/model/finding.h"
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

struct Ctx {
  const Image& old_image;
  const Image& new_image;
  Reporter& reporter;
  std::string_view rule;
  void report(std::vector<Arg> args, const Loc& new_loc, const Loc& old_loc) const {
    reporter.add(rule, std::move(args), new_loc, old_loc);
  }
};

using EnumValues = std::vector<const pb::EnumValueDescriptor*>;  // every name (aliases) for one number

// A rule is one handler of one of these shapes (exactly one pointer set).
struct RuleHandler {
  std::string_view id;
  void (*image)(const Ctx&) = nullptr;
  void (*file)(const Ctx&, const pb::FileDescriptor* old_file, const pb::FileDescriptor* new_file) = nullptr;
  void (*message)(const Ctx&, const pb::Descriptor* old_message, const pb::Descriptor* new_message) = nullptr;
  void (*field)(const Ctx&, const pb::FieldDescriptor* old_field, const pb::FieldDescriptor* new_field) = nullptr;
  void (*enumeration)(const Ctx&, const pb::EnumDescriptor* old_enum, const pb::EnumDescriptor* new_enum) = nullptr;
  void (*enum_value)(const Ctx&, const EnumValues& old_values, const EnumValues& new_values) = nullptr;
  void (*service)(const Ctx&, const pb::ServiceDescriptor* old_service, const pb::ServiceDescriptor* new_service) = nullptr;
  void (*method)(const Ctx&, const pb::MethodDescriptor* old_method, const pb::MethodDescriptor* new_method) = nullptr;
};

// Handlers by area (rules_*.cpp), and all of them.
std::span<const RuleHandler> file_rule_handlers();
std::span<const RuleHandler> deletion_rule_handlers();
std::span<const RuleHandler> message_rule_handlers();
std::span<const RuleHandler> field_rule_handlers();
std::span<const RuleHandler> enum_rule_handlers();
std::span<const RuleHandler> service_rule_handlers();
std::span<const RuleHandler> added_rule_handlers();
const std::vector<const RuleHandler*>& all_rule_handlers();

// Runs the handlers over every matched pair of the two versions.
void walk(const Image& old_image, const Image& new_image, std::span<const RuleHandler* const> handlers,
          Reporter& reporter);

// Shared wording.
std::string quoted(std::string_view s);
// buf's field description: `Field "2" with name "email" on message "User"` (or `Extension ...`).
std::string field_description(const pb::FieldDescriptor* field, bool with_name = true);
// The package of the file behind a location ("" when none).
std::string_view package_of(const Loc& loc);

}  // namespace accord::diff::proto
