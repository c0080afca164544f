// The pairing walker: finds each old element's counterpart in the new
// version and hands the pair to every enabled handler of that kind.
#include <map>

#include "diff/proto/rules.h"

namespace accord::diff::proto {

namespace {

std::optional<Place> place_for(const Image& image, const Loc& loc) {
  if (!loc.valid()) return std::nullopt;
  Place p;
  p.file = image.display_path(loc.file);
  p.pointer = loc.name;
  if (loc.file) {
    p.module_path = loc.file->name();
    p.package = loc.file->package();
  }
  position_of(loc, p.line, p.column);
  return p;
}

struct Buckets {
  std::vector<const RuleHandler*> image, file, message, field, enumeration, enum_value, service, method;
};

Buckets sort_by_kind(std::span<const RuleHandler* const> handlers) {
  Buckets b;
  for (const RuleHandler* h : handlers) {
    if (h->image) b.image.push_back(h);
    if (h->file) b.file.push_back(h);
    if (h->message) b.message.push_back(h);
    if (h->field) b.field.push_back(h);
    if (h->enumeration) b.enumeration.push_back(h);
    if (h->enum_value) b.enum_value.push_back(h);
    if (h->service) b.service.push_back(h);
    if (h->method) b.method.push_back(h);
  }
  return b;
}

std::map<int, EnumValues> values_by_number(const pb::EnumDescriptor* e) {
  std::map<int, EnumValues> out;
  for (int i = 0; i < e->value_count(); ++i) out[e->value(i)->number()].push_back(e->value(i));
  return out;
}

}  // namespace

void Reporter::add(std::string_view rule, std::vector<Arg> args, const Loc& new_loc, const Loc& old_loc) {
  Finding f;
  f.rule = std::string(rule);
  f.args = std::move(args);
  f.new_place = place_for(new_, new_loc);
  f.old_place = place_for(old_, old_loc);
  findings_.push_back(std::move(f));
}

std::string quoted(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

std::string field_description(const pb::FieldDescriptor* field, bool with_name) {
  std::string out = field->is_extension() ? "Extension " : "Field ";
  out += quoted(std::to_string(field->number()));
  if (with_name) out += " with name " + quoted(field->is_extension() ? field->full_name() : field->name());
  out += " on message ";
  out += quoted(field->is_extension() ? field->containing_type()->full_name() : field->containing_type()->name());
  return out;
}

std::string_view package_of(const Loc& loc) { return loc.file ? std::string_view(loc.file->package()) : std::string_view(); }

void walk(const Image& old_image, const Image& new_image, std::span<const RuleHandler* const> handlers,
          Reporter& reporter) {
  const Buckets b = sort_by_kind(handlers);
  auto ctx = [&](const RuleHandler* h) { return Ctx{old_image, new_image, reporter, h->id}; };
  const ImageIndex& oi = old_image.index();
  const ImageIndex& ni = new_image.index();

  for (const RuleHandler* h : b.image) h->image(ctx(h));

  if (!b.file.empty())
    for (const pb::FileDescriptor* of : old_image.files())
      if (auto it = ni.file_by_path.find(of->name()); it != ni.file_by_path.end())
        for (const RuleHandler* h : b.file) h->file(ctx(h), of, it->second);

  if (!b.message.empty() || !b.field.empty())
    for (const auto& [name, om] : oi.message_by_name) {
      auto it = ni.message_by_name.find(name);
      if (it == ni.message_by_name.end()) continue;
      const pb::Descriptor* nm = it->second;
      for (const RuleHandler* h : b.message) h->message(ctx(h), om, nm);
      if (b.field.empty()) continue;
      for (int i = 0; i < om->field_count(); ++i)
        if (const pb::FieldDescriptor* nf = nm->FindFieldByNumber(om->field(i)->number()))
          for (const RuleHandler* h : b.field) h->field(ctx(h), om->field(i), nf);
    }

  if (!b.field.empty())
    for (const auto& [extendee, by_number] : oi.extensions) {
      auto it = ni.extensions.find(extendee);
      if (it == ni.extensions.end()) continue;
      for (const auto& [number, oe] : by_number)
        if (auto found = it->second.find(number); found != it->second.end())
          for (const RuleHandler* h : b.field) h->field(ctx(h), oe, found->second);
    }

  if (!b.enumeration.empty() || !b.enum_value.empty())
    for (const auto& [name, oe] : oi.enum_by_name) {
      auto it = ni.enum_by_name.find(name);
      if (it == ni.enum_by_name.end()) continue;
      for (const RuleHandler* h : b.enumeration) h->enumeration(ctx(h), oe, it->second);
      if (b.enum_value.empty()) continue;
      auto new_values = values_by_number(it->second);
      for (const auto& [number, old_values] : values_by_number(oe))
        if (auto nv = new_values.find(number); nv != new_values.end())
          for (const RuleHandler* h : b.enum_value) h->enum_value(ctx(h), old_values, nv->second);
    }

  if (!b.service.empty() || !b.method.empty())
    for (const auto& [name, os] : oi.service_by_name) {
      auto it = ni.service_by_name.find(name);
      if (it == ni.service_by_name.end()) continue;
      for (const RuleHandler* h : b.service) h->service(ctx(h), os, it->second);
      for (int i = 0; i < os->method_count(); ++i)
        if (const pb::MethodDescriptor* nmeth = it->second->FindMethodByName(os->method(i)->name()))
          for (const RuleHandler* h : b.method) h->method(ctx(h), os->method(i), nmeth);
    }
}

const std::vector<const RuleHandler*>& all_rule_handlers() {
  static const std::vector<const RuleHandler*> all = [] {
    std::vector<const RuleHandler*> out;
    for (auto table : {file_rule_handlers(), deletion_rule_handlers(), message_rule_handlers(), field_rule_handlers(),
                       enum_rule_handlers(), service_rule_handlers(), added_rule_handlers()})
      for (const RuleHandler& h : table) out.push_back(&h);
    return out;
  }();
  return all;
}

}  // namespace accord::diff::proto
