// Document level of the normalised model: version, servers, security schemes
// and the path items whose operations model_operation.cpp fills in.
#include "diff/openapi/model.h"

#include <algorithm>
#include <cctype>

#include "diff/openapi/model_builder.h"
#include "diff/openapi/operation_key.h"

namespace accord::diff::openapi {

namespace detail {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::vector<std::string> string_array(const core::Node* node) {
  std::vector<std::string> out;
  if (!node || !node->is_array()) return out;
  for (const core::Member& m : node->children())
    if (m.value->is_scalar()) out.emplace_back(m.value->text());
  return out;
}

NodeRef child(const NodeRef& parent, std::string_view key) {
  if (!parent.node) return {};
  const core::Node* n = parent.node->get(key);
  if (!n) return {};
  return {n, core::pointer_append(parent.pointer, key)};
}

NodeRef ModelBuilder::resolve(const core::Node* node, std::string pointer) {
  if (!node) return {};
  auto r = set_.resolve(node, std::move(pointer));
  if (!r) {
    if (!error_) error_ = r.error();
    return {};
  }
  return {r->node, std::move(r->pointer)};
}

void ModelBuilder::build() {
  const core::Node* root = api_.root.node;
  api_.major = root->get("swagger") ? 2 : 3;
  build_servers();
  build_security_schemes();
  global_security_ = read_security(child(api_.root, "security"));
  build_paths();
  build_webhooks();
}

namespace {

// "https://{host}/v{version}" with defaults applied.
std::string expand_server_url(const core::Node* server) {
  std::string url(server->get_text("url"));
  const core::Node* vars = server->get("variables");
  std::string out;
  for (size_t i = 0; i < url.size(); ++i) {
    size_t close = url[i] == '{' ? url.find('}', i) : std::string::npos;
    if (close == std::string::npos) {
      out += url[i];
      continue;
    }
    std::string_view name = std::string_view(url).substr(i + 1, close - i - 1);
    const core::Node* var = vars ? vars->get(name) : nullptr;
    out += var ? std::string(var->get_text("default")) : url.substr(i, close - i + 1);
    i = close;
  }
  if (out.size() > 1 && out.back() == '/') out.pop_back();
  return out;
}

}  // namespace

void ModelBuilder::build_servers() {
  if (api_.major == 2) {
    const core::Node* root = api_.root.node;
    std::string host(root->get_text("host"));
    std::string base(root->get_text("basePath"));
    if (base.size() > 1 && base.back() == '/') base.pop_back();
    if (base == "/") base.clear();
    std::vector<std::string> schemes = string_array(root->get("schemes"));
    if (schemes.empty()) schemes.push_back("https");
    NodeRef where = child(api_.root, "host");
    if (!where) where = child(api_.root, "basePath");
    api_.servers_node = where;
    for (const std::string& scheme : schemes)
      api_.servers.push_back({host.empty() ? base : lower(scheme) + "://" + host + base, where});
    api_.base_path = base;
    return;
  }
  api_.servers_node = child(api_.root, "servers");
  if (!api_.servers_node || !api_.servers_node.node->is_array()) return;
  size_t index = 0;
  for (const core::Member& m : api_.servers_node.node->children()) {
    std::string pointer = core::pointer_append(api_.servers_node.pointer, index++);
    if (!m.value->is_object()) continue;
    api_.servers.push_back({expand_server_url(m.value), {m.value, pointer}});
  }
  if (!api_.servers.empty()) api_.base_path = url_base_path(api_.servers.front().url);
}

namespace {

// Swagger 2.0 flow names -> OpenAPI 3 flow names.
std::string_view flow_name_3(std::string_view flow2) {
  if (flow2 == "application") return "clientCredentials";
  if (flow2 == "accessCode") return "authorizationCode";
  return flow2;
}

std::vector<std::string> scope_names(const core::Node* scopes) {
  std::vector<std::string> out;
  if (scopes && scopes->is_object())
    for (const core::Member& m : scopes->children()) out.emplace_back(m.key);
  std::sort(out.begin(), out.end());
  return out;
}

OAuthFlow read_flow(std::string name, const NodeRef& node) {
  OAuthFlow f;
  f.name = std::move(name);
  f.node = node;
  f.authorization_url = node.node->get_text("authorizationUrl");
  f.token_url = node.node->get_text("tokenUrl");
  f.scopes = scope_names(node.node->get("scopes"));
  return f;
}

}  // namespace

void ModelBuilder::build_security_schemes() {
  NodeRef holder = api_.major == 2 ? child(api_.root, "securityDefinitions")
                                   : child(child(api_.root, "components"), "securitySchemes");
  api_.security_schemes_node = holder;
  if (!holder || !holder.node->is_object()) return;
  for (const core::Member& m : holder.node->children()) {
    NodeRef node = resolve(m.value, core::pointer_append(holder.pointer, m.key));
    if (!node || !node.node->is_object()) continue;
    SecurityScheme s;
    s.name = m.key;
    s.node = node;
    s.type = node.node->get_text("type");
    s.in = node.node->get_text("in");
    s.parameter_name = node.node->get_text("name");
    if (s.type == "basic") {  // 2.0
      s.type = "http";
      s.scheme = "basic";
    } else {
      s.scheme = lower(node.node->get_text("scheme"));
    }
    if (api_.major == 2 && s.type == "oauth2") {
      s.flows.push_back(read_flow(std::string(flow_name_3(node.node->get_text("flow"))), node));
    } else if (NodeRef flows = child(node, "flows"); flows && flows.node->is_object()) {
      for (const core::Member& f : flows.node->children())
        if (f.value->is_object())
          s.flows.push_back(read_flow(std::string(f.key), {f.value, core::pointer_append(flows.pointer, f.key)}));
    }
    std::sort(s.flows.begin(), s.flows.end(), [](const OAuthFlow& a, const OAuthFlow& b) { return a.name < b.name; });
    api_.security_schemes.push_back(std::move(s));
  }
  std::sort(api_.security_schemes.begin(), api_.security_schemes.end(),
            [](const SecurityScheme& a, const SecurityScheme& b) { return a.name < b.name; });
}

void ModelBuilder::build_paths() {
  api_.paths = child(api_.root, "paths");
  if (!api_.paths || !api_.paths.node->is_object()) return;
  static constexpr std::string_view kMethods[] = {"get", "put", "post", "delete", "options", "head", "patch", "trace"};
  for (const core::Member& m : api_.paths.node->children()) {
    if (m.key.empty() || m.key[0] != '/') continue;  // x- extensions
    NodeRef item = resolve(m.value, core::pointer_append(api_.paths.pointer, m.key));
    if (!item || !item.node->is_object()) continue;
    api_.path_items.push_back({std::string(m.key), normalize_path_template(m.key), item});
    NodeRef path_params = child(item, "parameters");
    for (std::string_view method : kMethods) {
      NodeRef op_node = child(item, method);
      if (!op_node || !op_node.node->is_object()) continue;
      Operation op;
      op.method = method;
      op.path = m.key;
      op.path_key = api_.path_items.back().key;
      op.key = std::string(method) + " " + op.path_key;
      op.label = operation_label(method, m.key);
      op.node = op_node;
      op.path_item = item;
      op.security = global_security_;
      build_operation(op, path_params);
      api_.operations.push_back(std::move(op));
    }
  }
}

void ModelBuilder::build_webhooks() {
  NodeRef hooks = child(api_.root, "webhooks");
  if (!hooks || !hooks.node->is_object()) return;
  static constexpr std::string_view kMethods[] = {"get", "put", "post", "delete", "options", "head", "patch", "trace"};
  for (const core::Member& m : hooks.node->children()) {
    NodeRef item = resolve(m.value, core::pointer_append(hooks.pointer, m.key));
    if (!item || !item.node->is_object()) continue;
    NodeRef path_params = child(item, "parameters");
    for (std::string_view method : kMethods) {
      NodeRef op_node = child(item, method);
      if (!op_node || !op_node.node->is_object()) continue;
      Operation op;
      op.method = method;
      op.path = m.key;
      op.path_key = std::string(m.key);
      op.key = std::string(method) + " " + op.path_key;
      std::string upper(method);
      for (char& c : upper) c = static_cast<char>(c - 'a' + 'A');
      op.label = "webhook " + std::string(m.key) + " (" + upper + ")";
      op.node = op_node;
      op.path_item = item;
      build_operation(op, path_params);
      api_.webhooks.push_back(std::move(op));
    }
  }
}

}  // namespace detail

NodeRef child_of(const NodeRef& parent, std::string_view key) { return detail::child(parent, key); }

std::string url_base_path(std::string_view url) {
  size_t scheme = url.find("://");
  std::string_view rest = url;
  if (scheme != std::string_view::npos) {
    rest = url.substr(scheme + 3);
    size_t slash = rest.find('/');
    rest = slash == std::string_view::npos ? std::string_view() : rest.substr(slash);
  }
  std::string out(rest);
  while (!out.empty() && out.back() == '/') out.pop_back();
  return out;
}

core::Expected<Api> build_api(core::DocumentSet& set, const core::Document& doc) {
  Api api;
  if (!doc.root() || !doc.root()->is_object())
    return core::make_error("not an OpenAPI document: the root is not an object", doc.path(), 1, 1);
  api.root = {doc.root(), ""};
  detail::ModelBuilder builder(set, api);
  builder.build();
  if (builder.error()) return *builder.error();
  return api;
}

}  // namespace accord::diff::openapi
