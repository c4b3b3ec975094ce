#include <gtest/gtest.h>

#include "catalogue/search_request.hpp"

namespace simpul::catalogue {
namespace {

TEST(SearchRequest, ParsesForgivinglyAndRoundTrips) {
  auto values = facet_values({"11", "65"});
  auto form = http::Form::parse(
      "q=pelayanan+cepat&provinsi=65&provinsi=99&bentuk=tata_kelola&"
      "urut=terbaru&halaman=3");
  auto request = SearchRequest::parse(form, values);
  EXPECT_EQ(request.text, "pelayanan cepat");
  EXPECT_EQ(request.filters[province], 0b10u);  // 99 is unknown and ignored
  EXPECT_EQ(request.filters[Facet::form], 0b10u);
  EXPECT_EQ(request.sort, "terbaru");
  EXPECT_EQ(request.page, 3u);
  EXPECT_EQ(request.query_string(),
            "?q=pelayanan%20cepat&provinsi=65&bentuk=tata_kelola&urut=terbaru&halaman=3");
  auto query = request.to_query(20);
  EXPECT_EQ(query.offset, 40u);
  EXPECT_EQ(query.sort_key, SortKey::newest);
  auto odd = SearchRequest::parse(http::Form::parse("halaman=-2&urut=x"), values);
  EXPECT_EQ(odd.page, 1u);
  EXPECT_EQ(odd.sort, "");  // the default order
  EXPECT_EQ(odd.to_query(20).sort_key, SortKey::newest) << "browsing without words: newest first";
  // A query with the default order (the form's first option) ranks by relevance, and its URL
  // names no order.
  auto typed = SearchRequest::parse(http::Form::parse("q=stunting&urut="), values);
  EXPECT_EQ(typed.to_query(20).sort_key, -1);
  EXPECT_EQ(typed.query_string(), "?q=stunting");
  EXPECT_EQ(SearchRequest::parse(http::Form::parse("halaman=99999"), values).page, kMaxPage);
}

}  // namespace
}  // namespace simpul::catalogue
