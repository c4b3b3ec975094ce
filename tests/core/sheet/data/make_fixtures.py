#!/usr/bin/env python3
"""Writes the hand-made workbooks of tests/core/sheet: what libxlsxwriter never writes (prefixed
namespaces, cells and rows without r, phonetic runs, a 1904 workbook, a chart sheet first, a
formula never calculated) and broken packages. Deterministic: run it again, get the same bytes.

    python3 tests/core/sheet/data/make_fixtures.py
"""
import pathlib
import struct
import zipfile

HERE = pathlib.Path(__file__).resolve().parent
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
DOC_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


def relationships(*items):
    rows = "".join(f'<Relationship Id="{rid}" Type="{DOC_RELS}/{kind}" Target="{target}"/>'
                   for rid, kind, target in items)
    return f'{HEAD}<Relationships xmlns="{RELS}">{rows}</Relationships>'


def write_zip(name, parts):
    with zipfile.ZipFile(HERE / name, "w", zipfile.ZIP_DEFLATED) as archive:
        for path, text in parts.items():
            info = zipfile.ZipInfo(path, date_time=(2024, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, text)


ROOT_RELS = relationships(("rId1", "officeDocument", "/xl/workbook.xml"))

# Every element in the x: prefix, as the .NET Open XML SDK writes them.
WORKBOOK = f"""{HEAD}<x:workbook xmlns:x="{MAIN}" xmlns:r="{DOC_RELS}">
<x:workbookPr date1904="1"/>
<x:sheets>
<x:sheet name="Grafik" sheetId="1" r:id="rId1"/>
<x:sheet name="Lama" sheetId="2" state="hidden" r:id="rId2"/>
<x:sheet name="Data" sheetId="3" r:id="rId3"/>
</x:sheets></x:workbook>"""

WORKBOOK_RELS = relationships(
    ("rId1", "chartsheet", "chartsheets/sheet1.xml"),  # not in the zip: never read
    ("rId2", "worksheet", "worksheets/old.xml"),
    ("rId3", "worksheet", "worksheets/../worksheets/data.xml"),
    ("rId4", "sharedStrings", "sharedStrings.xml"),
    ("rId5", "styles", "/xl/styles.xml"))

# cellStyleXfs comes first with a date, so that counting its xf would shift every style.
STYLES = f"""{HEAD}<x:styleSheet xmlns:x="{MAIN}">
<x:numFmts count="4">
<x:numFmt numFmtId="164" formatCode="[$-421]dd mmmm yyyy;@"/>
<x:numFmt numFmtId="165" formatCode="#,##0&quot; hari&quot;"/>
<x:numFmt numFmtId="166" formatCode="[h]:mm"/>
<x:numFmt numFmtId="167" formatCode="mmm\\-yy"/>
</x:numFmts>
<x:cellStyleXfs count="1"><x:xf numFmtId="14"/></x:cellStyleXfs>
<x:cellXfs count="7">
<x:xf numFmtId="0"/><x:xf numFmtId="164"/><x:xf numFmtId="14"/><x:xf numFmtId="20"/>
<x:xf numFmtId="165"/><x:xf numFmtId="166"/><x:xf numFmtId="167"/>
</x:cellXfs></x:styleSheet>"""

SHARED_STRINGS = f"""{HEAD}<x:sst xmlns:x="{MAIN}" count="8" uniqueCount="8">
<x:si><x:t>Nama</x:t></x:si>
<x:si><x:t xml:space="preserve">  Tanggal  </x:t></x:si>
<x:si><x:r><x:rPr><x:b/></x:rPr><x:t xml:space="preserve">Dinas </x:t></x:r><x:r><x:t>Kesehatan</x:t></x:r></x:si>
<x:si><x:t>東京</x:t><x:rPh sb="0" eb="2"><x:t>トウキョウ</x:t></x:rPh><x:phoneticPr fontId="1"/></x:si>
<x:si><x:t>baris_x000D_
kedua _x005F_x0041_ _xD83D__xDE00_</x:t></x:si>
<x:si><x:t>Jumlah</x:t></x:si>
<x:si><x:t>Catatan</x:t></x:si>
<x:si><x:t/></x:si>
</x:sst>"""


def cell(ref, value, t=None, s=None):
    attrs = (f' r="{ref}"' if ref else "") + (f' t="{t}"' if t else "") + (f' s="{s}"' if s else "")
    return f"<x:c{attrs}><x:v>{value}</x:v></x:c>"


# Row 1 is missing (the header is row 2); rows and cells without r follow the previous one.
DATA_ROWS = [
    '<x:row r="2">' + cell("A2", 0, "s") + cell("B2", 1, "s") + cell(None, 5, "s") +
    cell(None, 6, "s") + "</x:row>",
    '<x:row r="3">' + cell("A3", 2, "s") + cell("B3", 43538, s=1) + cell("C3", "1.5E6") +
    '<x:c r="D3" t="inlineStr"><x:is><x:r><x:t xml:space="preserve">Teks </x:t></x:r>'
    "<x:r><x:t>sebaris</x:t></x:r></x:is></x:c></x:row>",
    "<x:row>" + cell("A4", 3, "s") + cell("B4", 0, s=2) + cell("C4", "1500000.0") +
    cell("D4", "hasil_x000D_", "str") + "</x:row>",
    '<x:row r="6">' + cell("A6", "#N/A", "e") + cell("B6", "0.5", s=3) + cell("C6", "1.5E-3") +
    cell("D6", 0, "b") + "</x:row>",
    '<x:row r="7">' + cell("A7", 12, s=4) + cell("B7", "1.25", s=5) +
    '<x:c r="C7"><x:f>SUM(A1:A2)</x:f></x:c>' + cell("D7", 4, "s") + "</x:row>",
    '<x:row r="8">' + cell("A8", 7, "s") + cell("B8", 43538, s=6) + cell("E8", "di luar", "str") +
    "</x:row>",
    '<x:row r="9"><x:c r="A9" s="1"/><x:c r="B9" t="s"><x:v>7</x:v></x:c></x:row>',
]
DATA = (f'{HEAD}<x:worksheet xmlns:x="{MAIN}"><x:sheetData>' + "".join(DATA_ROWS) +
        "</x:sheetData></x:worksheet>")

OLD = (f'{HEAD}<x:worksheet xmlns:x="{MAIN}"><x:sheetData><x:row r="1">' +
       '<x:c r="A1" t="inlineStr"><x:is><x:t>lama</x:t></x:is></x:c></x:row>' +
       "</x:sheetData></x:worksheet>")

write_zip("handwritten.xlsx", {
    "_rels/.rels": ROOT_RELS,
    "xl/workbook.xml": WORKBOOK,
    "xl/_rels/workbook.xml.rels": WORKBOOK_RELS,
    "xl/styles.xml": STYLES,
    "xl/sharedStrings.xml": SHARED_STRINGS,
    "xl/worksheets/data.xml": DATA,
    "xl/worksheets/old.xml": OLD,
})


# The least a workbook needs: no shared strings, no styles.
def minimal(sheet_xml):
    return {
        "_rels/.rels": relationships(("rId1", "officeDocument", "xl/workbook.xml")),
        "xl/workbook.xml": f'{HEAD}<workbook xmlns="{MAIN}" xmlns:r="{DOC_RELS}"><sheets>'
                           '<sheet name="A" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": relationships(("rId1", "worksheet", "worksheets/sheet1.xml")),
        "xl/worksheets/sheet1.xml": sheet_xml,
    }


MINIMAL_SHEET = (f'{HEAD}<worksheet xmlns="{MAIN}"><sheetData>' +
                 '<row r="1"><c r="A1" t="inlineStr"><is><t>Kode</t></is></c></row>' +
                 '<row r="2"><c r="A2"><v>7</v></c></row>' + "</sheetData></worksheet>")
write_zip("minimal.xlsx", minimal(MINIMAL_SHEET))

# A billion-laughs sheet: refused for its DTD, before any entity is expanded.
LAUGHS = ('<!DOCTYPE worksheet [<!ENTITY a "hahahahaha">' +
          "".join(f'<!ENTITY {chr(98 + i)} "' + f"&{chr(97 + i)};" * 10 + '">' for i in range(8)) +
          "]>")
write_zip("doctype.xlsx", minimal(MINIMAL_SHEET.replace(HEAD, HEAD + LAUGHS).replace(
    "<t>Kode</t>", "<t>&i;</t>")))

# An OpenDocument spreadsheet (LibreOffice's .ods): a zip, but no Office package.
write_zip("not_workbook.zip", {
    "mimetype": "application/vnd.oasis.opendocument.spreadsheet",
    "content.xml": f"{HEAD}<office:document-content/>",
})


# A sheet whose zip headers claim 100 bytes while it inflates to more: the reader must stop at
# the claim and refuse the part, not trust the claim to bound the memory it uses.
def lying_sizes():
    path = HERE / "lying_size.xlsx"
    write_zip(path.name, minimal(MINIMAL_SHEET.replace("<v>7</v>", "<v>" + "7" * 5000 + "</v>")))
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        sheet = archive.getinfo("xl/worksheets/sheet1.xml")
    struct.pack_into("<I", data, sheet.header_offset + 22, 100)  # local header
    central = data.find(b"PK\x01\x02")
    while central != -1:
        name_length = struct.unpack_from("<H", data, central + 28)[0]
        if data[central + 46:central + 46 + name_length] == b"xl/worksheets/sheet1.xml":
            struct.pack_into("<I", data, central + 24, 100)  # central directory
        central = data.find(b"PK\x01\x02", central + 4)
    path.write_bytes(bytes(data))


lying_sizes()
