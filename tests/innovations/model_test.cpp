// The innovation profile's validation: what a draft may hold, what submission requires, and the
// small parsers behind the form (rupiah, YouTube links, tags, dates, word counts).
#include <gtest/gtest.h>

#include "innovations/model.hpp"

namespace simpul::innovations {
namespace {

std::string words(std::size_t count) {
  std::string text;
  for (std::size_t i = 0; i < count; ++i) text += (i ? " " : "") + std::string("layanan");
  return text;
}

Fields complete_fields() {
  Fields fields;
  fields.name = "Sistem Pelayanan Administrasi Kependudukan Wilayah Perbatasan";
  fields.form = "pelayanan_publik";
  fields.type = "non_digital";
  fields.stage = "penerapan";
  fields.initiator = "perangkat_daerah";
  fields.affairs = {"adminduk"};
  fields.sdgs = {16};
  fields.trial_date = "2017-03-01";
  fields.implementation_date = "2018-01-15";
  fields.problem = "Warga perbatasan menempuh perjalanan berhari-hari untuk KTP-el.";
  fields.design = words(300);
  fields.goals = "Dokumen kependudukan sampai ke pedalaman.";
  fields.benefits = "Warga tidak lagi menanggung ongkos perjalanan.";
  fields.results = {{"Waktu layanan", "14", "1", "hari"}};
  fields.budget = 381900000;
  return fields;
}

TEST(ParseRupiah, AcceptsIndonesianGroupingAndPlainDigits) {
  EXPECT_EQ(parse_rupiah("1.500.000"), 1500000);
  EXPECT_EQ(parse_rupiah("1500000"), 1500000);
  EXPECT_EQ(parse_rupiah(" Rp 381.900.000 "), 381900000);
  EXPECT_EQ(parse_rupiah("Rp.25.000"), 25000);
  EXPECT_EQ(parse_rupiah("rp1.000,00"), 1000);
  EXPECT_EQ(parse_rupiah("0"), 0);
  EXPECT_EQ(parse_rupiah("999"), 999);
}

TEST(ParseRupiah, RefusesNegativeAmbiguousAndMalformed) {
  for (const char* bad :
       {"-5", "-1.000", "1.5", "1.50.000", "1,5", "1.000,50", "", "Rp", "satu juta", "1 500 000",
        "1..000", ".500", "1.000.", "12345678901234567890"}) {
    EXPECT_FALSE(parse_rupiah(bad)) << bad;
  }
}

TEST(YoutubeUrl, OnlyHttpsWatchAndShortLinks) {
  EXPECT_TRUE(is_youtube_url("https://www.youtube.com/watch?v=dQw4w9WgXcQ"));
  EXPECT_TRUE(is_youtube_url("https://youtube.com/watch?v=dQw4w9WgXcQ&t=42s"));
  EXPECT_TRUE(is_youtube_url("https://m.youtube.com/watch?feature=share&v=dQw4w9WgXcQ"));
  EXPECT_TRUE(is_youtube_url("https://youtu.be/dQw4w9WgXcQ"));
  EXPECT_TRUE(is_youtube_url("https://youtu.be/dQw4w9WgXcQ?si=abc"));
  EXPECT_TRUE(is_youtube_url("https://WWW.YouTube.com/watch?v=dQw4w9WgXcQ#menit"));
  for (const char* bad :
       {"http://www.youtube.com/watch?v=dQw4w9WgXcQ",
        "https://youtube.com.evil.id/watch?v=dQw4w9WgXcQ", "https://www.youtube.com/watch?v=short",
        "https://www.youtube.com/embed/dQw4w9WgXcQ", "https://youtu.be/", "https://vimeo.com/123",
        "javascript:alert(1)", "https://user@youtube.com/watch?v=dQw4w9WgXcQ",
        "https://www.youtube.com/watch?vv=dQw4w9WgXcQ", "https://youtu.be/dQw4w9WgXcQ/extra",
        "https://www.youtube.com:8443/watch?v=dQw4w9WgXcQ"}) {
    EXPECT_FALSE(is_youtube_url(bad)) << bad;
  }
}

TEST(Tags, CommaSeparatedTrimmedAndDeduplicated) {
  std::optional<std::string> problem;
  EXPECT_EQ(parse_tags(" perbatasan, KTP-el,,perbatasan , Jemput Bola ", problem),
            (std::vector<std::string>{"perbatasan", "KTP-el", "Jemput Bola"}));
  EXPECT_FALSE(problem);
  parse_tags("a,b,c,d,e,f,g,h,i,j,k", problem);
  EXPECT_EQ(problem, "innovation.error.tags_too_many");
  problem.reset();
  parse_tags(std::string(31, 'x'), problem);
  EXPECT_EQ(problem, "innovation.error.tag_too_long");
  problem.reset();
  parse_tags(std::string(30, 'x') + ", é", problem);
  EXPECT_FALSE(problem);
}

TEST(Dates, RealCalendarDatesOnly) {
  EXPECT_TRUE(is_iso_date("2020-02-29"));
  EXPECT_TRUE(is_iso_date("2000-02-29"));
  EXPECT_FALSE(is_iso_date("2019-02-29"));
  EXPECT_FALSE(is_iso_date("1900-02-29"));
  EXPECT_FALSE(is_iso_date("2020-13-01"));
  EXPECT_FALSE(is_iso_date("2020-04-31"));
  EXPECT_FALSE(is_iso_date("12-03-2020"));
  EXPECT_FALSE(is_iso_date("2020-3-12"));
  EXPECT_FALSE(is_iso_date("1900-01-01"));
}

TEST(CountWords, CountsWordsNotPunctuation) {
  EXPECT_EQ(count_words(""), 0u);
  EXPECT_EQ(count_words("  Jemput bola  ke\tpedalaman\n\nNunukan. "), 5u);
  EXPECT_EQ(count_words("satu - dua • tiga"), 3u);
  EXPECT_EQ(count_words("KTP-el, KK, akta-kelahiran"), 3u);
  EXPECT_EQ(count_words("Ñoño\xC2\xA0"
                        "café"),
            2u);  // a no-break space separates words
  EXPECT_EQ(count_words(words(300)), 300u);
}

TEST(CheckFields, ADraftNeedsOnlyAName) {
  Fields draft;
  draft.name = "  Dokter Terbang  ";
  EXPECT_TRUE(check_fields(draft).empty());
  EXPECT_EQ(draft.name, "Dokter Terbang");
  Fields nameless;
  EXPECT_EQ(check_fields(nameless)["name"], "form.required");
  nameless.name = "AB";
  EXPECT_EQ(check_fields(nameless)["name"], "form.too_short");
  nameless.name = std::string(201, 'n');
  EXPECT_EQ(check_fields(nameless)["name"], "form.too_long");
}

TEST(CheckFields, RefusesWhatIsMalformed) {
  Fields fields = complete_fields();
  fields.short_name = std::string(41, 's');
  fields.form = "lain";
  fields.affairs = {"adminduk", "bukan_urusan"};
  fields.sdgs = {0, 18};
  fields.trial_date = "2020-02-30";
  fields.budget = -1;
  fields.video_url = "https://vimeo.com/1";
  fields.problem = "Teks\x01kontrol";
  fields.tags = {std::string(31, 't')};
  auto errors = check_fields(fields);
  EXPECT_EQ(errors["short_name"], "form.too_long");
  EXPECT_EQ(errors["form"], "innovation.error.choice");
  EXPECT_EQ(errors["affairs"], "innovation.error.choice");
  EXPECT_EQ(errors["sdgs"], "innovation.error.choice");
  EXPECT_EQ(errors["trial_date"], "innovation.error.date");
  EXPECT_EQ(errors["budget"], "innovation.error.budget");
  EXPECT_EQ(errors["video_url"], "innovation.error.video");
  EXPECT_EQ(errors["problem"], "form.control_characters");
  EXPECT_EQ(errors["tags"], "innovation.error.tag_too_long");
  EXPECT_EQ(fields.affairs, (std::vector<std::string>{"adminduk"}));
  EXPECT_TRUE(fields.sdgs.empty());
}

TEST(CheckFields, ImplementationNotBeforeTrial) {
  Fields fields = complete_fields();
  fields.trial_date = "2019-05-01";
  fields.implementation_date = "2019-04-30";
  EXPECT_EQ(check_fields(fields)["implementation_date"], "innovation.error.date_order");
  fields.implementation_date = "2019-05-01";
  EXPECT_TRUE(check_fields(fields).empty());
}

TEST(CheckFields, NormalisesTextsCodesAndResults) {
  Fields fields = complete_fields();
  fields.problem = "  baris satu\r\nbaris dua\rbaris tiga  ";
  fields.affairs = {"kesehatan", "pendidikan", "kesehatan"};
  fields.sdgs = {4, 3, 4};
  fields.results = {{" ", "", " ", ""}, {"Pasien dilayani", "0", "652", "orang"}};
  EXPECT_TRUE(check_fields(fields).empty());
  EXPECT_EQ(fields.problem, "baris satu\nbaris dua\nbaris tiga");
  EXPECT_EQ(fields.affairs, (std::vector<std::string>{"pendidikan", "kesehatan"}));
  EXPECT_EQ(fields.sdgs, (std::vector<int>{3, 4}));
  ASSERT_EQ(fields.results.size(), 1u);  // the empty row is dropped
  EXPECT_EQ(fields.results[0].after, "652");
}

TEST(CheckFields, ResultRowsNeedAnIndicatorAndAreCapped) {
  Fields fields = complete_fields();
  fields.results = {{"", "14", "1", "hari"}};
  EXPECT_EQ(check_fields(fields)["result_1"], "innovation.error.result_indicator");
  fields.results.assign(11, {"Indikator", "1", "2", "x"});
  EXPECT_EQ(check_fields(fields)["results"], "innovation.error.results_too_many");
}

TEST(Checklist, TheThreeHundredWordRule) {
  Fields fields = complete_fields();
  EXPECT_TRUE(missing_items(fields).empty());
  fields.design = words(299);
  auto missing = missing_items(fields);
  ASSERT_EQ(missing.size(), 1u);
  EXPECT_EQ(missing[0].key, "innovation.check.design");
  EXPECT_EQ(missing[0].args,
            (std::vector<std::pair<std::string, std::string>>{{"min", "300"}, {"count", "299"}}));
}

TEST(Checklist, ListsEveryMissingItemPlainly) {
  Fields empty;
  empty.name = "Ayo Ceting";
  std::vector<std::string> keys;
  for (const auto& item : missing_items(empty)) keys.push_back(item.key);
  EXPECT_EQ(keys,
            (std::vector<std::string>{
                "innovation.check.form", "innovation.check.type", "innovation.check.stage",
                "innovation.check.initiator", "innovation.check.affairs", "innovation.check.sdgs",
                "innovation.check.problem", "innovation.check.design", "innovation.check.goals",
                "innovation.check.benefits", "innovation.check.budget"}));
}

TEST(Checklist, DatesAndResultsDependOnTheStage) {
  Fields fields = complete_fields();
  fields.stage = "inisiatif";
  fields.trial_date = fields.implementation_date = "";
  fields.results.clear();
  EXPECT_TRUE(missing_items(fields).empty());
  fields.stage = "uji_coba";
  ASSERT_EQ(missing_items(fields).size(), 1u);
  EXPECT_EQ(missing_items(fields)[0].key, "innovation.check.trial_date");
  fields.stage = "penerapan";
  EXPECT_EQ(missing_items(fields).size(), 3u);  // trial date, implementation date, results
  fields.budget = 0;                            // zero is an answer: no budget was spent
  EXPECT_EQ(missing_items(fields).size(), 3u);
}

TEST(Masks, AffairBitsFollowTheListAndSdgBitsTheGoal) {
  EXPECT_EQ(affair_mask({"pendidikan"}), 1);
  EXPECT_EQ(affair_mask({"kesehatan", "adminduk"}), (1 << 1) | (1 << 11));
  EXPECT_EQ(affair_mask({"pemerintahan_umum"}), std::int64_t{1} << (std::size(kAffairs) - 1));
  EXPECT_EQ(sdg_mask({1, 17}), 1 | (1 << 16));
  EXPECT_EQ(affair_index("adminduk"), 11);
  EXPECT_FALSE(affair_index("tidak_ada"));
}

TEST(Year, OfImplementationElseOfTrial) {
  Fields fields = complete_fields();
  EXPECT_EQ(innovation_year(fields), 2018);
  fields.implementation_date.clear();
  EXPECT_EQ(innovation_year(fields), 2017);
  fields.trial_date.clear();
  EXPECT_FALSE(innovation_year(fields));
}

TEST(Json, FieldsSurviveTheRoundTrip) {
  Fields fields = complete_fields();
  fields.tags = {"perbatasan", "jemput bola"};
  fields.video_url = "https://youtu.be/dQw4w9WgXcQ";
  EXPECT_EQ(fields_from_json(fields_to_json(fields)), fields);
  fields.budget.reset();
  EXPECT_EQ(fields_from_json(fields_to_json(fields)), fields);
  EXPECT_EQ(fields_from_json(nlohmann::json::object()), Fields{});
}

TEST(Snapshot, KeepsFieldsPlaceAndFiles) {
  Innovation innovation;
  innovation.id = 7;
  innovation.agency_id = 3;
  innovation.agency_name = "Pemerintah Provinsi Kalimantan Utara";
  innovation.unit_id = 9;
  innovation.unit_name = "Dinas Kesehatan";
  innovation.fields = complete_fields();
  innovation.files = {{11, "laporan.pdf", "application/pdf", 2048, "ab12"}};
  innovation.is_sample = true;
  auto snapshot = make_snapshot(innovation);
  EXPECT_EQ(fields_from_json(snapshot), innovation.fields);
  EXPECT_EQ(attachments_from_json(snapshot["files"]), innovation.files);
  EXPECT_EQ(snapshot["unit"]["name"], "Dinas Kesehatan");
  EXPECT_EQ(snapshot["agency"]["id"], 3);
  EXPECT_TRUE(snapshot["is_sample"]);
}

TEST(Status, CodesRoundTrip) {
  for (Status status : {Status::draft, Status::submitted, Status::returned, Status::published}) {
    EXPECT_EQ(parse_status(status_code(status)), status);
  }
  EXPECT_FALSE(parse_status("deleted"));
}

}  // namespace
}  // namespace simpul::innovations
