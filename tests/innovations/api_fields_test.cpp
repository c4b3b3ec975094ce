// Reading an innovation profile from an API request: strict about names and types.
#include <gtest/gtest.h>

#include "innovations/api_fields.hpp"

namespace simpul::innovations {
namespace {

using nlohmann::json;

TEST(ApiFields, ReadsEveryFieldOfTheProfile) {
  FieldErrors errors;
  auto fields = fields_from_api(
      {{"name", "Pikobar"},
       {"short_name", "Pikobar"},
       {"form", "pelayanan_publik"},
       {"affairs", {"kesehatan", "kominfo"}},
       {"sdgs", {3, 16}},
       {"results", {{{"indicator", "Pengguna"}, {"before", "0"}, {"after", "2 juta"}}}},
       {"budget", 1500000},
       {"tags", {"covid"}},
       {"video_url", nullptr}},
      errors);
  EXPECT_TRUE(errors.empty());
  EXPECT_EQ(fields.name, "Pikobar");
  EXPECT_EQ(fields.affairs, (std::vector<std::string>{"kesehatan", "kominfo"}));
  EXPECT_EQ(fields.sdgs, (std::vector<int>{3, 16}));
  ASSERT_EQ(fields.results.size(), 1u);
  EXPECT_EQ(fields.results[0].after, "2 juta");
  EXPECT_EQ(fields.budget, 1500000);
  EXPECT_EQ(fields.tags, std::vector<std::string>{"covid"});
  EXPECT_EQ(fields.video_url, "");
}

TEST(ApiFields, NamesEveryUnknownKeyAndWrongType) {
  FieldErrors errors;
  fields_from_api({{"nama", "x"},
                   {"name", 5},
                   {"sdgs", {"3"}},
                   {"affairs", "kesehatan"},
                   {"budget", 1.5},
                   {"results", {{{"indicator", "a"}, {"satuan", "b"}}, "row"}}},
                  errors);
  EXPECT_EQ(errors["nama"], "api.error.unknown_field");
  EXPECT_EQ(errors["name"], "api.error.type");
  EXPECT_EQ(errors["sdgs"], "api.error.type");
  EXPECT_EQ(errors["affairs"], "api.error.type");
  EXPECT_EQ(errors["budget"], "api.error.type");
  EXPECT_EQ(errors["result_1"], "api.error.unknown_field");
  EXPECT_EQ(errors["result_2"], "api.error.type");
}

TEST(ApiFields, OutOfRangeNumbersAreLeftToTheUsualChecks) {
  FieldErrors errors;
  auto fields = fields_from_api({{"name", "x"}, {"sdgs", {18}}, {"budget", -5}}, errors);
  EXPECT_TRUE(errors.empty());
  auto checked = check_fields(fields);
  EXPECT_TRUE(checked.count("sdgs"));
  EXPECT_TRUE(checked.count("budget"));
  FieldErrors huge;
  fields_from_api({{"budget", 18446744073709551615ull}}, huge);
  EXPECT_EQ(huge["budget"], "innovation.error.budget");
}

TEST(ApiFields, AnythingButAnObjectIsRefused) {
  FieldErrors errors;
  fields_from_api(json::array(), errors);
  EXPECT_EQ(errors["fields"], "api.error.type");
}

}  // namespace
}  // namespace simpul::innovations
