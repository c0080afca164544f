// The schema comparator's interface: one compare() call per schema pair a
// format hands in; the walker (walker.h) does the recursion.
#include "diff/schema/compare.h"

#include <algorithm>

#include "diff/schema/walker.h"

namespace accord::diff {

using core::Schema;
using namespace schema_detail;

namespace schema_detail {

std::string join_path(std::string_view base, std::string_view segment) {
  if (base.empty()) return std::string(segment);
  if (segment.empty()) return std::string(base);
  std::string out(base);
  out += '/';
  out += segment;
  return out;
}

std::optional<Place> place_of_schema(const Schema* s) {
  if (!s) return std::nullopt;
  return place_of(s->node, std::string(s->pointer));
}

}  // namespace schema_detail

struct SchemaComparator::Impl : Walker {
  using Walker::Walker;
  bool dialects_set = false;
  core::Dialect forced_old = core::Dialect::unknown, forced_new = core::Dialect::unknown;
};

SchemaComparator::SchemaComparator(core::DocumentSet& old_set, core::DocumentSet& new_set,
                                   const SchemaProfile& profile)
    : impl_(new Impl(old_set, new_set, profile)) {}
SchemaComparator::~SchemaComparator() {
  if (!disable_free_) delete impl_;  // else intentionally never freed (CompareOptions::disable_free)
}

void SchemaComparator::set_caching(bool enabled) { impl_->caching = enabled; }
void SchemaComparator::set_disable_free(bool disable_free) { disable_free_ = disable_free; }
void SchemaComparator::set_dialects(core::Dialect old_dialect, core::Dialect new_dialect) {
  impl_->forced_old = old_dialect;
  impl_->forced_new = new_dialect;
}
void SchemaComparator::set_earliest_sunset(std::string day) { impl_->earliest_sunset = std::move(day); }
void SchemaComparator::set_budgets(size_t exact_expansions, size_t pair_bodies) {
  impl_->exact_budget = exact_expansions;
  impl_->body_budget = pair_bodies;
}

namespace {
std::string where_of(std::string_view subject, std::string_view path, Direction d) {
  std::string where = subject.empty() ? std::string(d == Direction::request ? "request" : "response")
                                      : std::string(subject);
  if (!path.empty()) where += " property '" + std::string(path) + "'";
  else if (subject.empty()) where += " schema";
  return where;
}

bool is_ref(const core::Node* n) { return core::reference_of(n) != nullptr; }

// A document with no dialect of its own (a schema file a `$ref` reaches)
// reads in the dialect of the document the comparison started from.
// A forced dialect applies to every document the side reaches.
void read_dialects(core::SchemaGraph& graph, const core::Node* entry, const SchemaProfile& profile,
                   core::Dialect forced) {
  if (forced != core::Dialect::unknown)
    return graph.set_dialect_rule([](const core::Document*, core::Dialect d) { return d; }, forced);
  const core::Document* doc = graph.documents().document_of(entry);
  core::Dialect fallback = profile.container_dialect(doc, core::Dialect::unknown);
  graph.set_dialect_rule(profile.container_dialect, fallback);
}
}  // namespace

core::Status SchemaComparator::compare(const core::Node* old_schema, const std::string& old_pointer,
                                       const core::Node* new_schema, const std::string& new_pointer,
                                       Direction direction, const SchemaScope& scope, FindingSink& sink) {
  Impl& impl = *impl_;
  if (!impl.dialects_set) {
    read_dialects(impl.old_graph, old_schema, *impl.profile, impl.forced_old);
    read_dialects(impl.new_graph, new_schema, *impl.profile, impl.forced_new);
    impl.dialects_set = true;
  }
  impl.begin(direction);
  auto o = impl.old_graph.get(old_schema, old_pointer);
  if (!o) return o.error();
  auto n = impl.new_graph.get(new_schema, new_pointer);
  if (!n) return n.error();
  FrameOut out;
  impl.compare_pair(*o, *n, true, is_ref(old_schema) || is_ref(new_schema), "", out);
  impl.stack.clear();
  impl.on_stack.clear();
  if (impl.error) return *impl.error;
  keep_shortest_paths(out.findings);
  // Approximate paths only matter when something was found.
  if (std::all_of(out.findings.begin(), out.findings.end(),
                  [](const RawFinding& f) { return f.change() == "comparison-approximate"; }))
    out.findings.clear();
  std::string prefix = scope.rule_prefix.empty()
                           ? std::string(direction == Direction::input ? impl.profile->input_prefix
                                                                       : impl.profile->output_prefix)
                           : scope.rule_prefix;
  for (RawFinding& f : out.findings) {
    std::vector<Arg> args;
    const ChangeFacts& facts = *f.facts;  // shared with the cache: copied, not moved
    args.reserve(facts.args.size() + 3);
    args.push_back({"property", f.path});
    args.push_back({"subject", scope.subject});
    args.push_back({"where", where_of(scope.subject, f.path, direction)});
    args.insert(args.end(), facts.args.begin(), facts.args.end());
    sink.add(prefix + std::string(facts.change), std::move(args), scope.operation, facts.old_place, facts.new_place);
  }
  return core::ok_status();
}

}  // namespace accord::diff
