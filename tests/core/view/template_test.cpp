#include "core/view/template.hpp"

#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace simpul::view {
namespace {

namespace fs = std::filesystem;

Catalog template_catalog() {
  Catalog catalog;
  catalog.add(Lang::id, "nav.catalogue", "Katalog");
  catalog.add(Lang::en, "nav.catalogue", "Catalogue");
  catalog.add(Lang::id, "nav.signin", "Masuk");
  catalog.add(Lang::id, "danger", "Tom & Jerry <b>");
  return catalog;
}

// Compiles one template named "t" and renders it in Indonesian.
std::string render(const std::string& source, const Json& context,
                   const Catalog& catalog = template_catalog()) {
  const TemplateSet set = TemplateSet::compile({{"t", source}}, catalog);
  return set.render("t", Lang::id, context);
}

// The message of the TemplateError thrown when compiling sources, or "" if none is thrown.
std::string compile_error(const std::unordered_map<std::string, std::string>& sources,
                          const Catalog& catalog = template_catalog()) {
  try {
    TemplateSet::compile(sources, catalog);
  } catch (const TemplateError& error) {
    return error.what();
  }
  return "";
}

// ---------------------------------------------------------------------------------------------
// Escaping

TEST(Escape, AllFiveCharacters) {
  EXPECT_EQ(escape_html(R"(<script>alert("x" & 'y')</script>)"),
            "&lt;script&gt;alert(&quot;x&quot; &amp; &#39;y&#39;)&lt;/script&gt;");
  EXPECT_EQ(escape_html("plain text"), "plain text");
  EXPECT_EQ(escape_html(""), "");
  std::string out = "a";
  append_escaped(out, "<>");
  EXPECT_EQ(out, "a&lt;&gt;");
}

// ---------------------------------------------------------------------------------------------
// Variables

TEST(Variables, EscapedByDefaultRawOnRequest) {
  const Json context = {{"html", "<script>&\"'</script>"}};
  EXPECT_EQ(render("{{html}}", context), "&lt;script&gt;&amp;&quot;&#39;&lt;/script&gt;");
  EXPECT_EQ(render("{{{html}}}", context), "<script>&\"'</script>");
  EXPECT_EQ(render("{{& html}}", context), "<script>&\"'</script>");
  EXPECT_EQ(render("{{&html}}", context), "<script>&\"'</script>");
}

TEST(Variables, WhitespaceInsideTagsIsIgnored) {
  const Json context = {{"name", "Ana"}};
  EXPECT_EQ(render("[{{ name }}] [{{{ name }}}]", context), "[Ana] [Ana]");
}

TEST(Variables, MissingNamesRenderNothing) {
  EXPECT_EQ(render("a{{missing}}b{{{missing}}}c{{x.y.z}}d", Json::object()), "abcd");
}

TEST(Variables, ScalarsRenderLikeJson) {
  const Json context = {{"int", 42},       {"neg", -7},    {"big", 18446744073709551615ULL},
                        {"float", 3.5},    {"whole", 3.0}, {"tiny", 0.1},
                        {"yes", true},     {"no", false},  {"nothing", nullptr},
                        {"list", {1, "<"}}};
  EXPECT_EQ(render("{{int}} {{neg}} {{big}}", context), "42 -7 18446744073709551615");
  EXPECT_EQ(render("{{float}} {{whole}} {{tiny}}", context), "3.5 3 0.1");
  EXPECT_EQ(render("{{yes}} {{no}} [{{nothing}}]", context), "true false []");
  EXPECT_EQ(render("{{list}}", context), "[1,&quot;&lt;&quot;]");
}

TEST(Variables, DottedNames) {
  const Json context = {{"user", {{"name", "Budi"}, {"address", {{"city", "Medan"}}}}}};
  EXPECT_EQ(render("{{user.name}} / {{user.address.city}}", context), "Budi / Medan");
  EXPECT_EQ(render("[{{user.address.zip}}][{{user.name.first}}]", context), "[][]");
}

TEST(Variables, DottedNamesResolveOnlyTheFirstSegmentUpTheStack) {
  // Inside {{#inner}}, "a" is found in the outer context, "a.b" then looks inside it only.
  const Json context = {{"a", {{"b", "outer"}}}, {"inner", {{"c", 1}}}};
  EXPECT_EQ(render("{{#inner}}{{a.b}}{{/inner}}", context), "outer");
  // Once "a" is found in the inner context, a missing "a.b" does not fall back to the outer one.
  const Json shadowed = {{"a", {{"b", "outer"}}}, {"inner", {{"a", {{"x", 1}}}}}};
  EXPECT_EQ(render("[{{#inner}}{{a.b}}{{/inner}}]", shadowed), "[]");
}

TEST(Variables, ImplicitIterator) {
  EXPECT_EQ(render("{{#tags}}<{{.}}>{{/tags}}", {{"tags", {"a", "b&c"}}}), "<a><b&amp;c>");
  EXPECT_EQ(render("{{.}}", "top"), "top");
}

// ---------------------------------------------------------------------------------------------
// Sections

TEST(Sections, ListsIterateWithEachElementAsContext) {
  const Json context = {{"items", {{{"name", "Pena"}}, {{"name", "Buku"}}}}};
  EXPECT_EQ(render("<ul>{{#items}}<li>{{name}}</li>{{/items}}</ul>", context),
            "<ul><li>Pena</li><li>Buku</li></ul>");
}

TEST(Sections, ElementsSeeOuterContexts) {
  const Json context = {{"currency", "Rp"}, {"items", {{{"price", 5}}, {{"price", 7}}}}};
  EXPECT_EQ(render("{{#items}}{{currency}}{{price}};{{/items}}", context), "Rp5;Rp7;");
}

TEST(Sections, InnerNamesShadowOuterOnes) {
  const Json context = {{"name", "outer"}, {"child", {{"name", "inner"}}}};
  EXPECT_EQ(render("{{name}} {{#child}}{{name}}{{/child}} {{name}}", context), "outer inner outer");
}

TEST(Sections, NestedSections) {
  const Json context = {{"groups",
                         {{{"title", "A"}, {"rows", {{{"n", 1}}, {{"n", 2}}}}},
                          {{"title", "B"}, {"rows", {{{"n", 3}}}}}}}};
  EXPECT_EQ(render("{{#groups}}{{title}}:{{#rows}}{{n}}{{title}},{{/rows}}|{{/groups}}", context),
            "A:1A,2A,|B:3B,|");
}

TEST(Sections, ObjectsPushContextOnce) {
  const Json context = {{"user", {{"name", "Siti"}}}};
  EXPECT_EQ(render("{{#user}}Hi {{name}}{{/user}}", context), "Hi Siti");
  EXPECT_EQ(render("{{#empty}}shown{{/empty}}", {{"empty", Json::object()}}), "shown");
}

TEST(Sections, TruthyScalarsRenderOnceWithTheValueAsDot) {
  EXPECT_EQ(render("{{#flag}}on{{/flag}}", {{"flag", true}}), "on");
  EXPECT_EQ(render("{{#n}}[{{.}}]{{/n}}", {{"n", 5}}), "[5]");
  EXPECT_EQ(render("{{#s}}[{{.}}]{{/s}}", {{"s", "x"}}), "[x]");
}

TEST(Sections, FalsyValuesHide) {
  const Json context = {{"f", false}, {"n", nullptr}, {"s", ""},
                        {"zero", 0},  {"fz", 0.0},    {"list", Json::array()}};
  EXPECT_EQ(render("{{#f}}x{{/f}}{{#n}}x{{/n}}{{#s}}x{{/s}}{{#zero}}x{{/zero}}"
                   "{{#fz}}x{{/fz}}{{#list}}x{{/list}}{{#missing}}x{{/missing}}",
                   context),
            "");
}

TEST(Sections, InvertedShowForFalsyAndEmpty) {
  const Json context = {{"items", Json::array()}, {"f", false}, {"t", true}, {"zero", 0}};
  EXPECT_EQ(render("{{^items}}Belum ada data{{/items}}", context), "Belum ada data");
  EXPECT_EQ(
      render("{{^missing}}m{{/missing}}{{^f}}f{{/f}}{{^t}}t{{/t}}{{^zero}}z{{/zero}}", context),
      "mfz");
  EXPECT_EQ(render("{{^items}}none{{/items}}", {{"items", {1}}}), "");
}

TEST(Sections, ListWithEmptyFallback) {
  const std::string source = "{{#rows}}<tr>{{v}}</tr>{{/rows}}{{^rows}}<p>kosong</p>{{/rows}}";
  EXPECT_EQ(render(source, {{"rows", {{{"v", 1}}}}}), "<tr>1</tr>");
  EXPECT_EQ(render(source, {{"rows", Json::array()}}), "<p>kosong</p>");
}

TEST(Sections, DottedSectionNames) {
  const Json context = {{"page", {{"user", {{"admin", true}, {"name", "Ani"}}}}}};
  EXPECT_EQ(render("{{#page.user.admin}}admin {{page.user.name}}{{/page.user.admin}}", context),
            "admin Ani");
}

TEST(Sections, TextAfterSectionIsNotPartOfTheBody) {
  // Guards the merging of adjacent text instructions.
  EXPECT_EQ(render("a{{#x}}b{{/x}}c", {{"x", false}}), "ac");
  EXPECT_EQ(render("a{{#x}}b{{/x}}c", {{"x", {1, 2}}}), "abbc");
  EXPECT_EQ(render("a{{^x}}b{{/x}}c{{! note }}d", {{"x", true}}), "acd");
}

TEST(Comments, RenderNothing) {
  EXPECT_EQ(render("a{{! a comment }}b{{!\nmulti\nline\n}}c", Json::object()), "abc");
}

// ---------------------------------------------------------------------------------------------
// Tables: the lighter model for long lists

std::string render_rows(const std::string& source, const Table& model) {
  const TemplateSet set = TemplateSet::compile({{"t", source}}, template_catalog());
  return set.render("t", Lang::id, model);
}

TEST(Tables, FieldsPrintLikeJson) {
  Table model({"html", "number", "yes", "no", "owned"});
  const std::string html = "<b>&\"'</b>";
  model.add_row()
      .view("html", html)
      .number("number", -42)
      .flag("yes", true)
      .flag("no", false)
      .text("owned", std::string(40, 'x'));
  EXPECT_EQ(render_rows("{{html}}|{{{html}}}|{{& html}}", model),
            "&lt;b&gt;&amp;&quot;&#39;&lt;/b&gt;|<b>&\"'</b>|<b>&\"'</b>");
  EXPECT_EQ(render_rows("{{number}} {{yes}} {{no}} {{owned}}", model),
            "-42 true false " + std::string(40, 'x'));
}

TEST(Tables, SectionsRunOncePerRowAndNest) {
  Table values({"label", "checked"});
  values.add_row().view("label", "A").flag("checked", true);
  values.add_row().view("label", "B").flag("checked", false);
  Table empty({"label"});
  Table groups({"legend", "values"});
  groups.add_row().view("legend", "G1").table("values", values);
  groups.add_row().view("legend", "G2").table("values", empty);
  Table model({"groups"});
  model.add_row().table("groups", groups);
  EXPECT_EQ(render_rows("{{#groups}}[{{legend}}:{{#values}}{{label}}{{#checked}}*{{/checked}},"
                        "{{/values}}{{^values}}none{{/values}}]{{/groups}}",
                        model),
            "[G1:A*,B,][G2:none]");
}

TEST(Tables, UnsetFieldsAreLookedUpOutwards) {
  Table hits({"name", "year", "param"});
  hits.add_row().view("name", "a").number("year", 2020);
  hits.add_row().view("name", "b");  // no year, no param
  Table model({"hits", "param", "year"});
  model.add_row().table("hits", hits).view("param", "outer");
  EXPECT_EQ(render_rows("{{#hits}}{{name}}{{#year}} {{year}}{{/year}} {{param}};{{/hits}}", model),
            "a 2020 outer;b outer;");
}

TEST(Tables, FalsyValuesHideSections) {
  Table empty({"x"});
  Table model({"text", "zero", "no", "list", "missing"});
  model.add_row().view("text", "").number("zero", 0).flag("no", false).table("list", empty);
  EXPECT_EQ(render_rows("{{#text}}1{{/text}}{{#zero}}2{{/zero}}{{#no}}3{{/no}}{{#list}}4{{/list}}"
                        "{{#missing}}5{{/missing}}{{^text}}a{{/text}}{{^zero}}b{{/zero}}"
                        "{{^no}}c{{/no}}{{^list}}d{{/list}}{{^missing}}e{{/missing}}",
                        model),
            "abcde");
}

TEST(Tables, ScalarSectionsPushTheValue) {
  Table model({"name"});
  model.add_row().view("name", "Siti");
  EXPECT_EQ(render_rows("{{#name}}<{{.}}>{{/name}}", model), "<Siti>");
  EXPECT_EQ(render_rows("[{{.}}][{{name.first}}]", model),
            "[][]");  // rows and text have no members
}

TEST(Tables, RenderLikeTheSameJson) {
  const std::string source =
      "{{#items}}<li id=\"{{id}}\">{{label}} ({{count}}){{#on}} on{{/on}}</li>{{/items}}{{total}}";
  Json json = {{"items", Json::array()}, {"total", 3}};
  Table items({"id", "label", "count", "on"});
  for (int i = 0; i < 3; ++i) {
    const std::string label = "L<" + std::to_string(i) + ">";
    json["items"].push_back({{"id", i}, {"label", label}, {"count", i * 10}, {"on", i == 1}});
    items.add_row().number("id", i).text("label", label).number("count", i * 10).flag("on", i == 1);
  }
  Table model({"items", "total"});
  model.add_row().table("items", items).number("total", 3);
  EXPECT_EQ(render_rows(source, model), render(source, json));
}

TEST(Tables, UnknownColumnsAreRefused) {
  Table model({"a"});
  EXPECT_THROW(model.add_row().view("b", "x"), std::invalid_argument);
  EXPECT_EQ(render_rows("[{{a}}]", Table({"a"})), "[]");  // no row: an empty context
}

// ---------------------------------------------------------------------------------------------
// Standalone lines

TEST(Standalone, BlockTagsAloneOnALineVanishWithTheLine) {
  const std::string source =
      "<ul>\n"
      "  {{#items}}\n"
      "  <li>{{.}}</li>\n"
      "  {{/items}}\n"
      "  {{! comment }}\n"
      "</ul>\n";
  EXPECT_EQ(render(source, {{"items", {"a", "b"}}}), "<ul>\n  <li>a</li>\n  <li>b</li>\n</ul>\n");
}

TEST(Standalone, InlineTagsKeepTheirWhitespace) {
  EXPECT_EQ(render(" {{#t}}x{{/t}} \n", {{"t", true}}), " x \n");
  EXPECT_EQ(render("a\n{{#t}}\nb\n{{/t}}", {{"t", true}}), "a\nb\n");
  EXPECT_EQ(render("{{name}}\n", {{"name", "n"}}), "n\n");
  EXPECT_EQ(render("a\r\n{{#t}}\r\nb\r\n{{/t}}\r\n", {{"t", true}}), "a\r\nb\r\n");
}

// ---------------------------------------------------------------------------------------------
// Partials

TEST(Partials, InlinedWithTheCallersContext) {
  const TemplateSet set =
      TemplateSet::compile({{"page", "<main>{{#items}}{{> parts/row}}{{/items}}</main>"},
                            {"parts/row", "<p>{{name}} ({{shop}})</p>"}},
                           template_catalog());
  const Json context = {{"shop", "Toko"}, {"items", {{{"name", "Pena"}}, {{"name", "Buku"}}}}};
  EXPECT_EQ(set.render("page", Lang::id, context),
            "<main><p>Pena (Toko)</p><p>Buku (Toko)</p></main>");
  EXPECT_TRUE(set.contains("parts/row"));
  EXPECT_EQ(set.render("parts/row", Lang::id, {{"name", "X"}}), "<p>X ()</p>");
}

TEST(Partials, NestedPartialsAndSectionsInside) {
  const TemplateSet set =
      TemplateSet::compile({{"layout", "<html>{{> header}}|{{> body}}</html>"},
                            {"header", "<h1>{{title}}</h1>"},
                            {"body", "{{#rows}}{{> cell}}{{/rows}}{{^rows}}-{{/rows}}"},
                            {"cell", "[{{.}}]"}},
                           template_catalog());
  EXPECT_EQ(set.render("layout", Lang::id, {{"title", "T"}, {"rows", {1, 2}}}),
            "<html><h1>T</h1>|[1][2]</html>");
  EXPECT_EQ(set.render("layout", Lang::id, {{"title", "T"}}), "<html><h1>T</h1>|-</html>");
}

TEST(Partials, UnknownPartialIsACompileError) {
  const std::string error = compile_error({{"page", "line one\n{{> missing}}"}});
  EXPECT_NE(error.find("page:2"), std::string::npos) << error;
  EXPECT_NE(error.find("unknown partial 'missing'"), std::string::npos) << error;
}

TEST(Partials, RecursionIsReported) {
  const std::string direct = compile_error({{"self", "{{> self}}"}});
  EXPECT_NE(direct.find("recursive partial 'self'"), std::string::npos) << direct;
  const std::string indirect = compile_error({{"a", "x\n{{> b}}"}, {"b", "{{> a}}"}});
  EXPECT_NE(indirect.find("recursive partial"), std::string::npos) << indirect;
}

TEST(Partials, ErrorsInsideAPartialNameThePartialAndTheInclude) {
  const std::string error =
      compile_error({{"page", "\n\n{{> form}}"}, {"form", "<form>\n{{#fields}}\n</form>"}});
  // "form" is compiled on its own first (sorted names), so the error is at form:2.
  EXPECT_NE(error.find("form:2: unclosed section 'fields'"), std::string::npos) << error;
  const std::string via_page =
      compile_error({{"page", "\n\n{{> zz}}"}, {"zz", "<form>\n{{/fields}}"}});
  EXPECT_EQ(via_page, "zz:2: closing 'fields' but no section is open (included from page:3)")
      << via_page;
}

// ---------------------------------------------------------------------------------------------
// i18n messages

TEST(Messages, ResolvedPerLanguageAtCompileTime) {
  const TemplateSet set = TemplateSet::compile(
      {{"nav", "<a>{{@nav.catalogue}}</a><a>{{@ nav.signin }}</a>"}}, template_catalog());
  EXPECT_EQ(set.render("nav", Lang::id, Json::object()), "<a>Katalog</a><a>Masuk</a>");
  // English has no nav.signin: it falls back to Indonesian like Catalog::text.
  EXPECT_EQ(set.render("nav", Lang::en, Json::object()), "<a>Catalogue</a><a>Masuk</a>");
}

TEST(Messages, AreHtmlEscaped) {
  EXPECT_EQ(render("{{@danger}}", Json::object()), "Tom &amp; Jerry &lt;b&gt;");
}

TEST(Messages, InsidePartialsAndSections) {
  const TemplateSet set = TemplateSet::compile(
      {{"page", "{{#items}}{{> item}}{{/items}}"}, {"item", "{{@nav.catalogue}}:{{.}} "}},
      template_catalog());
  EXPECT_EQ(set.render("page", Lang::en, {{"items", {1, 2}}}), "Catalogue:1 Catalogue:2 ");
}

TEST(Messages, UnknownKeyIsACompileError) {
  const std::string error = compile_error({{"home", "<h1>\n{{@no.such.key}}</h1>"}});
  EXPECT_NE(error.find("home:2"), std::string::npos) << error;
  EXPECT_NE(error.find("no.such.key"), std::string::npos) << error;
}

// ---------------------------------------------------------------------------------------------
// Compile errors

TEST(CompileErrors, UnclosedSectionNamesItsOpeningLine) {
  EXPECT_EQ(compile_error({{"list", "a\nb\n{{#items}}\n{{name}}\n"}}),
            "list:3: unclosed section 'items'");
}

TEST(CompileErrors, MismatchedClose) {
  EXPECT_EQ(compile_error({{"t", "{{#a}}\n{{#b}}\n{{/a}}\n{{/b}}"}}),
            "t:3: closing 'a' but 'b' (line 2) is open");
}

TEST(CompileErrors, CloseWithoutOpen) {
  EXPECT_EQ(compile_error({{"t", "x\n\n{{/a}}"}}), "t:3: closing 'a' but no section is open");
}

TEST(CompileErrors, UnclosedTagAndBadNames) {
  EXPECT_EQ(compile_error({{"t", "a\n{{name"}}), "t:2: unclosed tag");
  EXPECT_EQ(compile_error({{"t", "{{{name}}"}}), "t:1: unclosed tag");
  EXPECT_EQ(compile_error({{"t", "{{}}"}}), "t:1: empty tag");
  EXPECT_EQ(compile_error({{"t", "{{a..b}}"}}), "t:1: invalid name 'a..b'");
  EXPECT_EQ(compile_error({{"t", "{{#}}{{/}}"}}), "t:1: invalid name ''");
  EXPECT_EQ(compile_error({{"t", "{{=<% %>=}}"}}), "t:1: changing delimiters is not supported");
}

TEST(CompileErrors, LineNumbersCountNewlinesInsideTags) {
  EXPECT_EQ(compile_error({{"t", "{{!\n\n}}\n{{/x}}"}}), "t:4: closing 'x' but no section is open");
}

// ---------------------------------------------------------------------------------------------
// TemplateSet

TEST(TemplateSet, UnknownTemplateThrows) {
  const TemplateSet set = TemplateSet::compile({{"a", "A"}}, template_catalog());
  EXPECT_FALSE(set.contains("b"));
  EXPECT_THROW(set.get("b", Lang::id), TemplateError);
  EXPECT_THROW(set.render("b", Lang::en, Json::object()), TemplateError);
}

TEST(TemplateSet, RenderAppendsToAnExistingBuffer) {
  const TemplateSet set = TemplateSet::compile({{"a", "<{{x}}>"}}, template_catalog());
  std::string out = "start";
  set.get("a", Lang::id).render({{"x", 1}}, out);
  set.get("a", Lang::id).render({{"x", 2}}, out);
  EXPECT_EQ(out, "start<1><2>");
}

TEST(TemplateSet, TemplatesAreMovable) {
  TemplateSet set = TemplateSet::compile({{"a", "{{x}}"}}, template_catalog());
  TemplateSet moved = std::move(set);
  EXPECT_EQ(moved.render("a", Lang::id, {{"x", "ok"}}), "ok");
}

class TemplateFolder : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() / ("simpul_templates_" + std::to_string(::getpid()));
    fs::remove_all(root_);
    fs::create_directories(root_ / "accounts");
  }
  void TearDown() override { fs::remove_all(root_); }
  void write(const std::string& name, const std::string& text) {
    std::ofstream(root_ / name) << text;
  }
  fs::path root_;
};

