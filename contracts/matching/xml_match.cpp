// XML body matching: elements by (namespace-qualified) name, children grouped
// by name, attributes by name, text content trimmed, with rule paths such as
// "$.animals.alligator['@name']" and "$.people.person['#text']".

#include <map>

#include "contracts/matching/body_match.h"
#include "contracts/matching/value_match.h"
#include "contracts/matching/xml_library.h"

namespace accord::contracts::matching {

namespace {

struct XmlElement {
  std::string name;
  std::vector<std::pair<std::string, std::string>> attributes;
  std::vector<XmlElement> children;
  std::string text;
};

std::string qualified(const xmlChar* local, const xmlNs* ns) {
  std::string name = reinterpret_cast<const char*>(local);
  if (ns && ns->href) return std::string(reinterpret_cast<const char*>(ns->href)) + ":" + name;
  return name;
}

std::string trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
  return std::string(s.substr(b, e - b));
}

void convert(const XmlLibrary& xml, const xmlNode* node, XmlElement& out) {
  out.name = qualified(node->name, node->ns);
  for (const xmlAttr* a = node->properties; a; a = a->next) {
    xmlChar* v = xml.node_get_content(reinterpret_cast<const xmlNode*>(a));
    out.attributes.emplace_back(qualified(a->name, a->ns), v ? reinterpret_cast<const char*>(v) : "");
    if (v) (*xml.free)(v);
  }
  for (const xmlNode* c = node->children; c; c = c->next) {
    if (c->type == XML_ELEMENT_NODE) {
      out.children.emplace_back();
      convert(xml, c, out.children.back());
    } else if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content) {
      out.text += trim(reinterpret_cast<const char*>(c->content));
    }
  }
}

