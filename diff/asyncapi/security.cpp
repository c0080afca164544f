// Security of servers and operations: the schemes a client may authenticate
// with. A list's entries are alternatives, so requiring security where none
// was, or dropping a scheme clients may be using, breaks them; accepting one
// more scheme, or none at all, does not.
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

}  // namespace

void compare_security(const std::vector<SecurityEntry>& o, const std::vector<SecurityEntry>& n, const At& old_owner,
                      const At& new_owner, const std::string& subject, const std::string& operation,
                      FindingSink& sink) {
  if (o.empty()) {
    for (const SecurityEntry& e : n)
      sink.add("asyncapi.security-added", {{"subject", subject}, {"scheme", e.name}}, operation, place(old_owner),
               place(e.at));
    return;
  }
  if (n.empty()) {
    sink.add("asyncapi.security-removed", {{"subject", subject}}, operation, place(o.front().at), place(new_owner));
    return;
  }
  for (const SecurityEntry& old_entry : o) {
    const SecurityEntry* new_entry = find(n, old_entry.name);
    if (!new_entry) {
      sink.add("asyncapi.security-scheme-removed", {{"subject", subject}, {"scheme", old_entry.name}}, operation,
               place(old_entry.at), place(new_owner));
      continue;
    }
    for (const SchemeChange& c : scheme_changes(old_entry, *new_entry))
      sink.add("asyncapi.security-scheme-changed", {{"subject", subject}, {"scheme", old_entry.name}, {"change", c.change}},
               operation, place(c.old_at), place(c.new_at));
  }
  for (const SecurityEntry& e : n)
    if (!find(o, e.name))
      sink.add("asyncapi.security-scheme-added", {{"subject", subject}, {"scheme", e.name}}, operation,
               place(old_owner), place(e.at));
}

}  // namespace accord::diff::asyncapi
