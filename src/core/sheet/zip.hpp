#pragma once
// Internal to core/sheet: the parts of a zip held in memory, through zlib's minizip. minizip
// reads through callbacks we supply, so no temporary file is written; it already handles zip64,
// data descriptors and CRC checks, which a hand-written reader would have to repeat.
#include <cstdint>
#include <functional>
#include <string_view>
#include <vector>

namespace simpul::sheet::detail {

class ZipArchive {
 public:
  // Throws sheet.error.xlsx_corrupt when bytes are not a readable zip.
  ZipArchive(std::string_view bytes, std::uint64_t max_unzipped_bytes);
  ~ZipArchive();
  ZipArchive(const ZipArchive&) = delete;
  ZipArchive& operator=(const ZipArchive&) = delete;

  // Part names are case-insensitive in Office files (ECMA-376 part 2).
  bool contains(std::string_view path);

  // Streams the uncompressed part to sink in chunks of at most 64 KiB. Every part read counts
  // against max_unzipped_bytes (sheet.error.too_large); a missing or damaged part is
  // sheet.error.xlsx_corrupt.
  void read(std::string_view path, const std::function<void(std::string_view)>& sink);

  // Where minizip's callbacks read from.
  struct Memory {
    std::string_view bytes;
    std::uint64_t position = 0;
    bool read_past_end = false;
  };

 private:
  void locate(std::string_view path);
  void copy_current(const std::function<void(std::string_view)>& sink);

  Memory memory_;
  void* zip_ = nullptr;  // unzFile, kept out of this header with minizip's macros
  std::uint64_t budget_;
  std::uint64_t max_unzipped_bytes_;
  std::vector<char> buffer_;
};

}  // namespace simpul::sheet::detail
