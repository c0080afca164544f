// Message payloads by `schemaFormat`: which comparator reads them, the Avro
// ones compared by the Avro rules (diff/avro) in the direction of who reads
// the message, and the comparators the walk hands schemas to (Schemas):
// payloads, headers and channel parameters in the direction of the action
// (what the application sends is an output, `asyncapi.send-*`; what it
// receives an input, `asyncapi.receive-*`).
#include <algorithm>
#include <cctype>

#include "core/loader.h"
#include "diff/asyncapi/internal.h"
#include "diff/asyncapi/schema_profile.h"
#include "diff/avro/compat.h"
#include "diff/avro/schema.h"

namespace accord::diff::asyncapi {

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return char(std::tolower(c)); });
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

// `version=` of a media type's parameters ("" when absent).
std::string version_of(std::string_view format) {
  for (size_t semi = format.find(';'); semi != std::string_view::npos; semi = format.find(';', semi + 1)) {
    std::string_view param = trim(format.substr(semi + 1, format.find(';', semi + 1) - semi - 1));
    if (param.rfind("version=", 0) == 0) return std::string(param.substr(8));
  }
  return "";
}

// `application/X`, `application/X+json` and `application/X+yaml`: the
// spellings the AsyncAPI spec lists for each schema format.
bool is_family(std::string_view media, std::string_view base) {
  if (media.rfind(base, 0) != 0) return false;
  std::string_view rest = media.substr(base.size());
  return rest.empty() || rest == "+json" || rest == "+yaml";
}

core::Dialect draft_of(std::string_view version) {
  if (version == "draft-04") return core::Dialect::draft4;
  if (version == "draft-06") return core::Dialect::draft6;
  if (version == "draft-07") return core::Dialect::draft7;
  if (version == "2019-09" || version == "draft-2019-09") return core::Dialect::draft2019_09;
  if (version == "2020-12" || version == "draft-2020-12") return core::Dialect::draft2020_12;
  return core::Dialect::unknown;
}

core::Expected<std::unique_ptr<avro::SchemaSet>> parse_avro(const AvroSide& side, AvroTypeSearch& search) {
  auto resolved = side.set.resolve(side.payload.node, side.payload.pointer);  // `$ref: schemas/user.avsc`
  if (!resolved) return resolved.error();
  return avro::parse_embedded_schema(resolved->node, resolved->pointer,
                                     search.finder(side.set, side.source, side.asyncapi_root, resolved->node));
}

}  // namespace

PayloadFormat payload_format(std::string_view schema_format) {
  std::string text = lower(trim(schema_format));
  std::string media(trim(std::string_view(text).substr(0, text.find(';'))));
  std::string version = version_of(text);
  if (media.empty() || is_family(media, "application/vnd.aai.asyncapi")) return {PayloadFormat::json_schema, {}};
  if (is_family(media, "application/schema")) return {PayloadFormat::json_schema, draft_of(version)};
  if (is_family(media, "application/vnd.oai.openapi"))
    return {PayloadFormat::json_schema,
            version.rfind("3.1", 0) == 0 ? core::Dialect::draft2020_12 : core::Dialect::openapi30};
  if (is_family(media, "application/vnd.apache.avro")) return {PayloadFormat::avro, {}};
  return {PayloadFormat::other, {}};
}

PartReader part_reader(const PayloadFormat& o, const PayloadFormat& n, bool both_present) {
  if (o.kind == PayloadFormat::json_schema && n.kind == PayloadFormat::json_schema) return PartReader::json_schema;
  if (o.kind == PayloadFormat::avro && n.kind == PayloadFormat::avro && both_present) return PartReader::avro;
  return PartReader::none;
}

core::Status compare_avro_payloads(const AvroSide& o, const AvroSide& n, AvroTypeSearch& search, Action action,
                                   const std::string& message, const std::string& subject,
                                   const std::string& operation, FindingSink& sink) {
  auto old_schema = parse_avro(o, search);
  if (!old_schema) return old_schema.error();
  auto new_schema = parse_avro(n, search);
  if (!new_schema) return new_schema.error();
  // Received: the application reads with NEW what senders wrote with OLD
  // (backward). Sent: consumers read with OLD what NEW writes (forward).
  avro::Direction direction = action == Action::receive ? avro::Direction::backward : avro::Direction::forward;
  for (Finding& f : avro::compare_one_direction(**old_schema, **new_schema, direction)) {
    f.args.push_back({"message", message});
    f.args.push_back({"subject", subject});
    sink.add(f.rule, std::move(f.args), operation, std::move(f.old_place), std::move(f.new_place));
  }
  return core::ok_status();
}

Schemas::Schemas(core::DocumentSet& old_set, const core::Document& old_doc, core::DocumentSet& new_set,
                 const core::Document& new_doc, const AsyncApiSources& sources)
    : old_set_(old_set),
      new_set_(new_set),
      old_root_(old_doc.root()),
      new_root_(new_doc.root()),
      sources_(sources),
      avro_types_(sources.include_paths),
      schemas_(old_set, new_set, asyncapi_schema_profile()) {}

// One comparator per pair of dialects a schemaFormat forces (the usual
// pair, none forced, is `schemas_`): a schema graph reads a document in one dialect.
SchemaComparator& Schemas::comparator(Dialects dialects) {
  if (dialects == Dialects{}) return schemas_;
  std::unique_ptr<SchemaComparator>& c = by_dialect_[dialects];
  if (!c) {
    c = std::make_unique<SchemaComparator>(old_set_, new_set_, asyncapi_schema_profile());
    c->set_dialects(dialects.first, dialects.second);
  }
  return *c;
}

const core::Node* Schemas::empty_schema() {
  if (!empty_doc_) {
    auto doc = core::load_text("(no schema)", "{}");
    if (doc) empty_doc_ = std::move(*doc);
  }
  return empty_doc_ ? empty_doc_->root() : nullptr;
}

core::Status Schemas::compare_json(const At& o, const At& n, Action action, const std::string& subject,
                                   const std::string& operation, FindingSink& sink, Dialects dialects) {
  if (!o && !n) return core::ok_status();
  SchemaScope scope;
  scope.operation = operation;
  scope.subject = subject;
  scope.rule_prefix = action == Action::send ? "asyncapi.send-" : "asyncapi.receive-";
  Direction d = action == Action::send ? Direction::response : Direction::request;
  At os = o ? o : At{empty_schema(), ""}, ns = n ? n : At{empty_schema(), ""};
  return comparator(dialects).compare(os.node, os.pointer, ns.node, ns.pointer, d, scope, sink);
}

core::Status Schemas::compare_avro(const At& o, const At& n, Action action, const std::string& message,
                                   const std::string& subject, const std::string& operation, FindingSink& sink) {
  return compare_avro_payloads({old_set_, sources_.old_source, old_root_, o},
                               {new_set_, sources_.new_source, new_root_, n}, avro_types_, action, message, subject,
                               operation, sink);
}

}  // namespace accord::diff::asyncapi
