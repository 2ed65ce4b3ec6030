"""The native Word 97 reader: text from the piece table, tables from paragraph and row properties.

The committed fixture ``tests/data/doc/merged_tables.doc`` (LibreOffice's .doc of
``tests.formats_factory.merged_tables_docx``) is read without LibreOffice; with LibreOffice
installed, the same DOCX and the sample orders are also saved as .doc (straight from the
DOCX and through ODT) and the native grid must equal the DOCX reader's grid of the original.
"""

from __future__ import annotations

import shutil
import struct
from pathlib import Path

import pytest

from extractors.convert import find_soffice
from extractors.doc_binary import DocReader, Paragraph, Piece, _RunTable
from extractors.doc_binary_sprms import field_mask, iter_sprms
from extractors.doc_binary_styles import StyleSheet
from extractors.doc_binary_tables import (EXTRACTOR_NAME, RowProps, _OpenTable, _RawCell, _RawRow, build_table,
                                          extract_doc_binary, row_props)
from extractors.docx import extract_docx
from extractors.grid import ExtractionError
from tests.conftest import RAW, TEST_DATA
from tests.formats_factory import libreoffice_render, merged_tables_docx, numbered_docx

FIXTURE = TEST_DATA / "doc" / "merged_tables.doc"
NUMBERED = TEST_DATA / "doc" / "numbered.doc"
needs_soffice = pytest.mark.skipif(find_soffice() is None, reason="LibreOffice (soffice) is not installed")


def _grid(doc) -> list:
    return [[(r.is_header, [(c.text, c.col, c.colspan, c.rowspan, c.bold) for c in r.cells]) for r in t.rows]
            for t in doc.tables]


def _blocks(doc) -> list:
    return [(b.text, b.before_table, b.bold) for b in doc.blocks]


EXPECTED_GRID = [
    [(True, [("№", 0, 1, 2, True), ("Мероприятие", 1, 1, 2, True), ("Срок", 2, 2, 1, True),
             ("Исполнитель", 4, 1, 2, True)]),
     (True, [("начало", 2, 1, 1, True), ("окончание", 3, 1, 1, True)]),
     (False, [("1", 0, 1, 1, False), ("Совещание\n\nпосле вложенной", 1, 1, 1, False),
              ("январь", 2, 1, 1, False), ("март", 3, 1, 1, False), ("Минобр", 4, 1, 1, False)]),
     (False, [("Раздел 2. Кадры", 0, 5, 1, False)]),
     (False, [("2", 0, 1, 1, False), ("Программа\nразвития", 1, 1, 1, False), ("2023", 2, 1, 1, False),
              ("2024", 3, 1, 1, False), ("ЦОПП", 4, 1, 2, False)]),
     (False, [("3", 0, 1, 1, False), ("Мониторинг", 1, 1, 1, False), ("ежегодно", 2, 2, 1, False)])],
    [(False, [(f"вложенная {r}{c}", c, 1, 1, False) for c in range(2)]) for r in range(2)],
    [(False, [(f"Т2 {r}{c}", c, 1, 1, False) for c in range(3)]) for r in range(2)],
]
EXPECTED_BLOCKS = [("ПРИКАЗ", 0, False), ("от 1 марта 2023 г. № 15", 0, False),
                   ("Текст между таблицами", 2, False),
                   ("Сокращения: ЦОПП – центр опережающей профессиональной подготовки", 3, False)]


def test_fixture_gives_spans_header_rows_nesting_and_blocks_in_order():
    assert FIXTURE.stat().st_size <= 50_000
    doc = extract_doc_binary(str(FIXTURE))
    assert _grid(doc) == EXPECTED_GRID
    assert [t.n_cols for t in doc.tables] == [5, 2, 3]
    assert [t.nested_in for t in doc.tables] == [None, 0, None]
    assert _blocks(doc) == EXPECTED_BLOCKS
    assert doc.file_format == "doc" and doc.extractor == EXTRACTOR_NAME
    assert all(t.extractor == EXTRACTOR_NAME for t in doc.tables)


def test_row_ends_come_from_the_paragraph_properties_not_from_double_cell_marks():
    paragraphs = DocReader(str(FIXTURE)).paragraphs()
    row_ends = [p for p in paragraphs if p.row_end]
    assert len(row_ends) == 6 + 2 + 2
    assert all(p.text == "" for p in row_ends)
    # an empty cell followed by the row end also reads "\x07\x07": still one cell, not a row end
    end = paragraphs.index(row_ends[7])            # the outer table's last row (nested rows come first)
    last_row = paragraphs[end - 4:end]
    assert [(p.text, p.cell_end) for p in last_row] == [
        ("3", True), ("Мониторинг", True), ("ежегодно", True), ("", True)]
    # the nested table's cells end in paragraph marks at depth 2
    nested = [p for p in paragraphs if p.depth == 2]
    assert {p.mark for p in nested} == {"\r"} and sum(p.row_end for p in nested) == 2


