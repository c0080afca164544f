// Security of servers and operations: the requirements a client may be
// authorized by. A list's requirements are alternatives, and one requirement
// needs all its schemes (a 2.x requirement object may name several). A client
// satisfies one old requirement; it still gets in when some new requirement
// asks for no scheme it lacks. So requiring security where none was, adding a
// scheme to a requirement, or dropping a requirement clients may be using
// breaks them; accepting one more requirement, a requirement that asks for
// fewer schemes, or no security at all does not.
#include <algorithm>
#include <set>

#include "diff/asyncapi/internal.h"

namespace accord::diff::asyncapi {

namespace {

const SecurityEntry* find(const std::vector<SecurityEntry>& list, const std::string& name) {
  for (const SecurityEntry& e : list)
    if (e.name == name) return &e;
  return nullptr;
}

At field(const At& scheme, std::string_view key) {
  const core::Node* n = scheme ? scheme.node->get(key) : nullptr;
  return n ? At{n, scheme.pointer + "/" + std::string(key)} : At{};
}

std::string text(const At& at) { return at && at.node->is_scalar() ? std::string(at.node->text()) : ""; }

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& s : items) out += (out.empty() ? "" : ", ") + s;
  return out;
}

// What changed in one scheme that a client configured for it must redo:
// each as (description, old place, new place).
struct SchemeChange {
  std::string change;
  At old_at, new_at;
};

std::vector<SchemeChange> scheme_changes(const SecurityEntry& o, const SecurityEntry& n) {
  std::vector<SchemeChange> out;
  // Where and how the credential is sent.
  for (std::string_view key : {"type", "in", "name", "scheme", "bearerFormat", "openIdConnectUrl"}) {
    At a = field(o.scheme, key), b = field(n.scheme, key);
    if (text(a) != text(b))
      out.push_back({std::string(key) + " '" + text(a) + "' -> '" + text(b) + "'", a ? a : o.scheme, b ? b : n.scheme});
  }
  // OAuth flows: a flow gone, or its endpoints moved.
  At of = field(o.scheme, "flows"), nf = field(n.scheme, "flows");
  if (of && of.node->is_object())
    for (const core::Member& m : of.node->children()) {
      At a = field(of, m.key), b = field(nf, m.key);
      if (!b) {
        out.push_back({"flow '" + std::string(m.key) + "' removed", a, nf ? nf : n.scheme});
        continue;
      }
      for (std::string_view url : {"authorizationUrl", "tokenUrl", "refreshUrl"})
        if (text(field(a, url)) != text(field(b, url)))
          out.push_back({"flow '" + std::string(m.key) + "' " + std::string(url) + " '" + text(field(a, url)) +
                             "' -> '" + text(field(b, url)) + "'",
                         field(a, url) ? field(a, url) : a, field(b, url) ? field(b, url) : b});
    }
  // Scopes the requirement asks for that tokens issued for the old one lack.
  std::set<std::string> had(o.scopes.begin(), o.scopes.end());
  std::vector<std::string> more;
  for (const std::string& s : n.scopes)
    if (!had.count(s)) more.push_back(s);
  if (!more.empty())
    out.push_back({"now requires scopes [" + join(more) + "]", o.scopes_at ? o.scopes_at : o.at,
                   n.scopes_at ? n.scopes_at : n.at});
  return out;
}

// Whether a client needs credentials at all: some requirement and none
// that names no scheme (a 2.x `{}`).
bool requires_credentials(const std::vector<SecurityRequirement>& list) {
  return !list.empty() && std::none_of(list.begin(), list.end(), [](const SecurityRequirement& r) { return r.schemes.empty(); });
}

std::set<std::string> names_of(const SecurityRequirement& r) {
  std::set<std::string> out;
  for (const SecurityEntry& e : r.schemes) out.insert(e.name);
  return out;
}

// "oauth", or "apiKey + user" for a requirement of several schemes.
std::string label_of(const SecurityRequirement& r) {
  std::string out;
  for (const std::string& name : names_of(r)) out += (out.empty() ? "" : " + ") + name;
  return out;
}

