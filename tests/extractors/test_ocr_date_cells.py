"""The date cells read again as digits and dots: a misread or lost date mended, a sure valid
reading kept, a cell of words never taken for one, and a re-read that is no date never used."""

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from extractors.grid import Segment, Word
from extractors.ocr import engine
from extractors.ocr.date_cells import dates_of, is_date_cell, reread_date_cells
from tests.drawing import cyrillic_font

XS = [20, 80, 360, 520]
YS = [20, 100, 180, 260, 340]
# the start column: one date a cell, wrapped after its month as a narrow column does
STARTS = [["01.09.20", "23"], ["01.12.20", "23"], ["01.06.20", "23"], ["до 25 декабря", "2023 г."]]
TEXTS = ["Создание центра", "Проведение конкурса", "Обучение педагогов", "Мониторинг"]

needs_tesseract = pytest.mark.skipif(engine.tessdata_dir() is None, reason="no Tesseract language data")


def _page() -> tuple[np.ndarray, list[Segment]]:
    img = Image.new("L", (540, 360), 255)
    d = ImageDraw.Draw(img)
    font = ImageFont.truetype(cyrillic_font(), 24)
    for r, (lines, text) in enumerate(zip(STARTS, TEXTS)):
        d.text((XS[0] + 12, YS[r] + 14), str(r + 1), fill=0, font=font)
        d.text((XS[1] + 12, YS[r] + 14), text, fill=0, font=font)
        for i, line in enumerate(lines):
            d.text((XS[2] + 10, YS[r] + 10 + 32 * i), line, fill=0, font=font)
    segs = [Segment(XS[0], y, XS[-1], y) for y in YS] + [Segment(x, YS[0], x, YS[-1]) for x in XS]
    return np.array(img), segs


def _words(first: list[tuple[list[str], float]]) -> list[Word]:
    out = []
    for r, ((lines, conf), text) in enumerate(zip(first, TEXTS)):
        out.append(Word(str(r + 1), XS[0] + 12, YS[r] + 14, XS[0] + 30, YS[r] + 38, confidence=0.95))
        out.append(Word(text, XS[1] + 12, YS[r] + 14, XS[1] + 250, YS[r] + 38, confidence=0.95))
        for i, line in enumerate(lines):
            top = YS[r] + 12 + 32 * i
            out.append(Word(line, XS[2] + 10, top, XS[2] + 120, top + 24, confidence=conf))
    return out


def _reread_with_no_ink(first: list[tuple[list[str], float]]) -> list[Word]:
    """The date cells read again where the date column's ink is gone: only the first reading's
    own mends can change it."""
    img, segs = _page()
    blank = np.full_like(img, 255)
    blank[:, : XS[2]] = img[:, : XS[2]]
    return reread_date_cells(blank, _words(first), segs, 1.0, 72)


def _cell(words: list[Word], r: int) -> str:
    inside = sorted((w for w in words if w.x0 >= XS[2] and YS[r] <= w.top < YS[r + 1]), key=lambda w: w.top)
    return "\n".join(w.text for w in inside)


def test_the_dates_of_a_cells_lines():
    assert dates_of(["01.09.20", "23"]) == (["01.09.2023"], True)
    assert dates_of(["01.09.2023 - 31.08.2025"]) == (["01.09.2023", "31.08.2025"], True)
    assert dates_of(["01.01.202 1", "-", "31.12.2022"]) == (["01.01.2021", "31.12.2022"], True)
    assert dates_of(["0Г.12.2023"]) == ([], False)
    assert dates_of(["01.09.20"]) == ([], False), "a date cut short is no date"


def test_a_date_cell_is_told_by_its_digits():
    def w(text):
        return Word(text, 0, 0, 10, 10)

    assert is_date_cell([w("01.99.20"), w("23")])
    assert is_date_cell([w("+--------"), w("01.01.202")]), "a stroke's marks do not count against it"
    assert not is_date_cell([w("до"), w("25"), w("декабря"), w("2023"), w("г.")])
    assert not is_date_cell([w("2024")]), "a year alone is no numeric date"


@needs_tesseract
def test_misread_dates_are_read_again_and_a_sure_one_kept():
    img, segs = _page()
    first = [(["01.99.20", "23"], 0.7),      # no month 99
             (["01.12.20", "23"], 0.96),     # valid and sure: kept as it is
             (["91.06.2023"], 0.5),          # no day 91, and a line lost
             (STARTS[3], 0.4)]               # words: no date cell
    words = reread_date_cells(img, _words(first), segs, 1.0, 72)
    assert dates_of(_cell(words, 0).split("\n"))[0] == ["01.09.2023"]
    assert _cell(words, 1) == "01.12.20\n23"
    assert dates_of(_cell(words, 2).split("\n"))[0] == ["01.06.2023"]
    assert _cell(words, 3) == "до 25 декабря\n2023 г."
    assert sum(1 for w in words if w.x1 <= XS[2]) == 2 * len(TEXTS), "other columns untouched"


