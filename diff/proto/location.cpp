#include "diff/proto/location.h"

namespace accord::diff::proto {

Loc Loc::sub(std::initializer_list<int> more) const {
  Loc out = *this;
  out.path.insert(out.path.end(), more);
  return out;
}

// A file is named by its path: two files of one package are different places.
Loc loc_of(const pb::FileDescriptor* file) { return Loc{file, {}, file->name()}; }

Loc loc_of(const pb::Descriptor* message) {
  Loc loc;
  if (const pb::Descriptor* parent = message->containing_type()) {
    loc = loc_of(parent);
    loc.path.insert(loc.path.end(), {tag::kMessageNested, message->index()});
  } else {
    loc.file = message->file();
    loc.path = {tag::kFileMessage, message->index()};
  }
  loc.name = message->full_name();
  return loc;
}

Loc loc_of(const pb::FieldDescriptor* field) {
  Loc loc;
  if (field->is_extension()) {
    if (const pb::Descriptor* scope = field->extension_scope()) {
      loc = loc_of(scope);
      loc.path.insert(loc.path.end(), {tag::kMessageExtension, field->index()});
    } else {
      loc.file = field->file();
      loc.path = {tag::kFileExtension, field->index()};
    }
  } else {
    loc = loc_of(field->containing_type());
    loc.path.insert(loc.path.end(), {tag::kMessageField, field->index()});
  }
  loc.name = field->full_name();
  return loc;
}

Loc loc_of(const pb::OneofDescriptor* oneof) {
  Loc loc = loc_of(oneof->containing_type());
  loc.path.insert(loc.path.end(), {tag::kMessageOneof, oneof->index()});
  loc.name = oneof->full_name();
  return loc;
}

Loc loc_of(const pb::EnumDescriptor* e) {
  Loc loc;
  if (const pb::Descriptor* parent = e->containing_type()) {
    loc = loc_of(parent);
    loc.path.insert(loc.path.end(), {tag::kMessageEnum, e->index()});
  } else {
    loc.file = e->file();
    loc.path = {tag::kFileEnum, e->index()};
  }
  loc.name = e->full_name();
  return loc;
}

Loc loc_of(const pb::EnumValueDescriptor* v) {
  Loc loc = loc_of(v->type());
  loc.path.insert(loc.path.end(), {tag::kEnumValue, v->index()});
  loc.name = v->full_name();
  return loc;
}

Loc loc_of(const pb::ServiceDescriptor* s) { return Loc{s->file(), {tag::kFileService, s->index()}, s->full_name()}; }

Loc loc_of(const pb::MethodDescriptor* m) {
  Loc loc = loc_of(m->service());
  loc.path.insert(loc.path.end(), {tag::kServiceMethod, m->index()});
  loc.name = m->full_name();
  return loc;
}

bool position_of(const Loc& loc, uint32_t& line, uint32_t& column) {
  if (!loc.file || loc.path.empty()) return false;
  pb::SourceLocation sl;
  if (!loc.file->GetSourceLocation(loc.path, &sl)) return false;
  line = static_cast<uint32_t>(sl.start_line + 1);
  column = static_cast<uint32_t>(sl.start_column + 1);
  return true;
}

bool has_position(const Loc& loc) {
  uint32_t l = 0, c = 0;
  return position_of(loc, l, c);
}

Loc first_present(std::initializer_list<Loc> candidates) {
  for (const Loc& c : candidates)
    if (has_position(c)) return c;
  return candidates.size() ? *(candidates.end() - 1) : Loc{};
}

}  // namespace accord::diff::proto
