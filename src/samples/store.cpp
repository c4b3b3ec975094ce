#include "samples/store.hpp"

#include "core/util/clock.hpp"

namespace simpul::samples {

std::vector<AgencyRow> all_agencies(db::Transaction& tx) {
  std::vector<AgencyRow> rows;
  for (auto row :
       tx.query("SELECT id, name, type, COALESCE(province_code, '') FROM agencies WHERE active = 1 "
                "ORDER BY id")) {
    rows.push_back({row.integer(0), row.text(1), row.text(2), row.text(3)});
  }
  return rows;
}

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
    added += tx.execute(
        "INSERT INTO agencies (name, type, timezone, created_at) VALUES ($1, $2, 'WIB', $3) "
        "ON CONFLICT (name) DO NOTHING",
        {agency.name, agency.type, now_seconds()});
  }
  return added;
}

bool claim_demo_seed(db::Transaction& tx) {
  return tx.execute(
             "INSERT INTO settings (key, value) VALUES ('demo_innovations_seeded', '1') "
             "ON CONFLICT (key) DO NOTHING") == 1;
}

}  // namespace simpul::samples