TEST_F(TemplateFolder, LoadNamesTemplatesByRelativePathWithoutExtension) {
  write("layout.html", "<body>{{> accounts/signin}}</body>");
  write("accounts/signin.html", "<h1>{{@nav.signin}} {{user}}</h1>");
  write("accounts/notes.txt", "not a template {{#");
  const TemplateSet set = TemplateSet::load(root_.string(), template_catalog());
  EXPECT_TRUE(set.contains("layout"));
  EXPECT_TRUE(set.contains("accounts/signin"));
  EXPECT_FALSE(set.contains("accounts/notes"));
  EXPECT_EQ(set.render("layout", Lang::en, {{"user", "<b>"}}),
            "<body><h1>Masuk &lt;b&gt;</h1></body>");
}

TEST_F(TemplateFolder, LoadErrorsNameTheFileAndLine) {
  write("accounts/signin.html", "<form>\n\n{{#fields}}\n</form>\n");
  try {
    TemplateSet::load(root_.string(), template_catalog());
    FAIL() << "expected a TemplateError";
  } catch (const TemplateError& error) {
    EXPECT_EQ(std::string(error.what()), "accounts/signin.html:3: unclosed section 'fields'");
  }
}

TEST_F(TemplateFolder, MissingFolderThrows) {
  EXPECT_THROW(TemplateSet::load((root_ / "nope").string(), template_catalog()), TemplateError);
}

