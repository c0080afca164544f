// The property-level handlers (checks.h): one property paired by name
// between two objects, either side possibly absent. The walker (pairing.cpp)
// pairs the properties and recurses into a pair both sides carry.
#include "diff/schema/checks.h"

namespace accord::diff::schema_detail {

using PropertyReport = WalkReporter<PropertyPair>;

// Added or removed: one side has the property. What a removal breaks
// depends on the direction: a request property removed from an object
// rejecting unknown ones is now refused; a response property is read
// whether `required` lists it or not.
void property_presence(const PropertyPair& p, const PropertyReport& report) {
  if (!p.old_s && p.new_s) {
    if (p.ignored(p.new_s)) return;
    return report(p.request() && p.is_required() ? "required-property-added" : "property-added", &p.old_object,
                  p.new_s);
  }
  if (!p.old_s || p.new_s || p.ignored(p.old_s)) return;
  if (p.request()) {
    bool rejects_unknown = p.new_object.additional == core::Schema::Additional::forbidden;
    return report(rejects_unknown ? "property-removed-rejected" : "property-removed", p.old_s, &p.new_object);
  }
  report(p.was_required() ? "property-removed" : "optional-property-removed", p.old_s, &p.new_object);
}

// Became required / optional: a property both sides carry, or a name only
// `required` lists on either side (then placed at the objects).
void property_requiredness(const PropertyPair& p, const PropertyReport& report) {
  bool both = p.old_s && p.new_s;
  if (both ? p.ignored(p.old_s) || p.ignored(p.new_s) : p.old_s || p.new_s) return;
  const core::Schema* old_place = both ? p.old_s : &p.old_object;
  const core::Schema* new_place = both ? p.new_s : &p.new_object;
  bool was = p.was_required(), is = p.is_required();
  if (!was && is) report("property-became-required", old_place, new_place);
  if (was && !is) report("property-became-optional", old_place, new_place);
}

// One side readOnly (request) / writeOnly (response), the other not: the
// direction starts or stops carrying the property.
void property_visibility(const PropertyPair& p, const PropertyReport& report) {
  if (!p.old_s || !p.new_s) return;
  bool old_ignored = p.ignored(p.old_s), new_ignored = p.ignored(p.new_s);
  if (old_ignored == new_ignored) return;
  if (p.request()) {
    if (p.new_s->read_only) return report("property-became-read-only", p.old_s, p.new_s);
    return report(p.is_required() ? "required-property-became-not-read-only" : "property-became-not-read-only",
                  p.old_s, p.new_s);
  }
  if (p.new_s->write_only)
    return report(p.was_required() ? "required-property-became-write-only" : "property-became-write-only", p.old_s,
                  p.new_s);
  report("property-became-not-write-only", p.old_s, p.new_s);
}

}  // namespace accord::diff::schema_detail
