#include "registry/spec/spec_operations.h"

#include <algorithm>
#include <cctype>

#include "core/loader.h"
#include "diff/openapi/operation_key.h"

namespace accord::registry {

namespace {

constexpr std::string_view kMethods[] = {"get", "put", "post", "delete", "options", "head", "patch", "trace"};

// "https://api.example.com/v1/" -> "/v1"; "{scheme}://host/base" -> "/base"; "/v1" -> "/v1".
std::string base_path_of_url(std::string_view url) {
  size_t scheme = url.find("://");
  if (scheme != std::string_view::npos) {
    size_t slash = url.find('/', scheme + 3);
    url = slash == std::string_view::npos ? std::string_view() : url.substr(slash);
  }
  std::string out(url);
  while (!out.empty() && out.back() == '/') out.pop_back();
  return out;
}

void add_base_path(SpecOperations& spec, std::string base) {
  if (base.empty() || base[0] != '/') return;
  if (std::find(spec.base_paths.begin(), spec.base_paths.end(), base) == spec.base_paths.end())
    spec.base_paths.push_back(std::move(base));
}

}  // namespace

std::string operation_key(std::string_view method, std::string_view path) {
  return diff::operation_label(method, diff::normalize_path_template(path));
}

std::string operation_key_from_label(std::string_view label) {
  size_t space = label.find(' ');
  if (space == std::string_view::npos) return std::string(label);
  return operation_key(label.substr(0, space), label.substr(space + 1));
}

core::Expected<std::string> api_name_of(const SpecOperations& spec, const std::string& explicit_name) {
  if (!explicit_name.empty()) return explicit_name;
  if (spec.title.empty())
    return core::make_error(spec.source + " has no info.title to name its API: pass --api NAME");
  std::string_view version = spec.version;
  if (!version.empty() && (version[0] == 'v' || version[0] == 'V')) version.remove_prefix(1);
  size_t digits = 0;
  while (digits < version.size() && std::isdigit(static_cast<unsigned char>(version[digits]))) ++digits;
  // "2.3.1" -> "2"; a version without a leading number ("beta") is taken whole.
  std::string major(digits ? version.substr(0, digits) : version);
  return major.empty() ? spec.title : spec.title + " v" + major;
}

core::Expected<SpecOperations> load_spec_operations(const std::string& path) {
  auto doc = core::load_file(path);
  if (!doc) return doc.error();
  const core::Node* root = (*doc)->root();
  if (!root || !root->is_object() || (!root->get("openapi") && !root->get("swagger")))
    return core::make_error("not an OpenAPI or Swagger document (no `openapi` or `swagger` key)", path, 1, 1);
  SpecOperations spec;
  spec.source = path;
  if (const core::Node* info = root->get("info"); info && info->is_object()) {
    spec.title = std::string(info->get_text("title"));
    spec.version = std::string(info->get_text("version"));
  }
  if (const core::Node* servers = root->get("servers"); servers && servers->is_array()) {
    for (const auto& item : servers->children())
      if (item.value->is_object()) add_base_path(spec, base_path_of_url(item.value->get_text("url")));
  }
  if (const core::Node* base = root->get("basePath"); base && base->is_string())
    add_base_path(spec, base_path_of_url(base->text()));
  // Longest first, so "/api/v2" is tried before "/api".
  std::sort(spec.base_paths.begin(), spec.base_paths.end(),
            [](const std::string& a, const std::string& b) { return a.size() > b.size(); });

  const core::Node* paths = root->get("paths");
  if (!paths) return spec;
  if (!paths->is_object()) {
    auto loc = paths->location();
    return core::make_error("`paths` is not an object", path, loc.line, loc.column);
  }
  for (const auto& [template_path, item] : paths->children()) {
    if (!item->is_object()) continue;
    for (std::string_view method : kMethods) {
      const core::Node* op = item->get(method);
      if (!op || !op->is_object()) continue;
      SpecOperation out;
      out.method = diff::operation_label(method, "");
      out.method.pop_back();  // operation_label adds a space before the path
      out.path = std::string(template_path);
      out.key = operation_key(method, template_path);
      out.label = diff::operation_label(method, template_path);
      out.deprecated = op->get_bool("deprecated");
      if (const core::Node* sunset = op->get("x-sunset"); sunset && sunset->is_scalar())
        out.sunset = std::string(sunset->text());
      spec.operations.push_back(std::move(out));
    }
  }
  return spec;
}

}  // namespace accord::registry
