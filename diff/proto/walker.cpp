// The pairing walker: finds each old element's counterpart in the new
// version and, at each pair, runs the handler of every selected row of that
// level (rules.h); it never calls a rule by name.
#include <map>

#include "diff/model/handler_rows.h"
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

// The selected rows by level, grouped once per comparison so that a level no
// row looks at is not even paired.
struct Levels {
  explicit Levels(std::span<const Rule* const> rules)
      : image(rows_at<&Handlers::image>(rules)),
        file(rows_at<&Handlers::file>(rules)),
        message(rows_at<&Handlers::message>(rules)),
        field(rows_at<&Handlers::field>(rules)),
        enumeration(rows_at<&Handlers::enumeration>(rules)),
        enum_value(rows_at<&Handlers::enum_value>(rules)),
        service(rows_at<&Handlers::service>(rules)),
        method(rows_at<&Handlers::method>(rules)) {}
  std::vector<const Rule*> image, file, message, field, enumeration, enum_value, service, method;
};

std::map<int, EnumValues> values_by_number(const pb::EnumDescriptor* e) {
  std::map<int, EnumValues> out;
  for (int i = 0; i < e->value_count(); ++i) out[e->value(i)->number()].push_back(e->value(i));
  return out;
}

// One comparison's walk: each level's pairs, handed to that level's rows.
class Walk {
 public:
  Walk(const Image& old_image, const Image& new_image, std::span<const Rule* const> rules, Reporter& reporter)
      : old_(old_image), new_(new_image), reporter_(reporter), rows_(rules) {}

  void images() const { run<&Handlers::image>(rows_.image); }

  void files() const {
    if (rows_.file.empty()) return;
    const auto& new_files = new_.index().file_by_path;
    for (const pb::FileDescriptor* of : old_.files())
      if (auto it = new_files.find(of->name()); it != new_files.end()) run<&Handlers::file>(rows_.file, of, it->second);
  }

  // Messages by full name, and their fields by number.
  void messages() const {
    if (rows_.message.empty() && rows_.field.empty()) return;
    const auto& new_messages = new_.index().message_by_name;
    for (const auto& [name, om] : old_.index().message_by_name) {
      auto it = new_messages.find(name);
      if (it == new_messages.end()) continue;
      const pb::Descriptor* nm = it->second;
      run<&Handlers::message>(rows_.message, om, nm);
      if (rows_.field.empty()) continue;
      for (int i = 0; i < om->field_count(); ++i)
        if (const pb::FieldDescriptor* nf = nm->FindFieldByNumber(om->field(i)->number()))
          run<&Handlers::field>(rows_.field, om->field(i), nf);
    }
  }

  // Extensions are fields too, paired by extendee and number.
  void extensions() const {
    if (rows_.field.empty()) return;
    const auto& new_extensions = new_.index().extensions;
    for (const auto& [extendee, by_number] : old_.index().extensions) {
      auto it = new_extensions.find(extendee);
      if (it == new_extensions.end()) continue;
      for (const auto& [number, oe] : by_number)
        if (auto found = it->second.find(number); found != it->second.end())
          run<&Handlers::field>(rows_.field, oe, found->second);
    }
  }

  // Enums by full name, and their values by number (aliases together).
  void enums() const {
    if (rows_.enumeration.empty() && rows_.enum_value.empty()) return;
    const auto& new_enums = new_.index().enum_by_name;
    for (const auto& [name, oe] : old_.index().enum_by_name) {
      auto it = new_enums.find(name);
      if (it == new_enums.end()) continue;
      run<&Handlers::enumeration>(rows_.enumeration, oe, it->second);
      if (rows_.enum_value.empty()) continue;
      auto new_values = values_by_number(it->second);
      for (const auto& [number, old_values] : values_by_number(oe))
        if (auto nv = new_values.find(number); nv != new_values.end())
          run<&Handlers::enum_value>(rows_.enum_value, old_values, nv->second);
    }
  }

  // Services by full name, and their RPCs by name.
  void services() const {
    if (rows_.service.empty() && rows_.method.empty()) return;
    const auto& new_services = new_.index().service_by_name;
    for (const auto& [name, os] : old_.index().service_by_name) {
      auto it = new_services.find(name);
      if (it == new_services.end()) continue;
      run<&Handlers::service>(rows_.service, os, it->second);
      for (int i = 0; i < os->method_count(); ++i)
        if (const pb::MethodDescriptor* nm = it->second->FindMethodByName(os->method(i)->name()))
          run<&Handlers::method>(rows_.method, os->method(i), nm);
    }
  }

 private:
  // Hands one pair to each row's handler at `Level`, under that row's id.
  template <auto Level, class... A>
  void run(const std::vector<const Rule*>& rows, const A&... args) const {
    for (const Rule* rule : rows) (rule->on.*Level)(Ctx(old_, new_, reporter_, rule->info.id), args...);
  }

  const Image& old_;
  const Image& new_;
  Reporter& reporter_;
  const Levels rows_;
};

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

void walk(const Image& old_image, const Image& new_image, std::span<const Rule* const> rules, Reporter& reporter) {
  const Walk pairs(old_image, new_image, rules, reporter);
  pairs.images();
  pairs.files();
  pairs.messages();
  pairs.extensions();
  pairs.enums();
  pairs.services();
}

}  // namespace accord::diff::proto
