#pragma once
// The long-lived objects a feature owns and lends to others (the catalogue's search index, the
// demo accounts of this run), found by type. The app root provides them once at start-up, before
// any request runs; after that the registry is only read, so lookups need no lock.
#include <stdexcept>
#include <string>
#include <typeindex>
#include <typeinfo>
#include <unordered_map>

namespace simpul::kernel {

class Services {
 public:
  template <class T>
  void provide(T& service) {
    entries_[std::type_index(typeid(T))] = &service;
  }

  // Throws std::logic_error when nothing of the type was provided: a wiring mistake of the app
  // root, never a visitor's.
  template <class T>
  T& get() const {
    auto it = entries_.find(std::type_index(typeid(T)));
    if (it == entries_.end()) {
      throw std::logic_error(std::string("no service provided: ") + typeid(T).name());
    }
    return *static_cast<T*>(it->second);
  }

 private:
  std::unordered_map<std::type_index, void*> entries_;
};

}  // namespace simpul::kernel
