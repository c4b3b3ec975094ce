#include "core/search/postings.hpp"

#include <algorithm>
#include <new>

namespace simpul::search::detail {

namespace {

constexpr std::size_t kMaxVarintBytes = 5;

// Grows by an eighth instead of doubling: upserts add one posting at a time to long lists, and
// doubling would leave up to half of the index as spare capacity.
void reserve_more(Bytes& bytes, std::size_t extra) {
  if (bytes.capacity() - bytes.size() >= extra) return;
  bytes.reserve(bytes.size() + extra + bytes.size() / 8 + 16);
}

void write_varint(Bytes& bytes, std::uint32_t value) {
  while (value >= 0x80) {
    bytes.push_back(static_cast<std::uint8_t>(value | 0x80));
    value >>= 7;
  }
  bytes.push_back(static_cast<std::uint8_t>(value));
}

void skip_varints(const std::uint8_t*& bytes, std::uint32_t count) {
  while (count > 0) {
    if (*bytes++ < 0x80) --count;
  }
}

}  // namespace

void Bytes::reallocate(std::size_t capacity) {
  if (capacity == 0) {
    std::free(data_);
    data_ = nullptr;
  } else {
    auto* grown = static_cast<std::uint8_t*>(std::realloc(data_, capacity));
    if (grown == nullptr) throw std::bad_alloc();
    data_ = grown;
  }
  capacity_ = capacity;
}

void PostingList::append(Slot slot, std::uint32_t weighted_tf,
                         std::span<const std::uint32_t> positions) {
  const Slot previous = size_ == 0 ? 0 : blocks_.back().last_slot;
  if (size_ % kBlockPostings == 0) {
    blocks_.push_back({slot, static_cast<std::uint32_t>(docs_.size()),
                       static_cast<std::uint32_t>(positions_.size())});
  }
  reserve_more(docs_, 2 * kMaxVarintBytes);
  const std::uint32_t delta = slot - previous;
  write_varint(docs_, delta << 1 | (weighted_tf == 1 ? 1 : 0));
  if (weighted_tf != 1) write_varint(docs_, weighted_tf);

  reserve_more(positions_, (positions.size() + 1) * kMaxVarintBytes);
  write_varint(positions_, static_cast<std::uint32_t>(positions.size()));
  std::uint32_t previous_position = 0;
  for (const std::uint32_t position : positions) {
    write_varint(positions_, position - previous_position);
    previous_position = position;
  }
  blocks_.back().last_slot = slot;
  ++size_;
}

void PostingList::shrink_to_fit() {
  docs_.shrink_to_fit();
  positions_.shrink_to_fit();
  blocks_.shrink_to_fit();
}

std::size_t PostingList::memory_bytes() const {
  return sizeof(PostingList) + docs_.capacity() + positions_.capacity() +
         blocks_.capacity() * sizeof(Block);
}

PostingList PostingList::renumbered(const std::vector<Slot>& new_slot) const {
  PostingList kept;
  for (PostingCursor cursor(*this); cursor.slot() != kEndSlot; cursor.next()) {
    const Slot slot = new_slot[cursor.slot()];
    if (slot != kEndSlot) kept.append(slot, cursor.weighted_tf(), cursor.positions());
  }
  kept.shrink_to_fit();
  return kept;
}

PostingCursor::PostingCursor(const PostingList& list) : list_(&list) {
  if (list.size_ == 0) return;
  enter_block(0);
  decode();
}

void PostingCursor::enter_block(std::uint32_t block) {
  const auto& blocks = list_->blocks_;
  block_ = block;
  docs_ = list_->docs_.data() + blocks[block].docs_offset;
  slot_ = block == 0 ? 0 : blocks[block - 1].last_slot;  // the base of the first delta
  left_in_block_ = std::min<std::uint32_t>(kBlockPostings, list_->size_ - block * kBlockPostings);
  index_in_block_ = static_cast<std::uint32_t>(-1);
  positions_next_ = list_->positions_.data() + blocks[block].positions_offset;
  positions_next_index_ = 0;
}

// Galloping, then binary search: intersections mostly skip a few blocks, sometimes very many.
std::uint32_t PostingCursor::find_block(Slot target) const {
  const auto& blocks = list_->blocks_;
  std::size_t low = block_ + 1;
  std::size_t step = 1;
  while (low + step < blocks.size() && blocks[low + step].last_slot < target) {
    low += step;
    step *= 2;
  }
  const auto end =
      blocks.begin() + static_cast<std::ptrdiff_t>(std::min(blocks.size(), low + step + 1));
  const auto found =
      std::lower_bound(blocks.begin() + static_cast<std::ptrdiff_t>(low), end, target,
                       [](const PostingList::Block& b, Slot slot) { return b.last_slot < slot; });
  return static_cast<std::uint32_t>(found - blocks.begin());
}

std::span<const std::uint32_t> PostingCursor::positions() {
  if (positions_slot_ == slot_) return positions_;
  while (positions_next_index_ < index_in_block_) {
    skip_varints(positions_next_, read_varint(positions_next_));
    ++positions_next_index_;
  }
  positions_.resize(read_varint(positions_next_));
  std::uint32_t position = 0;
  for (std::uint32_t& out : positions_) out = position += read_varint(positions_next_);
  ++positions_next_index_;
  positions_slot_ = slot_;
  return positions_;
}

}  // namespace simpul::search::detail
