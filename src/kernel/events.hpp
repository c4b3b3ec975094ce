#pragma once
// In-process notifications between features, sent after a change has committed: the registry
// announces "innovation.published" and the catalogue re-indexes it, without either reaching into
// the other's store. Handlers run synchronously on the sending thread and must not throw.
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <vector>

namespace simpul::kernel {

class Events {
 public:
  using Handler = std::function<void(const std::string& payload)>;

  void subscribe(const std::string& topic, Handler handler) {
    std::lock_guard lock(mutex_);
    handlers_[topic].push_back(std::move(handler));
  }

  void publish(const std::string& topic, const std::string& payload) const {
    std::vector<Handler> targets;
    {
      std::lock_guard lock(mutex_);
      auto it = handlers_.find(topic);
      if (it == handlers_.end()) return;
      targets = it->second;
    }
    for (const auto& handler : targets) handler(payload);
  }

 private:
  mutable std::mutex mutex_;
  std::map<std::string, std::vector<Handler>> handlers_;
};

}  // namespace simpul::kernel
