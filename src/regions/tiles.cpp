#include "regions/tiles.hpp"

namespace simpul::regions {
namespace {

constexpr ProvinceTile kTiles[] = {
    {"11", 0, 0, "AC"},   // Aceh
    {"12", 1, 1, "SU"},   // Sumatera Utara
    {"21", 3, 1, "KR"},   // Kepulauan Riau
    {"13", 1, 2, "SB"},   // Sumatera Barat
    {"14", 2, 2, "RI"},   // Riau
    {"19", 4, 2, "BB"},   // Kepulauan Bangka Belitung
    {"17", 1, 3, "BE"},   // Bengkulu
    {"15", 2, 3, "JA"},   // Jambi
    {"16", 3, 3, "SS"},   // Sumatera Selatan
    {"18", 3, 4, "LA"},   // Lampung
    {"36", 3, 5, "BT"},   // Banten
    {"31", 4, 5, "JK"},   // DKI Jakarta
    {"32", 5, 5, "JB"},   // Jawa Barat
    {"33", 6, 5, "JT"},   // Jawa Tengah
    {"34", 6, 6, "YO"},   // DI Yogyakarta
    {"35", 7, 5, "JI"},   // Jawa Timur
    {"51", 8, 5, "BA"},   // Bali
    {"52", 9, 5, "NB"},   // Nusa Tenggara Barat
    {"53", 10, 5, "NT"},  // Nusa Tenggara Timur
    {"61", 5, 1, "KB"},   // Kalimantan Barat
    {"62", 6, 2, "KT"},   // Kalimantan Tengah
    {"63", 7, 2, "KS"},   // Kalimantan Selatan
    {"64", 7, 1, "KI"},   // Kalimantan Timur
    {"65", 7, 0, "KU"},   // Kalimantan Utara
    {"76", 8, 2, "SR"},   // Sulawesi Barat
    {"72", 9, 1, "ST"},   // Sulawesi Tengah
    {"75", 10, 1, "GO"},  // Gorontalo
    {"71", 11, 0, "SA"},  // Sulawesi Utara
    {"73", 8, 3, "SN"},   // Sulawesi Selatan
    {"74", 9, 3, "SG"},   // Sulawesi Tenggara
    {"82", 12, 1, "MU"},  // Maluku Utara
    {"81", 12, 3, "MA"},  // Maluku
    {"96", 13, 1, "PD"},  // Papua Barat Daya
    {"92", 14, 1, "PB"},  // Papua Barat
    {"94", 14, 2, "PT"},  // Papua Tengah
    {"91", 15, 2, "PA"},  // Papua
    {"95", 15, 3, "PP"},  // Papua Pegunungan
    {"93", 15, 4, "PS"},  // Papua Selatan
};

}  // namespace

std::span<const ProvinceTile> province_tiles() { return kTiles; }

}  // namespace simpul::regions
