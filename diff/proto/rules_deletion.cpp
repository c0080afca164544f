// Deleted declarations: enums, messages, extensions and services, missing
// from the same file (FILE category) or from the whole package (PACKAGE).
// Names are compared without the package ("nested names"), as buf does.
#include <unordered_map>

#include "diff/proto/rules.h"

namespace accord::diff::proto {

namespace {

constexpr Severity E = Severity::error;
constexpr Format F = Format::proto;

std::string nested_name(const std::string& full_name, const std::string& package) {
  return package.empty() ? full_name : full_name.substr(package.size() + 1);
}

// Every declaration of one kind in a file, by nested name.
template <class D>
using ByNested = std::unordered_map<std::string, const D*>;

void collect(const pb::Descriptor* m, ByNested<pb::Descriptor>& msgs, ByNested<pb::EnumDescriptor>& enums,
             ByNested<pb::FieldDescriptor>& exts, const std::string& pkg) {
  msgs.emplace(nested_name(m->full_name(), pkg), m);
  for (int i = 0; i < m->enum_type_count(); ++i) enums.emplace(nested_name(m->enum_type(i)->full_name(), pkg), m->enum_type(i));
  for (int i = 0; i < m->extension_count(); ++i) exts.emplace(nested_name(m->extension(i)->full_name(), pkg), m->extension(i));
  for (int i = 0; i < m->nested_type_count(); ++i) collect(m->nested_type(i), msgs, enums, exts, pkg);
}

struct Declarations {
  ByNested<pb::Descriptor> messages;
  ByNested<pb::EnumDescriptor> enums;
  ByNested<pb::FieldDescriptor> extensions;
  ByNested<pb::ServiceDescriptor> services;
};

void add_file(const pb::FileDescriptor* f, Declarations& d) {
  const std::string& pkg = f->package();
  for (int i = 0; i < f->message_type_count(); ++i) collect(f->message_type(i), d.messages, d.enums, d.extensions, pkg);
  for (int i = 0; i < f->enum_type_count(); ++i) d.enums.emplace(nested_name(f->enum_type(i)->full_name(), pkg), f->enum_type(i));
  for (int i = 0; i < f->extension_count(); ++i)
    d.extensions.emplace(nested_name(f->extension(i)->full_name(), pkg), f->extension(i));
  for (int i = 0; i < f->service_count(); ++i) d.services.emplace(f->service(i)->name(), f->service(i));
}

Declarations declarations_of(const pb::FileDescriptor* f) {
  Declarations d;
  add_file(f, d);
  return d;
}

// Where a deletion shows in the new file: the closest enclosing message that
// still exists, else the file itself.
Loc deleted_at(const pb::FileDescriptor* new_file, const ByNested<pb::Descriptor>& new_messages,
               const std::string& nested) {
  for (size_t dot = nested.rfind('.'); dot != std::string::npos; dot = nested.rfind('.', dot - 1)) {
    if (auto it = new_messages.find(nested.substr(0, dot)); it != new_messages.end()) return loc_of(it->second);
    if (dot == 0) break;
  }
  return loc_of(new_file);
}

template <class D>
void report_missing_in_file(const Ctx& c, const ByNested<D>& before, const ByNested<D>& after,
                            const pb::FileDescriptor* new_file, const ByNested<pb::Descriptor>& new_messages) {
  for (const auto& [name, old_decl] : before)
    if (!after.count(name)) c.report({{"name", name}}, deleted_at(new_file, new_messages, name), loc_of(old_decl));
}

void enum_no_delete(const Ctx& c, const pb::FileDescriptor* o, const pb::FileDescriptor* n) {
  Declarations before = declarations_of(o), after = declarations_of(n);
  report_missing_in_file(c, before.enums, after.enums, n, after.messages);
}

void message_no_delete(const Ctx& c, const pb::FileDescriptor* o, const pb::FileDescriptor* n) {
  Declarations before = declarations_of(o), after = declarations_of(n);
  report_missing_in_file(c, before.messages, after.messages, n, after.messages);
}

void extension_no_delete(const Ctx& c, const pb::FileDescriptor* o, const pb::FileDescriptor* n) {
  Declarations before = declarations_of(o), after = declarations_of(n);
  report_missing_in_file(c, before.extensions, after.extensions, n, after.messages);
}

void service_no_delete(const Ctx& c, const pb::FileDescriptor* o, const pb::FileDescriptor* n) {
  Declarations before = declarations_of(o), after = declarations_of(n);
  for (const auto& [name, old_service] : before.services)
    if (!after.services.count(name)) c.report({{"name", name}}, loc_of(n), loc_of(old_service));
}

// Package-wide: declarations of every file of each package that still exists.
std::unordered_map<std::string, Declarations> by_package(const Image& image) {
  std::unordered_map<std::string, Declarations> out;
  for (const pb::FileDescriptor* f : image.files()) add_file(f, out[f->package()]);
  return out;
}

template <class D>
void report_missing_in_package(const Ctx& c, const std::string& package, const ByNested<D>& before,
                               const ByNested<D>& after, bool attach_to_parent) {
  const auto& new_files = c.new_image.index().file_by_path;
  for (const auto& [name, old_decl] : before) {
    if (after.count(name)) continue;
    Loc new_loc;
    if (auto it = new_files.find(old_decl->file()->name()); it != new_files.end()) {
      if (attach_to_parent) {
        Declarations in_file = declarations_of(it->second);
        new_loc = deleted_at(it->second, in_file.messages, name);
      } else {
        new_loc = loc_of(it->second);
      }
    }
    c.report({{"name", name}, {"package", package}}, new_loc, loc_of(old_decl));
  }
}

template <int kKind>
void package_declaration_no_delete(const Ctx& c) {
  auto before = by_package(c.old_image);
  auto after = by_package(c.new_image);
  for (const auto& [package, old_decls] : before) {
    auto it = after.find(package);
    if (it == after.end()) continue;  // the whole package is gone: package-no-delete says so
    const Declarations& new_decls = it->second;
    if constexpr (kKind == 0) report_missing_in_package(c, package, old_decls.enums, new_decls.enums, true);
    if constexpr (kKind == 1) report_missing_in_package(c, package, old_decls.messages, new_decls.messages, true);
    if constexpr (kKind == 2) report_missing_in_package(c, package, old_decls.extensions, new_decls.extensions, true);
    if constexpr (kKind == 3) report_missing_in_package(c, package, old_decls.services, new_decls.services, false);
  }
}

const Rule kRules[] = {
    {{"proto.enum-no-delete", F, E, "CSR,FILE",
      "Enums are not deleted from a file.",
      "Previously present enum \"{name}\" was deleted from file."},
     {.file = enum_no_delete}},
    {{"proto.message-no-delete", F, E, "CSR,FILE",
      "Messages are not deleted from a file.",
      "Previously present message \"{name}\" was deleted from file."},
     {.file = message_no_delete}},
    {{"proto.extension-no-delete", F, E, "FILE",
      "Extensions are not deleted from a file.",
      "Previously present extension \"{name}\" was deleted from file."},
     {.file = extension_no_delete}},
    {{"proto.service-no-delete", F, E, "FILE",
      "Services are not deleted from a file.",
      "Previously present service \"{name}\" was deleted from file."},
     {.file = service_no_delete}},
    {{"proto.package-enum-no-delete", F, E, "PACKAGE",
      "Enums are not deleted from a package.",
      "Previously present enum \"{name}\" was deleted from package \"{package}\"."},
     {.image = package_declaration_no_delete<0>}},
    {{"proto.package-message-no-delete", F, E, "PACKAGE",
      "Messages are not deleted from a package.",
      "Previously present message \"{name}\" was deleted from package \"{package}\"."},
     {.image = package_declaration_no_delete<1>}},
    {{"proto.package-extension-no-delete", F, E, "PACKAGE",
      "Extensions are not deleted from a package.",
      "Previously present extension \"{name}\" was deleted from package \"{package}\"."},
     {.image = package_declaration_no_delete<2>}},
    {{"proto.package-service-no-delete", F, E, "PACKAGE",
      "Services are not deleted from a package.",
      "Previously present service \"{name}\" was deleted from package \"{package}\"."},
     {.image = package_declaration_no_delete<3>}},
};

}  // namespace

std::span<const Rule> deletion_rules() { return kRules; }

}  // namespace accord::diff::proto
