#pragma once
// Internal to the search engine: compressed posting lists and the cursor that reads them.
//
// A list holds, for one term, the documents (by slot, ascending) that contain it with their
// field-weighted term frequency, and the word positions of each occurrence. Two byte streams:
//   docs:      per posting varint((slot - previous slot) << 1 | tf_is_one), then varint(tf)
//              unless tf is 1 (the common case for rare words, so most postings take 1-2 bytes);
//   positions: per posting varint(count), then the positions as varint deltas.
// Every 128 postings start a block, whose last slot and stream offsets let a cursor skip ahead
// without decoding (galloping over blocks), and whose positions are decoded only for phrases.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <span>
#include <utility>
#include <vector>

namespace simpul::search::detail {

using Slot = std::uint32_t;  // a document's dense internal number, in insertion order
inline constexpr Slot kEndSlot = 0xFFFFFFFF;
inline constexpr std::uint32_t kBlockPostings = 128;

// A growable byte array on malloc/realloc instead of std::vector: glibc grows a block in place
// when it can, and always within the arena that owns it. With std::vector, an upsert on another
// thread copied every long list it touched into that thread's arena and left the old copies as
// holes in the first: one publication added tens of megabytes to the resident set.
class Bytes {
 public:
  Bytes() = default;
  Bytes(Bytes&& other) noexcept
      : data_(std::exchange(other.data_, nullptr)),
        size_(std::exchange(other.size_, 0)),
        capacity_(std::exchange(other.capacity_, 0)) {}
  Bytes& operator=(Bytes&& other) noexcept {
    std::swap(data_, other.data_);
    std::swap(size_, other.size_);
    std::swap(capacity_, other.capacity_);
    return *this;
  }
  ~Bytes() { std::free(data_); }

  const std::uint8_t* data() const { return data_; }
  std::size_t size() const { return size_; }
  std::size_t capacity() const { return capacity_; }
  void reserve(std::size_t capacity) {
    if (capacity > capacity_) reallocate(capacity);
  }
  void shrink_to_fit() {
    if (size_ < capacity_) reallocate(size_);
  }
  void push_back(std::uint8_t byte) {
    if (size_ == capacity_) reallocate(size_ + size_ / 8 + 16);
    data_[size_++] = byte;
  }

 private:
  void reallocate(std::size_t capacity);

  std::uint8_t* data_ = nullptr;
  std::size_t size_ = 0;
  std::size_t capacity_ = 0;
};

class PostingList {
 public:
  // slot must be greater than every slot already in the list; positions ascending.
  void append(Slot slot, std::uint32_t weighted_tf, std::span<const std::uint32_t> positions);
  std::uint32_t size() const { return size_; }
  void shrink_to_fit();
  std::size_t memory_bytes() const;
  // The postings whose slot new_slot maps to a slot (not kEndSlot), renumbered.
  PostingList renumbered(const std::vector<Slot>& new_slot) const;

 private:
  friend class PostingCursor;
  struct Block {
    Slot last_slot;
    std::uint32_t docs_offset;
    std::uint32_t positions_offset;
  };

  Bytes docs_;
  Bytes positions_;
  std::vector<Block> blocks_;
  std::uint32_t size_ = 0;
};

inline std::uint32_t read_varint(const std::uint8_t*& bytes) {
  std::uint32_t value = *bytes++;
  if (value < 0x80) return value;
  value &= 0x7F;
  for (int shift = 7;; shift += 7) {
    const std::uint32_t byte = *bytes++;
    value |= (byte & 0x7F) << shift;
    if (byte < 0x80) return value;
  }
}

// Walks a list forward. slot() is kEndSlot once past the last posting.
class PostingCursor {
 public:
  explicit PostingCursor(const PostingList& list);

  Slot slot() const { return slot_; }
  std::uint32_t weighted_tf() const { return tf_; }
  std::uint32_t size() const { return list_->size_; }

  Slot next() {
    if (left_in_block_ == 0) {
      if (block_ + 1 >= list_->blocks_.size()) return slot_ = kEndSlot;
      enter_block(block_ + 1);
    }
    decode();
    return slot_;
  }

  // Moves to the first posting at or after target.
  Slot advance(Slot target) {
    if (slot_ >= target) return slot_;
    if (list_->blocks_[block_].last_slot < target) {
      const std::uint32_t block = find_block(target);
      if (block == list_->blocks_.size()) return slot_ = kEndSlot;
      enter_block(block);
      decode();
    }
    while (slot_ < target) decode();  // the block's last slot is >= target
    return slot_;
  }

  // The current posting's word positions, ascending.
  std::span<const std::uint32_t> positions();

 private:
  void enter_block(std::uint32_t block);
  std::uint32_t find_block(Slot target) const;

  void decode() {
    const std::uint32_t value = read_varint(docs_);
    slot_ += value >> 1;
    tf_ = (value & 1) ? 1 : read_varint(docs_);
    --left_in_block_;
    ++index_in_block_;
  }

  const PostingList* list_;
  const std::uint8_t* docs_ = nullptr;
  std::uint32_t block_ = 0;
  std::uint32_t left_in_block_ = 0;
  std::uint32_t index_in_block_ = 0;
  Slot slot_ = kEndSlot;
  std::uint32_t tf_ = 0;
  // Positions are decoded lazily: where the next undecoded entry of the block starts.
  const std::uint8_t* positions_next_ = nullptr;
  std::uint32_t positions_next_index_ = 0;
  std::vector<std::uint32_t> positions_;
  Slot positions_slot_ = kEndSlot;  // whose positions positions_ holds
};

}  // namespace simpul::search::detail
