#pragma once
// Method + path-pattern routing. Patterns are literal segments and {name} placeholders that match
// one non-empty segment: "/akun/{id}/nonaktifkan". Literal routes win over placeholders.
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/http/message.hpp"

namespace simpul::http {

using Handler = std::function<Response(Request&)>;

class Router {
 public:
  Router();
  ~Router();
  Router(Router&&) noexcept;
  Router& operator=(Router&&) noexcept;
  void add(Method method, std::string pattern, Handler handler);
  void get(std::string pattern, Handler handler) {
    add(Method::get, std::move(pattern), std::move(handler));
  }
  void post(std::string pattern, Handler handler) {
    add(Method::post, std::move(pattern), std::move(handler));
  }

  struct Match {
    enum class Kind { found, method_not_allowed, not_found } kind = Kind::not_found;
    const Handler* handler = nullptr;
    std::string route;                 // "GET /akun/{id}" for metrics
    std::vector<std::string> allowed;  // for 405: the Allow header
  };
  // A HEAD request matches GET routes. Fills request.path_params on success.
  Match match(Request& request) const;

 private:
  struct Node;
  std::unique_ptr<Node> root_;
};

}  // namespace simpul::http
