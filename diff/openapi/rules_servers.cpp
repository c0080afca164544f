// Rules on servers: the URLs an API is reachable at and the base path every
// operation's URL starts with (2.0 host/basePath/schemes are servers too).
#include <unordered_set>

#include "diff/openapi/rules.h"

namespace accord::diff::openapi {

namespace {

constexpr Severity E = Severity::error, W = Severity::warning, I = Severity::info;
constexpr Format F = Format::openapi;

std::unordered_set<std::string_view> urls_of(const Api& api) {
  std::unordered_set<std::string_view> out;
  for (const Server& s : api.servers) out.insert(s.url);
  return out;
}

NodeRef servers_parent(const Api& api) { return api.servers_node ? api.servers_node : api.root; }

void server_removed(Context& cx, const Api& o, const Api& n) {
  auto new_urls = urls_of(n);
  for (const Server& s : o.servers)
    if (!new_urls.count(s.url)) cx.report({{"url", s.url}}, "", s.node, servers_parent(n));
}

void server_added(Context& cx, const Api& o, const Api& n) {
  auto old_urls = urls_of(o);
  for (const Server& s : n.servers)
    if (!old_urls.count(s.url)) cx.report({{"url", s.url}}, "", servers_parent(o), s.node);
}

void base_path_changed(Context& cx, const Api& o, const Api& n) {
  if (o.base_path != n.base_path)
    cx.report({{"old", o.base_path.empty() ? "/" : o.base_path}, {"new", n.base_path.empty() ? "/" : n.base_path}},
              "", servers_parent(o), servers_parent(n));
}

const Rule kRules[] = {
    {{"openapi.server-removed", F, W, "server", "A server URL was removed", "server '{url}' was removed"},
     {.api = server_removed}},
    {{"openapi.server-added", F, I, "server", "A server URL was added", "server '{url}' was added"},
     {.api = server_added}},
    {{"openapi.base-path-changed", F, E, "server",
      "The base path of the API changed (every operation's URL changes)", "base path changed from '{old}' to '{new}'"},
     {.api = base_path_changed}},
};

}  // namespace

std::span<const Rule> server_rules() { return kRules; }

}  // namespace accord::diff::openapi
