#include "innovations/diff.hpp"

#include <algorithm>
#include <optional>

namespace simpul::innovations {
namespace {

using Kind = Segment::Kind;
using Tokens = std::vector<std::string_view>;

bool is_diff_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Runs of white space and runs of anything else, in order; joined they give the text back.
Tokens tokenize(std::string_view text) {
  Tokens tokens;
  std::size_t start = 0;
  for (std::size_t i = 1; i <= text.size(); ++i) {
    if (i == text.size() || is_diff_space(text[i]) != is_diff_space(text[start])) {
      tokens.push_back(text.substr(start, i - start));
      start = i;
    }
  }
  return tokens;
}

struct Edit {
  Kind kind;
  std::string_view token;
};

// The shortest edit script from a to b, in reverse order, or nullopt beyond max_edits.
std::optional<std::vector<Edit>> myers(const Tokens& a, const Tokens& b, std::size_t max_edits) {
  const long n = static_cast<long>(a.size());
  const long m = static_cast<long>(b.size());
  const long most = std::min<long>(n + m, static_cast<long>(max_edits));
  std::vector<long> v(2 * (n + m) + 3, 0);
  const long offset = n + m + 1;
  // trace[d][k + d]: the furthest x on diagonal k after d edits.
  std::vector<std::vector<long>> trace;
  long found = -1;
  for (long d = 0; d <= most && found < 0; ++d) {
    for (long k = -d; k <= d; k += 2) {
      bool down = k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]);
      long x = down ? v[offset + k + 1] : v[offset + k - 1] + 1;
      long y = x - k;
      while (x < n && y < m && a[x] == b[y]) ++x, ++y;
      v[offset + k] = x;
      if (x >= n && y >= m) found = d;
    }
    trace.emplace_back(v.begin() + offset - d, v.begin() + offset + d + 1);
  }
  if (found < 0) return std::nullopt;
  std::vector<Edit> edits;
  long x = n, y = m;
  for (long d = found; d > 0; --d) {
    const auto& previous = trace[d - 1];
    const long k = x - y;
    auto furthest = [&](long diagonal) { return previous[diagonal + d - 1]; };
    bool down = k == -d || (k != d && furthest(k - 1) < furthest(k + 1));
    const long previous_k = down ? k + 1 : k - 1;
    const long previous_x = furthest(previous_k);
    const long previous_y = previous_x - previous_k;
    const long start_x = down ? previous_x : previous_x + 1;
    while (x > start_x) {
      edits.push_back({Kind::same, a[--x]});
      --y;
    }
    if (down) {
      edits.push_back({Kind::added, b[previous_y]});
    } else {
      edits.push_back({Kind::removed, a[previous_x]});
    }
    x = previous_x;
    y = previous_y;
  }
  while (x > 0) edits.push_back({Kind::same, a[--x]});
  return edits;
}

void append(std::vector<Segment>& segments, Kind kind, std::string_view text) {
  if (text.empty()) return;
  if (!segments.empty() && segments.back().kind == kind) {
    segments.back().text += text;
  } else {
    segments.push_back({kind, std::string(text)});
  }
}

bool is_blank(const std::string& text) {
  return std::all_of(text.begin(), text.end(), is_diff_space);
}

// Changes separated only by white space read better as one change: "[-Tim jemput][+Grup WA]"
// rather than "[-Tim][+Grup] [-jemput][+WA]".
std::vector<Segment> join_nearby_changes(const std::vector<Segment>& segments) {
  std::vector<Segment> joined;
  std::string removed, added;
  auto flush = [&] {
    append(joined, Kind::removed, removed);
    append(joined, Kind::added, added);
    removed.clear();
    added.clear();
  };
  for (std::size_t i = 0; i < segments.size(); ++i) {
    const Segment& segment = segments[i];
    if (segment.kind == Kind::removed) {
      removed += segment.text;
    } else if (segment.kind == Kind::added) {
      added += segment.text;
    } else if (is_blank(segment.text) && !(removed.empty() && added.empty()) &&
               i + 1 < segments.size()) {
      removed += segment.text;  // the next segment is a change: same segments never touch
      added += segment.text;
    } else {
      flush();
      append(joined, Kind::same, segment.text);
    }
  }
  flush();
  return joined;
}

bool diff_contains(const std::vector<std::string>& list, const std::string& item) {
  return std::find(list.begin(), list.end(), item) != list.end();
}

}  // namespace

std::vector<Segment> diff_words(std::string_view before, std::string_view after,
                                std::size_t max_edits) {
  Tokens a = tokenize(before), b = tokenize(after);
  std::size_t prefix = 0;
  while (prefix < a.size() && prefix < b.size() && a[prefix] == b[prefix]) ++prefix;
  std::size_t suffix = 0;
  while (suffix < a.size() - prefix && suffix < b.size() - prefix &&
         a[a.size() - 1 - suffix] == b[b.size() - 1 - suffix]) {
    ++suffix;
  }
  std::vector<Segment> segments;
  for (std::size_t i = 0; i < prefix; ++i) append(segments, Kind::same, a[i]);
  Tokens middle_a(a.begin() + prefix, a.end() - suffix);
  Tokens middle_b(b.begin() + prefix, b.end() - suffix);
  if (auto edits = myers(middle_a, middle_b, max_edits)) {
    for (auto it = edits->rbegin(); it != edits->rend(); ++it)
      append(segments, it->kind, it->token);
  } else {
    for (auto token : middle_a) append(segments, Kind::removed, token);
    for (auto token : middle_b) append(segments, Kind::added, token);
  }
  for (std::size_t i = a.size() - suffix; i < a.size(); ++i) append(segments, Kind::same, a[i]);
  return join_nearby_changes(segments);
}

ListChange diff_lists(const std::vector<std::string>& before,
                      const std::vector<std::string>& after) {
  ListChange change;
  for (const auto& item : before) {
    if (!diff_contains(after, item)) change.removed.push_back(item);
  }
  for (const auto& item : after) {
    if (!diff_contains(before, item)) change.added.push_back(item);
  }
  return change;
}

}  // namespace simpul::innovations