bool parse_xml(const std::string& text, XmlElement& out, std::string& error) {
  const auto& loaded = xml_library();
  if (!loaded) {
    error = loaded.error().message;
    return false;
  }
  const XmlLibrary& xml = **loaded;
  xmlDocPtr doc = xml.read_memory(text.data(), static_cast<int>(text.size()), "body.xml", nullptr,
                                XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (!doc) {
    const xmlError* err = xml.get_last_error();
    error = err && err->message ? trim(err->message) : "not well-formed XML";
    return false;
  }
  const xmlNode* root = xml.doc_get_root_element(doc);
  if (!root) {
    xml.free_doc(doc);
    error = "no root element";
    return false;
  }
  convert(xml, root, out);
  xml.free_doc(doc);
  return true;
}

using Location = std::vector<std::string>;

std::string names_of(const std::vector<XmlElement>& list) {
  std::string s;
  for (const auto& c : list) s += (s.empty() ? "" : ", ") + c.name;
  return s;
}

void compare_value(Location& loc, const std::string& e, const std::string& a, const BodyContext& ctx) {
  if (ctx.rules && ctx.rules->defined_for(loc)) {
    RuleList rules = ctx.rules->best_for(loc);
    for (const std::string& why : apply_rules(rules, Value::of_text(e), Value::of_text(a)))
      ctx.add(loc, e, a, why);
  } else if (e != a) {
    ctx.add(loc, e, a, "expected '" + e + "' but got '" + a + "'");
  }
}

void compare_element(Location& loc, const XmlElement& e, const XmlElement& a, const BodyContext& ctx);

void compare_attributes(Location& loc, const XmlElement& e, const XmlElement& a, const BodyContext& ctx) {
  if (!ctx.allow_unexpected_keys) {
    for (const auto& [k, v] : a.attributes) {
      bool known = false;
      for (const auto& ea : e.attributes) known |= ea.first == k;
      if (!known) {
        loc.push_back("@" + k);
        ctx.add(loc, "(absent)", v, "unexpected attribute '" + k + "'");
        loc.pop_back();
      }
    }
  }
  for (const auto& [k, v] : e.attributes) {
    loc.push_back("@" + k);
    const std::string* found = nullptr;
    for (const auto& aa : a.attributes)
      if (aa.first == k) found = &aa.second;
    if (found) compare_value(loc, v, *found, ctx);
    else ctx.add(loc, v, "(missing)", "expected attribute '" + k + "'='" + v + "' but it was missing");
    loc.pop_back();
  }
}

void compare_children(Location& loc, const XmlElement& e, const XmlElement& a, const BodyContext& ctx) {
  if (e.children.empty() && !a.children.empty() && !ctx.allow_unexpected_keys) {
    ctx.add(loc, "no children", names_of(a.children), "expected no child elements but got [" + names_of(a.children) + "]");
    return;
  }
  std::vector<std::string> order;
  std::map<std::string, std::vector<const XmlElement*>> expected_groups, actual_groups;
  for (const auto& c : e.children) expected_groups[c.name].push_back(&c);
  for (const auto& c : a.children) {
    if (!actual_groups.count(c.name)) order.push_back(c.name);
    actual_groups[c.name].push_back(&c);
  }
  for (const std::string& name : order) {
    const auto& group = actual_groups[name];
    loc.push_back(name);
    auto it = expected_groups.find(name);
    if (it != expected_groups.end()) {
      const auto& expected = it->second;
      if (ctx.rules && ctx.rules->type_rule_defined_for(loc)) {
        for (const XmlElement* child : group) compare_element(loc, *expected.front(), *child, ctx);
      } else {
        size_t n = std::max(expected.size(), group.size());
        for (size_t i = 0; i < n; ++i) {
          if (i < expected.size() && i < group.size()) compare_element(loc, *expected[i], *group[i], ctx);
          else if (i < expected.size())
            ctx.add(loc, name, "(missing)", "expected child <" + name + "/> #" + std::to_string(i + 1) + " but it was missing");
          else if (!ctx.allow_unexpected_keys)
            ctx.add(loc, "(absent)", name, "unexpected child <" + name + "/> #" + std::to_string(i + 1));
        }
      }
      expected_groups.erase(it);
    } else if (!ctx.allow_unexpected_keys || (ctx.rules && ctx.rules->type_rule_defined_for(loc))) {
      ctx.add(loc, "(absent)", name, "unexpected child <" + name + "/>");
    }
    loc.pop_back();
  }
  for (const auto& [name, list] : expected_groups) {
    loc.push_back(name);
    ctx.add(loc, name, "(missing)", "expected child <" + name + "/> but it was missing");
    loc.pop_back();
  }
}

void compare_element(Location& loc, const XmlElement& e, const XmlElement& a, const BodyContext& ctx) {
  bool value_rules = false;
  RuleList element_rules;
  if (ctx.rules && ctx.rules->defined_for(loc)) {
    RuleList rules = ctx.rules->best_for(loc);
    element_rules = rules;
    std::vector<std::string> failures;
    for (const MatchingRule& r : rules.rules) {
      std::optional<std::string> why;
      switch (r.kind) {
        case RuleKind::regex:
          value_rules = true;
          break;
        case RuleKind::min_type:
        case RuleKind::min_max_type:
          if (!rules.cascaded && a.children.size() < r.min)
            why = "expected <" + a.name + "> to have at least " + std::to_string(r.min) + " child element(s)";
          if (r.kind == RuleKind::min_type) break;
          [[fallthrough]];
        case RuleKind::max_type:
          if (!rules.cascaded && a.children.size() > r.max)
            why = "expected <" + a.name + "> to have at most " + std::to_string(r.max) + " child element(s)";
          break;
        case RuleKind::type:
        case RuleKind::equality:
          if (e.name != a.name) why = "expected element <" + e.name + "> but got <" + a.name + ">";
          break;
        default:
          value_rules = true;  // a value rule on an element checks its text
          break;
      }
      if (why) failures.push_back(*why);
      else if (rules.combine_or) { failures.clear(); break; }
    }
    if (!failures.empty()) {
      for (const auto& why : failures) ctx.add(loc, e.name, a.name, why);
      return;
    }
  } else if (e.name != a.name) {
    ctx.add(loc, e.name, a.name, "expected element <" + e.name + "> but got <" + a.name + ">");
    return;
  }
  compare_attributes(loc, e, a, ctx);
  compare_children(loc, e, a, ctx);
  loc.push_back("#text");
  if (ctx.rules && ctx.rules->defined_for(loc)) {
    compare_value(loc, e.text, a.text, ctx);
  } else if (value_rules) {
    RuleList own;
    own.combine_or = element_rules.combine_or;
    for (const MatchingRule& r : element_rules.rules)
      if (!r.is_type() && r.kind != RuleKind::equality) own.rules.push_back(r);
    for (const std::string& why : apply_rules(own, Value::of_text(e.text), Value::of_text(a.text)))
      ctx.add(loc, e.text, a.text, why);
  } else if (e.text != a.text) {
    ctx.add(loc, e.text, a.text, "expected text '" + e.text + "' but got '" + a.text + "'");
  }
  loc.pop_back();
}

}  // namespace

void match_xml(const std::string& expected, const std::string& actual, const BodyContext& ctx) {
  XmlElement e, a;
  std::string error;
  if (!parse_xml(expected, e, error)) {
    ctx.add({"$"}, "XML", "", "the expected body is not XML: " + error);
    return;
  }
  if (!parse_xml(actual, a, error)) {
    ctx.add({"$"}, "XML", actual.substr(0, 80), "the body is not well-formed XML: " + error);
    return;
  }
  // Rule paths may carry [*] after a repeated element; XML locations have no indexes.
  RuleCategory xml_rules;
  if (ctx.rules)
    for (const auto& [path, list] : ctx.rules->entries) xml_rules.add(path.without_star_index(), list);
  BodyContext xml_ctx = ctx;
  xml_ctx.rules = &xml_rules;
  Location loc{"$", e.name};
  compare_element(loc, e, a, xml_ctx);
}

}  // namespace accord::contracts::matching