def test_automatic_list_numbers_are_written_before_the_text_in_cells_and_body():
    doc = extract_doc_binary(str(NUMBERED))
    assert [b.text for b in doc.blocks] == ["I. Общие положения", "II. Цели", "III. Заключение"]
    assert [r.cells[0].text for r in doc.tables[0].rows] == ["№", "1.", "1.1.", "1.2.", "а)", "2."]
    assert [r.cells[1].text for r in doc.tables[0].rows][1:] == [f"Мероприятие {i}" for i in range(1, 6)]


def _patched(tmp_path: Path, name: str, offset: int, value: int) -> Path:
    olefile = pytest.importorskip("olefile")
    out = tmp_path / name
    shutil.copyfile(FIXTURE, out)
    ole = olefile.OleFileIO(str(out), write_mode=True)
    stream = bytearray(ole.openstream("WordDocument").read())
    struct.pack_into("<H", stream, offset, value)
    ole.write_stream("WordDocument", bytes(stream))
    ole.close()
    return out


@pytest.mark.parametrize("name, offset, bit, words", [
    ("encrypted.doc", 10, 0x0100, "password-protected"),
    ("fastsaved.doc", 10, 0x0004, "fast-saved"),
])
def test_encrypted_and_fast_saved_files_are_refused_by_name(tmp_path, name, offset, bit, words):
    flags = struct.unpack_from("<H", (DocReader(str(FIXTURE)).word), offset)[0]
    bad = _patched(tmp_path, name, offset, flags | bit)
    with pytest.raises(ExtractionError) as err:
        extract_doc_binary(str(bad))
    assert err.value.stage == "doc-binary" and words in str(err.value) and name in str(err.value)


def test_word_6_and_non_word_streams_are_refused_by_name(tmp_path):
    old = _patched(tmp_path, "word6.doc", 2, 0x0065)
    with pytest.raises(ExtractionError) as err:
        extract_doc_binary(str(old))
    assert err.value.stage == "doc-binary" and "Word 6/95" in str(err.value) and "word6.doc" in str(err.value)
    garbage = _patched(tmp_path, "garbage.doc", 0, 0x1234)
    with pytest.raises(ExtractionError, match="not a Word 97-2003 document"):
        extract_doc_binary(str(garbage))
    not_ole = tmp_path / "plain.doc"
    not_ole.write_bytes(b"just text, not an OLE compound file")
    with pytest.raises(ExtractionError) as err:
        extract_doc_binary(str(not_ole))
    assert err.value.stage == "doc-binary" and "plain.doc" in str(err.value)


def test_compressed_and_unicode_pieces_and_field_codes():
    reader = DocReader.__new__(DocReader)
    # piece 1: cp1252 bytes at offset 0 (0x93/0x94 are curly quotes); piece 2: UTF-16LE at offset 100
    reader.word = (b"\x93A\x94 \x13 PAGE \x14" + bytes(88)
                   + "7\x15 Ж\r".encode("utf-16-le"))
    reader.pieces = [Piece(0, 12, 0, True, 0), Piece(12, 17, 100, False, 0)]
    reader.ccp_text = 17
    text, fcs = reader.text()
    assert text == "\u201cA\u201d \x13 PAGE \x147\x15 Ж\r"
    assert fcs[:2] == [0, 1] and fcs[12:14] == [100, 102]
    reader.prcs, reader.papx, reader.chpx = [], _RunTable(), _RunTable()
    reader.styles = StyleSheet(b"", [])
    (para,) = reader.paragraphs()
    assert para.text == "\u201cA\u201d 7 Ж" and para.depth == 0
    # nested fields: only the outer field's result shows, with the inner field's result in it
    text = "a\x13 REF \x13 X \x14x\x15 \x14R\x13 PAGE \x143\x15\x15b"
    assert "".join(ch for ch, shown in zip(text, field_mask(text)) if shown) == "aR3b"


def _tdef(edges: list[int], tc_flags: list[int]) -> bytes:
    body = bytes([len(edges) - 1]) + struct.pack(f"<{len(edges)}h", *edges)
    body += b"".join(struct.pack("<H", f) + bytes(18) for f in tc_flags)
    return struct.pack("<HH", 0xD608, len(body) + 1) + body


