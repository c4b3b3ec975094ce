// The JSON API's writes, for an agency's own systems: create and update the agency's innovations
// with one of its API tokens (api_tokens/). A token acts as the agency's local admin: it may write
// in any unit of the agency and publish. Reads of published innovations stay public
// (catalogue/api.cpp, public_routes.cpp).
#include <map>
#include <set>

#include "core/util/clock.hpp"
#include "core/util/numbers.hpp"
#include "innovations/api_fields.hpp"
#include "innovations/paths.hpp"
#include "innovations/routes.hpp"
#include "innovations/service.hpp"
#include "innovations/store.hpp"
#include "kernel/context.hpp"
#include "kernel/errors.hpp"
#include "kernel/paths.hpp"

namespace simpul::innovations {
namespace {

using kernel::Context;
using kernel::Json;

Editor token_editor(const kernel::ApiClient& client) {
  return {auth::Role::local_admin, client.agency_id, std::nullopt};
}

Json error_body(Context& context, int status, const std::string& key,
                const MessageArgs& args = {}) {
  return {{"error", {{"code", kernel::error_code(status)}, {"message", context.t(key, args)}}}};
}

// The request body as a JSON object; UserError 415 or 400 when it is not one.
Json read_body(Context& context) {
  const auto& request = context.request();
  if (!request.header("content-type").starts_with("application/json")) {
    throw UnsupportedType("api.error.content_type");
  }
  Json body = Json::parse(request.body, nullptr, false);
  if (body.is_discarded() || !body.is_object()) throw bad_request("api.error.json");
  return body;
}

// A top-level member that must be of one JSON type when present.
const Json* body_member(const Json& body, const char* key, Json::value_t type, bool required,
                        FieldErrors& errors) {
  auto found = body.find(key);
  if (found == body.end() || found->is_null()) {
    if (required) errors[key] = "form.required";
    return nullptr;
  }
  bool ok = found->type() == type || (type == Json::value_t::number_integer &&
                                      found->type() == Json::value_t::number_unsigned);
  if (!ok) {
    errors[key] = "api.error.type";
    return nullptr;
  }
  return &*found;
}

// What a create or update asks for, read strictly; InvalidForm for any problem of form.
struct Change {
  std::int64_t unit_id = 0;
  std::int64_t version = 0;
  Fields fields;
  std::string note;
  bool publish = false;
};

Change read_change(const Json& body, bool creating) {
  FieldErrors errors;
  const std::set<std::string> known =
      creating ? std::set<std::string>{"unit_id", "fields", "note", "publish"}
               : std::set<std::string>{"version", "fields", "note", "publish"};
  for (const auto& [key, value] : body.items()) {
    if (!known.count(key)) errors[key] = "api.error.unknown_field";
  }
  Change change;
  const char* number_key = creating ? "unit_id" : "version";
  if (auto* number = body_member(body, number_key, Json::value_t::number_integer, true, errors)) {
    (creating ? change.unit_id : change.version) = number->get<std::int64_t>();
  }
  if (auto* fields = body_member(body, "fields", Json::value_t::object, true, errors)) {
    change.fields = fields_from_api(*fields, errors);
  }
  if (auto* note = body_member(body, "note", Json::value_t::string, false, errors)) {
    change.note = note->get<std::string>();
    if (auto problem = check_free_text(change.note, 500)) errors["note"] = *problem;
  }
  if (auto* publish = body_member(body, "publish", Json::value_t::boolean, false, errors)) {
    change.publish = publish->get<bool>();
  }
  if (errors.empty()) errors = check_fields(change.fields);
  if (!errors.empty()) throw InvalidForm(std::move(errors));
  if (change.publish) {
    if (auto missing = missing_items(change.fields); !missing.empty()) {
      throw Incomplete(std::move(missing));
    }
  }
  return change;
}

Json state_body(Context& context, std::int64_t id) {
  auto innovation = context.db().read([&](db::Transaction& tx) { return find_innovation(tx, id); });
  if (!innovation) throw not_found();
  return {{"id", id},
          {"version", innovation->version},
          {"status", status_code(innovation->status)},
          {"published_version",
           innovation->published_version ? Json(*innovation->published_version) : Json(nullptr)},
          {"unit_id", innovation->unit_id},
          {"url", kernel::path(paths::kInnovation, {id})},
          {"api_url", kernel::path(paths::kApiInnovation, {id})}};
}

// Runs a write and answers with the innovation's state, or with a JSON error that names every
// field problem, so a program can show its user what to fix.
template <class Write>
http::Response answer(Context& context, int success_status, Write&& write) {
  try {
    auto id = write();
    auto response = http::Response::json(state_body(context, id).dump(), success_status);
    if (success_status == 201) {
      response.set_header("Location", kernel::path(paths::kApiInnovation, {id}));
    }
    return response;
  } catch (const InvalidForm& error) {
    Json body = error_body(context, 422, error.key());
    Json fields = Json::array();
    for (const auto& [field, problem] : error.errors()) {
      fields.push_back({{"field", field}, {"message", context.explain(problem)}});
    }
    body["error"]["fields"] = std::move(fields);
    return http::Response::json(body.dump(), 422);
  } catch (const Incomplete& error) {
    Json body = error_body(context, 422, error.key());
    Json missing = Json::array();
    for (const auto& item : error.missing()) {
      missing.push_back({{"requirement", item.key}, {"message", context.t(item.key, item.args)}});
    }
    body["error"]["missing"] = std::move(missing);
    return http::Response::json(body.dump(), 422);
  }
}

}  // namespace

http::Response api_create(Context& context) {
  const auto& client = *context.api_client();
  return answer(context, 201, [&] {
    Change change = read_change(read_body(context), true);
    auto id = context.db().write([&](db::Transaction& tx) {
      auto where = placement_of_unit(tx, change.unit_id);
      if (!where || where->agency_id != client.agency_id) {
        throw InvalidForm(FieldErrors{{"unit_id", "api.error.unit"}});
      }
      return insert_new(tx, context.actor(),
                        {*where, change.fields, change.publish, false, change.note}, now_seconds());
    });
    if (change.publish) context.events().publish("innovation.published", std::to_string(id));
    return id;
  });
}

http::Response api_update(Context& context) {
  auto id = context.path_id();
  Editor editor = token_editor(*context.api_client());
  return answer(context, 200, [&] {
    Change change = read_change(read_body(context), false);
    auto version = save_innovation(context.db(), context.actor(), editor, id, change.version,
                                   change.fields, change.note)
                       .version;
    if (change.publish) {
      publish_innovation(context.db(), context.events(), context.actor(), editor, id, version);
    }
    return id;
  });
}

// The agency's innovations in every state, so its system can find what it created and the
// version to update from.
http::Response api_agency_list(Context& context) {
  const auto& client = *context.api_client();
  auto page = parse_positive(context.request().query().get("halaman")).value_or(1);
  ListFilter filter;
  filter.agency_id = client.agency_id;
  filter.limit = 100;
  filter.offset = static_cast<int>(std::min<std::int64_t>(page - 1, 100000) * filter.limit);
  auto [items, total] = context.db().read([&](db::Transaction& tx) {
    return std::pair{list_innovations(tx, filter), count_innovations(tx, filter)};
  });
  Json list = Json::array();
  for (const auto& item : items) {
    list.push_back({{"id", item.id},
                    {"name", item.name},
                    {"status", status_code(item.status)},
                    {"version", item.version},
                    {"published_version",
                     item.published_version ? Json(*item.published_version) : Json(nullptr)},
                    {"unit", item.unit_name},
                    {"updated_at", item.updated_at}});
  }
  Json body = {{"total", total}, {"page", page}, {"per_page", filter.limit}, {"items", list}};
  return http::Response::json(body.dump());
}

}  // namespace simpul::innovations
