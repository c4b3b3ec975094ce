#include "core/sheet/xml.hpp"

#include <expat.h>

#include <exception>
#include <memory>
#include <new>

#include "core/sheet/sheet.hpp"

namespace simpul::sheet::detail {

namespace {

// expat reports a namespaced name as "uri|local".
constexpr char kNamespaceSeparator = '|';

std::string_view local_name(const char* name) {
  std::string_view full(name);
  const std::size_t separator = full.rfind(kNamespaceSeparator);
  return separator == std::string_view::npos ? full : full.substr(separator + 1);
}

struct ParseState {
  XML_Parser parser;
  XmlHandler& handler;
  std::exception_ptr error;
};

// Exceptions must not unwind through expat's C frames: keep the first, stop, rethrow after.
template <class Call>
void guarded(void* data, Call&& call) {
  auto& state = *static_cast<ParseState*>(data);
  if (state.error) return;
  try {
    call(state.handler);
  } catch (...) {
    state.error = std::current_exception();
    XML_StopParser(state.parser, XML_FALSE);
  }
}

void XMLCALL on_start(void* data, const XML_Char* name, const XML_Char** attributes) {
  guarded(data,
          [&](XmlHandler& handler) { handler.start(local_name(name), XmlAttributes(attributes)); });
}

void XMLCALL on_end(void* data, const XML_Char* name) {
  guarded(data, [&](XmlHandler& handler) { handler.end(local_name(name)); });
}

void XMLCALL on_text(void* data, const XML_Char* text, int length) {
  guarded(data, [&](XmlHandler& handler) {
    handler.text(std::string_view(text, static_cast<std::size_t>(length)));
  });
}

void XMLCALL on_doctype(void* data, const XML_Char*, const XML_Char*, const XML_Char*, int) {
  guarded(data, [](XmlHandler&) { throw Unreadable("sheet.error.xlsx_corrupt"); });
}

struct ParserFree {
  void operator()(XML_Parser parser) const { XML_ParserFree(parser); }
};

}  // namespace

std::optional<std::string_view> XmlAttributes::get(std::string_view name) const {
  for (const char** pair = pairs_; *pair != nullptr; pair += 2) {
    if (local_name(pair[0]) == name) return std::string_view(pair[1]);
  }
  return std::nullopt;
}

void parse_xml(ZipArchive& zip, std::string_view part, XmlHandler& handler) {
  std::unique_ptr<XML_ParserStruct, ParserFree> parser(
      XML_ParserCreateNS(nullptr, kNamespaceSeparator));
  if (!parser) throw std::bad_alloc();
  ParseState state{parser.get(), handler, nullptr};
  XML_SetUserData(parser.get(), &state);
  XML_SetElementHandler(parser.get(), on_start, on_end);
  XML_SetCharacterDataHandler(parser.get(), on_text);
  XML_SetStartDoctypeDeclHandler(parser.get(), on_doctype);
  const auto feed = [&](std::string_view chunk, bool last) {
    if (XML_Parse(parser.get(), chunk.data(), static_cast<int>(chunk.size()), last) ==
        XML_STATUS_OK) {
      return;
    }
    if (state.error) std::rethrow_exception(state.error);
    throw Unreadable("sheet.error.xlsx_corrupt");
  };
  zip.read(part, [&](std::string_view chunk) { feed(chunk, false); });
  feed({}, true);
}

}  // namespace simpul::sheet::detail
