// The import layout on worked examples: headers, every kind of cell, every problem with its row
// and column, and the round trip from a profile to cells and back.
#include <gtest/gtest.h>

#include "imports/layout.hpp"

namespace simpul::imports {
namespace {

sheet::Table table(std::vector<std::string> header, std::vector<std::vector<std::string>> rows) {
  sheet::Table t;
  t.header = std::move(header);
  for (std::size_t i = 0; i < rows.size(); ++i) t.row_numbers.push_back(i + 2);
  t.rows = std::move(rows);
  return t;
}

const ChoiceLabels kLabels = {{"form", {{"pelayanan publik", "pelayanan_publik"}}},
                              {"affair", {{"kesehatan", "kesehatan"}}}};

TEST(ImportLayout, HeadersIgnoreCaseSpacesAndOrder) {
  auto reading = read_rows(
      table({"UNIT", "Nama Singkat", "nama", "ID"}, {{"Dinas Kesehatan", "SJ", "siJempol", "77"}}),
      kLabels, false);
  ASSERT_TRUE(reading.problems.empty());
  ASSERT_EQ(reading.entries.size(), 1u);
  EXPECT_EQ(reading.entries[0].row, 2u);
  EXPECT_EQ(reading.entries[0].unit_name, "Dinas Kesehatan");
  EXPECT_EQ(reading.entries[0].fields.name, "siJempol");
  EXPECT_EQ(reading.entries[0].fields.short_name, "SJ");
}

TEST(ImportLayout, AWrongHeaderIsReportedBeforeAnyRow) {
  auto reading =
      read_rows(table({"nama", "namaa", "nama", "tahap"}, {{"a", "b", "c", "d"}}), kLabels, false);
  EXPECT_TRUE(reading.entries.empty());
  std::vector<RowProblem> expected = {{1, "namaa", "import.error.unknown_column", {}},
                                      {1, "nama", "import.error.duplicate_column", {}},
                                      {1, "unit", "import.error.missing_column", {}}};
  EXPECT_EQ(reading.problems, expected);
}

TEST(ImportLayout, CellsAreReadAsThePageDocumentsThem) {
  auto reading =
      read_rows(table({"nama", "unit", "bentuk", "jenis", "urusan", "sdgs", "tanggal_uji_coba",
                       "tanggal_penerapan", "hasil", "anggaran_rupiah", "tag"},
                      {{"  Sipelandukilat ", "Disdukcapil", "Pelayanan Publik", "Non Digital",
                        "adminduk; Kesehatan", "16, SDG 3", "01/03/2017", "2018-01-15",
                        "Waktu layanan: 14 -> 1 hari; Biaya: Rp 500.000 -> 0", "Rp 381.900.000",
                        "perbatasan; jemput bola"}}),
                kLabels, false);
  for (const auto& p : reading.problems) ADD_FAILURE() << p.row << " " << p.column << " " << p.key;
  const auto& f = reading.entries.at(0).fields;
  EXPECT_EQ(f.name, "Sipelandukilat");
  EXPECT_EQ(f.form, "pelayanan_publik");
  EXPECT_EQ(f.type, "non_digital");
  EXPECT_EQ(f.affairs, (std::vector<std::string>{"kesehatan", "adminduk"}));  // list order
  EXPECT_EQ(f.sdgs, (std::vector<int>{3, 16}));
  EXPECT_EQ(f.trial_date, "2017-03-01");
  ASSERT_EQ(f.results.size(), 2u);
  EXPECT_EQ(f.results[0], (innovations::ResultRow{"Waktu layanan", "14", "1", "hari"}));
  EXPECT_EQ(f.results[1].before, "Rp 500.000");
  EXPECT_EQ(f.budget, 381900000);
  EXPECT_EQ(f.tags, (std::vector<std::string>{"perbatasan", "jemput bola"}));
}

TEST(ImportLayout, EveryProblemNamesItsRowAndColumn) {
  auto reading = read_rows(table({"nama", "unit", "tahap", "sdgs", "hasil", "anggaran_rupiah"},
                                 {{"Baik", "Dinas", "penerapan", "", "", ""},
                                  {"", "", "selesai", "18", "tanpa panah", "banyak"},
                                  {"Sdg", "Dinas", "", "tujuh", "", ""},
                                  {"Lebih", "Dinas", "", "", "", "", "sel liar"}}),
                           kLabels, false);
  ASSERT_EQ(reading.entries.size(), 1u);
  EXPECT_EQ(reading.entries[0].fields.name, "Baik");
  auto has = [&](std::size_t row, const std::string& column, const std::string& key) {
    for (const auto& p : reading.problems) {
      if (p.row == row && p.column == column && (key.empty() || p.key == key)) return true;
    }
    return false;
  };
  EXPECT_TRUE(has(3, "unit", "import.error.unit_required"));
  EXPECT_TRUE(has(3, "nama", ""));
  EXPECT_TRUE(has(3, "tahap", "innovation.error.choice"));
  EXPECT_TRUE(has(3, "sdgs", ""));  // 18 is no goal
  EXPECT_TRUE(has(3, "hasil", "import.error.result_format"));
  EXPECT_TRUE(has(3, "anggaran_rupiah", "innovation.error.budget"));
  EXPECT_TRUE(has(4, "sdgs", "import.error.sdg"));
  EXPECT_TRUE(has(5, "", "import.error.extra_cell"));
}

TEST(ImportLayout, PublishingAsksForACompleteRow) {
  auto reading = read_rows(table({"nama", "unit"}, {{"Setengah", "Dinas"}}), kLabels, true);
  EXPECT_TRUE(reading.entries.empty());
  bool design = false;
  for (const auto& p : reading.problems) {
    if (p.key == "innovation.check.design") design = p.column == "rancang_bangun";
  }
  EXPECT_TRUE(design);
}

TEST(ImportLayout, EmptyAndOversizedFilesAreRefused) {
  auto empty = read_rows(table({"nama", "unit"}, {}), kLabels, false);
  ASSERT_EQ(empty.problems.size(), 1u);
  EXPECT_EQ(empty.problems[0].key, "import.error.no_rows");
  std::vector<std::vector<std::string>> rows(kMaxRows + 1, {"x", "y"});
  auto big = read_rows(table({"nama", "unit"}, rows), kLabels, false);
  ASSERT_EQ(big.problems.size(), 1u);
  EXPECT_EQ(big.problems[0].key, "import.error.too_many_rows");
}

TEST(ImportLayout, AProfileSurvivesTheRoundTripThroughCells) {
  innovations::Fields f;
  f.name = "Pro Lantera KU";
  f.short_name = "Lantera";
  f.form = "pelayanan_publik";
  f.type = "non_digital";
  f.stage = "penerapan";
  f.initiator = "kepala_daerah";
  f.affairs = {"kesehatan", "sosial"};
  f.sdgs = {1, 3};
  f.trial_date = "2019-01-01";
  f.implementation_date = "2020-01-01";
  f.problem = "Baris satu.\nBaris dua.";
  f.design = "Dokter terbang ke desa.";
  f.goals = "Sehat";
  f.benefits = "Murah";
  f.results = {{"Kunjungan", "0", "120", "desa"}};
  f.budget = 0;
  f.video_url = "https://youtu.be/dQw4w9WgXcQ";
  f.tags = {"kesehatan", "dokter terbang"};
  auto cells = row_cells("Dinas Kesehatan", f);
  auto reading = read_rows(table(import_header(), {cells}), kLabels, false);
  ASSERT_TRUE(reading.problems.empty());
  auto expected = f;
  innovations::check_fields(expected);
  EXPECT_EQ(reading.entries.at(0).fields, expected);
  EXPECT_EQ(reading.entries.at(0).unit_name, "Dinas Kesehatan");
}

TEST(ImportLayout, FoldingIgnoresCaseAndSeparators) {
  EXPECT_EQ(fold("  Nama_Singkat-- X "), "nama singkat x");
  EXPECT_EQ(fold(""), "");
}

}  // namespace
}  // namespace simpul::imports
