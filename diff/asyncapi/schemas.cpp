// The comparators the AsyncAPI walk hands schemas to: payloads, headers and
// channel parameters in the direction of the action (what the application
// sends is an output, `asyncapi.send-*`; what it receives an input,
// `asyncapi.receive-*`), Avro payloads by the Avro rules.
#include "core/loader.h"
#include "diff/asyncapi/internal.h"
#include "diff/asyncapi/schema_profile.h"

namespace accord::diff::asyncapi {

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
