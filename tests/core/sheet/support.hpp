#pragma once
// Helpers shared by the sheet tests: the error a read throws, fixture files, and real .xlsx
// files written by libxlsxwriter.
#include <gtest/gtest.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>

#include "core/sheet/sheet.hpp"

namespace simpul::sheet::testing {

struct Problem {
  std::string key;
  MessageArgs args;
  bool operator==(const Problem&) const = default;
};

inline void PrintTo(const Problem& problem, std::ostream* out) {
  *out << problem.key;
  for (const auto& [name, value] : problem.args) *out << " " << name << "=" << value;
}

// The Unreadable that read throws, or an empty Problem (and a failure) when it returns.
template <class Read>
Problem problem_of(Read&& read) {
  try {
    read();
  } catch (const Unreadable& error) {
    return {error.key(), error.args()};
  }
  ADD_FAILURE() << "the file was read without an error";
  return {};
}

inline std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  EXPECT_TRUE(in) << path;
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

inline std::string fixture(const std::string& name) {
  return read_file(std::filesystem::path(SIMPUL_SOURCE_DIR) / "tests/core/sheet/data" / name);
}

// A workbook written to a temporary file by libxlsxwriter; bytes() closes it and reads it back.
class XlsxWriter {
 public:
  explicit XlsxWriter(bool constant_memory = false) {
    static int count = 0;
    path_ = std::filesystem::temp_directory_path() / ("simpul_sheet_" + std::to_string(::getpid()) +
                                                      "_" + std::to_string(++count) + ".xlsx");
    lxw_workbook_options options{};
    options.constant_memory = constant_memory ? LXW_TRUE : LXW_FALSE;
    workbook_ = workbook_new_opt(path_.c_str(), &options);
  }
  ~XlsxWriter() {
    if (workbook_ != nullptr) workbook_close(workbook_);
    std::filesystem::remove(path_);
  }
  XlsxWriter(const XlsxWriter&) = delete;
  XlsxWriter& operator=(const XlsxWriter&) = delete;

  lxw_worksheet* add_sheet(const char* name = nullptr) {
    return workbook_add_worksheet(workbook_, name);
  }

  lxw_format* number_format(const char* code) {
    lxw_format* format = workbook_add_format(workbook_);
    format_set_num_format(format, code);
    return format;
  }

  lxw_format* builtin_format(std::uint8_t id) {
    lxw_format* format = workbook_add_format(workbook_);
    format_set_num_format_index(format, id);
    return format;
  }

  lxw_format* bold() {
    lxw_format* format = workbook_add_format(workbook_);
    format_set_bold(format);
    return format;
  }

  std::string bytes() {
    EXPECT_EQ(workbook_close(workbook_), LXW_NO_ERROR);
    workbook_ = nullptr;
    return read_file(path_);
  }

 private:
  std::filesystem::path path_;
  lxw_workbook* workbook_ = nullptr;
};

}  // namespace simpul::sheet::testing
