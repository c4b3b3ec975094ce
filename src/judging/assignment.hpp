#pragma once
// Automatic assignment of evaluators (Tim Evaluasi) to screened proposals. Every proposal gets k
// distinct evaluators (k is set per edition), never one in conflict with it; evaluators' loads are
// as even as the conflicts allow; among the most even assignments, as many pairs as possible fall
// in the evaluator's field of expertise. Exact, by minimum-cost flow, not a greedy loop. Pure, no
// I/O: the caller reads the inputs and stores the pairs.
//
// "As even as possible": the largest load is as small as it can be, and given that, the smallest
// load as large as it can be. When every evaluator can take every load, that is floor(k·P/E) or
// ceil(k·P/E) for each, within one of each other. Conflicts may make it wider; the method then
// widens the band just enough (see assignment.cpp).
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace simpul::judging {

struct Proposal {
  std::int64_t id = 0;
  std::int64_t agency_id = 0;
  std::string province_code;  // "" for an agency without a province
  std::string category_code;  // "" while none is chosen
};

struct Evaluator {
  std::int64_t id = 0;
  std::optional<std::int64_t> agency_id;       // an academic usually works for none
  std::optional<std::string> province_code;    // where they work
  std::set<std::string> expertise;             // category codes
  std::set<std::int64_t> conflict_agency_ids;  // declared by the evaluator
  std::optional<int> max_load;                 // none: as many as balance asks
};

// An evaluator never sees a proposal from their own agency, their own province, or an agency they
// declared a conflict with. The pages check a manual move with the same function.
// Which rule keeps them apart, if one does (labels under "judging.conflict.reason.<code>").
enum class Conflict { none, agency, province, declared };
Conflict conflict_of(const Evaluator& evaluator, const Proposal& proposal);
bool conflicted(const Evaluator& evaluator, const Proposal& proposal);

// The proposal's category is one of the evaluator's fields.
bool has_expertise(const Evaluator& evaluator, const Proposal& proposal);

struct Pair {
  std::int64_t proposal_id = 0;
  std::int64_t evaluator_id = 0;
  auto operator<=>(const Pair&) const = default;
};

struct Request {
  std::vector<Proposal> proposals;
  std::vector<Evaluator> evaluators;
  int evaluators_per_proposal = 2;  // k
  // Pairs to keep as they are when assigning again after manual moves: they count towards the
  // proposal's k and the evaluator's load, and the rest is assigned around them.
  std::vector<Pair> kept;
};

// A proposal that did not get k evaluators. eligible < k: too few evaluators are free of conflict
// with it; otherwise the evaluators' max loads leave too little room in total.
struct Shortfall {
  std::int64_t proposal_id = 0;
  int eligible = 0;  // evaluators not in conflict with it
  int assigned = 0;  // what it got, fewer than k
  bool operator==(const Shortfall&) const = default;
};

struct Load {
  std::int64_t evaluator_id = 0;
  int proposals = 0;
  bool operator==(const Load&) const = default;
};

struct Result {
  std::vector<Pair> pairs;  // kept and new, by proposal id then evaluator id
  std::vector<Load> loads;  // every evaluator, by id
  int min_load = 0;
  int max_load = 0;
  int expertise_matches = 0;          // pairs where the evaluator has the proposal's category
  std::vector<Shortfall> shortfalls;  // by proposal id; empty when every proposal got k
  bool complete() const { return shortfalls.empty(); }
  bool operator==(const Result&) const = default;
};

// The same request, in any order of its lists, gives the same result. When no complete
// conflict-free assignment exists, it assigns as many pairs as can be and names the proposals left
// short. Throws std::invalid_argument for a k below 1, a repeated id, or a kept pair that names an
// unknown id, repeats, is in conflict, or exceeds k or an evaluator's max load.
Result assign(const Request& request);

}  // namespace simpul::judging
