// The anonymised dossier's masking and the export's rows on worked examples.
#include <gtest/gtest.h>

#include "finals/dossier.hpp"
#include "finals/export.hpp"

namespace simpul::finals {
namespace {

TEST(FinalsDossier, TheProposersNamesAreMaskedWholeWordsWithoutCase) {
  auto names = names_to_hide("Pemerintah Kabupaten Nunukan", "Dinas Kesehatan", "Kalimantan Utara");
  ASSERT_EQ(names.front(), "Pemerintah Kabupaten Nunukan") << "the longest first";
  EXPECT_EQ(anonymise("Pemerintah Kabupaten Nunukan lewat Dinas Kesehatan melayani warga "
                      "NUNUKAN; kabupaten nunukan kini tanpa antre.",
                      names),
            "[disamarkan] lewat [disamarkan] melayani warga [disamarkan]; [disamarkan] kini "
            "tanpa antre.");
  EXPECT_EQ(anonymise("Nunukanese and Nunukan2 stay.", names), "Nunukanese and Nunukan2 stay.")
      << "whole words only";
  EXPECT_EQ(anonymise("Warga perbatasan Kalimantan Utara.", names),
            "Warga perbatasan [disamarkan].")
      << "the province too";
  auto ministry = names_to_hide("Kementerian Kesehatan", "Biro Umum", "");
  EXPECT_EQ(anonymise("Kesehatan untuk semua, kata Kementerian Kesehatan.", ministry),
            "Kesehatan untuk semua, kata [disamarkan].")
      << "a ministry's name whole only: \"Kesehatan\" is an ordinary word";
  EXPECT_EQ(anonymise("", names), "");
}

TEST(FinalsExport, RowsCarryScoresNominationAndDecision) {
  ExportInput in;
  in.rubric = {{"a", "A", 50, 0, 10, ""}, {"b", "B", 50, 0, 10, ""}};
  in.proposals = {{1, "Satu", "Pemkot", "Jawa Barat", "kota", "umum", "Inklusif"},
                  {2, "Dua", "Pemkab", "Papua", "kabupaten", "umum", "Inklusif"}};
  in.sheets = {{1, "Ani", "submitted", {{"a", 8}, {"b", 9}}, "Baik, sekali"},
               {2, "Ani", "draft", {{"a", 4}}, ""}};
  judging::Aggregation a;
  a.proposals.push_back({1, 1, 85, 85, 85, 85.5, 85.25, 0});
  in.aggregation = a;
  NomineeRow nominee;
  nominee.proposal_id = 1;
  nominee.score = 85;
  nominee.rank = 1;
  nominee.selected = true;
  nominee.reason = "merit";
  in.nominees = {nominee};
  in.objections[1] = 2;
  in.tiers[1] = "top_inovasi";

  auto table = proposals_table(in);
  ASSERT_EQ(table.rows.size(), 2u);
  ASSERT_EQ(table.rows[0].size(), table.columns.size());
  const auto& one = table.rows[0];
  EXPECT_EQ(one[8], "85.00");
  EXPECT_EQ(one[10], "85.25");
  EXPECT_EQ(one[12], "ya");
  EXPECT_EQ(one[15], "ya");
  EXPECT_EQ(one[20], "2");
  EXPECT_EQ(one[21], "top_inovasi");
  EXPECT_EQ(table.rows[1][7], "0") << "no submitted sheet";
  EXPECT_EQ(table.rows[1][12], "tidak");

  auto sheets = sheets_table(in);
  EXPECT_EQ(sheets.columns[4], "a");
  EXPECT_EQ(sheets.rows[0][6], "85.00") << "(8/10 + 9/10) / 2 on 0-100";
  EXPECT_EQ(sheets.rows[0][7], "Baik, sekali");
  EXPECT_EQ(sheets.rows[1][5], "") << "a draft's empty aspect";
  EXPECT_EQ(sheets.rows[1][6], "") << "and no total";
}

}  // namespace
}  // namespace simpul::finals
