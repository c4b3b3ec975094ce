#include "synthetic/seed.hpp"

#include "core/util/clock.hpp"

namespace simpul::synthetic {

std::int64_t ensure_national_agencies(db::Transaction& tx) {
  struct National {
    const char* name;
    const char* type;
  };
  static constexpr National kNational[] = {
      {"Kementerian Kesehatan", "kementerian"},
      {"Kementerian Dalam Negeri", "kementerian"},
      {"Kementerian Keuangan", "kementerian"},
      {"Kementerian Pertanian", "kementerian"},
      {"Kementerian Pendidikan Dasar dan Menengah", "kementerian"},
      {"Kementerian Badan Usaha Milik Negara", "kementerian"},
      {"Kementerian Hukum", "kementerian"},
      {"Kementerian Perhubungan", "kementerian"},
      {"Badan Pengawasan Keuangan dan Pembangunan", "lembaga"},
      {"Badan Riset dan Inovasi Nasional", "lembaga"},
      {"Kepolisian Negara Republik Indonesia", "lembaga"},
      {"Badan Pusat Statistik", "lembaga"},
      {"PT Pos Indonesia (Persero)", "bumn"},
      {"PT PLN (Persero)", "bumn"},
      {"BPJS Kesehatan", "lembaga"},
  };
  std::int64_t added = 0;
  for (const auto& agency : kNational) {
    if (agencies::add_agency_if_missing(tx, agency.name, agency.type, now_seconds())) ++added;
  }
  return added;
}

}  // namespace simpul::synthetic
