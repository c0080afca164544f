// Rules on security: what each operation requires (its own `security` or the
// document's), and how the security schemes themselves are defined.
#include <algorithm>

#include "diff/openapi/rules.h"

namespace accord::diff::openapi {

// An operation requires credentials when it lists alternatives and none of
// them is the empty requirement `{}`.
bool requires_credentials(const Security& s) {
  if (s.alternatives.empty()) return false;
  for (const SecurityAlternative& a : s.alternatives)
    if (a.schemes.empty()) return false;
  return true;
}

std::string credential_shape(const SecurityScheme& s) {
  std::string out = s.type;
  if (s.type == "http") out += " " + s.scheme;
  if (s.type == "apiKey") out += " (" + s.in + " '" + s.parameter_name + "')";
  return out;
}

namespace {

constexpr Severity E = Severity::error, W = Severity::warning, I = Severity::info;
constexpr Format F = Format::openapi;

std::string describe(const Security& s) {
  std::string out;
  for (const SecurityAlternative& a : s.alternatives) out += (out.empty() ? "" : " or ") + a.key;
  return out;
}

NodeRef where(const Security& s, const Operation& op) { return s.node ? s.node : op.node; }

// The entries of sorted `a` that sorted `b` lacks.
std::vector<std::string> only_in(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  std::vector<std::string> out;
  std::set_difference(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
  return out;
}

void security_requirement_added(Context& cx, const Operation& o, const Operation& n) {
  if (!requires_credentials(o.security) && requires_credentials(n.security))
    cx.report({{"schemes", describe(n.security)}}, n.label, where(o.security, o), where(n.security, n));
}

void security_requirement_removed(Context& cx, const Operation& o, const Operation& n) {
  if (requires_credentials(o.security) && !requires_credentials(n.security))
    cx.report({}, n.label, where(o.security, o), where(n.security, n));
}

void security_alternative_removed(Context& cx, const Operation&, const Operation& n, const SecurityAlternative& a) {
  cx.report({{"schemes", a.key}}, n.label, a.node, where(n.security, n));
}

void security_alternative_added(Context& cx, const Operation& o, const Operation& n, const SecurityAlternative& a) {
  cx.report({{"schemes", a.key}}, n.label, where(o.security, o), a.node);
}

// Scopes that one alternative's schemes need and the other's do not (same
// key: same scheme names, sorted). `Added`: needed now, not before.
template <bool Added>
void security_scope_changed(Context& cx, const std::string& op, const SecurityAlternative& o,
                            const SecurityAlternative& n) {
  for (size_t i = 0; i < o.schemes.size() && i < n.schemes.size(); ++i) {
    const auto& before = o.schemes[i].second;
    const auto& after = n.schemes[i].second;
    for (const std::string& scope : Added ? only_in(after, before) : only_in(before, after))
      cx.report({{"scope", scope}, {"scheme", n.schemes[i].first}}, op, o.node, n.node);
  }
}

void security_scheme_removed(Context& cx, const SecurityScheme& s, const Api& n) {
  cx.report({{"name", s.name}}, "", s.node, n.security_schemes_node ? n.security_schemes_node : n.root);
}

void security_scheme_added(Context& cx, const Api& o, const SecurityScheme& s) {
  cx.report({{"name", s.name}}, "", o.security_schemes_node ? o.security_schemes_node : o.root, s.node);
}

void security_scheme_type_changed(Context& cx, const SecurityScheme& o, const SecurityScheme& n) {
  std::string before = credential_shape(o), after = credential_shape(n);
  if (before != after) cx.report({{"name", n.name}, {"old", before}, {"new", after}}, "", o.node, n.node);
}

void security_scheme_flow_removed(Context& cx, const SecurityScheme& n, const OAuthFlow& f) {
  cx.report({{"name", n.name}, {"flow", f.name}}, "", f.node, n.node);
}

void security_scheme_flow_added(Context& cx, const SecurityScheme& o, const SecurityScheme& n, const OAuthFlow& f) {
  cx.report({{"name", n.name}, {"flow", f.name}}, "", o.node, f.node);
}

template <bool Added>
void security_scheme_scope_changed(Context& cx, const SecurityScheme& n, const OAuthFlow& o, const OAuthFlow& nf) {
  for (const std::string& scope : Added ? only_in(nf.scopes, o.scopes) : only_in(o.scopes, nf.scopes))
    cx.report({{"name", n.name}, {"flow", nf.name}, {"scope", scope}}, "", o.node, nf.node);
}

void security_scheme_url_changed(Context& cx, const SecurityScheme& n, const OAuthFlow& o, const OAuthFlow& nf) {
  auto url = [&](std::string_view which, const std::string& a, const std::string& b) {
    if (a != b && !a.empty() && !b.empty())
      cx.report({{"name", n.name}, {"flow", nf.name}, {"which", std::string(which)}, {"old", a}, {"new", b}}, "",
                o.node, nf.node);
  };
  url("authorizationUrl", o.authorization_url, nf.authorization_url);
  url("tokenUrl", o.token_url, nf.token_url);
}

const Rule kRules[] = {
    {{"openapi.security-requirement-added", F, E, "security",
      "An operation that needed no credentials now requires them", "operation now requires {schemes}"},
     {.operation = security_requirement_added}},
    {{"openapi.security-requirement-removed", F, I, "security", "An operation no longer requires credentials",
      "operation no longer requires credentials"},
     {.operation = security_requirement_removed}},
    {{"openapi.security-alternative-added", F, I, "security", "A new way to authenticate was added",
      "security alternative {schemes} was added"},
     {.security_alternative_added = security_alternative_added}},
    {{"openapi.security-alternative-removed", F, E, "security", "A way to authenticate was removed",
      "security alternative {schemes} was removed"},
     {.security_alternative_removed = security_alternative_removed}},
    {{"openapi.security-scope-added", F, E, "security", "A security requirement needs an additional scope",
      "scope '{scope}' of {scheme} is now required"},
     {.security_alternative = security_scope_changed<true>}},
    {{"openapi.security-scope-removed", F, I, "security", "A security requirement needs one scope less",
      "scope '{scope}' of {scheme} is no longer required"},
     {.security_alternative = security_scope_changed<false>}},
    {{"openapi.security-scheme-added", F, I, "security", "A security scheme was defined",
      "security scheme '{name}' was added"},
     {.scheme_added = security_scheme_added}},
    {{"openapi.security-scheme-removed", F, I, "security",
      "A security scheme definition was removed (requirements that used it are reported separately)",
      "security scheme '{name}' was removed"},
     {.scheme_removed = security_scheme_removed}},
    {{"openapi.security-scheme-type-changed", F, E, "security",
      "A security scheme changed how credentials are sent (type, http scheme, or API key location/name)",
      "security scheme '{name}' changed from {old} to {new}"},
     {.scheme = security_scheme_type_changed}},
    {{"openapi.security-scheme-flow-added", F, I, "security", "An OAuth2 flow was added to a security scheme",
      "security scheme '{name}' gained the {flow} flow"},
     {.flow_added = security_scheme_flow_added}},
    {{"openapi.security-scheme-flow-removed", F, E, "security", "An OAuth2 flow was removed from a security scheme",
      "security scheme '{name}' lost the {flow} flow"},
     {.flow_removed = security_scheme_flow_removed}},
    {{"openapi.security-scheme-scope-added", F, I, "security", "An OAuth2 flow defines a new scope",
      "security scheme '{name}' ({flow}) defines scope '{scope}'"},
     {.flow = security_scheme_scope_changed<true>}},
    {{"openapi.security-scheme-scope-removed", F, E, "security", "An OAuth2 flow no longer defines a scope",
      "security scheme '{name}' ({flow}) no longer defines scope '{scope}'"},
     {.flow = security_scheme_scope_changed<false>}},
    {{"openapi.security-scheme-url-changed", F, W, "security", "An OAuth2 authorization or token URL changed",
      "security scheme '{name}' ({flow}) {which} changed from '{old}' to '{new}'"},
     {.flow = security_scheme_url_changed}},
};

}  // namespace

std::span<const Rule> security_rules() { return kRules; }

}  // namespace accord::diff::openapi
