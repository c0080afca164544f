// Rules on security: what each operation requires (its own `security` or the
// document's), and how the security schemes themselves are defined.
#include <algorithm>
#include <map>

#include "diff/openapi/rules.h"

namespace accord::diff::openapi {

namespace {

// An operation requires credentials when it lists alternatives and none of
// them is the empty requirement `{}`.
bool requires_credentials(const Security& s) {
  if (s.alternatives.empty()) return false;
  for (const SecurityAlternative& a : s.alternatives)
    if (a.schemes.empty()) return false;
  return true;
}

std::string describe(const Security& s) {
  std::string out;
  for (const SecurityAlternative& a : s.alternatives) out += (out.empty() ? "" : " or ") + a.key;
  return out;
}

NodeRef where(const Security& s, const Operation& op) { return s.node ? s.node : op.node; }

template <class Fn>
void diff_sorted(const std::vector<std::string>& o, const std::vector<std::string>& n, Fn report) {
  std::vector<std::string> gone, added;
  std::set_difference(o.begin(), o.end(), n.begin(), n.end(), std::back_inserter(gone));
  std::set_difference(n.begin(), n.end(), o.begin(), o.end(), std::back_inserter(added));
  for (const std::string& s : gone) report(false, s);
  for (const std::string& s : added) report(true, s);
}

void check_scopes(Context& cx, const std::string& op, const SecurityAlternative& o, const SecurityAlternative& n) {
  for (size_t i = 0; i < o.schemes.size() && i < n.schemes.size(); ++i) {  // same key: same scheme names, sorted
    const std::string& scheme = n.schemes[i].first;
    diff_sorted(o.schemes[i].second, n.schemes[i].second, [&](bool added, const std::string& scope) {
      cx.report(added ? "openapi.security-scope-added" : "openapi.security-scope-removed",
                {{"scope", scope}, {"scheme", scheme}}, op, o.node, n.node);
    });
  }
}

std::string credential_shape(const SecurityScheme& s) {
  std::string out = s.type;
  if (s.type == "http") out += " " + s.scheme;
  if (s.type == "apiKey") out += " (" + s.in + " '" + s.parameter_name + "')";
  return out;
}

void check_flows(Context& cx, const SecurityScheme& o, const SecurityScheme& n) {
  std::map<std::string_view, const OAuthFlow*> new_flows;
  for (const OAuthFlow& f : n.flows) new_flows.emplace(f.name, &f);
  for (const OAuthFlow& of : o.flows) {
    auto it = new_flows.find(of.name);
    if (it == new_flows.end()) {
      cx.report("openapi.security-scheme-flow-removed", {{"name", n.name}, {"flow", of.name}}, "", of.node, n.node);
      continue;
    }
    const OAuthFlow& nf = *it->second;
    new_flows.erase(it);
    diff_sorted(of.scopes, nf.scopes, [&](bool added, const std::string& scope) {
      cx.report(added ? "openapi.security-scheme-scope-added" : "openapi.security-scheme-scope-removed",
                {{"name", n.name}, {"flow", nf.name}, {"scope", scope}}, "", of.node, nf.node);
    });
    auto url = [&](std::string_view which, const std::string& a, const std::string& b) {
      if (a != b && !a.empty() && !b.empty())
        cx.report("openapi.security-scheme-url-changed",
                  {{"name", n.name}, {"flow", nf.name}, {"which", std::string(which)}, {"old", a}, {"new", b}}, "",
                  of.node, nf.node);
    };
    url("authorizationUrl", of.authorization_url, nf.authorization_url);
    url("tokenUrl", of.token_url, nf.token_url);
  }
  for (const auto& [name, f] : new_flows)
    cx.report("openapi.security-scheme-flow-added", {{"name", n.name}, {"flow", f->name}}, "", o.node, f->node);
}

}  // namespace

void check_operation_security(Context& cx, const Operation& o, const Operation& n) {
  bool before = requires_credentials(o.security), after = requires_credentials(n.security);
  if (!before && after) {
    cx.report("openapi.security-requirement-added", {{"schemes", describe(n.security)}}, n.label, where(o.security, o),
              where(n.security, n));
    return;
  }
  if (before && !after) {
    cx.report("openapi.security-requirement-removed", {}, n.label, where(o.security, o), where(n.security, n));
    return;
  }
  if (!before) return;
  std::map<std::string_view, const SecurityAlternative*> new_alts;
  for (const SecurityAlternative& a : n.security.alternatives) new_alts.emplace(a.key, &a);
  for (const SecurityAlternative& oa : o.security.alternatives) {
    auto it = new_alts.find(oa.key);
    if (it == new_alts.end()) {
      cx.report("openapi.security-alternative-removed", {{"schemes", oa.key}}, n.label, oa.node, where(n.security, n));
      continue;
    }
    check_scopes(cx, n.label, oa, *it->second);
    new_alts.erase(it);
  }
  for (const auto& [key, na] : new_alts)
    cx.report("openapi.security-alternative-added", {{"schemes", std::string(key)}}, n.label, where(o.security, o),
              na->node);
}

void check_security_schemes(Context& cx, const Api& o, const Api& n) {
  std::map<std::string_view, const SecurityScheme*> new_schemes;
  for (const SecurityScheme& s : n.security_schemes) new_schemes.emplace(s.name, &s);
  for (const SecurityScheme& os : o.security_schemes) {
    auto it = new_schemes.find(os.name);
    if (it == new_schemes.end()) {
      cx.report("openapi.security-scheme-removed", {{"name", os.name}}, "", os.node,
                n.security_schemes_node ? n.security_schemes_node : n.root);
      continue;
    }
    const SecurityScheme& ns = *it->second;
    new_schemes.erase(it);
    std::string before = credential_shape(os), after = credential_shape(ns);
    if (before != after)
      cx.report("openapi.security-scheme-type-changed", {{"name", ns.name}, {"old", before}, {"new", after}}, "",
                os.node, ns.node);
    else if (os.type == "oauth2")
      check_flows(cx, os, ns);
  }
  for (const auto& [name, s] : new_schemes)
    cx.report("openapi.security-scheme-added", {{"name", s->name}}, "",
              o.security_schemes_node ? o.security_schemes_node : o.root, s->node);
}

}  // namespace accord::diff::openapi
