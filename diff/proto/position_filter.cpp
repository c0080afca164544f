// On googleapis most of SourceCodeInfo is comments and the positions of
// names, numbers and labels no finding uses; the pool copies all of it once
// and, for every file with options, a second time. Keeping only what
// location.h can ask for saves that work and the memory.
#include "diff/proto/position_filter.h"

#include "diff/proto/location.h"

namespace accord::diff::proto {

namespace {

namespace pb = google::protobuf;

// Where a path has got to in descriptor.proto. Field numbers below are
// descriptor.proto's; the parts that findings point at come from location.h.
constexpr int kUninterpretedOption = 999;  // every *Options message's uninterpreted_option

enum class At { file, message, extension_range, field, enumeration, enum_value, service, method, oneof };

struct Step {
  enum Kind { element, options, part, other } kind;
  At next = At::file;  // for element
};

// What field `number` of the message at `at` is.
Step step(At at, int number) {
  switch (at) {
    case At::file:
      if (number == tag::kFileMessage) return {Step::element, At::message};
      if (number == tag::kFileEnum) return {Step::element, At::enumeration};
      if (number == tag::kFileService) return {Step::element, At::service};
      if (number == tag::kFileExtension) return {Step::element, At::field};
      if (number == tag::kFileOptions) return {Step::options};
      if (number == tag::kFilePackage || number == tag::kFileSyntax) return {Step::part};
      return {Step::other};
    case At::message:
      if (number == tag::kMessageField || number == tag::kMessageExtension) return {Step::element, At::field};
      if (number == tag::kMessageNested) return {Step::element, At::message};
      if (number == tag::kMessageEnum) return {Step::element, At::enumeration};
      if (number == tag::kMessageOneof) return {Step::element, At::oneof};
      if (number == 5) return {Step::element, At::extension_range};
      if (number == tag::kMessageOptions) return {Step::options};
      return {Step::other};
    case At::extension_range:
      return {number == 3 ? Step::options : Step::other};
    case At::field:
      if (number == tag::kFieldOptions) return {Step::options};
      if (number == tag::kFieldName || number == tag::kFieldType || number == tag::kFieldTypeName ||
          number == tag::kFieldDefault || number == tag::kFieldJsonName)
        return {Step::part};
      return {Step::other};
    case At::enumeration:
      if (number == tag::kEnumValue) return {Step::element, At::enum_value};
      return {number == 3 ? Step::options : Step::other};
    case At::enum_value:
      if (number == tag::kEnumValueNumber) return {Step::part};
      return {number == 3 ? Step::options : Step::other};
    case At::service:
      if (number == tag::kServiceMethod) return {Step::element, At::method};
      return {number == 3 ? Step::options : Step::other};
    case At::method:
      if (number == tag::kMethodInput || number == tag::kMethodOutput) return {Step::part};
      return {number == tag::kMethodOptions ? Step::options : Step::other};
    case At::oneof:
      return {number == 2 ? Step::options : Step::other};
  }
  return {Step::other};
}

// Paths alternate field number and index for repeated (element) fields.
bool is_kept(const pb::SourceCodeInfo::Location& location) {
  const auto& path = location.path();
  At at = At::file;
  for (int i = 0; i < path.size(); i += 2) {
    Step s = step(at, path[i]);
    if (s.kind == Step::options) {
      // An option as written is [options, 999, index]; the pool rewrites that
      // path to the option's field and drops everything below it (its name
      // parts and value), so those go now.
      const int below = path.size() - (i + 1);
      return below < 1 || path[i + 1] != kUninterpretedOption || below == 2;
    }
    if (s.kind == Step::part) return i + 1 == path.size();
    if (s.kind == Step::other) return false;
    if (i + 1 == path.size()) return false;  // the whole list, never asked for
    at = s.next;
  }
  return at != At::extension_range;
}

}  // namespace

void keep_queried_positions(pb::SourceCodeInfo& info) {
  auto* locations = info.mutable_location();
  int kept = 0;
  for (int i = 0; i < locations->size(); ++i) {
    if (!is_kept(locations->Get(i))) continue;
    if (kept != i) locations->SwapElements(kept, i);
    pb::SourceCodeInfo::Location& location = *locations->Mutable(kept++);
    location.clear_leading_comments();
    location.clear_trailing_comments();
    location.clear_leading_detached_comments();
  }
  locations->DeleteSubrange(kept, locations->size() - kept);
}

}  // namespace accord::diff::proto
