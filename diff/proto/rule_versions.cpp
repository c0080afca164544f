#include "diff/proto/rule_versions.h"

#include <algorithm>
#include <cctype>

namespace accord::diff::proto {

namespace {

constexpr std::string_view kOnlyInV2[] = {"proto.field-same-default", "proto.extension-no-delete",
                                          "proto.package-extension-no-delete"};

struct Deprecated {
  std::string_view buf_id;
  std::vector<std::string_view> replacements;
};

// v1's deprecated IDs that have replacements (buf 1.75; v2 knows none of them).
const std::vector<Deprecated>& deprecated_in_v1() {
  static const std::vector<Deprecated> table{
      {"FIELD_SAME_CTYPE", {"proto.field-same-cpp-string-type"}},
      {"FIELD_SAME_LABEL",
       {"proto.field-same-cardinality", "proto.field-wire-compatible-cardinality",
        "proto.field-wire-json-compatible-cardinality"}},
      {"FILE_SAME_JAVA_STRING_CHECK_UTF8", {"proto.field-same-java-utf8-validation"}},
  };
  return table;
}

// FIELD_SAME_CTYPE, field-same-ctype and proto.field-same-ctype are one name.
std::string buf_spelling(std::string_view name) {
  std::string s(name.rfind("proto.", 0) == 0 ? name.substr(6) : name);
  for (char& ch : s) ch = ch == '-' ? '_' : static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  return s;
}

}  // namespace

bool in_version(const RuleInfo& rule, const std::string& version) {
  return version != "v1" || std::find(std::begin(kOnlyInV2), std::end(kOnlyInV2), rule.id) == std::end(kOnlyInV2);
}

bool in_category(const RuleInfo& rule, std::string_view category, const std::string& version) {
  if (!in_version(rule, version) || (version == "v1" && category == "CSR")) return false;
  return has_category(rule, category);
}

const std::vector<std::string_view>* replacements_of(std::string_view name, const std::string& version) {
  if (version != "v1") return nullptr;
  const std::string spelled = buf_spelling(name);
  for (const Deprecated& d : deprecated_in_v1())
    if (d.buf_id == spelled) return &d.replacements;
  return nullptr;
}

std::string deprecation_warning(std::string_view name, const std::string& config_source) {
  const std::vector<std::string_view>* replaced = replacements_of(name, "v1");
  std::string list;
  for (std::string_view id : *replaced)
    list += (list.empty() ? "" : ", ") + std::string(id) + " (" + buf_spelling(id) + ")";
  return (config_source.empty() ? std::string("buf.yaml") : config_source) + ": rule " + buf_spelling(name) +
         " is deprecated; it has been replaced by " + (replaced->size() > 1 ? "rules " : "rule ") + list +
         ", which it still runs";
}

}  // namespace accord::diff::proto
