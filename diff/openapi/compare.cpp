// OpenAPI comparison: normalise both documents into the model, then let the
// walker pair them and the rules report.
#include "diff/openapi/compare.h"

#include "diff/openapi/model.h"
#include "diff/openapi/rules.h"

namespace accord::diff {

namespace openapi {

void Context::report(std::string_view rule, std::vector<Arg> args, const std::string& operation,
                     const NodeRef& old_ref, const NodeRef& new_ref) {
  std::optional<Place> old_place, new_place;
  if (old_ref) old_place = place_of(old_ref.node, old_ref.pointer);
  if (new_ref) new_place = place_of(new_ref.node, new_ref.pointer);
  sink.add(rule, std::move(args), operation, std::move(old_place), std::move(new_place));
}

void Context::compare_schema(const NodeRef& old_schema, const NodeRef& new_schema, Direction direction,
                             const std::string& operation, std::string subject) {
  if (!old_schema || !new_schema || error) return;
  SchemaScope scope{operation, std::move(subject),
                    direction == Direction::request ? "openapi.request-" : "openapi.response-"};
  core::Status st =
      schemas.compare(old_schema.node, old_schema.pointer, new_schema.node, new_schema.pointer, direction, scope, sink);
  if (!st) error = st.error();
}

}  // namespace openapi

core::Expected<std::vector<Finding>> compare_openapi(core::DocumentSet& old_set, const core::Document& old_doc,
                                                     core::DocumentSet& new_set, const core::Document& new_doc,
                                                     const core::Clock& clock, int min_deprecation_days) {
  auto old_api = openapi::build_api(old_set, old_doc);
  if (!old_api) return old_api.error();
  auto new_api = openapi::build_api(new_set, new_doc);
  if (!new_api) return new_api.error();
  FindingSink sink;
  SchemaComparator schemas(old_set, new_set);
  openapi::Context cx{sink, schemas, core::format_day(clock.today_day()), std::nullopt, 0, {}};
  if (min_deprecation_days > 0) {
    cx.min_deprecation_days = min_deprecation_days;
    cx.earliest_sunset = core::format_day(clock.today_day() + min_deprecation_days);
    schemas.set_earliest_sunset(cx.earliest_sunset);
  }
  openapi::walk(cx, *old_api, *new_api);
  if (cx.error) return *cx.error;
  return sink.take();
}

}  // namespace accord::diff