def test_tapx_of_word_97_merges_and_header_flag():
    grpprl = struct.pack("<HB", 0x2416, 1) + _tdef([0, 1000, 2000, 3000], [0, 0x0001, 0x0002]) \
        + struct.pack("<HB", 0x3404, 1)
    assert [s for s, _ in iter_sprms(grpprl)] == [0x2416, 0xD608, 0x3404]
    props = row_props(grpprl)
    assert props.edges == [0, 1000, 2000, 3000] and props.horz == [0, 1, 2] and props.header
    # vertical merge: restart (fVertMerge|fVertRestart = 0x60) then continue (0x20)
    top = row_props(_tdef([0, 1000, 3000], [0x0060, 0]))
    below = row_props(_tdef([0, 1000, 3000], [0x0020, 0]))
    assert top.vert == [3, 0] and below.vert == [1, 0]
    def cell(text: str) -> _RawCell:
        return _RawCell([Paragraph(text, "\x07", depth=1, cell_end=True)])

    raw = _OpenTable(0, None, 1, rows=[
        _RawRow([cell("а"), cell("б"), cell("")], props, 1),       # "б" and the merged cell: one, 2 wide
        _RawRow([cell("ЦЗН"), cell("x")], top, 1),
        _RawRow([cell(""), cell("y")], below, 1)])
    table = build_table(raw)
    assert [[(c.text, c.col, c.colspan, c.rowspan) for c in r.cells] for r in table.rows] == [
        [("а", 0, 1, 1), ("б", 1, 2, 1)],
        [("ЦЗН", 0, 1, 2), ("x", 1, 2, 1)],
        [("y", 1, 2, 1)]]
    assert table.rows[0].is_header and not table.rows[1].is_header and table.n_cols == 3
    # a row whose TAPX is missing keeps the columns of the row above
    raw = _OpenTable(0, None, 1, rows=[_RawRow([cell("а"), cell("б")], top, 1),
                                       _RawRow([cell("в"), cell("г")], RowProps(), 1)])
    assert [[(c.col, c.colspan) for c in r.cells] for r in build_table(raw).rows] == [[(0, 1), (1, 1)]] * 2


@needs_soffice
@pytest.mark.parametrize("route", ["direct", "odt"])
def test_own_merged_tables_saved_as_doc_read_like_the_docx(tmp_path, route):
    docx = merged_tables_docx(tmp_path / "merged.docx")
    src = docx if route == "direct" else libreoffice_render(docx, "odt", tmp_path / "merged.odt")
    doc = extract_doc_binary(str(libreoffice_render(src, "doc", tmp_path / "merged.doc")))
    base = extract_docx(str(docx))
    assert _grid(doc) == _grid(base) == EXPECTED_GRID
    assert _blocks(doc) == _blocks(base)
    assert [t.nested_in for t in doc.tables] == [t.nested_in for t in base.tables]


@needs_soffice
@pytest.mark.parametrize("name", ["amur_2019", "kemerovo_2018", "kaluga_2021"])
def test_sample_orders_saved_as_doc_read_like_their_docx(tmp_path, name):
    docx = RAW / f"{name}.docx"
    doc = extract_doc_binary(str(libreoffice_render(docx, "doc", tmp_path / f"{name}.doc")))
    base = extract_docx(str(docx))
    assert doc.tables and _grid(doc) == _grid(base)
    assert [t.n_cols for t in doc.tables] == [t.n_cols for t in base.tables]
    assert _blocks(doc) == _blocks(base)


@needs_soffice
def test_text_deleted_with_tracked_changes_is_left_out_as_in_the_docx(tmp_path):
    import docx
    from docx.oxml import parse_xml

    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    d = docx.Document()
    t = d.add_table(rows=1, cols=2)
    t.cell(0, 0).text = "Срок"
    p = t.cell(0, 1).paragraphs[0]
    p.add_run("Минобр")
    p._p.append(parse_xml(f'<w:del {w} w:id="1" w:author="a" w:date="2023-01-01T00:00:00Z">'
                          '<w:r><w:delText> и ЦЗН</w:delText></w:r></w:del>'))
    p._p.append(parse_xml(f'<w:ins {w} w:id="2" w:author="a" w:date="2023-01-01T00:00:00Z">'
                          '<w:r><w:t>, ЦОПП</w:t></w:r></w:ins>'))
    d.save(tmp_path / "changes.docx")
    doc_path = libreoffice_render(tmp_path / "changes.docx", "doc", tmp_path / "changes.doc")
    assert "ЦЗН" in DocReader(str(doc_path)).text()[0]          # the deletion is in the file
    assert [c.text for c in extract_doc_binary(str(doc_path)).tables[0].rows[0].cells] == ["Срок", "Минобр, ЦОПП"]


