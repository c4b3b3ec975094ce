// Assignment as a minimum-cost flow (Ahuja, Magnanti and Orlin, "Network Flows", 1993). The
// network, for a band [L, U] of loads:
//
//   source -> proposal p       capacity k less p's kept pairs
//   proposal p -> evaluator e  capacity 1 when e is free of conflict with p and not kept with it;
//                              cost 0 when e has p's category, 1 otherwise
//   evaluator e -> required    capacity lower(e): L, capped by e's max load, less its kept pairs
//   evaluator e -> extra       capacity upper(e) - lower(e), upper(e) likewise from U
//   required -> sink           capacity the sum of lower(e)
//   extra -> sink              capacity F - the sum of lower(e)
//
// A flow of value F saturates both edges into the sink, so every evaluator passes exactly lower(e)
// through "required" and at most upper(e) - lower(e) more: its load lies in the band. It is the
// lower-bound transformation for the case where every lower bound sits on an edge into the sink.
//
// 1. F = the maximum flow with the evaluators' max loads only: how many pairs can be assigned at
//    all (k·P less the kept pairs when the assignment can be complete).
// 2. U = the smallest upper bound with which F still flows, then L = the largest lower bound with
//    that U. The evaluators' load vectors of maximum flows form an M-convex set, where a vector of
//    smallest largest load also has the largest smallest load (Frank and Murota, "Discrete
//    decreasing minimization, Part I", Math. Oper. Res. 2022), so fixing U first costs no L.
//    Feasibility is monotone in both, and both searches gallop from the even share k·P/E, so the
//    usual answer takes one or two maximum flows (Dinic's algorithm).
// 3. The minimum-cost flow of value F in the band [L, U], by the primal-dual algorithm (AMO §9.8):
//    Dijkstra on reduced costs moves the node potentials, then Dinic's blocking flows augment along
//    every shortest path at once. With costs of 0 and 1 there are a few phases, not one shortest
//    path per unit of flow. Its cost is the number of pairs outside the evaluator's expertise.
#include "judging/assignment.hpp"
#include "core/util/ids.hpp"

#include <algorithm>
#include <functional>
#include <limits>
#include <queue>
#include <stdexcept>
#include <utility>

namespace simpul::judging {

Conflict conflict_of(const Evaluator& evaluator, const Proposal& proposal) {
  if (evaluator.agency_id == proposal.agency_id) return Conflict::agency;
  if (!proposal.province_code.empty() && evaluator.province_code == proposal.province_code)
    return Conflict::province;
  if (evaluator.conflict_agency_ids.contains(proposal.agency_id)) return Conflict::declared;
  return Conflict::none;
}

bool conflicted(const Evaluator& evaluator, const Proposal& proposal) {
  return conflict_of(evaluator, proposal) != Conflict::none;
}

bool has_expertise(const Evaluator& evaluator, const Proposal& proposal) {
  return !proposal.category_code.empty() && evaluator.expertise.contains(proposal.category_code);
}

namespace {

constexpr int kUnbounded = std::numeric_limits<int>::max() / 4;
constexpr int kExpertiseCost = 0;
constexpr int kOutsideExpertiseCost = 1;

// A residual network of integral capacities and non-negative integral costs.
class Network {
 public:
  struct EdgeRef {
    int node = 0;
    int index = 0;
  };

  explicit Network(int nodes)
      : out_(nodes), level_(nodes), next_arc_(nodes), potential_(nodes), distance_(nodes) {}

  EdgeRef add(int from, int to, int capacity, int cost) {
    const int index = static_cast<int>(out_[from].size());
    out_[from].push_back({to, static_cast<int>(out_[to].size()), capacity, cost});
    out_[to].push_back({from, index, 0, -cost});
    return {from, index};
  }

  int flow(EdgeRef ref) const {
    const Edge& edge = out_[ref.node][ref.index];
    return out_[edge.to][edge.reverse].capacity;
  }

  // Dinic's algorithm, costs ignored.
  int max_flow(int source, int sink) {
    by_cost_ = false;
    return augment_while_reachable(source, sink);
  }

  // The primal-dual algorithm: the flows it passes through are each of minimum cost for their
  // value, so it ends at a maximum flow of minimum cost.
  int min_cost_max_flow(int source, int sink) {
    by_cost_ = true;
    std::fill(potential_.begin(), potential_.end(), 0);
    int total = 0;
    while (reprice(source, sink)) total += augment_while_reachable(source, sink);
    return total;
  }

 private:
  struct Edge {
    int to = 0;
    int reverse = 0;  // index of the opposite edge in out_[to]
    int capacity = 0;
    int cost = 0;
  };

