// OpenAPI comparison: normalise both documents into the model, then let the
// walker pair them and the rules report.
#include "diff/openapi/compare.h"

#include <memory>

#include "diff/openapi/model.h"
#include "diff/openapi/rules.h"
#include "diff/openapi/schema_profile.h"

namespace accord::diff {

namespace openapi {

void Context::report(std::vector<Arg> args, const std::string& operation, const NodeRef& old_ref,
                     const NodeRef& new_ref) {
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

namespace {

// One version: its documents (the root and whatever its $refs load) and the
// model built over them.
struct LoadedApi : LoadedContract {
  std::unique_ptr<core::DocumentSet> documents;
  openapi::Api api;
};

class OpenApiFormat final : public ContractFormat {
 public:
  Format id() const override { return Format::openapi; }
  std::string_view display_name() const override { return "OpenAPI"; }
  std::string_view expected_input() const override {
    return "an OpenAPI document (a top-level `openapi` or `swagger` key)";
  }
  bool reads_documents() const override { return true; }
  Claim claim_path(const ContractInput&) const override { return Claim::no; }
  Claim claim_document(const core::Document& doc) const override {
    const core::Node* root = doc.root();
    return root && root->is_object() && (root->get("openapi") || root->get("swagger")) ? Claim::yes : Claim::no;
  }

  core::Expected<std::unique_ptr<LoadedContract>> load(const ContractInput& input,
                                                       std::unique_ptr<core::Document> document,
                                                       const CompareOptions& options) const override {
    auto loaded = std::make_unique<LoadedApi>();
    loaded->documents = std::make_unique<core::DocumentSet>(options.remote, input.source);
    const core::Document* root = loaded->documents->adopt(std::move(document));
    auto api = openapi::build_api(*loaded->documents, *root);
    if (!api) return api.error();
    loaded->api = std::move(*api);
    return std::unique_ptr<LoadedContract>(std::move(loaded));
  }

  core::Expected<std::vector<Finding>> compare(LoadedContract& old_version, LoadedContract& new_version,
                                               const CompareOptions& options) const override {
    auto& o = static_cast<LoadedApi&>(old_version);
    auto& n = static_cast<LoadedApi&>(new_version);
    FindingSink sink;
    SchemaComparator schemas(*o.documents, *n.documents, openapi_schema_profile());
    schemas.set_disable_free(options.disable_free);
    const core::SystemClock system_clock;
    const core::Clock& clock = options.clock ? *options.clock : system_clock;
    openapi::Context cx{sink, schemas, core::format_day(clock.today_day()), std::nullopt, 0, {}, {}};
    if (options.min_deprecation_days > 0) {
      cx.min_deprecation_days = options.min_deprecation_days;
      cx.earliest_sunset = core::format_day(clock.today_day() + options.min_deprecation_days);
      schemas.set_earliest_sunset(cx.earliest_sunset);
    }
    openapi::walk(cx, o.api, n.api);
    if (cx.error) return *cx.error;
    return sink.take();
  }

  std::span<const RuleInfo> rules() const override {
    static const std::vector<RuleInfo> rows = [] {
      std::vector<RuleInfo> all(openapi_rule_table().begin(), openapi_rule_table().end());
      all.insert(all.end(), openapi_schema_rule_table().begin(), openapi_schema_rule_table().end());
      return all;
    }();
    return rows;
  }
};

}  // namespace

const ContractFormat& openapi_format() {
  static const OpenApiFormat format;
  return format;
}

}  // namespace accord::diff
