// Commitment rounds: organising one, its offers, the agencies' signed commitments, closing it.
#include <algorithm>

#include "audit/audit.hpp"
#include "replication/record_writes.hpp"
#include "replication/service.hpp"
#include "replication/store.hpp"

namespace simpul::replication {
namespace {

using nlohmann::json;

std::string editor_province(db::Transaction& tx, const Editor& editor) {
  if (!editor.agency_id) return "";
  auto party = find_party(tx, *editor.agency_id);
  return party ? party->province_code : "";
}

// The round, when the editor organises it and it may still change at this version.
Round open_round(db::Transaction& tx, const Editor& editor, std::int64_t round_id,
                 std::int64_t version, bool organiser_only) {
  auto round = find_round(tx, round_id);
  if (!round) throw not_found();
  bool organises = may_organise_round(editor, editor_province(tx, editor), round->province_code);
  if (organiser_only && !organises) throw forbidden();
  if (round->closed_at) throw conflict("replication.error.round_closed");
  if (round->version != version) {
    throw conflict("replication.error.stale", {{"current", std::to_string(round->version)},
                                               {"yours", std::to_string(version)}});
  }
  return *round;
}

void next_round_version(db::Transaction& tx, const kernel::Actor& actor, const Round& round,
                        std::optional<std::int64_t> closed_at, const std::string& action,
                        json detail) {
  if (!bump_round(tx, round.id, round.version, closed_at))
    throw conflict("replication.error.stale",
                   {{"current", "?"}, {"yours", std::to_string(round.version)}});
  detail["version"] = round.version + 1;
  audit::record(tx, actor,
                {action, "replication_round", std::to_string(round.id),
                 json{{"version", round.version}}, std::move(detail)});
}

// The agency's record of one offered source after its commitment: started at komitmen, moved
// there from minat or kaji_tiru, or already further on. Field errors name the source.
std::int64_t committed_record(db::Transaction& tx, const kernel::Actor& actor, const Round& round,
                              const Party& adopter, const Offer& offer,
                              const std::optional<StoredFile>& file,
                              const std::optional<innovations::Upload>& upload, bool is_sample,
                              std::int64_t now, FieldErrors& errors) {
  std::string field = "inovasi." + std::to_string(offer.innovation_id);
  StepInput step{Stage::komitmen, round.signed_on, "", file.has_value(), "", ""};
  auto today = today_of(adopter, now);
  auto existing = under_way(tx, offer.innovation_id, adopter.agency_id);
  if (!existing) {
    auto source = find_source(tx, offer.innovation_id);
    if (!source) throw not_found();
    if (source->agency.agency_id == adopter.agency_id) {
      errors[field] = "replication.error.own_source";
      return 0;
    }
    auto problems = check_step(step, std::nullopt, std::nullopt, today);
    if (!problems.empty()) {
      errors[field] = problems.begin()->second;
      return 0;
    }
    return insert_record(tx, actor,
                         {offer.innovation_id, adopter.agency_id, std::nullopt, Stage::komitmen, "",
                          "", is_sample || offer.is_sample || source->is_sample},
                         step, file, upload, now);
  }
  Replication record = load(tx, *existing);
  if (record.stage != Stage::minat && record.stage != Stage::kaji_tiru) return record.id;
  auto problems = check_step(step, record.stage, last_date(tx, record.id), today);
  if (!problems.empty()) {
    errors[field] = problems.begin()->second;
    return 0;
  }
  store_file(tx, file, upload, now);
  insert_step(tx, record.id, new_step(step, file), actor.user_id, now);
  RecordChange change = change_of(record);
  change.stage = Stage::komitmen;
  commit_version(tx, actor, record, change, "replication.step",
                 {{"stage", "komitmen"}, {"round_id", round.id}}, now);
  return record.id;
}

}  // namespace

std::int64_t create_round(db::Database& database, const kernel::Actor& actor, const Editor& editor,
                          RoundInput input, std::int64_t now) {
  FieldErrors errors;
  if (auto problem = innovations::check_free_text(input.title, kMaxNameChars)) {
    errors["judul"] = *problem;
  } else if (input.title.empty()) {
    errors["judul"] = "form.required";
  }
  if (!innovations::is_iso_date(input.signed_on)) errors["tanggal"] = "replication.error.date";
  return database.write([&](db::Transaction& tx) {
    if (!province_exists(tx, input.province_code)) errors["provinsi"] = "form.required";
    require_valid(std::move(errors));
    if (!may_organise_round(editor, editor_province(tx, editor), input.province_code))
      throw forbidden();
    bool hub = editor.role == auth::Role::hub_coordinator;
    auto id =
        insert_round(tx,
                     {input.title, input.province_code, input.signed_on,
                      std::string(auth::role_code(editor.role)),
                      hub ? editor.agency_id : std::nullopt, input.source_note, input.is_sample},
                     actor.user_id, now);
    audit::record(
        tx, actor,
        {"replication_round.create", "replication_round", std::to_string(id), std::nullopt,
         json{{"title", input.title},
              {"province_code", input.province_code},
              {"signed_on", input.signed_on},
              {"version", 1}}});
    return id;
  });
}

void offer_in_round(db::Database& database, const kernel::Actor& actor, const Editor& editor,
                    std::int64_t round_id, std::int64_t version, std::int64_t source_innovation_id,
                    bool is_sample) {
  database.write([&](db::Transaction& tx) {
    Round round = open_round(tx, editor, round_id, version, true);
    if (!find_source(tx, source_innovation_id)) throw not_found();
    auto offers = offers_of(tx, round_id);
    if (std::any_of(offers.begin(), offers.end(),
                    [&](const Offer& o) { return o.innovation_id == source_innovation_id; }))
      throw conflict("replication.error.offered");
    insert_offer(tx, round_id, source_innovation_id, is_sample);
    next_round_version(tx, actor, round, std::nullopt, "replication_round.offer",
                       {{"source_innovation_id", source_innovation_id}});
  });
}

void commit_in_round(db::Database& database, const kernel::Events& events,
                     const kernel::Actor& actor, const Editor& editor, std::int64_t round_id,
                     std::int64_t version, CommitmentInput commitment, std::int64_t now) {
  FieldErrors errors;
  auto file = checked_file(commitment.file, errors);
  if (!file && !errors.count("berkas")) errors["berkas"] = "replication.error.evidence";
  if (commitment.sources.empty()) errors["inovasi"] = "replication.error.no_choice";
  std::vector<std::int64_t> changed;
  database.write([&](db::Transaction& tx) {
    Round round = open_round(tx, editor, round_id, version, false);
    bool organises = may_organise_round(editor, editor_province(tx, editor), round.province_code);
    if (!may_commit(editor, organises, commitment.agency_id)) throw forbidden();
    auto adopter = find_party(tx, commitment.agency_id);
    if (!adopter || !is_regional(adopter->type) || adopter->province_code != round.province_code)
      errors["instansi"] = "replication.error.round_province";
    require_valid(errors);
    auto offers = offers_of(tx, round_id);
    for (auto source : commitment.sources) {
      auto offer = std::find_if(offers.begin(), offers.end(),
                                [&](const Offer& o) { return o.innovation_id == source; });
      std::string field = "inovasi." + std::to_string(source);
      if (offer == offers.end()) {
        errors[field] = "replication.error.not_offered";
      } else if (commitment_exists(tx, round_id, adopter->agency_id, source)) {
        errors[field] = "replication.error.committed";
      } else if (auto id = committed_record(tx, actor, round, *adopter, *offer, file,
                                            commitment.file, commitment.is_sample, now, errors)) {
        insert_commitment(tx, round_id, adopter->agency_id, source, id,
                          commitment.is_sample || offer->is_sample, actor.user_id, now);
        changed.push_back(source);
      }
    }
    // All or nothing: one refused innovation leaves the whole commitment unwritten.
    require_valid(std::move(errors));
    next_round_version(tx, actor, round, std::nullopt, "replication_round.commitment",
                       {{"agency_id", adopter->agency_id}, {"sources", commitment.sources}});
  });
  for (auto source : changed) events.publish("replication.changed", std::to_string(source));
}

void close_round(db::Database& database, const kernel::Actor& actor, const Editor& editor,
                 std::int64_t round_id, std::int64_t version, std::int64_t now) {
  database.write([&](db::Transaction& tx) {
    Round round = open_round(tx, editor, round_id, version, true);
    next_round_version(tx, actor, round, now, "replication_round.close", {{"closed_at", now}});
  });
}

}  // namespace simpul::replication
