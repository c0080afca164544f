// One operation of the normalised model: merged parameters, the request body
// (2.0 `body`/`formData` parameters become one), responses with their media
// types and headers, and the effective security requirement.
#include <algorithm>

#include "diff/openapi/model_builder.h"

namespace accord::diff::openapi::detail {

namespace {

std::vector<std::string> template_names(std::string_view path) {
  std::vector<std::string> out;
  for (size_t i = path.find('{'); i != std::string_view::npos; i = path.find('{', i + 1)) {
    size_t close = path.find('}', i);
    if (close == std::string_view::npos) break;
    out.emplace_back(path.substr(i + 1, close - i - 1));
  }
  return out;
}

bool has_type(const core::Node* schema, std::string_view type) {
  if (!schema || !schema->is_object()) return false;
  const core::Node* t = schema->get("type");
  if (!t) return false;
  if (t->is_string()) return t->text() == type;
  for (const std::string& s : string_array(t))
    if (s == type) return true;
  return false;
}

// Swagger 2.0 collectionFormat -> OpenAPI 3 style/explode.
void style_from_collection_format(Parameter& p, std::string_view format) {
  bool form_like = p.in == "query" || p.in == "cookie" || p.in == "formData";
  if (format == "multi") {
    p.style = "form";
    p.explode = true;
  } else if (format == "ssv") {
    p.style = "spaceDelimited";
  } else if (format == "pipes") {
    p.style = "pipeDelimited";
  } else if (format == "tsv") {
    p.style = "tabDelimited";
  } else {
    p.style = form_like ? "form" : "simple";
  }
}

}  // namespace

std::vector<std::string> ModelBuilder::media_list(const core::Node* op_node, std::string_view key) const {
  std::vector<std::string> list = string_array(op_node->get(key));
  if (list.empty()) list = string_array(api_.root.node->get(key));
  if (list.empty()) list.push_back("application/json");
  for (std::string& s : list) s = lower(s);
  return list;
}

std::optional<Parameter> ModelBuilder::read_parameter(const NodeRef& param, const Operation& op,
                                                      NodeRef& body_param) {
  const core::Node* n = param.node;
  Parameter p;
  p.name = n->get_text("name");
  p.in = n->get_text("in");
  p.node = param;
  p.required = n->get_bool("required") || p.in == "path";
  p.deprecated = n->get_bool("deprecated");
  if (const core::Node* sunset = n->get("x-sunset"); sunset && sunset->is_scalar()) p.sunset = sunset->text();
  if (api_.major == 2) {
    if (p.in == "body") {
      body_param = param;
      return std::nullopt;
    }
    p.schema = param;  // 2.0 keeps type/format/items on the parameter itself
    p.is_collection = n->get_text("type") == "array";
    style_from_collection_format(p, n->get_text("collectionFormat"));
  } else {
    p.schema = child(param, "schema");
    if (!p.schema) {
      NodeRef content = child(param, "content");
      if (content && content.node->is_object() && content.node->size() > 0) {
        const core::Member& first = content.node->children().front();
        p.schema = child({first.value, core::pointer_append(content.pointer, first.key)}, "schema");
      }
    }
    bool form_like = p.in == "query" || p.in == "cookie";
    p.style = n->get_text("style", form_like ? "form" : "simple");
    p.explode = n->get("explode") ? n->get_bool("explode") : p.style == "form";
    if (p.schema) {
      auto resolved = set_.resolve(p.schema.node, p.schema.pointer);
      const core::Node* s = resolved ? resolved->node : nullptr;
      p.is_collection = has_type(s, "array") || has_type(s, "object");
    }
  }
  if (p.in == "path") {
    std::vector<std::string> names = template_names(op.path);
    auto it = std::find(names.begin(), names.end(), p.name);
    p.key = it == names.end() ? "path:" + p.name : "path#" + std::to_string(it - names.begin());
  } else {
    p.key = p.in + ":" + (p.in == "header" ? lower(p.name) : p.name);
  }
  return p;
}

void ModelBuilder::add_parameter(Operation& op, const Parameter& p) {
  std::vector<Parameter>& list = p.in == "formData" ? op.form_fields : op.parameters;
  for (Parameter& existing : list)
    if (existing.in == p.in && existing.name == p.name) {
      existing = p;  // the operation's definition overrides the path item's
      return;
    }
  list.push_back(p);
}

void ModelBuilder::build_operation(Operation& op, const NodeRef& path_params) {
  const core::Node* n = op.node.node;
  op.deprecated = n->get_bool("deprecated");
  if (const core::Node* sunset = n->get("x-sunset"); sunset && sunset->is_scalar()) op.sunset = sunset->text();
  if (const core::Node* level = n->get("x-stability-level"); level && level->is_scalar())
    op.stability = level->text();
  op.operation_id = n->get_text("operationId");
  op.summary = n->get_text("summary");
  op.description = n->get_text("description");
  op.tags = string_array(n->get("tags"));
  std::sort(op.tags.begin(), op.tags.end());

  NodeRef body_param;
  for (const NodeRef& list : {path_params, child(op.node, "parameters")}) {
    if (!list || !list.node->is_array()) continue;
    size_t index = 0;
    for (const core::Member& m : list.node->children()) {
      NodeRef param = resolve(m.value, core::pointer_append(list.pointer, index++));
      if (!param || !param.node->is_object()) continue;
      if (auto p = read_parameter(param, op, body_param)) add_parameter(op, *p);
    }
  }
  read_request_body(op, body_param);
  read_responses(op);
  NodeRef own_security = child(op.node, "security");
  if (own_security) op.security = read_security(own_security);
}

std::vector<MediaType> ModelBuilder::read_content(const NodeRef& owner) {
  std::vector<MediaType> out;
  NodeRef content = child(owner, "content");
  if (!content || !content.node->is_object()) return out;
  for (const core::Member& m : content.node->children()) {
    NodeRef media{m.value, core::pointer_append(content.pointer, m.key)};
    out.push_back({lower(m.key), media, child(media, "schema")});
  }
  return out;
}

void ModelBuilder::read_request_body(Operation& op, const NodeRef& body_param) {
  if (api_.major != 2) {
    NodeRef body = child(op.node, "requestBody");
    if (!body) return;
    body = resolve(body.node, body.pointer);
    if (!body || !body.node->is_object()) return;
    op.request_body = RequestBody{body, body.node->get_bool("required"), read_content(body)};
    return;
  }
  if (body_param) {
    RequestBody rb{body_param, body_param.node->get_bool("required"), {}};
    for (std::string& type : media_list(op.node.node, "consumes"))
      rb.content.push_back({std::move(type), body_param, child(body_param, "schema")});
    op.request_body = std::move(rb);
  } else if (!op.form_fields.empty()) {
    const NodeRef& first = op.form_fields.front().node;
    RequestBody rb{first, false, {}};
    for (const Parameter& f : op.form_fields) rb.required = rb.required || f.required;
    std::vector<std::string> types = string_array(op.node.node->get("consumes"));
    if (types.empty()) types = string_array(api_.root.node->get("consumes"));
    if (types.empty()) types.push_back("application/x-www-form-urlencoded");
    NodeRef schema = form_schema(op);
    for (std::string& type : types) rb.content.push_back({lower(type), first, schema});
    op.request_body = std::move(rb);
  }
}

// `{type: object, properties: {<field>: {$ref: <the formData parameter>}},
// required: [...]}`: what OpenAPI 3 writes as the form's schema. Each
// property is a reference to the parameter itself (type, format, enum,
// limits sit on it in 2.0), so findings about a field point at the field as
// written. The object sits at the first field's position.
NodeRef ModelBuilder::form_schema(const Operation& op) {
  const core::Document* doc = set_.document_of(op.node.node);
  auto builder = set_.derive(doc);
  if (!builder) return {};
  core::SourceLocation at = op.form_fields.front().node.node->location();
  auto text = [&](core::Node::Kind kind, std::string value) {
    core::Node* n = builder->make(kind, at.line, at.column);
    builder->set_text(n, builder->keep(std::move(value)));
    return n;
  };
  core::Node* schema = builder->make(core::Node::Kind::object, at.line, at.column);
  core::Node* properties = builder->make(core::Node::Kind::object, at.line, at.column);
  core::Node* required = builder->make(core::Node::Kind::array, at.line, at.column);
  for (const Parameter& f : op.form_fields) {
    core::Node* ref = builder->make(core::Node::Kind::object, at.line, at.column);
    builder->add_member(ref, std::string_view("$ref"), text(core::Node::Kind::string, "#" + f.node.pointer));
    builder->finish_object(ref);
    builder->add_member(properties, builder->keep(std::string_view(f.name)), ref);
    if (f.required) builder->add_item(required, text(core::Node::Kind::string, f.name));
  }
  builder->finish_object(properties);
  builder->add_member(schema, std::string_view("type"), text(core::Node::Kind::string, "object"));
  builder->add_member(schema, std::string_view("properties"), properties);
  if (required->size() > 0) builder->add_member(schema, std::string_view("required"), required);
  builder->finish_object(schema);
  return {schema, core::pointer_append(op.node.pointer, "parameters")};
}

Response ModelBuilder::read_response(std::string status, const NodeRef& node, const std::vector<std::string>& produces) {
  Response r;
  r.status = std::move(status);
  r.node = node;
  if (api_.major == 2) {
    if (NodeRef schema = child(node, "schema"))
      for (const std::string& type : produces) r.content.push_back({type, node, schema});
  } else {
    r.content = read_content(node);
  }
  NodeRef headers = child(node, "headers");
  if (headers && headers.node->is_object()) {
    for (const core::Member& m : headers.node->children()) {
      NodeRef h = resolve(m.value, core::pointer_append(headers.pointer, m.key));
      if (!h || !h.node->is_object()) continue;
      Header header{std::string(m.key), lower(m.key), h.node->get_bool("required"), h, {}};
      header.schema = api_.major == 2 ? h : child(h, "schema");
      if (!header.schema) {
        std::vector<MediaType> content = read_content(h);
        if (!content.empty()) header.schema = content.front().schema;
      }
      r.headers.push_back(std::move(header));
    }
  }
  return r;
}

void ModelBuilder::read_responses(Operation& op) {
  NodeRef responses = child(op.node, "responses");
  if (!responses || !responses.node->is_object()) return;
  std::vector<std::string> produces;
  if (api_.major == 2) produces = media_list(op.node.node, "produces");
  for (const core::Member& m : responses.node->children()) {
    if (m.key.rfind("x-", 0) == 0) continue;
    NodeRef node = resolve(m.value, core::pointer_append(responses.pointer, m.key));
    if (!node || !node.node->is_object()) continue;
    std::string status(m.key);
    if (status.size() == 3) {
      for (char& c : status) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    } else {
      status = lower(status);
    }
    op.responses.push_back(read_response(std::move(status), node, produces));
  }
}

Security ModelBuilder::read_security(const NodeRef& node) {
  Security s;
  if (!node || !node.node->is_array()) return s;
  s.declared = true;
  s.node = node;
  size_t index = 0;
  for (const core::Member& m : node.node->children()) {
    std::string pointer = core::pointer_append(node.pointer, index++);
    if (!m.value->is_object()) continue;
    SecurityAlternative alt;
    alt.node = {m.value, pointer};
    for (const core::Member& scheme : m.value->children()) {
      std::vector<std::string> scopes = string_array(scheme.value);
      std::sort(scopes.begin(), scopes.end());
      alt.schemes.emplace_back(std::string(scheme.key), std::move(scopes));
    }
    std::sort(alt.schemes.begin(), alt.schemes.end());
    for (const auto& [name, scopes] : alt.schemes) alt.key += (alt.key.empty() ? "" : " + ") + name;
    s.alternatives.push_back(std::move(alt));
  }
  return s;
}

}  // namespace accord::diff::openapi::detail