  int reduced_cost(int node, const Edge& edge) const {
    return edge.cost + potential_[node] - potential_[edge.to];
  }

  // When pricing, only edges of reduced cost 0 may carry more flow: those of shortest paths.
  bool admissible(int node, const Edge& edge) const {
    return edge.capacity > 0 && (!by_cost_ || reduced_cost(node, edge) == 0);
  }

  int augment_while_reachable(int source, int sink) {
    int total = 0;
    while (assign_levels(source, sink)) {
      std::fill(next_arc_.begin(), next_arc_.end(), 0);
      while (const int pushed = push(source, sink, kUnbounded)) total += pushed;
    }
    return total;
  }

  bool assign_levels(int source, int sink) {
    std::fill(level_.begin(), level_.end(), -1);
    queue_.assign(1, source);
    level_[source] = 0;
    for (std::size_t head = 0; head < queue_.size(); ++head) {
      const int node = queue_[head];
      for (const Edge& edge : out_[node]) {
        if (level_[edge.to] >= 0 || !admissible(node, edge)) continue;
        level_[edge.to] = level_[node] + 1;
        queue_.push_back(edge.to);
      }
    }
    return level_[sink] >= 0;
  }

  // One augmenting path of the level graph; the arcs already found dead are not tried again.
  int push(int node, int sink, int limit) {
    if (node == sink) return limit;
    for (int& arc = next_arc_[node]; arc < static_cast<int>(out_[node].size()); ++arc) {
      Edge& edge = out_[node][arc];
      if (level_[edge.to] != level_[node] + 1 || !admissible(node, edge)) continue;
      if (const int pushed = push(edge.to, sink, std::min(limit, edge.capacity))) {
        edge.capacity -= pushed;
        out_[edge.to][edge.reverse].capacity += pushed;
        return pushed;
      }
    }
    return 0;
  }

  // Dijkstra on reduced costs, stopped at the sink. Each potential then rises by its distance,
  // capped at the sink's (nodes farther or unreachable rise by the sink's): reduced costs stay
  // non-negative and those of the edges on shortest paths become 0.
  bool reprice(int source, int sink) {
    using Entry = std::pair<int, int>;  // distance, node
    std::priority_queue<Entry, std::vector<Entry>, std::greater<>> frontier;
    std::fill(distance_.begin(), distance_.end(), kUnbounded);
    distance_[source] = 0;
    frontier.push({0, source});
    while (!frontier.empty()) {
      const auto [distance, node] = frontier.top();
      frontier.pop();
      if (node == sink) break;
      if (distance > distance_[node]) continue;
      for (const Edge& edge : out_[node]) {
        if (edge.capacity <= 0) continue;
        const int candidate = distance + reduced_cost(node, edge);
        if (candidate >= distance_[edge.to]) continue;
        distance_[edge.to] = candidate;
        frontier.push({candidate, edge.to});
      }
    }
    if (distance_[sink] == kUnbounded) return false;
    for (std::size_t node = 0; node < out_.size(); ++node)
      potential_[node] += std::min(distance_[node], distance_[sink]);
    return true;
  }

