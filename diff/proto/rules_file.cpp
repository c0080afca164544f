// File-level rules: deleted files and packages, and the file's syntax,
// package and language options staying the same.
#include <google/protobuf/descriptor.pb.h>

#include <algorithm>
#include <set>

#include "diff/proto/rules.h"

namespace accord::diff::proto {

namespace {

constexpr Severity E = Severity::error;
constexpr Format F = Format::proto;

// A file option, or the whole file when the option is not written.
Loc option_loc(const pb::FileDescriptor* file, int field_number) {
  Loc opt = loc_of(file).sub({tag::kFileOptions, field_number});
  return has_position(opt) ? opt : loc_of(file);
}

std::string bool_text(bool b) { return b ? "true" : "false"; }

void report_changed(const Ctx& c, const std::string& what, const std::string& old_value, const std::string& new_value,
                    const Loc& new_loc, const Loc& old_loc) {
  if (old_value == new_value) return;
  c.report({{"what", what}, {"old", old_value}, {"new", new_value}}, new_loc, old_loc);
}

// One handler per file option, all the same shape.
template <int kField, std::string (*kValue)(const pb::FileOptions&)>
void same_file_option(const Ctx& c, const pb::FileDescriptor* o, const pb::FileDescriptor* n) {
  const std::string name = pb::FileOptions::descriptor()->FindFieldByNumber(kField)->name();
  report_changed(c, "option " + quoted(name), kValue(o->options()), kValue(n->options()), option_loc(n, kField),
                 option_loc(o, kField));
}

std::string cc_enable_arenas(const pb::FileOptions& o) { return bool_text(o.cc_enable_arenas()); }
std::string cc_generic_services(const pb::FileOptions& o) { return bool_text(o.cc_generic_services()); }
std::string csharp_namespace(const pb::FileOptions& o) { return o.csharp_namespace(); }
std::string go_package(const pb::FileOptions& o) { return o.go_package(); }
std::string java_generic_services(const pb::FileOptions& o) { return bool_text(o.java_generic_services()); }
std::string java_multiple_files(const pb::FileOptions& o) { return bool_text(o.java_multiple_files()); }
std::string java_outer_classname(const pb::FileOptions& o) { return o.java_outer_classname(); }
std::string java_package(const pb::FileOptions& o) { return o.java_package(); }
std::string objc_class_prefix(const pb::FileOptions& o) { return o.objc_class_prefix(); }
std::string optimize_for(const pb::FileOptions& o) { return pb::FileOptions::OptimizeMode_Name(o.optimize_for()); }
std::string php_class_prefix(const pb::FileOptions& o) { return o.php_class_prefix(); }
std::string php_metadata_namespace(const pb::FileOptions& o) { return o.php_metadata_namespace(); }
std::string php_namespace(const pb::FileOptions& o) { return o.php_namespace(); }
std::string py_generic_services(const pb::FileOptions& o) { return bool_text(o.py_generic_services()); }
std::string ruby_package(const pb::FileOptions& o) { return o.ruby_package(); }
std::string swift_prefix(const pb::FileOptions& o) { return o.swift_prefix(); }

void file_same_syntax(const Ctx& c, const pb::FileDescriptor* o, const pb::FileDescriptor* n) {
  auto syntax_loc = [](const pb::FileDescriptor* f) {
    Loc l = loc_of(f).sub({tag::kFileSyntax});
    return has_position(l) ? l : loc_of(f);
  };
  report_changed(c, "syntax", pb::FileDescriptor::SyntaxName(o->syntax()), pb::FileDescriptor::SyntaxName(n->syntax()),
                 syntax_loc(n), syntax_loc(o));
}

void file_same_package(const Ctx& c, const pb::FileDescriptor* o, const pb::FileDescriptor* n) {
  auto package_loc = [](const pb::FileDescriptor* f) {
    Loc l = loc_of(f).sub({tag::kFilePackage});
    return has_position(l) ? l : loc_of(f);
  };
  report_changed(c, "package", o->package(), n->package(), package_loc(n), package_loc(o));
}

void file_no_delete(const Ctx& c) {
  const auto& now = c.new_image.index().file_by_path;
  for (const pb::FileDescriptor* of : c.old_image.files())
    if (!now.count(of->name())) c.report({{"file", of->name()}}, Loc{}, loc_of(of));
}

void package_no_delete(const Ctx& c) {
  const auto& now = c.new_image.index().files_by_package;
  for (const auto& [package, files] : c.old_image.index().files_by_package) {
    if (now.count(package)) continue;
    // Attach the first old file (by path) so ignores by path and unstable package apply.
    const pb::FileDescriptor* first = *std::min_element(files.begin(), files.end(),
                                                        [](auto* a, auto* b) { return a->name() < b->name(); });
    c.report({{"package", std::string(package)}}, Loc{}, loc_of(first));
  }
}

const Rule kRules[] = {
    {{"proto.file-no-delete", F, E, "CSR,FILE",
      "Files are not deleted.",
      "Previously present file \"{file}\" was deleted."},
     {.image = file_no_delete}},
    {{"proto.package-no-delete", F, E, "PACKAGE",
      "Packages are not deleted.",
      "Previously present package \"{package}\" was deleted."},
     {.image = package_no_delete}},
    {{"proto.file-same-syntax", F, E, "CSR,FILE,PACKAGE",
      "Files keep their syntax.",
      "File {what} changed from \"{old}\" to \"{new}\"."},
     {.file = file_same_syntax}},
    {{"proto.file-same-package", F, E, "CSR,FILE,PACKAGE,WIRE_JSON,WIRE",
      "Files keep their package.",
      "File {what} changed from \"{old}\" to \"{new}\"."},
     {.file = file_same_package}},
    {{"proto.file-same-cc-enable-arenas", F, E, "FILE,PACKAGE",
      "Files keep option cc_enable_arenas.",
      "File {what} changed from \"{old}\" to \"{new}\"."},
     {.file = same_file_option<31, cc_enable_arenas>}},
    {{"proto.file-same-cc-generic-services", F, E, "FILE,PACKAGE",
      "Files keep option cc_generic_services.",
      "File {what} changed from \"{old}\" to \"{new}\"."},
     {.file = same_file_option<16, cc_generic_services>}},
    {{"proto.file-same-csharp-namespace", F, E, "FILE,PACKAGE",
      "Files keep option csharp_namespace.",
      "File {what} changed from \"{old}\" to \"{new}\"."},
     {.file = same_file_option<37, csharp_namespace>}},
    {{"proto.file-same-go-package", F, E, "FILE,PACKAGE",
      "Files keep option go_package.",
      "File {what} changed from \"{old}\" to \"{new}\"."},
     {.file = same_file_option<11, go_package>}},
    {{"proto.file-same-java-generic-services", F, E, "FILE,PACKAGE",
      "Files keep option java_generic_services.",
      "File {what} changed from \"{old}\" to \"{new}\"."},
     {.file = same_file_option<17, java_generic_services>}},
    {{"proto.file-same-java-multiple-files", F, E, "FILE,PACKAGE",
      "Files keep option java_multiple_files.",
      "File {what} changed from \"{old}\" to \"{new}\"."},
     {.file = same_file_option<10, java_multiple_files>}},
    {{"proto.file-same-java-outer-classname", F, E, "FILE,PACKAGE",
      "Files keep option java_outer_classname.",
      "File {what} changed from \"{old}\" to \"{new}\"."},
     {.file = same_file_option<8, java_outer_classname>}},
    {{"proto.file-same-java-package", F, E, "FILE,PACKAGE",
      "Files keep option java_package.",
      "File {what} changed from \"{old}\" to \"{new}\"."},
     {.file = same_file_option<1, java_package>}},
    {{"proto.file-same-objc-class-prefix", F, E, "FILE,PACKAGE",
      "Files keep option objc_class_prefix.",
      "File {what} changed from \"{old}\" to \"{new}\"."},
     {.file = same_file_option<36, objc_class_prefix>}},
    {{"proto.file-same-optimize-for", F, E, "FILE,PACKAGE",
      "Files keep option optimize_for.",
      "File {what} changed from \"{old}\" to \"{new}\"."},
     {.file = same_file_option<9, optimize_for>}},
    {{"proto.file-same-php-class-prefix", F, E, "FILE,PACKAGE",
      "Files keep option php_class_prefix.",
      "File {what} changed from \"{old}\" to \"{new}\"."},
     {.file = same_file_option<40, php_class_prefix>}},
    {{"proto.file-same-php-metadata-namespace", F, E, "FILE,PACKAGE",
      "Files keep option php_metadata_namespace.",
      "File {what} changed from \"{old}\" to \"{new}\"."},
     {.file = same_file_option<44, php_metadata_namespace>}},
    {{"proto.file-same-php-namespace", F, E, "FILE,PACKAGE",
      "Files keep option php_namespace.",
      "File {what} changed from \"{old}\" to \"{new}\"."},
     {.file = same_file_option<41, php_namespace>}},
    {{"proto.file-same-py-generic-services", F, E, "FILE,PACKAGE",
      "Files keep option py_generic_services.",
      "File {what} changed from \"{old}\" to \"{new}\"."},
     {.file = same_file_option<18, py_generic_services>}},
    {{"proto.file-same-ruby-package", F, E, "FILE,PACKAGE",
      "Files keep option ruby_package.",
      "File {what} changed from \"{old}\" to \"{new}\"."},
     {.file = same_file_option<45, ruby_package>}},
    {{"proto.file-same-swift-prefix", F, E, "FILE,PACKAGE",
      "Files keep option swift_prefix.",
      "File {what} changed from \"{old}\" to \"{new}\"."},
     {.file = same_file_option<39, swift_prefix>}},
};

}  // namespace

std::span<const Rule> file_rules() { return kRules; }

}  // namespace accord::diff::proto