@needs_soffice
def test_numbered_docx_saved_as_doc_numbers_like_the_docx(tmp_path):
    docx = numbered_docx(tmp_path / "numbered.docx")
    doc = extract_doc_binary(str(libreoffice_render(docx, "doc", tmp_path / "numbered.doc")))
    base = extract_docx(str(docx))
    assert _grid(doc) == _grid(base) and _blocks(doc) == _blocks(base)


@needs_soffice
def test_list_start_overrides_number_as_libreoffice_reads_the_same_doc(tmp_path):
    from extractors.convert import _through_libreoffice

    docx = numbered_docx(tmp_path / "override.docx", start_override=True)
    doc_path = libreoffice_render(docx, "doc", tmp_path / "override.doc")
    doc, reference = extract_doc_binary(str(doc_path)), _through_libreoffice(str(doc_path), "doc")
    assert doc.tables[0].rows[1].cells[0].text == "5."
    assert [[c.text for c in r.cells] for r in doc.tables[0].rows] == \
        [[c.text for c in r.cells] for r in reference.tables[0].rows]
    assert [b.text for b in doc.blocks] == [b.text for b in reference.blocks]


@pytest.mark.parametrize("fixture", [FIXTURE, NUMBERED])
def test_damaged_streams_give_a_document_or_a_named_refusal_never_a_crash(tmp_path, fixture):
    olefile = pytest.importorskip("olefile")
    import random

    rng = random.Random(20)
    for k in range(60):
        path = tmp_path / f"damaged_{k}.doc"
        shutil.copyfile(fixture, path)
        ole = olefile.OleFileIO(str(path), write_mode=True)
        for name in ("WordDocument", "1Table"):
            data = bytearray(ole.openstream(name).read())
            for _ in range(rng.choice([1, 4, 32])):
                # half the hits on the FIB, where every structure's offset and length are
                i = rng.randrange(min(len(data), 1200)) if name == "WordDocument" and rng.random() < 0.5 \
                    else rng.randrange(len(data))
                data[i] = rng.randrange(256)
            ole.write_stream(name, bytes(data))
        ole.close()
        try:
            doc = extract_doc_binary(str(path))
        except ExtractionError as e:
            assert e.stage == "doc-binary" and str(path) in str(e)
        else:
            assert doc.file_format == "doc" and all(t.n_cols <= 200 for t in doc.tables)


def _styled_docx(path: Path) -> Path:
    """Numbering carried by a paragraph style (body and table), bold carried by a paragraph style."""
    import docx
    from docx.enum.style import WD_STYLE_TYPE

    from tests.docx_factory import add_list, level_xml, mark_header, number_style

    d = docx.Document()
    add_list(d, 30, [level_xml(0, text="%1."), level_xml(1, text="%1.%2.")], [31])
    d.styles.add_style("Пункт", WD_STYLE_TYPE.PARAGRAPH)
    number_style(d, "Пункт", 31, 0)
    d.styles.add_style("ШапкаТаблицы", WD_STYLE_TYPE.PARAGRAPH).font.bold = True
    for text in ["Общие положения", "Цели"]:
        d.add_paragraph(text, style="Пункт")
    t = d.add_table(rows=3, cols=2)
    for i, h in enumerate(["Мероприятие", "Срок"]):
        t.cell(0, i).paragraphs[0].text = h
        t.cell(0, i).paragraphs[0].style = d.styles["ШапкаТаблицы"]
    mark_header(t.rows[0])
    for r in (1, 2):
        t.cell(r, 0).paragraphs[0].text = f"Мероприятие {r}"
        t.cell(r, 0).paragraphs[0].style = d.styles["Пункт"]
        t.cell(r, 1).text = "2024"
    d.save(path)
    return path


@needs_soffice
def test_numbering_and_bold_from_paragraph_styles(tmp_path):
    docx = _styled_docx(tmp_path / "styled.docx")
    doc = extract_doc_binary(str(libreoffice_render(docx, "doc", tmp_path / "styled.doc")))
    base = extract_docx(str(docx))
    assert [b.text for b in doc.blocks] == [b.text for b in base.blocks] == ["1. Общие положения", "2. Цели"]
    assert [[c.text for c in r.cells] for r in doc.tables[0].rows] == \
        [[c.text for c in r.cells] for r in base.tables[0].rows]
    assert doc.tables[0].rows[2].cells[0].text == "4. Мероприятие 2"
    # bold through the style, as Word draws it (the DOCX reader only sees direct bold)
    assert [c.bold for c in doc.tables[0].rows[0].cells] == [True, True]
    assert not any(c.bold for c in doc.tables[0].rows[1].cells)