// ---------------------------------------------------------------------------------------------
// A realistic page: layout, partials, a 50-row table.

Json table_context(int rows) {
  Json items = Json::array();
  for (int i = 0; i < rows; ++i) {
    items.push_back({{"id", i},
                     {"name", "Barang <" + std::to_string(i) + ">"},
                     {"price", 1000 + i},
                     {"stock", i % 3},
                     {"active", i % 2 == 0}});
  }
  return {{"title", "Daftar & Harga"}, {"user", {{"name", "Siti"}}}, {"items", items}};
}

const std::unordered_map<std::string, std::string> kTablePage = {
    {"layout",
     "<!doctype html>\n<html><head><title>{{title}}</title></head>\n<body>\n"
     "{{> nav}}\n<main>\n{{> table}}\n</main>\n</body></html>\n"},
    {"nav", "<nav><a href=\"/\">{{@nav.catalogue}}</a> {{#user}}{{name}}{{/user}}</nav>"},
    {"table",
     "<table>\n<tr><th>#</th><th>Nama</th><th>Harga</th><th>Stok</th></tr>\n"
     "{{#items}}\n"
     "<tr class=\"{{#active}}on{{/active}}{{^active}}off{{/active}}\"><td>{{id}}</td>"
     "<td>{{name}}</td><td>{{price}}</td><td>{{stock}}</td></tr>\n"
     "{{/items}}\n"
     "{{^items}}<tr><td>kosong</td></tr>{{/items}}\n"
     "</table>"}};

