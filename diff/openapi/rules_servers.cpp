// Rules on servers: the URLs an API is reachable at and the base path every
// operation's URL starts with (2.0 host/basePath/schemes are servers too).
#include <unordered_set>

#include "diff/openapi/rules.h"

namespace accord::diff::openapi {

void check_servers(Context& cx, const Api& o, const Api& n) {
  std::unordered_set<std::string_view> old_urls, new_urls;
  for (const Server& s : o.servers) old_urls.insert(s.url);
  for (const Server& s : n.servers) new_urls.insert(s.url);
  NodeRef old_parent = o.servers_node ? o.servers_node : o.root;
  NodeRef new_parent = n.servers_node ? n.servers_node : n.root;
  for (const Server& s : o.servers)
    if (!new_urls.count(s.url)) cx.report("openapi.server-removed", {{"url", s.url}}, "", s.node, new_parent);
  for (const Server& s : n.servers)
    if (!old_urls.count(s.url)) cx.report("openapi.server-added", {{"url", s.url}}, "", old_parent, s.node);
  if (o.base_path != n.base_path)
    cx.report("openapi.base-path-changed", {{"old", o.base_path.empty() ? "/" : o.base_path},
                                            {"new", n.base_path.empty() ? "/" : n.base_path}},
              "", old_parent, new_parent);
}

}  // namespace accord::diff::openapi