// Where a requirement is written: its one scheme, or the requirement object.
const At& where(const SecurityRequirement& r) { return r.schemes.size() == 1 ? r.schemes.front().at : r.at; }

size_t common(const std::set<std::string>& a, const std::set<std::string>& b) {
  size_t n = 0;
  for (const std::string& x : a) n += b.count(x);
  return n;
}

// The new requirement a client of `old_req` is best matched to: the same
// schemes; else the largest one asking for none it lacks (still passes);
// else the one sharing most schemes (fewest added on a tie). Null when none
// shares any scheme.
const SecurityRequirement* counterpart(const SecurityRequirement& old_req, const std::vector<SecurityRequirement>& n) {
  std::set<std::string> had = names_of(old_req);
  const SecurityRequirement* subset = nullptr;
  const SecurityRequirement* overlap = nullptr;
  for (const SecurityRequirement& r : n) {
    std::set<std::string> names = names_of(r);
    if (names.empty()) continue;
    if (names == had) return &r;
    size_t shared = common(names, had);
    if (shared == names.size() && (!subset || names.size() > subset->schemes.size())) subset = &r;
    if (shared == 0) continue;
    if (!overlap) {
      overlap = &r;
      continue;
    }
    size_t best = common(names_of(*overlap), had);
    if (shared > best || (shared == best && names.size() < overlap->schemes.size())) overlap = &r;
  }
  return subset ? subset : overlap;
}

struct Report {
  const std::string& subject;
  const std::string& operation;
  FindingSink& sink;
  void add(std::string_view rule, std::vector<Arg> args, const At& old_at, const At& new_at) const {
    args.insert(args.begin(), {"subject", subject});
    sink.add(std::string(rule), std::move(args), operation, place(old_at), place(new_at));
  }
};

// One old requirement against its counterpart: schemes it now also needs
// (a break), schemes it no longer needs (fine), and what changed in the
// schemes both name.
void compare_requirement(const SecurityRequirement& o, const SecurityRequirement& n, const Report& out) {
  for (const SecurityEntry& e : n.schemes)
    if (!find(o.schemes, e.name)) out.add("asyncapi.security-added", {{"scheme", e.name}}, o.at, e.at);
  std::string kept = label_of(n);
  for (const SecurityEntry& e : o.schemes)
    if (!find(n.schemes, e.name))
      out.add("asyncapi.security-requirement-relaxed", {{"scheme", e.name}, {"others", kept}}, e.at, n.at);
  for (const SecurityEntry& old_entry : o.schemes)
    if (const SecurityEntry* new_entry = find(n.schemes, old_entry.name))
      for (const SchemeChange& c : scheme_changes(old_entry, *new_entry))
        out.add("asyncapi.security-scheme-changed", {{"scheme", old_entry.name}, {"change", c.change}}, c.old_at,
                c.new_at);
}

}  // namespace

void compare_security(const std::vector<SecurityRequirement>& o, const std::vector<SecurityRequirement>& n,
                      const At& old_owner, const At& new_owner, const std::string& subject,
                      const std::string& operation, FindingSink& sink) {
  const Report out{subject, operation, sink};
  bool had = requires_credentials(o), has = requires_credentials(n);
  if (!had) {
    if (has)
      for (const SecurityRequirement& r : n)
        for (const SecurityEntry& e : r.schemes) out.add("asyncapi.security-added", {{"scheme", e.name}}, old_owner, e.at);
    return;
  }
  if (!has) {
    sink.add("asyncapi.security-removed", {{"subject", subject}}, operation, place(o.front().at), place(new_owner));
    return;
  }
  std::set<const SecurityRequirement*> matched;
  for (const SecurityRequirement& old_req : o) {
    const SecurityRequirement* new_req = counterpart(old_req, n);
    if (!new_req) {
      out.add("asyncapi.security-scheme-removed", {{"scheme", label_of(old_req)}}, where(old_req), new_owner);
      continue;
    }
    matched.insert(new_req);
    compare_requirement(old_req, *new_req, out);
  }
  for (const SecurityRequirement& r : n)
    if (!matched.count(&r))
      out.add("asyncapi.security-scheme-added", {{"scheme", label_of(r)}}, old_owner, where(r));
}

}  // namespace accord::diff::asyncapi
