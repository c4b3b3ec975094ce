#include <charconv>
#include <string>

#include "core/db/database.hpp"

namespace simpul::db {

std::string_view engine_name(Engine engine) {
  return engine == Engine::sqlite ? "sqlite" : "postgresql";
}

namespace {

template <class Number>
Number parse_number(const std::string& text) {
  Number number{};
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
  if (error != std::errc() || end != text.data() + text.size()) {
    throw Error("not a number in a database cell: \"" + text + "\"");
  }
  return number;
}

// Shortest text that reads back as the same double.
std::string format_real(double number) {
  char buffer[32];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, number);
  return std::string(buffer, result.ptr);
}

struct AsInteger {
  std::int64_t operator()(std::nullptr_t) const { return 0; }
  std::int64_t operator()(std::int64_t number) const { return number; }
  std::int64_t operator()(double number) const { return static_cast<std::int64_t>(number); }
  std::int64_t operator()(const std::string& text) const {
    return parse_number<std::int64_t>(text);
  }
};

struct AsReal {
  double operator()(std::nullptr_t) const { return 0.0; }
  double operator()(std::int64_t number) const { return static_cast<double>(number); }
  double operator()(double number) const { return number; }
  double operator()(const std::string& text) const { return parse_number<double>(text); }
};

struct AsText {
  std::string operator()(std::nullptr_t) const { return {}; }
  std::string operator()(std::int64_t number) const { return std::to_string(number); }
  std::string operator()(double number) const { return format_real(number); }
  std::string operator()(const std::string& text) const { return text; }
};

}  // namespace

const Result::Cell& Result::Row::cell(std::size_t column) const {
  if (index_ >= result_->rows_.size()) throw Error("row index out of range");
  const auto& row = result_->rows_[index_];
  if (column >= row.size()) throw Error("column index out of range");
  return row[column];
}

bool Result::Row::is_null(std::size_t column) const {
  return std::holds_alternative<std::nullptr_t>(cell(column));
}

std::int64_t Result::Row::integer(std::size_t column) const {
  return std::visit(AsInteger{}, cell(column));
}

double Result::Row::real(std::size_t column) const { return std::visit(AsReal{}, cell(column)); }

std::string Result::Row::text(std::size_t column) const {
  return std::visit(AsText{}, cell(column));
}

std::optional<std::string> Result::Row::optional_text(std::size_t column) const {
  if (is_null(column)) return std::nullopt;
  return text(column);
}

std::optional<std::int64_t> Result::Row::optional_integer(std::size_t column) const {
  if (is_null(column)) return std::nullopt;
  return integer(column);
}

std::size_t Result::column_index(std::string_view name) const {
  for (std::size_t i = 0; i < columns_.size(); ++i) {
    if (columns_[i] == name) return i;
  }
  throw Error("no column named \"" + std::string(name) + "\" in the result");
}

}  // namespace simpul::db
