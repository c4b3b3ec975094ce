#include "core/sheet/zip.hpp"

#include <unzip.h>

#include <algorithm>
#include <cstring>
#include <string>

#include "core/sheet/sheet.hpp"

namespace simpul::sheet::detail {

namespace {

constexpr std::size_t kChunkBytes = 64 * 1024;
constexpr int kCaseInsensitive = 2;  // unzLocateFile's iCaseSensitivity

using Memory = ZipArchive::Memory;

Memory& memory_of(voidpf stream) { return *static_cast<Memory*>(stream); }

voidpf ZCALLBACK open_memory(voidpf opaque, const void*, int mode) {
  return (mode & ZLIB_FILEFUNC_MODE_WRITE) ? nullptr : opaque;
}

uLong ZCALLBACK read_memory(voidpf, voidpf stream, void* buffer, uLong size) {
  Memory& memory = memory_of(stream);
  const std::uint64_t left = memory.bytes.size() - memory.position;
  const auto count = static_cast<uLong>(std::min<std::uint64_t>(size, left));
  if (count > 0) std::memcpy(buffer, memory.bytes.data() + memory.position, count);
  memory.position += count;
  memory.read_past_end = memory.read_past_end || count < size;
  return count;
}

uLong ZCALLBACK write_memory(voidpf, voidpf, const void*, uLong) { return 0; }

ZPOS64_T ZCALLBACK tell_memory(voidpf, voidpf stream) { return memory_of(stream).position; }

long ZCALLBACK seek_memory(voidpf, voidpf stream, ZPOS64_T offset, int origin) {
  Memory& memory = memory_of(stream);
  std::uint64_t base = 0;
  if (origin == ZLIB_FILEFUNC_SEEK_CUR) base = memory.position;
  if (origin == ZLIB_FILEFUNC_SEEK_END) base = memory.bytes.size();
  if (offset > memory.bytes.size() - base) return -1;
  memory.position = base + offset;
  return 0;
}

int ZCALLBACK close_memory(voidpf, voidpf) { return 0; }

// minizip takes a short read for zeros unless this reports it: a zip cut short would be read
// as a zip whose last fields are zero.
int ZCALLBACK error_memory(voidpf, voidpf stream) { return memory_of(stream).read_past_end; }

[[noreturn]] void corrupt() { throw Unreadable("sheet.error.xlsx_corrupt"); }

[[noreturn]] void too_large(std::uint64_t max_bytes) {
  const std::uint64_t megabytes = std::max<std::uint64_t>(max_bytes >> 20, 1);
  throw Unreadable("sheet.error.too_large", {{"max", std::to_string(megabytes)}});
}

unzFile handle(void* zip) { return static_cast<unzFile>(zip); }

}  // namespace

ZipArchive::ZipArchive(std::string_view bytes, std::uint64_t max_unzipped_bytes)
    : memory_{bytes},
      budget_(max_unzipped_bytes),
      max_unzipped_bytes_(max_unzipped_bytes),
      buffer_(kChunkBytes) {
  zlib_filefunc64_def functions{open_memory, read_memory,  write_memory, tell_memory,
                                seek_memory, close_memory, error_memory, &memory_};
  zip_ = unzOpen2_64("memory", &functions);  // minizip wants a name; our open ignores it
  if (zip_ == nullptr) corrupt();
}

ZipArchive::~ZipArchive() { unzClose(handle(zip_)); }

bool ZipArchive::contains(std::string_view path) {
  return unzLocateFile(handle(zip_), std::string(path).c_str(), kCaseInsensitive) == UNZ_OK;
}

void ZipArchive::read(std::string_view path, const std::function<void(std::string_view)>& sink) {
  locate(path);
  if (unzOpenCurrentFile(handle(zip_)) != UNZ_OK) corrupt();
  try {
    copy_current(sink);
  } catch (...) {
    unzCloseCurrentFile(handle(zip_));
    throw;
  }
  // Reports a CRC mismatch, now that the whole part was read.
  if (unzCloseCurrentFile(handle(zip_)) != UNZ_OK) corrupt();
}

void ZipArchive::locate(std::string_view path) {
  if (!contains(path)) corrupt();
  unz_file_info64 info;
  if (unzGetCurrentFileInfo64(handle(zip_), &info, nullptr, 0, nullptr, 0, nullptr, 0) != UNZ_OK) {
    corrupt();
  }
  if (info.flag & 1) corrupt();  // a zip password; Office never sets one
  // The declared size rejects most bombs before inflating anything; the bytes actually read
  // are counted too (minizip stops at the declared size, and the CRC check catches a lie).
  if (info.uncompressed_size > budget_) too_large(max_unzipped_bytes_);
}

void ZipArchive::copy_current(const std::function<void(std::string_view)>& sink) {
  while (true) {
    const int count =
        unzReadCurrentFile(handle(zip_), buffer_.data(), static_cast<unsigned>(buffer_.size()));
    if (count < 0) corrupt();
    if (count == 0) return;
    if (static_cast<std::uint64_t>(count) > budget_) too_large(max_unzipped_bytes_);
    budget_ -= static_cast<std::uint64_t>(count);
    sink(std::string_view(buffer_.data(), static_cast<std::size_t>(count)));
  }
}

}  // namespace simpul::sheet::detail
