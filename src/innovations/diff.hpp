#pragma once
// Differences between two versions of an innovation, for people to read: a word-level diff of
// long texts and the items added to or removed from a list. Pure functions; the page escapes the
// text of every segment and marks it with <ins> or <del>.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace simpul::innovations {

struct Segment {
  enum class Kind { same, added, removed };
  Kind kind;
  std::string text;
  bool operator==(const Segment&) const = default;
};

// Words and the white space between them are compared as units (Myers' O(ND) algorithm), and
// neighbouring segments of one kind are merged. When the texts differ in more than max_edits
// words, the whole differing middle is shown as removed then added: a diff that large is not
// readable anyway, and this bounds time and memory.
std::vector<Segment> diff_words(std::string_view before, std::string_view after,
                                std::size_t max_edits = 1000);

struct ListChange {
  std::vector<std::string> removed;  // in before's order
  std::vector<std::string> added;    // in after's order
  bool empty() const { return removed.empty() && added.empty(); }
};
ListChange diff_lists(const std::vector<std::string>& before,
                      const std::vector<std::string>& after);

}  // namespace simpul::innovations