@needs_tesseract
def test_a_reread_that_is_no_date_keeps_the_first_reading():
    img, segs = _page()
    blank = np.full_like(img, 255)               # nothing to read: the re-read gives no date
    blank[:, : XS[2]] = img[:, : XS[2]]
    first = [(["01.99.20", "23"], 0.7), (["01.12.20", "23"], 0.96), (["91.06.2023"], 0.5), (STARTS[3], 0.4)]
    words = reread_date_cells(blank, _words(first), segs, 1.0, 72)
    assert _cell(words, 2) == "91.06.2023"
    # no month 99: of its one-digit changes only September is a month, so the first reading is mended
    assert _cell(words, 0) == "01.09.2023"


@needs_tesseract
def test_a_reread_that_is_no_date_leaves_an_impossible_date_mended_where_one_digit_makes_one():
    """A degraded Novosibirsk plan's "01.02.2024 / 31.42.2026": the re-read gave no date, the
    first reading's end is December's 31st whichever digit was misread."""
    img, segs = _page()
    blank = np.full_like(img, 255)
    blank[:, : XS[2]] = img[:, : XS[2]]
    first = [(["31.42.2", "026"], 0.7), (["0102.20 ‚24", "31.42.2026"], 0.96),
             (["01.02.2026", "31.42.2024"], 0.5), (STARTS[3], 0.4)]       # mended, it would end first
    words = reread_date_cells(blank, _words(first), segs, 1.0, 72)
    assert _cell(words, 0) == "31.12.2026", "a date run on to the next line is mended whole"
    assert _cell(words, 1) == "01.02.2024\n31.12.2026", "a line whose digits alone spell a date is that date"
    assert _cell(words, 2) == "01.02.2026\n31.42.2024"


@needs_tesseract
def test_a_date_wrapped_after_its_month_whose_dots_were_lost_is_spelled_by_its_digits():
    """Degraded Kursk plans: "01.1220" / "23" and "31 12:20" / "25", a start and an end date a
    narrow column wraps, each line no date and no date's start; their eight digits are one date."""
    first = [(["01.1220", "23"], 0.9), (["31 12:20", "25"], 0.9), (["0109.20", "3"], 0.9), (STARTS[3], 0.4)]
    words = _reread_with_no_ink(first)
    assert _cell(words, 0) == "01.12.2023"
    assert _cell(words, 1) == "31.12.2025"
    assert _cell(words, 2) == "0109.20\n3", "seven digits spell no date: the reading stays"


@needs_tesseract
def test_a_mark_between_the_pieces_of_a_wrapped_year_is_a_speck():
    """A degraded Kursk plan: "01.12.28." / "23" — a speck's stop after the year's first digits, one
    of them misread ("28" for "20"): one digit changed makes one date of the two lines."""
    first = [(["01.12.28.", "23"], 0.9), (["01.12.20,", "23"], 0.9), (["01.12.20", "23"], 0.96), (STARTS[3], 0.4)]
    words = _reread_with_no_ink(first)
    assert _cell(words, 0) == "01.12.2023"
    # a date already, its comma a speck the cell's text joins over (normalizers.ocr_date_digits)
    assert _cell(words, 1) == "01.12.20,\n23"
    assert _cell(words, 2) == "01.12.20\n23", "a sure valid reading stays as read"


def _year_line(text: str) -> np.ndarray:
    img = Image.new("L", (400, 60), 255)
    ImageDraw.Draw(img).text((10, 14), text, fill=0, font=ImageFont.truetype(cyrillic_font(), 26))
    return np.array(img)


@needs_tesseract
def test_an_unsure_year_is_read_again_as_digits_and_a_sure_one_kept():
    from extractors.ocr.date_cells import reread_years

    img = _year_line("декабрь 2025 г.")
    month = Word("декабрь", 10, 14, 112, 44, confidence=0.96)
    x0 = 10 + ImageFont.truetype(cyrillic_font(), 26).getlength("декабрь ")
    x1 = 10 + ImageFont.truetype(cyrillic_font(), 26).getlength("декабрь 2025")
    misread = Word("2023", x0, 14, x1, 44, confidence=0.85)
    assert [w.text for w in reread_years(img, [month, misread], 1.0)] == ["декабрь", "2025"]
    sure = Word("2023", x0, 14, x1, 44, confidence=0.97)
    assert [w.text for w in reread_years(img, [month, sure], 1.0)] == ["декабрь", "2023"], "a sure year stays"
    blank = np.full_like(img, 255)
    assert [w.text for w in reread_years(blank, [month, misread], 1.0)] == ["декабрь", "2023"], "no digits read: as read"