  std::vector<std::vector<Edge>> out_;
  std::vector<int> level_;
  std::vector<int> next_arc_;
  std::vector<int> potential_;
  std::vector<int> distance_;
  std::vector<int> queue_;
  bool by_cost_ = false;
};

// A proposal-evaluator pair free of conflict and not kept: an edge of the network.
struct Arc {
  int proposal = 0;
  int evaluator = 0;
  int cost = 0;
};

// The request sorted by id and checked, with the indices the network uses.
struct Instance {
  std::vector<const Proposal*> proposals;
  std::vector<const Evaluator*> evaluators;
  int k = 0;
  std::vector<std::pair<int, int>> kept;  // proposal index, evaluator index
  std::vector<int> kept_of_proposal;
  std::vector<int> kept_of_evaluator;
  std::vector<int> eligible_of_proposal;
  std::vector<Arc> arcs;
};

template <class Item>
int index_of(const std::vector<const Item*>& sorted, std::int64_t id, const char* what) {
  const auto found = std::ranges::lower_bound(sorted, id, {}, &Item::id);
  if (found == sorted.end() || (*found)->id != id)
    throw std::invalid_argument(std::string("assignment: kept pair names unknown ") + what +
                                " id " + std::to_string(id));
  return static_cast<int>(found - sorted.begin());
}

int max_load_of(const Evaluator& evaluator) { return evaluator.max_load.value_or(kUnbounded); }

void keep_pair(Instance& instance, const Pair& pair) {
  const int p = index_of(instance.proposals, pair.proposal_id, "proposal");
  const int e = index_of(instance.evaluators, pair.evaluator_id, "evaluator");
  const auto where = "assignment: kept pair of proposal " + std::to_string(pair.proposal_id) +
                     " and evaluator " + std::to_string(pair.evaluator_id);
  if (conflicted(*instance.evaluators[e], *instance.proposals[p]))
    throw std::invalid_argument(where + " is in conflict");
  if (++instance.kept_of_proposal[p] > instance.k)
    throw std::invalid_argument(where + " exceeds k for the proposal");
  if (++instance.kept_of_evaluator[e] > max_load_of(*instance.evaluators[e]))
    throw std::invalid_argument(where + " exceeds the evaluator's max load");
  instance.kept.emplace_back(p, e);
}

void add_kept(Instance& instance, const std::vector<Pair>& kept) {
  instance.kept_of_proposal.assign(instance.proposals.size(), 0);
  instance.kept_of_evaluator.assign(instance.evaluators.size(), 0);
  for (const Pair& pair : kept) keep_pair(instance, pair);
  std::ranges::sort(instance.kept);
  if (std::ranges::adjacent_find(instance.kept) != instance.kept.end())
    throw std::invalid_argument("assignment: a kept pair is repeated");
}

void add_arcs(Instance& instance) {
  const std::size_t evaluator_count = instance.evaluators.size();
  std::vector<char> is_kept(instance.proposals.size() * evaluator_count, 0);
  for (const auto& [p, e] : instance.kept) is_kept[p * evaluator_count + e] = 1;
  instance.eligible_of_proposal.assign(instance.proposals.size(), 0);
  for (int p = 0; p < static_cast<int>(instance.proposals.size()); ++p) {
    for (int e = 0; e < static_cast<int>(evaluator_count); ++e) {
      const Proposal& proposal = *instance.proposals[p];
      const Evaluator& evaluator = *instance.evaluators[e];
      if (conflicted(evaluator, proposal)) continue;
      ++instance.eligible_of_proposal[p];
      if (is_kept[p * evaluator_count + e]) continue;
      const int cost = has_expertise(evaluator, proposal) ? kExpertiseCost : kOutsideExpertiseCost;
      instance.arcs.push_back({p, e, cost});
    }
  }
}

Instance prepare(const Request& request) {
  if (request.evaluators_per_proposal < 1)
    throw std::invalid_argument("assignment: k must be at least 1");
  Instance instance;
  instance.k = request.evaluators_per_proposal;
  instance.proposals = sorted_by_id(request.proposals, "assignment", "proposal");
  instance.evaluators = sorted_by_id(request.evaluators, "assignment", "evaluator");
  add_kept(instance, request.kept);
  add_arcs(instance);
  return instance;
}

struct Band {
  int lower = 0;
  int upper = kUnbounded;
};

// The new pairs an evaluator may take for a load bound: its max load caps the bound and its kept
// pairs fill part of it.
int room(const Instance& instance, int evaluator, int bound) {
  const int capped = std::min(max_load_of(*instance.evaluators[evaluator]), bound);
  return std::max(0, capped - instance.kept_of_evaluator[evaluator]);
}

int total_lower(const Instance& instance, Band band) {
  int total = 0;
  for (int e = 0; e < static_cast<int>(instance.evaluators.size()); ++e)
    total += room(instance, e, band.lower);
  return total;
}

struct BandNetwork {
  Network network;
  std::vector<Network::EdgeRef> arcs;  // in the order of Instance::arcs
  int source = 0;
  int sink = 0;
};

// The network of the file's comment, for a flow of value `total` in the band.
BandNetwork build(const Instance& instance, Band band, int total) {
  const int proposal_count = static_cast<int>(instance.proposals.size());
  const int evaluator_count = static_cast<int>(instance.evaluators.size());
  const int first_evaluator = 1 + proposal_count;
  const int required = first_evaluator + evaluator_count;
  const int extra = required + 1;
  BandNetwork built{Network(extra + 2), {}, 0, extra + 1};
  for (int p = 0; p < proposal_count; ++p)
    built.network.add(built.source, 1 + p, instance.k - instance.kept_of_proposal[p], 0);
  built.arcs.reserve(instance.arcs.size());
  for (const Arc& arc : instance.arcs)
    built.arcs.push_back(
        built.network.add(1 + arc.proposal, first_evaluator + arc.evaluator, 1, arc.cost));
  int lower_sum = 0;
  for (int e = 0; e < evaluator_count; ++e) {
    const int lower = room(instance, e, band.lower);
    lower_sum += lower;
    built.network.add(first_evaluator + e, required, lower, 0);
    built.network.add(first_evaluator + e, extra, room(instance, e, band.upper) - lower, 0);
  }
  built.network.add(required, built.sink, lower_sum, 0);
  built.network.add(extra, built.sink, total - lower_sum, 0);
  return built;
}

bool fits(const Instance& instance, Band band, int total) {
  if (total_lower(instance, band) > total) return false;
  BandNetwork built = build(instance, band, total);
  return built.network.max_flow(built.source, built.sink) == total;
}

// The first value from `from` towards `to` (either way) where `holds` is true, for a predicate
// that stays true once it is and is true at `to`. It gallops before bisecting, so that an answer
// near `from` costs few checks.
template <class Predicate>
int first_holding(int from, int to, Predicate holds) {
  const int step = to >= from ? 1 : -1;
  const int span = (to - from) * step;
  int failed = -1;
  int offset = 0;
  while (offset < span && !holds(from + step * offset)) {
    failed = offset;
    offset = offset == 0 ? 1 : 2 * offset;
  }
  offset = std::min(offset, span);
  while (offset - failed > 1) {
    const int middle = failed + (offset - failed) / 2;
    if (holds(from + step * middle))
      offset = middle;
    else
      failed = middle;
  }
  return from + step * offset;
}

int assignable_pairs(const Instance& instance) {
  int demand = 0;
  for (int kept : instance.kept_of_proposal) demand += instance.k - kept;
  BandNetwork built = build(instance, Band{}, demand);
  return built.network.max_flow(built.source, built.sink);
}

// Step 2 of the file's comment: the narrowest band of loads in which `flow` new pairs fit.
Band narrowest_band(const Instance& instance, int flow) {
  const int evaluator_count = static_cast<int>(instance.evaluators.size());
  if (evaluator_count == 0) return {0, 0};
  const int total_load = flow + static_cast<int>(instance.kept.size());
  const int even_share = (total_load + evaluator_count - 1) / evaluator_count;
  const int lowest_upper = std::max(even_share, std::ranges::max(instance.kept_of_evaluator));
  const int upper = first_holding(lowest_upper, std::max(lowest_upper, total_load), [&](int u) {
    return fits(instance, {0, u}, flow);
  });
  const int lower = first_holding(upper, 0, [&](int l) {
    return fits(instance, {l, upper}, flow);
  });
  return {lower, upper};
}

std::vector<Pair> kept_pairs(const Instance& instance) {
  std::vector<Pair> pairs;
  for (const auto& [p, e] : instance.kept)
    pairs.push_back({instance.proposals[p]->id, instance.evaluators[e]->id});
  return pairs;
}

void add_loads(Result& result, const Instance& instance, const std::vector<int>& load) {
  for (std::size_t e = 0; e < instance.evaluators.size(); ++e)
    result.loads.push_back({instance.evaluators[e]->id, load[e]});
  if (load.empty()) return;
  result.min_load = std::ranges::min(load);
  result.max_load = std::ranges::max(load);
}

void add_shortfalls(Result& result, const Instance& instance, const std::vector<int>& assigned) {
  for (std::size_t p = 0; p < instance.proposals.size(); ++p) {
    if (assigned[p] >= instance.k) continue;
    result.shortfalls.push_back(
        {instance.proposals[p]->id, instance.eligible_of_proposal[p], assigned[p]});
  }
}

Result read_result(const Instance& instance, const BandNetwork& built) {
  Result result;
  result.pairs = kept_pairs(instance);
  std::vector<int> assigned = instance.kept_of_proposal;
  std::vector<int> load = instance.kept_of_evaluator;
  for (const auto& [p, e] : instance.kept)
    result.expertise_matches += has_expertise(*instance.evaluators[e], *instance.proposals[p]);
  for (std::size_t i = 0; i < instance.arcs.size(); ++i) {
    if (built.network.flow(built.arcs[i]) == 0) continue;
    const Arc& arc = instance.arcs[i];
    result.pairs.push_back(
        {instance.proposals[arc.proposal]->id, instance.evaluators[arc.evaluator]->id});
    ++assigned[arc.proposal];
    ++load[arc.evaluator];
    result.expertise_matches += arc.cost == kExpertiseCost;
  }
  std::ranges::sort(result.pairs);
  add_loads(result, instance, load);
  add_shortfalls(result, instance, assigned);
  return result;
}

}  // namespace

Result assign(const Request& request) {
  const Instance instance = prepare(request);
  const int flow = assignable_pairs(instance);
  BandNetwork built = build(instance, narrowest_band(instance, flow), flow);
  built.network.min_cost_max_flow(built.source, built.sink);
  return read_result(instance, built);
}

}  // namespace simpul::judging
