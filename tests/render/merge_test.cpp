// One finding per change at one place: the post-pass that joins the copies a
// shared schema produces (one per operation that reaches it), and how every
// format renders the joined finding.
#include <catch2/catch.hpp>

#include "core/loader.h"
#include "diff/model/merge.h"
#include "diff/render/render.h"
#include "sample_findings.h"

using namespace accord;

namespace {

// The same enum change on a shared schema, as reached from `operation`.
diff::Finding enum_change(const std::string& operation, const std::string& value = "ch_vat") {
  diff::Finding f = test::finding("openapi.response-enum-value-added", diff::Severity::warning,
                                  "enum value '" + value + "' was added", operation,
                                  test::place("old.json", 10, 5, "/components/schemas/tax_id/properties/type"),
                                  test::place("new.json", 12, 5, "/components/schemas/tax_id/properties/type"));
  f.args = {{"value", value}};
  f.fingerprint = diff::compute_fingerprint(f);
  return f;
}

std::vector<diff::Finding> merged_sample() {
  std::vector<diff::Finding> v = {enum_change("POST /v1/customers"), enum_change("GET /v1/customers/{id}"),
                                  enum_change("DELETE /v1/tax_ids/{id}"), enum_change("GET /v1/tax_ids"),
                                  enum_change("GET /v1/customers/{id}"), enum_change("GET /v1/invoices")};
  diff::merge_same_change(v);
  return v;
}

}  // namespace

TEST_CASE("merge: one change reached from many operations is one finding naming all of them", "[merge]") {
  const std::string first_fp = enum_change("DELETE /v1/tax_ids/{id}").fingerprint;
  auto v = merged_sample();
  REQUIRE(v.size() == 1);
  CHECK(v[0].operations == std::vector<std::string>{"DELETE /v1/tax_ids/{id}", "GET /v1/customers/{id}",
                                                    "GET /v1/invoices", "GET /v1/tax_ids", "POST /v1/customers"});
  CHECK(v[0].operation == "DELETE /v1/tax_ids/{id}");
  // The identity is the first operation's, whatever order the walker visited them in.
  CHECK(v[0].fingerprint == first_fp);
}

TEST_CASE("merge: different arguments, rules or places stay apart, order of first occurrence is kept", "[merge]") {
  diff::Finding other_place = enum_change("GET /a");
  other_place.new_place->pointer = "/components/schemas/other/properties/type";
  diff::Finding other_file = enum_change("GET /a");
  other_file.new_place->file = "other.json";
  diff::Finding no_op = enum_change("");
  std::vector<diff::Finding> v = {enum_change("GET /b", "x"), enum_change("GET /a", "y"), other_place,
                                  enum_change("GET /a", "x"), other_file, no_op};
  diff::merge_same_change(v);
  REQUIRE(v.size() == 5);
  CHECK(v[0].arg("value") == "x");
  CHECK(v[0].operations == std::vector<std::string>{"GET /a", "GET /b"});
  CHECK(v[1].operations == std::vector<std::string>{"GET /a"});
  CHECK(v[2].new_place->pointer == "/components/schemas/other/properties/type");
  CHECK(v[3].new_place->file == "other.json");
  CHECK(v[4].operations.empty());
  CHECK(v[4].operation.empty());
}