TEST(Page, FiftyRowTableRendersCorrectly) {
  const TemplateSet set = TemplateSet::compile(kTablePage, template_catalog());
  const std::string html = set.render("layout", Lang::id, table_context(50));
  EXPECT_NE(html.find("<title>Daftar &amp; Harga</title>"), std::string::npos);
  EXPECT_NE(html.find("<nav><a href=\"/\">Katalog</a> Siti</nav>"), std::string::npos);
  EXPECT_NE(html.find("<tr class=\"on\"><td>0</td><td>Barang &lt;0&gt;</td><td>1000</td>"
                      "<td>0</td></tr>\n<tr class=\"off\"><td>1</td>"),
            std::string::npos);
  EXPECT_NE(html.find("<td>Barang &lt;49&gt;</td><td>1049</td><td>1</td></tr>\n"),
            std::string::npos);
  EXPECT_EQ(html.find("kosong"), std::string::npos);
  std::size_t rows = 0;
  for (std::size_t at = html.find("<tr class="); at != std::string::npos;
       at = html.find("<tr class=", at + 1)) {
    ++rows;
  }
  EXPECT_EQ(rows, 50u);
}

TEST(Page, FiftyRowTableRendersWholeIntoOneBuffer) {
  const TemplateSet set = TemplateSet::compile(kTablePage, template_catalog());
  const Template& page = set.get("layout", Lang::id);
  std::string out;
  page.render(table_context(50), out);
  EXPECT_GT(out.size(), 4000u);
  std::string again;
  page.render(table_context(50), again);
  EXPECT_EQ(out, again);
}

}  // namespace
}  // namespace simpul::view
