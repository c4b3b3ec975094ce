#include "core/view/i18n.hpp"

#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <stdexcept>

namespace simpul::view {
namespace {

namespace fs = std::filesystem;

// A fresh folder under the system temp dir, removed when the test ends.
class TempDir {
 public:
  TempDir() {
    const auto* test = ::testing::UnitTest::GetInstance()->current_test_info();
    path_ = fs::temp_directory_path() /
            ("simpul_i18n_" + std::string(test->name()) + "_" + std::to_string(::getpid()));
    fs::remove_all(path_);
    fs::create_directories(path_);
  }
  ~TempDir() { fs::remove_all(path_); }
  void write(const std::string& name, const std::string& text) const {
    std::ofstream(path_ / name) << text;
  }
  std::string path() const { return path_.string(); }

 private:
  fs::path path_;
};

Catalog sample_catalog() {
  Catalog catalog;
  catalog.add(Lang::id, "nav.catalogue", "Katalog");
  catalog.add(Lang::en, "nav.catalogue", "Catalogue");
  catalog.add(Lang::id, "only.id", "Hanya Indonesia");
  catalog.add(Lang::id, "greet", "Halo, {name}! Anda punya {count} pesan.");
  catalog.add(Lang::en, "greet", "Hello, {name}! You have {count} messages.");
  return catalog;
}

TEST(Lang, CodesRoundTrip) {
  EXPECT_EQ(lang_code(Lang::id), "id");
  EXPECT_EQ(lang_code(Lang::en), "en");
  EXPECT_EQ(parse_lang("id"), Lang::id);
  EXPECT_EQ(parse_lang("en"), Lang::en);
}

TEST(Lang, ParseAcceptsRegionsAndCaseAndFallsBackToIndonesian) {
  EXPECT_EQ(parse_lang("EN"), Lang::en);
  EXPECT_EQ(parse_lang("en-US"), Lang::en);
  EXPECT_EQ(parse_lang("en_GB"), Lang::en);
  EXPECT_EQ(parse_lang("fr"), Lang::id);
  EXPECT_EQ(parse_lang(""), Lang::id);
  EXPECT_EQ(parse_lang("eng"), Lang::id);
}

TEST(Catalog, TextPerLanguage) {
  const Catalog catalog = sample_catalog();
  EXPECT_EQ(catalog.text(Lang::id, "nav.catalogue"), "Katalog");
  EXPECT_EQ(catalog.text(Lang::en, "nav.catalogue"), "Catalogue");
}

TEST(Catalog, MissingEnglishFallsBackToIndonesianThenToKey) {
  const Catalog catalog = sample_catalog();
  EXPECT_EQ(catalog.text(Lang::en, "only.id"), "Hanya Indonesia");
  EXPECT_EQ(catalog.text(Lang::en, "no.such.key"), "no.such.key");
  EXPECT_EQ(catalog.text(Lang::id, "no.such.key"), "no.such.key");
}

TEST(Catalog, PlaceholdersAreSubstituted) {
  const Catalog catalog = sample_catalog();
  const MessageArgs args = {{"name", "Siti"}, {"count", "3"}};
  EXPECT_EQ(catalog.text(Lang::id, "greet", args), "Halo, Siti! Anda punya 3 pesan.");
  EXPECT_EQ(catalog.text(Lang::en, "greet", args), "Hello, Siti! You have 3 messages.");
}

TEST(Catalog, UnknownPlaceholdersStayVisible) {
  Catalog catalog;
  catalog.add(Lang::id, "k", "{a} dan {b} dan {a}");
  EXPECT_EQ(catalog.text(Lang::id, "k", {{"a", "x"}}), "x dan {b} dan x");
  EXPECT_EQ(catalog.text(Lang::id, "k"), "{a} dan {b} dan {a}");
}

TEST(Catalog, PlaceholderEdgeCases) {
  Catalog catalog;
  catalog.add(Lang::id, "open", "harga {n");
  catalog.add(Lang::id, "nested", "{x {n}}");
  catalog.add(Lang::id, "braces", "{n}{n}");
  const MessageArgs args = {{"n", "5"}};
  EXPECT_EQ(catalog.text(Lang::id, "open", args), "harga {n");
  EXPECT_EQ(catalog.text(Lang::id, "nested", args), "{x 5}");
  EXPECT_EQ(catalog.text(Lang::id, "braces", args), "55");
}

TEST(Catalog, ArgumentsAreNotReexpanded) {
  Catalog catalog;
  catalog.add(Lang::id, "k", "{a}-{b}");
  EXPECT_EQ(catalog.text(Lang::id, "k", {{"a", "{b}"}, {"b", "B"}}), "{b}-B");
}

TEST(Catalog, HasKeysAndAdd) {
  Catalog catalog = sample_catalog();
  EXPECT_TRUE(catalog.has(Lang::id, "only.id"));
  EXPECT_FALSE(catalog.has(Lang::en, "only.id"));
  EXPECT_EQ(catalog.keys(Lang::id),
            (std::vector<std::string>{"greet", "nav.catalogue", "only.id"}));
  EXPECT_EQ(catalog.keys(Lang::en), (std::vector<std::string>{"greet", "nav.catalogue"}));
  catalog.add(Lang::en, "nav.catalogue", "Catalog");
  EXPECT_EQ(catalog.text(Lang::en, "nav.catalogue"), "Catalog");
}

TEST(Catalog, LoadReadsBothLanguages) {
  TempDir dir;
  dir.write("id.json", R"({"home.title": "Beranda", "hello": "Halo {name}"})");
  dir.write("en.json", R"({"home.title": "Home"})");
  const Catalog catalog = Catalog::load(dir.path());
  EXPECT_EQ(catalog.text(Lang::id, "home.title"), "Beranda");
  EXPECT_EQ(catalog.text(Lang::en, "home.title"), "Home");
  EXPECT_EQ(catalog.text(Lang::en, "hello", {{"name", "Budi"}}), "Halo Budi");
  EXPECT_EQ(catalog.keys(Lang::en), std::vector<std::string>{"home.title"});
}

TEST(Catalog, LoadErrorsNameTheFile) {
  TempDir dir;
  dir.write("id.json", R"({"a": "b"})");
  dir.write("en.json", R"({"a": )");
  try {
    Catalog::load(dir.path());
    FAIL() << "expected an error";
  } catch (const std::runtime_error& error) {
    EXPECT_NE(std::string(error.what()).find("en.json"), std::string::npos) << error.what();
  }
}

TEST(Catalog, LoadRejectsNonStringMessagesAndMissingFiles) {
  TempDir dir;
  dir.write("id.json", R"({"a": {"nested": "no"}})");
  dir.write("en.json", R"({})");
  EXPECT_THROW(Catalog::load(dir.path()), std::runtime_error);
  dir.write("id.json", R"(["not", "an", "object"])");
  EXPECT_THROW(Catalog::load(dir.path()), std::runtime_error);
  EXPECT_THROW(Catalog::load(dir.path() + "/missing"), std::runtime_error);
}

}  // namespace
}  // namespace simpul::view

namespace simpul::view {
namespace {

TEST(CatalogFiles, FeatureFilesMergeAndDuplicatesAreRefused) {
  const auto dir = std::filesystem::temp_directory_path() / "simpul-i18n-merge";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  auto write = [&](const std::string& name, const std::string& text) {
    std::ofstream(dir / name) << text;
  };
  write("id.json", R"({"a": "satu"})");
  write("en.json", R"({"a": "one"})");
  write("feature.id.json", R"({"b": "dua"})");
  write("feature.en.json", R"({"b": "two"})");
  auto catalog = Catalog::load(dir.string());
  EXPECT_EQ(catalog.text(Lang::id, "b"), "dua");
  EXPECT_EQ(catalog.text(Lang::en, "a"), "one");
  write("other.en.json", R"({"a": "again"})");
  EXPECT_THROW(Catalog::load(dir.string()), std::runtime_error);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace simpul::view