TEST_CASE("merge: the route an operation takes to the place is not part of the change", "[merge]") {
  diff::Finding via_customer = enum_change("GET /v1/customers/{id}");
  via_customer.args = {{"subject", "response 200 (application/json)"}, {"property", "tax_ids/data/items/type"},
                       {"value", "ch_vat"}};
  via_customer.message = "response 200 (application/json) property 'tax_ids/data/items/type': enum value added";
  diff::Finding via_invoice = via_customer;
  via_invoice.operation = "GET /v1/invoices/{id}";
  via_invoice.args[1].value = "customer_tax_ids/items/type";
  via_invoice.message = "response 200 (application/json) property 'customer_tax_ids/items/type': enum value added";
  diff::Finding other_value = via_invoice;
  other_value.args[2].value = "hu_tin";
  std::vector<diff::Finding> v = {via_invoice, via_customer, other_value};
  diff::merge_same_change(v);
  REQUIRE(v.size() == 2);
  CHECK(v[0].operations == std::vector<std::string>{"GET /v1/customers/{id}", "GET /v1/invoices/{id}"});
  // The joined finding is the first operation's, route and message included.
  CHECK(v[0].arg("property") == "tax_ids/data/items/type");
  CHECK(v[0].message.find("'tax_ids/data/items/type'") != std::string::npos);
  CHECK(v[1].arg("value") == "hu_tin");
}

TEST_CASE("merge: a finding that already names operations (a removed path) keeps them, sorted", "[merge]") {
  diff::Finding path = test::finding("openapi.path-removed", diff::Severity::error, "path '/a' was removed", "",
                                     test::place("old.yaml", 3, 3, "/paths/~1a"), std::nullopt);
  path.operations = {"PUT /a", "DELETE /a", "GET /a"};
  std::vector<diff::Finding> v = {path};
  diff::merge_same_change(v);
  CHECK(v[0].operations == std::vector<std::string>{"DELETE /a", "GET /a", "PUT /a"});
  CHECK(v[0].operation == "DELETE /a");
}

TEST_CASE("operations summary names a few and counts the rest", "[merge]") {
  auto v = merged_sample();
  CHECK(diff::operations_summary(v[0]) == "DELETE /v1/tax_ids/{id}, GET /v1/customers/{id}, GET /v1/invoices and 2 more");
  CHECK(diff::operations_summary(v[0], 5) ==
        "DELETE /v1/tax_ids/{id}, GET /v1/customers/{id}, GET /v1/invoices, GET /v1/tax_ids, POST /v1/customers");
}

TEST_CASE("a merged finding is rendered once by every format", "[merge][render]") {
  auto v = merged_sample();
  diff::RenderContext ctx;
  ctx.new_path = "new.json";
  const std::string few = "DELETE /v1/tax_ids/{id}, GET /v1/customers/{id}, GET /v1/invoices and 2 more";
  auto count = [](const std::string& s, const std::string& part) {
    size_t n = 0;
    for (size_t at = s.find(part); at != std::string::npos; at = s.find(part, at + 1)) ++n;
    return n;
  };
  std::string text = diff::render_text(v, ctx);
  CHECK(count(text, "enum value 'ch_vat' was added") == 1);
  CHECK(text.find("(" + few + ")") != std::string::npos);
  CHECK(count(diff::render_github_actions(v, ctx), "::warning ") == 1);
  CHECK(diff::render_github_actions(v, ctx).find(few) != std::string::npos);
  std::string junit = diff::render_junit(v, ctx);
  CHECK(count(junit, "<testcase ") == 1);
  CHECK(junit.find(few) != std::string::npos);
  std::string md = diff::render_markdown(v, ctx);
  CHECK(count(md, "ch\\_vat") == 1);
  CHECK(md.find("also GET /v1/customers/{id}, GET /v1/invoices, GET /v1/tax\\_ids and 1 more") != std::string::npos);
  std::string sarif = diff::render_sarif(v, ctx);
  CHECK(count(sarif, "\"ruleId\"") == 1);
  CHECK(sarif.find(few) != std::string::npos);

  auto doc = core::load_text("out.json", diff::render_json(v, ctx), core::Syntax::json);
  REQUIRE(doc);
  const core::Node* list = (*doc)->root()->get("findings");
  REQUIRE(list->size() == 1);
  CHECK(list->at(0)->get_text("operation") == "DELETE /v1/tax_ids/{id}");
  const core::Node* ops = list->at(0)->get("operations");
  REQUIRE(ops->size() == 5);
  CHECK(ops->at(4)->text() == "POST /v1/customers");
}
