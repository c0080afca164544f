// Rules on the security of servers and operations: the requirements a
// client may be authorized by. A list's requirements are alternatives, and
// one requirement needs all its schemes (a 2.x requirement object may name
// several). A client satisfies one old requirement; it still gets in when
// some new requirement asks for no scheme it lacks. So requiring security
// where none was, adding a scheme to a requirement, or dropping a
// requirement clients may be using breaks them; accepting one more
// requirement, a requirement that asks for fewer schemes, or no security at
// all does not. Which new requirement an old one is matched to is the
// walk's (counterpart(), compare.cpp).
#include <set>

#include "diff/asyncapi/rules.h"

namespace accord::diff::asyncapi {

namespace {

constexpr Severity E = Severity::error, I = Severity::info;
constexpr Format F = Format::asyncapi;

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

// Where a requirement is written: its one scheme, or the requirement object.
const At& where(const SecurityRequirement& r) { return r.schemes.size() == 1 ? r.schemes.front().at : r.at; }

void report(Context& cx, const SecuritySite& site, std::vector<Arg> args, const At& old_at, const At& new_at) {
  args.insert(args.begin(), {"subject", site.subject});
  cx.report(std::move(args), site.operation, place(old_at), place(new_at));
}

// Security where there was none: every scheme of every new requirement.
void security_required(Context& cx, const SecuritySite& site, const std::vector<SecurityRequirement>& o,
                       const std::vector<SecurityRequirement>& n) {
  if (requires_credentials(o) || !requires_credentials(n)) return;
  for (const SecurityRequirement& r : n)
    for (const SecurityEntry& e : r.schemes) report(cx, site, {{"scheme", e.name}}, site.old_owner, e.at);
}

// A scheme a requirement now also needs.
void scheme_required(Context& cx, const SecuritySite& site, const SecurityRequirement& o, const SecurityEntry& e) {
  report(cx, site, {{"scheme", e.name}}, o.at, e.at);
}

void security_requirement_relaxed(Context& cx, const SecuritySite& site, const SecurityEntry& e,
                                  const SecurityRequirement& n) {
  report(cx, site, {{"scheme", e.name}, {"others", label_of(n)}}, e.at, n.at);
}

void security_removed(Context& cx, const SecuritySite& site, const std::vector<SecurityRequirement>& o,
                      const std::vector<SecurityRequirement>& n) {
  if (requires_credentials(o) && !requires_credentials(n))
    cx.report({{"subject", site.subject}}, site.operation, place(o.front().at), place(site.new_owner));
}

void security_scheme_removed(Context& cx, const SecuritySite& site, const SecurityRequirement& r) {
  report(cx, site, {{"scheme", label_of(r)}}, where(r), site.new_owner);
}

void security_scheme_added(Context& cx, const SecuritySite& site, const SecurityRequirement& r) {
  report(cx, site, {{"scheme", label_of(r)}}, site.old_owner, where(r));
}

void security_scheme_changed(Context& cx, const SecuritySite& site, const SecurityEntry& o, const SecurityEntry& n) {
  for (const SchemeChange& c : scheme_changes(o, n))
    report(cx, site, {{"scheme", o.name}, {"change", c.change}}, c.old_at, c.new_at);
}

const Rule kRules[] = {
    // Two levels, one change: security where there was none, or one more
    // scheme in a requirement clients were authorized by.
    {{"asyncapi.security-added", F, E, "security",
      "a server or operation now requires a security scheme clients did not need: security where there was none, "
      "or one more scheme in a requirement (a 2.x requirement object needs all the schemes it names)",
      "{subject} now requires security scheme '{scheme}'"},
     {.security = security_required, .scheme_added = scheme_required}},
    {{"asyncapi.security-requirement-relaxed", F, I, "security",
      "a security requirement needs fewer of its schemes together (clients holding them all still pass)",
      "{subject} no longer requires security scheme '{scheme}' (now: {others})"},
     {.scheme_removed = security_requirement_relaxed}},
    {{"asyncapi.security-removed", F, I, "security", "a server or operation no longer requires security",
      "{subject} no longer requires security"},
     {.security = security_removed}},
    {{"asyncapi.security-scheme-removed", F, E, "security",
      "a security requirement (a scheme, or 2.x schemes required together) clients may be authorized by is no "
      "longer accepted, and no remaining one asks only for schemes it had (others still are)",
      "{subject} no longer accepts security scheme '{scheme}'"},
     {.requirement_removed = security_scheme_removed}},
    {{"asyncapi.security-scheme-added", F, I, "security",
      "a server or operation that required security accepts one more requirement (a scheme, or 2.x schemes "
      "together)",
      "{subject} now also accepts security scheme '{scheme}'"},
     {.requirement_added = security_scheme_added}},
    {{"asyncapi.security-scheme-changed", F, E, "security",
      "a security scheme's type, where its credential goes, its OAuth flows or the scopes it requires changed",
      "{subject}: security scheme '{scheme}' changed ({change})"},
     {.scheme = security_scheme_changed}},
};

}  // namespace

std::span<const Rule> security_rules() { return kRules; }

}  // namespace accord::diff::asyncapi
