#include "core/http/router.hpp"

#include <map>
#include <stdexcept>

namespace simpul::http {

namespace {

std::vector<std::string_view> split_segments(std::string_view path) {
  std::vector<std::string_view> segments;
  if (path.starts_with('/')) path.remove_prefix(1);
  if (path.empty()) return segments;  // "/" has no segments
  while (true) {
    const auto slash = path.find('/');
    segments.push_back(path.substr(0, slash));
    if (slash == std::string_view::npos) break;
    path.remove_prefix(slash + 1);
  }
  return segments;
}

bool is_placeholder(std::string_view segment) {
  return segment.size() > 2 && segment.front() == '{' && segment.back() == '}';
}

}  // namespace

struct Router::Node {
  struct Route {
    Handler handler;
    std::string name;                      // "GET /akun/{id}"
    std::vector<std::string> param_names;  // placeholder names in path order
  };
  struct Candidate {
    const Node* node;
    std::vector<std::string_view> values;  // placeholder values in path order
  };

  std::map<std::string, std::unique_ptr<Node>, std::less<>> literals;
  std::unique_ptr<Node> placeholder;
  std::map<Method, Route> routes;

  // Every node that matches segments from index on, literal branches before placeholders so the
  // first candidate is the most specific one.
  void collect_matches(const std::vector<std::string_view>& segments, std::size_t index,
                       std::vector<std::string_view>& values, std::vector<Candidate>& out) const {
    if (index == segments.size()) {
      if (!routes.empty()) out.push_back({this, values});
      return;
    }
    const std::string_view segment = segments[index];
    if (const auto it = literals.find(segment); it != literals.end()) {
      it->second->collect_matches(segments, index + 1, values, out);
    }
    if (placeholder && !segment.empty()) {
      values.push_back(segment);
      placeholder->collect_matches(segments, index + 1, values, out);
      values.pop_back();
    }
  }

  const Route* find_route(Method method) const {
    if (const auto it = routes.find(method); it != routes.end()) return &it->second;
    if (method == Method::head) return find_route(Method::get);
    return nullptr;
  }

  static std::vector<std::string> allowed_methods(const std::vector<Candidate>& candidates) {
    std::map<Method, bool> methods;  // ordered by Method, so the Allow header is stable
    for (const auto& candidate : candidates) {
      for (const auto& [method, route] : candidate.node->routes) methods[method] = true;
      if (candidate.node->routes.contains(Method::get)) methods[Method::head] = true;
    }
    std::vector<std::string> names;
    for (const auto& [method, present] : methods) names.emplace_back(method_name(method));
    return names;
  }
};

namespace {

bool has_forbidden_bytes(std::string_view path) {
  return path.find('\0') != std::string_view::npos || !is_valid_utf8(path);
}

}  // namespace

Router::Router() : root_(std::make_unique<Node>()) {}
Router::~Router() = default;
Router::Router(Router&&) noexcept = default;
Router& Router::operator=(Router&&) noexcept = default;

void Router::add(Method method, std::string pattern, Handler handler) {
  if (!pattern.starts_with('/')) throw std::invalid_argument("route pattern must start with /");
  Node* node = root_.get();
  Node::Route route{std::move(handler), std::string(method_name(method)) + " " + pattern, {}};
  for (const std::string_view segment : split_segments(pattern)) {
    if (is_placeholder(segment)) {
      if (!node->placeholder) node->placeholder = std::make_unique<Node>();
      route.param_names.emplace_back(segment.substr(1, segment.size() - 2));
      node = node->placeholder.get();
    } else {
      auto& child = node->literals[std::string(segment)];
      if (!child) child = std::make_unique<Node>();
      node = child.get();
    }
  }
  if (!node->routes.emplace(method, std::move(route)).second) {
    throw std::invalid_argument("duplicate route: " + std::string(method_name(method)) + " " +
                                pattern);
  }
}

Router::Match Router::match(Request& request) const {
  Match result;
  if (!root_ || has_forbidden_bytes(request.path)) return result;
  const auto segments = split_segments(request.path);
  std::vector<std::string_view> values;
  std::vector<Node::Candidate> candidates;
  root_->collect_matches(segments, 0, values, candidates);
  if (candidates.empty()) return result;

  for (const auto& candidate : candidates) {
    const Node::Route* route = candidate.node->find_route(request.method);
    if (!route) continue;
    request.path_params.clear();
    for (std::size_t i = 0; i < route->param_names.size(); ++i) {
      request.path_params[route->param_names[i]] = std::string(candidate.values[i]);
    }
    result.kind = Match::Kind::found;
    result.handler = &route->handler;
    result.route = route->name;
    return result;
  }
  result.kind = Match::Kind::method_not_allowed;
  result.allowed = Node::allowed_methods(candidates);
  return result;
}

}  // namespace simpul::http
