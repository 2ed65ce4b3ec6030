"""Borderless tables: fixtures laid out here (words placed like a word processor would), then
read back either directly as ``PageLayout`` words or through a PDF drawn with reportlab."""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Optional

import pytest

from extractors.borderless import build_borderless_tables
from extractors.grid import PageLayout, Table, Word

PAGE_W, PAGE_H = 842.0, 595.0
MARGIN = 40.0
SIZE = 9.0
LEADING = 11.0           # baseline to baseline inside a cell
PAD = 5.0                # white space above and below the text of a row
HEADER = ["№ п/п", "Наименование мероприятия", "Срок исполнения", "Ответственный исполнитель",
          "Ожидаемый результат"]
TITLE = "План мероприятий по развитию профессионального образования"
ABBREV = "Сокращения: ПОО – профессиональные образовательные организации"


@dataclass
class Placed:
    """A word as a word processor placed it: top-left corner, width, font."""

    text: str
    x: float
    top: float
    width: float
    size: float
    bold: bool


def approx_width(text: str, size: float, bold: bool) -> float:
    if text == " ":
        return 0.28 * size
    return len(text) * size * (0.56 if bold else 0.52)


def wrap(text: str, width: float, size: float, bold: bool, measure: Callable) -> list[str]:
    lines: list[str] = []
    for para in text.split("\n"):
        cur = ""
        for word in para.split():
            trial = f"{cur} {word}".strip()
            if cur and measure(trial, size, bold) > width:
                lines.append(cur)
                cur = word
            else:
                cur = trial
        lines.append(cur)
    return lines


def place_line(text: str, x: float, top: float, size: float, bold: bool, measure) -> list[Placed]:
    out, cx = [], x
    space = measure(" ", size, bold) or size * 0.28
    for word in text.split():
        w = measure(word, size, bold)
        out.append(Placed(word, cx, top, w, size, bold))
        cx += w + space
    return out


class Composer:
    """Lays out a borderless table over pages: header repeated, rows broken at the page end."""

    def __init__(self, col_widths: list[float], measure=approx_width, header=HEADER, vpad: float = PAD,
                 valign: str = "top"):
        self.widths = col_widths
        self.vpad = vpad           # white space above and below a row's text (0: rows touch)
        self.valign = valign       # where a cell's text sits in its row: top, middle, bottom
        self.lefts = [MARGIN + sum(col_widths[:i]) for i in range(len(col_widths))]
        self.measure = measure
        self.header = header
        self.pages: list[list[Placed]] = [[]]
        self.y = MARGIN

    @property
    def table_width(self) -> float:
        return sum(self.widths)

    def new_page(self) -> None:
        self.pages.append([])
        self.y = MARGIN
        self.header_row()

    def paragraph(self, text: str, size: float = 12.0, bold: bool = False, centred: bool = False) -> None:
        w = self.measure(text, size, bold)
        x = MARGIN + (self.table_width - w) / 2 if centred else MARGIN
        self.pages[-1].extend(place_line(text, x, self.y, size, bold, self.measure))
        self.y += size * 1.6

    def _cell_lines(self, texts: list[str], bold: bool) -> list[list[str]]:
        return [wrap(t, w - 2 * PAD, SIZE, bold, self.measure) if t else []
                for t, w in zip(texts, self.widths)]

    def header_row(self) -> None:
        self._emit(self._cell_lines(self.header, True), bold=True, breakable=False)

    def row(self, *texts: str) -> None:
        self._emit(self._cell_lines(list(texts), False), bold=False, breakable=True)

    def heading(self, text: str) -> None:
        lines = wrap(text, self.table_width - 2 * PAD, SIZE, True, self.measure)
        self.y += self.vpad
        for ln in lines:
            w = self.measure(ln, SIZE, True)
            x = MARGIN + (self.table_width - w) / 2
            self.pages[-1].extend(place_line(ln, x, self.y, SIZE, True, self.measure))
            self.y += LEADING
        self.y += self.vpad

    def _emit(self, cells: list[list[str]], bold: bool, breakable: bool) -> None:
        n = max((len(c) for c in cells), default=0)
        self.y += self.vpad
        if self.valign != "top":      # each cell's block set in the middle / at the bottom of the row
            if self.y + n * LEADING > PAGE_H - MARGIN:
                self.new_page()
                self.y += self.vpad
            shift = 0.5 if self.valign == "middle" else 1.0
            for lines, left in zip(cells, self.lefts):
                top = self.y + shift * (n - len(lines)) * LEADING
                for i, text in enumerate(lines):
                    self.pages[-1].extend(place_line(text, left + PAD, top + i * LEADING, SIZE, bold, self.measure))
            self.y += n * LEADING + self.vpad
            return
        for i in range(n):
            if breakable and self.y + LEADING > PAGE_H - MARGIN:
                self.new_page()
                self.y += self.vpad
            for lines, left in zip(cells, self.lefts):
                if i < len(lines):
                    self.pages[-1].extend(
                        place_line(lines[i], left + PAD, self.y, SIZE, bold, self.measure))
            self.y += LEADING
        self.y += self.vpad


TITLE_1_1 = "Разработка и утверждение нормативных правовых актов министерства образования"
LONG_TITLE = ("Организация участия обучающихся профессиональных образовательных организаций "
              "в региональном чемпионате профессионального мастерства по стандартам движения")


def compose_roadmap(col_widths: list[float], measure=approx_width, vpad: float = PAD,
                    valign: str = "top") -> Composer:
    """Title, header, a heading, numbered rows, a row broken by the page, a second heading,
    and an abbreviation list after the table."""
    c = Composer(col_widths, measure, vpad=vpad, valign=valign)
    c.paragraph(TITLE, bold=True, centred=True)
    c.header_row()
    c.heading("Раздел 1. Нормативное обеспечение")
    c.row("1.1", TITLE_1_1, "Март 2021 года", "Министерство образования и науки области",
          "Утверждены приказы")
    k = 2
    while c.y < PAGE_H - MARGIN - 45:        # fill the page so that the next row is broken
        c.row(f"1.{k}", f"Проведение совещания номер {k} с руководителями организаций",
              f"{k} квартал 2021 г.", "ПОО", f"Протокол совещания {k}")
        k += 1
    c.row(f"1.{k}", LONG_TITLE + " " + LONG_TITLE, "ежегодно",
          "Министерство образования и науки области, ПОО (по согласованию)", "Участие обеспечено")
    c.heading("Раздел 2. Кадровое обеспечение")
    c.row("2.1", "Повышение квалификации педагогических работников", "2022 год", "ИРО",
          "Не менее 100 человек")
    c.y += 20
    c.paragraph(ABBREV)
    return c


def to_layouts(c: Composer, jitter: float = 0.0, confidence: float = 1.0,
               source: str = "text", seed: int = 1) -> list[PageLayout]:
    rnd = random.Random(seed)
    layouts = []
    for i, page in enumerate(c.pages):
        words = []
        for p in page:
            dx, dy = (rnd.uniform(-jitter, jitter), rnd.uniform(-jitter, jitter)) if jitter else (0, 0)
            words.append(Word(
                text=p.text, x0=p.x + dx, top=p.top + dy, x1=p.x + p.width + dx,
                bottom=p.top + p.size + dy, size=None if source == "ocr" else p.size,
                fontname=None if source == "ocr" else ("Arial-BoldMT" if p.bold else "ArialMT"),
                confidence=confidence,
            ))
        layouts.append(PageLayout(page_no=i + 1, width=PAGE_W, height=PAGE_H, words=words, source=source))
    return layouts


def all_cells(tables: list[Table]) -> list[str]:
    return [c.text for t in tables for r in t.rows for c in r.cells]


def body_rows(table: Table) -> list[list[str]]:
    return [[c.text for c in r.cells] for r in table.rows if not r.is_header]


def row_by_number(tables: list[list[Table]], number: str) -> Optional[list[str]]:
    for page in tables:
        for t in page:
            for r in t.rows:
                if r.cells and r.cells[0].text == number:
                    return [c.text for c in r.cells]
    return None


WIDTHS = [40.0, 280.0, 110.0, 190.0, 140.0]


def test_columns_header_and_cells_of_first_page():
    c = compose_roadmap(WIDTHS)
    assert len(c.pages) == 2, "the fixture must spill over to a second page"
    tables = build_borderless_tables(to_layouts(c))
    assert len(tables) == 2 and len(tables[0]) == 1
    t = tables[0][0]
    assert t.n_cols == 5
    assert not t.continues_previous
    header = [cell.text.replace("\n", " ") for cell in t.rows[0].cells]
    assert header == HEADER
    assert [cell.col for cell in t.rows[0].cells] == [0, 1, 2, 3, 4]
    row = row_by_number(tables, "1.1")
    assert row is not None
    assert row[1] == TITLE_1_1, "a cell wrapped over several lines is one text (soft wraps joined)"
    assert row[2].replace("\n", " ") == "Март 2021 года"
    assert row[3].replace("\n", " ") == "Министерство образования и науки области"
    assert row[4] == "Утверждены приказы"


def test_heading_row_spans_all_columns():
    tables = build_borderless_tables(to_layouts(compose_roadmap(WIDTHS)))
    t = tables[0][0]
    heading = t.rows[1]
    assert len(heading.cells) == 1
    assert heading.cells[0].colspan == t.n_cols and heading.cells[0].col == 0
    assert heading.cells[0].text == "Раздел 1. Нормативное обеспечение"
    assert heading.cells[0].bold
    second = [r for p in tables for tb in p for r in tb.rows if r.cells[0].text.startswith("Раздел 2")]
    assert len(second) == 1 and second[0].cells[0].colspan == t.n_cols


def test_text_outside_the_table_is_not_in_cells():
    tables = build_borderless_tables(to_layouts(compose_roadmap(WIDTHS)))
    texts = " ".join(all_cells([t for p in tables for t in p]))
    assert "План мероприятий" not in texts
    assert "Сокращения" not in texts
    t1 = tables[0][0]
    title_bottom = MARGIN + 12.0
    assert all(cell.bbox[1] > title_bottom for r in t1.rows for cell in r.cells if cell.bbox)


def test_row_broken_by_page_and_repeated_header():
    c = compose_roadmap(WIDTHS)
    tables = build_borderless_tables(to_layouts(c))
    assert len(tables[1]) == 1
    t2 = tables[1][0]
    assert t2.continues_previous
    assert t2.n_cols == tables[0][0].n_cols
    assert t2.rows[0].is_header
    assert [x.text.replace("\n", " ") for x in t2.rows[0].cells] == HEADER
    first_body = next(r for r in t2.rows if not r.is_header)
    assert first_body.cells[0].text == "", "the continued piece has no number"
    last_on_p1 = body_rows(tables[0][0])[-1]
    number = last_on_p1[0]
    joined = (last_on_p1[1] + " " + first_body.cells[1].text).replace("\n", " ")
    assert joined == LONG_TITLE + " " + LONG_TITLE
    assert number.startswith("1.")
    assert first_body.page == 2 and all(x.page == 2 for x in first_body.cells)


@pytest.mark.parametrize("widths", [
    [30.0, 200.0, 90.0, 300.0, 140.0],
    [60.0, 330.0, 70.0, 150.0, 150.0],
])
def test_other_column_widths(widths):
    tables = build_borderless_tables(to_layouts(compose_roadmap(widths)))
    t = tables[0][0]
    assert t.n_cols == 5
    row = row_by_number(tables, "1.1")
    assert row[1].replace("\n", " ") == TITLE_1_1
    assert row[3].replace("\n", " ") == "Министерство образования и науки области"


def test_ocr_like_words_with_jitter_and_confidence():
    c = compose_roadmap(WIDTHS)
    tables = build_borderless_tables(to_layouts(c, jitter=0.8, confidence=0.8, source="ocr"))
    t = tables[0][0]
    assert t.n_cols == 5
    assert t.extractor == "ocr-borderless"
    row = row_by_number(tables, "1.1")
    assert row[1].replace("\n", " ") == TITLE_1_1
    cell = next(r for r in t.rows if r.cells[0].text == "1.1").cells[1]
    assert cell.confidence == pytest.approx(0.8)
    assert tables[1][0].continues_previous


def test_two_level_header():
    header = ["№", "Показатель", "Ед. изм.", "Целевые индикаторы", "", ""]
    c = Composer([40, 300, 80, 60, 60, 60], header=header)
    c.pages[-1].extend(place_line("№", MARGIN + PAD, c.y + PAD, SIZE, True, approx_width))
    c.pages[-1].extend(place_line("Показатель", MARGIN + 45, c.y + PAD, SIZE, True, approx_width))
    c.pages[-1].extend(place_line("Ед. изм.", MARGIN + 345, c.y + PAD, SIZE, True, approx_width))
    c.pages[-1].extend(place_line("Целевые индикаторы", MARGIN + 440, c.y + PAD, SIZE, True, approx_width))
    for k, year in enumerate(("2021", "2022", "2023")):
        c.pages[-1].extend(place_line(year, MARGIN + 425 + 60 * k, c.y + PAD + LEADING, SIZE, True,
                                      approx_width))
    c.y += 2 * PAD + 2 * LEADING
    c.header = ["", "", "", "", "", ""]
    for n in range(1, 4):
        c.row(str(n), f"Количество участников мероприятия {n}", "чел.", str(10 * n), str(20 * n), str(30 * n))
    t = build_borderless_tables(to_layouts(c))[0][0]
    assert t.n_cols == 6
    upper, lower = t.rows[0], t.rows[1]
    spanning = upper.cell_at(3)
    assert spanning.text == "Целевые индикаторы" and spanning.colspan == 3
    assert upper.cell_at(0).rowspan == 2
    assert [x.text for x in lower.cells] == ["2021", "2022", "2023"]
    assert [x.col for x in lower.cells] == [3, 4, 5]
    assert [x.text for x in t.rows[2].cells] == ["1", "Количество участников мероприятия 1", "чел.",
                                                 "10", "20", "30"]


def test_page_without_table_gives_no_tables():
    c = Composer(WIDTHS)
    for k in range(10):
        c.paragraph(f"Абзац пояснительной записки номер {k}, в котором нет никакой таблицы вообще.")
    assert build_borderless_tables(to_layouts(c)) == [[]]


# --------------------------------------------------------------------------- a real PDF

FONT_DIRS = ["/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/truetype/liberation2",
             "/usr/share/fonts/truetype/liberation", "/Library/Fonts", "C:/Windows/Fonts"]
FONT_PAIRS = [("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"), ("LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf"),
              ("arial.ttf", "arialbd.ttf")]


def text_runs(page: list[Placed]) -> list[list[Placed]]:
    """Words placed one after another on one line of one cell, to draw as one string."""
    runs: list[list[Placed]] = []
    for p in page:
        last = runs[-1][-1] if runs else None
        if last and last.top == p.top and last.bold == p.bold and 0 <= p.x - (last.x + last.width) < p.size:
            runs[-1].append(p)
        else:
            runs.append([p])
    return runs


def _cyrillic_fonts() -> Optional[tuple[Path, Path]]:
    for d in FONT_DIRS:
        for regular, bold in FONT_PAIRS:
            r, b = Path(d) / regular, Path(d) / bold
            if r.exists() and b.exists():
                return r, b
    return None


@pytest.mark.parametrize("vpad", [PAD, 0.0], ids=["padded", "rows-touch"])
def test_reportlab_pdf_through_pdfplumber(tmp_path, vpad):
    fonts = _cyrillic_fonts()
    if fonts is None:
        pytest.skip("no TrueType font with Cyrillic glyphs on this machine")
    reportlab = pytest.importorskip("reportlab")  # noqa: F841
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    from extractors.pdf import extract_pdf

    pdfmetrics.registerFont(TTFont("BLRegular", str(fonts[0])))
    pdfmetrics.registerFont(TTFont("BLBold", str(fonts[1])))

    def measure(text, size, bold):
        return pdfmetrics.stringWidth(text, "BLBold" if bold else "BLRegular", size)

    c = compose_roadmap(WIDTHS, measure=measure, vpad=vpad)
    path = tmp_path / "borderless.pdf"
    cv = canvas.Canvas(str(path), pagesize=(PAGE_W, PAGE_H))
    for page in c.pages:
        for line in text_runs(page):
            p = line[0]
            cv.setFont("BLBold" if p.bold else "BLRegular", p.size)
            cv.drawString(p.x, PAGE_H - p.top - p.size * 0.8, " ".join(w.text for w in line))
        cv.showPage()
    cv.save()

    doc = extract_pdf(str(path))
    assert doc.page_engines == {1: "borderless", 2: "borderless"}
    assert [t.page_start for t in doc.tables] == [1, 2]
    assert doc.tables[1].continues_previous
    row = next(r for r in doc.tables[0].rows if r.cells[0].text == "1.1")
    assert row.cells[1].text.replace("\n", " ") == TITLE_1_1
    assert doc.tables[0].rows[1].cells[0].colspan == 5
    blocks = [b.text for b in doc.blocks]
    assert any(b.startswith("План мероприятий") for b in blocks)
    assert any(b.startswith("Сокращения:") for b in blocks)
    assert not any("1.1" == b.split()[0] for b in blocks), "table text leaked into text blocks"


def test_running_text_after_the_table_at_the_same_size_is_left_out():
    c = Composer(WIDTHS)
    c.header_row()
    for k in range(1, 4):
        c.row(str(k), f"Мероприятие номер {k} по плану развития", "2022 год", "ПОО", "Отчёт")
    c.y += 12
    note = ("Примечание: мероприятия выполняются за счёт средств областного бюджета в пределах "
            "лимитов бюджетных обязательств, предусмотренных на соответствующий год")
    c.paragraph(note, size=SIZE)
    for source in ("text", "ocr"):
        tables = build_borderless_tables(to_layouts(c, source=source))
        texts = " ".join(all_cells(tables[0]))
        assert "Примечание" not in texts
        assert [r.cells[0].text for r in tables[0][0].rows[1:]] == ["1", "2", "3"]


# --------------------------------------------------------------------------- rows that touch
# Word's default cell margins are 0 at the top and bottom: without rulings the last line of one
# row is then as close to the first line of the next as two lines inside a cell.


def test_rows_touching_without_cell_padding():
    c = compose_roadmap(WIDTHS, vpad=0.0)
    assert len(c.pages) == 2
    tables = build_borderless_tables(to_layouts(c))
    t = tables[0][0]
    assert t.n_cols == 5
    assert [x.text.replace("\n", " ") for x in t.rows[0].cells] == HEADER
    assert t.rows[1].cells[0].text == "Раздел 1. Нормативное обеспечение", "the header stops at the heading"
    row = row_by_number(tables, "1.1")
    assert row[1] == TITLE_1_1
    assert row[3].replace("\n", " ") == "Министерство образования и науки области"
    numbers = [r.cells[0].text for r in t.rows[2:]]
    assert numbers == [f"1.{k}" for k in range(1, len(numbers) + 1)], "one row per number"
    t2 = tables[1][0]
    assert t2.continues_previous and t2.rows[0].is_header
    assert [x.text.replace("\n", " ") for x in t2.rows[0].cells] == HEADER, \
        "the repeated header does not swallow the row continued under it"
    first_body = t2.rows[1]
    joined = (body_rows(t)[-1][1] + " " + first_body.cells[1].text).replace("\n", " ")
    assert first_body.cells[0].text == "" and joined == LONG_TITLE + " " + LONG_TITLE


def place_grid(lefts: list[float], lines: list[dict[int, str]], top: float,
               bold_lines: int = 0) -> list[Placed]:
    """Lines of a borderless table whose rows touch: ``lines[i]`` maps a column to its text."""
    out: list[Placed] = []
    for i, line in enumerate(lines):
        for col, text in line.items():
            if col == "centre":
                x = (lefts[0] + lefts[-1]) / 2 - approx_width(text, SIZE, True) / 2
            else:
                x = lefts[col] + PAD
            out.extend(place_line(text, x, top + i * LEADING, SIZE, i < bold_lines or col == "centre",
                                  approx_width))
    return out


def layout_of(words: list[Placed]) -> list[PageLayout]:
    c = Composer(WIDTHS)
    c.pages = [words]
    return to_layouts(c)


def test_sub_rows_and_merged_cells_when_rows_touch():
    """One activity with two target rows: its title, merged over both, runs on beside the second."""
    lefts = [MARGIN, MARGIN + 30, MARGIN + 200, MARGIN + 350, MARGIN + 400, MARGIN + 440, MARGIN + 480]
    lines = [
        {0: "№", 1: "Мероприятие", 2: "Результат", 3: "Ед.", 4: "2021", 5: "2022"},
        {0: "1", 1: "Создание центра опережающей", 2: "Центр создан и", 3: "Ед.", 4: "1", 5: "1"},
        {1: "профессиональной подготовки", 2: "функционирует"},
        {1: "и обеспечение его", 2: "Количество программ", 3: "Ед.", 4: "12", 5: "15"},
        {1: "деятельности", 2: "обучения"},
        {0: "2", 1: "Актуализация перечня", 2: "Перечень обновлен", 3: "Ед.", 4: "1", 5: "1"},
        {1: "профессий"},
        {0: "3", 1: "Формирование контрольных", 2: "Цифры приема", 3: "Чел.", 4: "900", 5: "950"},
        {1: "цифр приема", 2: "распределены"},
        {0: "4", 1: "Мониторинг трудоустройства", 2: "Доля выпускников", 3: "%", 4: "55", 5: "60"},
    ]
    t = build_borderless_tables(layout_of(place_grid(lefts, lines, 60.0, bold_lines=1)))[0][0]
    assert t.n_cols == 6
    body = [[x.text for x in r.cells] for r in t.rows[1:]]
    assert body[0] == ["1", "Создание центра опережающей профессиональной подготовки и обеспечение его "
                       "деятельности", "Центр создан и функционирует", "Ед.", "1", "1"]
    assert body[1] == ["", "", "Количество программ обучения", "Ед.", "12", "15"]
    assert [r[0] for r in body] == ["1", "", "2", "3", "4"]
    assert body[3][1] == "Формирование контрольных цифр приема"


def test_numbered_and_wrapped_headings_when_rows_touch():
    lefts = [MARGIN, MARGIN + 30, MARGIN + 230, MARGIN + 330, MARGIN + 480]
    lines = [
        {0: "№", 1: "Мероприятие", 2: "Срок", 3: "Ответственный исполнитель"},
        {"centre": "1.1. Разработка плана внедрения регионального стандарта кадрового обеспечения промышленного"},
        {"centre": "роста области (далее – Стандарт)"},
        {"centre": "1.1.1. Определение границ внедрения Стандарта"},
        {0: "1", 1: "Совещание с руководителями", 2: "Сентябрь", 3: "Министерство образования"},
        {1: "организаций", 2: "2019 года", 3: "и науки"},
        {0: "2", 1: "Определение перечня", 2: "Октябрь", 3: "Координатор"},
        {0: "3", 1: "Инвентаризация базы", 2: "Ноябрь", 3: "ИРО"},
    ]
    t = build_borderless_tables(layout_of(place_grid(lefts, lines, 60.0, bold_lines=1)))[0][0]
    assert [x.text for x in t.rows[0].cells] == ["№", "Мероприятие", "Срок", "Ответственный исполнитель"]
    headings = [r.cells[0].text for r in t.rows if len(r.cells) == 1]
    assert headings == ["1.1. Разработка плана внедрения регионального стандарта кадрового обеспечения "
                        "промышленного роста области (далее – Стандарт)",
                        "1.1.1. Определение границ внедрения Стандарта"]
    assert [r.cells[0].text for r in t.rows if len(r.cells) > 1][1:] == ["1", "2", "3"]


def test_narrow_year_columns_under_a_spanning_header():
    """"2021" wrapped as "202" / "1" in columns narrower than "Целевые индикаторы" above them."""
    lefts = [MARGIN, MARGIN + 30, MARGIN + 250, MARGIN + 300, MARGIN + 326, MARGIN + 352, MARGIN + 378]
    centre = lefts[3] + 39 - approx_width("индикаторы", SIZE, True) / 2
    words = place_grid(lefts, [{0: "№", 1: "Показатель", 2: "Ед."}], 60.0, bold_lines=1)
    words += place_line("Целевые", lefts[3] + 39 - approx_width("Целевые", SIZE, True) / 2, 60.0, SIZE, True,
                        approx_width)
    words += place_line("индикаторы", centre, 60.0 + LEADING, SIZE, True, approx_width)
    for k in range(3):
        words += place_line("202", lefts[3 + k] + 2, 60.0 + 2 * LEADING, SIZE, True, approx_width)
        words += place_line(str(k + 1), lefts[3 + k] + 2, 60.0 + 3 * LEADING, SIZE, True, approx_width)
    body = [{0: str(n), 1: f"Количество участников мероприятия {n}", 2: "чел.", 3: str(6 * n),
             4: str(9 * n), 5: str(12 * n)} for n in range(1, 6)]
    words += place_grid([x - PAD + 2 if i >= 3 else x for i, x in enumerate(lefts)], body, 60.0 + 4 * LEADING)
    t = build_borderless_tables(layout_of(words))[0][0]
    assert t.n_cols == 6
    upper, lower = t.rows[0], t.rows[1]
    assert upper.cell_at(3).text == "Целевые индикаторы" and upper.cell_at(3).colspan == 3
    assert [x.text for x in lower.cells] == ["2021", "2022", "2023"]
    assert [x.text for x in t.rows[2].cells] == ["1", "Количество участников мероприятия 1", "чел.", "6", "9", "12"]


def test_numbered_indicator_column_anchors_rows_when_rows_touch():
    """"Критерии | Показатели | Измерители": the item numbers open the second column's cells."""
    lefts = [MARGIN, MARGIN + 100, MARGIN + 400, MARGIN + 520]
    lines = [
        {0: "Критерии", 1: "Показатели", 2: "Измерители"},
        {0: "1. Нормативный", 1: "1.1. Наличие муниципальных планов по", 2: "Ед."},
        {1: "профориентации обучающихся."},
        {1: "1.2. Наличие программы на муниципальном", 2: "Ед."},
        {1: "уровне."},
        {0: "2. Кадровый", 1: "2.1. Охват обучающихся, ведущих", 2: "Процент"},
        {1: "Портфолио достижений.", 2: "обучающихся"},
        {1: "2.2. Количество проведенных совместных", 2: "Ед."},
        {1: "мероприятий для обучающихся."},
        {1: "2.3. Количество педагогов, прошедших", 2: "Чел."},
        {1: "курсы."},
    ]
    t = build_borderless_tables(layout_of(place_grid(lefts, lines, 60.0, bold_lines=1)))[0][0]
    body = [[x.text for x in r.cells] for r in t.rows[1:]]
    assert [r[1].split()[0] for r in body] == ["1.1.", "1.2.", "2.1.", "2.2.", "2.3."]
    assert body[2] == ["2. Кадровый", "2.1. Охват обучающихся, ведущих Портфолио достижений.",
                       "Процент обучающихся"]
    assert body[3][2] == "Ед."


def test_rows_with_padding_are_not_split_at_a_second_cell():
    """With white space between rows, a column holding two items of one cell stays one row."""
    c = Composer(WIDTHS)
    c.header_row()
    c.row("1", "Мероприятия проекта", "2021 год", "ПОО", "Отчет")
    c.row("2", "Фестиваль профессий для обучающихся общеобразовательных организаций области, их родителей "
          "и педагогических работников, проводимый ежегодно", "Март\n\nАпрель", "ЦЗН", "Итоги")
    c.row("3", "Конкурс", "Май", "ИРО", "Положение")
    t = build_borderless_tables(to_layouts(c))[0][0]
    assert [r.cells[0].text for r in t.rows[1:]] == ["1", "2", "3"]
    assert t.rows[2].cells[2].text.split() == ["Март", "Апрель"]


def test_year_sub_headers_centred_over_left_aligned_values():
    """Values left-aligned, years centred: "2022" starts before the gutter the values leave, and
    "2023" lies beyond the end of "Целевые индикаторы" - the gutter between them is still real."""
    lefts = [MARGIN, MARGIN + 30, MARGIN + 250, MARGIN + 300, MARGIN + 356, MARGIN + 412, MARGIN + 468]

    def centred(text: str, left: float, width: float) -> float:
        return left + (width - approx_width(text, SIZE, True)) / 2

    words = place_grid(lefts, [{0: "№", 1: "Показатель", 2: "Ед."}], 60.0, bold_lines=1)
    words += place_line("Целевые индикаторы", centred("Целевые индикаторы", lefts[3], 168), 60.0, SIZE, True,
                        approx_width)
    for k in range(3):
        year = str(2021 + k)
        words += place_line(year, centred(year, lefts[3 + k], 56), 60.0 + LEADING, SIZE, True, approx_width)
    body = [{0: str(n), 1: f"Численность обучающихся группы {n}", 2: "чел.", 3: str(n), 4: f"{n}100",
             5: str(n)} for n in range(1, 6)]
    words += place_grid(lefts, body, 60.0 + 2 * LEADING)
    t = build_borderless_tables(layout_of(words))[0][0]
    assert t.n_cols == 6
    assert t.rows[0].cell_at(3).text == "Целевые индикаторы" and t.rows[0].cell_at(3).colspan == 3
    assert [x.text for x in t.rows[1].cells] == ["2021", "2022", "2023"]
    assert [x.text for x in t.rows[2].cells][3:] == ["1", "1100", "1"]


# --------------------------------------------------------------------------- cells set in the middle / at the bottom
# A cell's text set in the middle (or at the bottom) of its row puts the item number in the middle
# of the row, and the text of a taller neighbour starts above it: rows come from the number
# column's anchors and each cell's text block, not from the lines that open with a number.

ALIGNED_HEADERS = {
    3: ["№ п/п", "Наименование мероприятия", "Срок исполнения"],
    4: ["№ п/п", "Наименование мероприятия", "Ответственный исполнитель", "Срок исполнения"],
    5: HEADER,
    6: ["№ п/п", "Наименование мероприятия", "Ответственный исполнитель", "Срок исполнения",
        "Ожидаемый результат", "Примечание"],
}
ALIGNED_WIDTHS = {3: [40.0, 300.0, 120.0], 4: [40.0, 220.0, 170.0, 100.0], 5: [40.0, 200.0, 90.0, 150.0, 120.0],
                  6: [40.0, 170.0, 130.0, 80.0, 120.0, 90.0]}
ALIGNED_CELLS = [   # (title, responsible, deadline, result, note): tall cells in turn in different columns
    (LONG_TITLE, "ИРО", "2021 год", "Участие обеспечено", "-"),
    ("Совещание", "Министерство образования и науки области, органы местного самоуправления (по согласованию)",
     "Март 2021 года", "Протокол", "по плану"),
    ("Мониторинг", "ИРО", "Ежеквартально, до 5 числа месяца, следующего за отчётным кварталом",
     "Аналитическая справка", "-"),
    ("Конференция", "ИРО", "Декабрь 2021 года", "Резолюция конференции по итогам года работы "
     "региональной системы профессионального образования", "ежегодно"),
    ("Отчёт о выполнении плана мероприятий", "Министерство образования", "Январь 2022 года", "Отчёт", "-"),
]


def _aligned_row(n_cols: int, k: int) -> list[str]:
    title, resp, deadline, result, note = ALIGNED_CELLS[k % len(ALIGNED_CELLS)]
    texts = {3: [title, deadline], 4: [title, resp, deadline], 5: [title, deadline, resp, result],
             6: [title, resp, deadline, result, note]}[n_cols]
    return [f"{k + 1}."] + texts


@pytest.mark.parametrize("valign", ["middle", "bottom", "top"])
@pytest.mark.parametrize("n_cols", [3, 4, 5, 6])
@pytest.mark.parametrize("vpad", [0.0, PAD])
def test_rows_of_cells_set_in_the_middle_or_at_the_bottom(valign, n_cols, vpad):
    c = Composer(ALIGNED_WIDTHS[n_cols], header=ALIGNED_HEADERS[n_cols], vpad=vpad, valign=valign)
    c.paragraph(TITLE, bold=True, centred=True)
    c.header_row()
    expected = [_aligned_row(n_cols, k) for k in range(7)]
    for k, row in enumerate(expected):
        if k == 4:
            c.heading("Раздел 2. Подведение итогов")
        c.row(*row)
    (tables,) = build_borderless_tables(to_layouts(c))
    (t,) = tables
    assert t.n_cols == n_cols
    assert [x.text.replace("\n", " ") for x in t.rows[0].cells] == ALIGNED_HEADERS[n_cols]
    got = [[x.text.replace("\n", " ") for x in r.cells] for r in t.rows[1:]]
    assert got[:4] == expected[:4]
    assert got[4] == ["Раздел 2. Подведение итогов"]
    assert got[5:] == expected[4:]


def _merged_rows(c: Composer, rows: list[list[str]], col: int, merged: str) -> None:
    """Rows set in the middle whose column ``col`` is one cell merged over all of them: its text is
    centred on the rows together, as a word processor sets a vertically merged cell."""
    cells = [c._cell_lines(r, False) for r in rows]
    heights = [max(len(ls) for i, ls in enumerate(cl) if i != col) for cl in cells]
    top = c.y
    for cl, n in zip(cells, heights):
        c.y += c.vpad
        for i, (lines, left) in enumerate(zip(cl, c.lefts)):
            if i == col:
                continue
            first = c.y + 0.5 * (n - len(lines)) * LEADING
            for j, text in enumerate(lines):
                c.pages[-1].extend(place_line(text, left + PAD, first + j * LEADING, SIZE, False, c.measure))
        c.y += n * LEADING + c.vpad
    lines = wrap(merged, c.widths[col] - 2 * PAD, SIZE, False, c.measure)
    first = (top + c.y) / 2 - len(lines) * LEADING / 2
    for j, text in enumerate(lines):
        c.pages[-1].extend(place_line(text, c.lefts[col] + PAD, first + j * LEADING, SIZE, False, c.measure))


@pytest.mark.parametrize("merged", ["ИРО", "Министерство образования и науки области, ИРО",
                                    "Министерство образования и науки области, органы местного самоуправления"])
@pytest.mark.parametrize("vpad", [0.0, PAD])
def test_cell_merged_over_rows_set_in_the_middle_is_one_cell_with_a_rowspan(merged, vpad):
    """Centred cells show a vertical merge: the shared cell's text sits across the rows' boundary,
    off the middle of each row and in the middle of the rows together."""
    c = Composer(ALIGNED_WIDTHS[4], header=ALIGNED_HEADERS[4], vpad=vpad, valign="middle")
    c.paragraph(TITLE, bold=True, centred=True)
    c.header_row()
    c.row("1.", LONG_TITLE, "ИРО", "2021 год")
    _merged_rows(c, [["2.", LONG_TITLE, "", "Март 2021 года"], ["3.", "Совещание с руководителями", "",
                                                              "Май 2021 года"]], 2, merged)
    c.row("4.", "Мониторинг", "Министерство образования", "Январь 2022 года")
    c.row("5.", "Отчёт о выполнении плана мероприятий", "Министерство образования", "Декабрь 2022 года")
    (tables,) = build_borderless_tables(to_layouts(c))
    (t,) = tables
    rows = {r.cells[0].text: {x.col: x for x in r.cells} for r in t.rows[1:]}
    assert rows["2."][2].text.replace("\n", " ") == merged and rows["2."][2].rowspan == 2
    assert 2 not in rows["3."] and rows["3."][3].text == "Май 2021 года"
    assert rows["1."][2].rowspan == rows["4."][2].rowspan == 1
    assert rows["4."][2].text == "Министерство образования"


def test_cells_of_their_own_set_in_the_middle_have_no_rowspan():
    c = Composer(ALIGNED_WIDTHS[4], header=ALIGNED_HEADERS[4], valign="middle")
    c.paragraph(TITLE, bold=True, centred=True)
    c.header_row()
    for k in range(5):
        c.row(*_aligned_row(4, k))
    (tables,) = build_borderless_tables(to_layouts(c))
    assert all(x.rowspan == 1 for r in tables[0].rows for x in r.cells)


def test_heading_line_over_the_text_after_the_table_is_not_a_row():
    """"Используемые сокращения:" right after the last row, then the list as running text: the
    heading line opens the text (a section heading with no row after it heads nothing)."""
    c = Composer(ALIGNED_WIDTHS[4], header=ALIGNED_HEADERS[4])
    c.paragraph(TITLE, bold=True, centred=True)
    c.header_row()
    for k in range(4):
        c.row(*_aligned_row(4, k))
    c.y += PAD
    c.paragraph("Используемые сокращения:", size=SIZE)
    c.paragraph("ИРО – государственное автономное учреждение дополнительного профессионального "
                "образования «Институт развития образования»;", size=SIZE)
    c.paragraph("ПОО – профессиональные образовательные организации области, реализующие программы "
                "среднего профессионального образования.", size=SIZE)
    (tables,) = build_borderless_tables(to_layouts(c))
    (t,) = tables
    assert not any("сокращения" in x for x in all_cells(tables))
    assert [r.cells[0].text for r in t.rows[1:]] == ["1.", "2.", "3.", "4."]


def _justified_row(c: Composer, texts: list[str], pad: float = 2.4) -> None:
    """A row whose cells are justified: every line but a cell's last is stretched to the cell's
    right padding, so spaces inside a cell grow as wide as the gap between two columns (``pad``:
    narrow cell margins: a gap between columns no wider than a stretched space)."""
    cells = [wrap(t, w - 2 * pad, SIZE, False, c.measure) for t, w in zip(texts, c.widths)]
    c.y += c.vpad
    for i in range(max(len(ls) for ls in cells)):
        for lines, left, width in zip(cells, c.lefts, c.widths):
            if i >= len(lines):
                continue
            placed = place_line(lines[i], left + pad, c.y, SIZE, False, c.measure)
            if i < len(lines) - 1 and len(placed) > 1:
                slack = (left + width - pad) - (placed[-1].x + placed[-1].width)
                for k, p in enumerate(placed):
                    p.x += slack * k / (len(placed) - 1)
            c.pages[-1].extend(placed)
        c.y += LEADING
    c.y += c.vpad


def test_justified_cells_keep_their_columns():
    """Justified text: a stretched space can be wider than the gap between columns (chunks then run
    across it), but no word crosses the gap and the next column starts flush after it."""
    widths = [40.0, 150.0, 80.0, 100.0, 110.0]
    c = Composer(widths, header=HEADER)
    c.paragraph(TITLE, bold=True, centred=True)
    c.header_row()
    rows = [
        ["1.", "Оснащение ресурсных центров специальным оборудованием для обучения лиц с ограниченными "
               "возможностями здоровья", "2024–2025 годы", "Министерство образования и науки",
         "Оснащено пять ресурсных центров"],
        ["2.", "Сопровождение трудоустройства выпускников с инвалидностью", "постоянно",
         "Центр занятости населения (по согласованию)", "Доля трудоустроенных не менее 60 процентов"],
        ["3.", "Информационное сопровождение реализации плана мероприятий", "ежегодно, апрель–май",
         "Министерство образования и науки", "Публикации в средствах массовой информации"],
        ["4.", "Проведение регионального этапа чемпионата «Абилимпикс»", "ежегодно, апрель–май",
         "Ресурсный учебно-методический центр", "Чемпионат проведён"],
    ]
    for r in rows:
        _justified_row(c, r)
    (tables,) = build_borderless_tables(to_layouts(c))
    (t,) = tables
    assert t.n_cols == 5
    assert [[x.text.replace("\n", " ") for x in r.cells] for r in t.rows[1:]] == rows


def test_cell_merged_over_rows_set_at_the_top_is_found_where_its_text_runs_on():
    """A merged cell longer than its first row runs on beside the next row: the lower row's cell
    opens with the rest of a broken word (or after a dangling "с"), so it is the upper cell's."""
    from extractors.borderless.rows import runs_on
    assert runs_on("РУМЦ совместно с профессиональными образовательн", "ыми организациями")
    assert runs_on("РУМЦ совместно с", "профессиональными организациями")
    assert not runs_on("Министерство образования", "органы местного самоуправления")
    assert not runs_on("ЦРПО", "ежегодно")
    assert not runs_on("-", "по плану"), "a dash for an empty cell"
    c = Composer(ALIGNED_WIDTHS[4], header=ALIGNED_HEADERS[4])
    c.paragraph(TITLE, bold=True, centred=True)
    c.header_row()
    c.row("1.", "Совещание", "ИРО", "2021 год")
    merged = ["Министерство образования", "и науки области", "совместно с", "профессиональными",
              "организациями"]             # the first three lines lie in row 2, the rest beside row 3
    top = c.y + c.vpad
    for i, text in enumerate(merged):                 # the merged cell flows on past its first row
        c.pages[-1].extend(place_line(text, c.lefts[2] + PAD, top + i * LEADING, SIZE, False, c.measure))
    for k, (number, title, deadline) in enumerate([("2.", "Мониторинг", "Март 2021 года"),
                                                   ("3.", "Отчёт о выполнении", "Май 2021 года")]):
        y = top + k * (2 * LEADING + 2 * c.vpad)
        for text, col in ((number, 0), (title, 1), (deadline, 3)):
            c.pages[-1].extend(place_line(text, c.lefts[col] + PAD, y, SIZE, False, c.measure))
    c.y = top + 2 * (2 * LEADING + 2 * c.vpad) + LEADING
    c.row("4.", "Конференция", "ПОО", "Декабрь 2021 года")
    (tables,) = build_borderless_tables(to_layouts(c))
    rows = {r.cells[0].text: {x.col: x for x in r.cells} for r in tables[0].rows[1:]}
    assert list(rows) == ["1.", "2.", "3.", "4."]
    assert rows["2."][2].text.replace("\n", " ") == " ".join(merged) and rows["2."][2].rowspan == 2
    assert 2 not in rows["3."] and rows["3."][3].text == "Май 2021 года"
    assert rows["4."][2].text == "ПОО" and rows["1."][2].rowspan == 1


def test_section_row_at_a_page_end_and_a_bottom_set_row_under_the_repeated_header():
    """Page 1 ends with a section row (plain text from the left edge, like running text); page 2
    opens with a row set at the bottom whose responsible cell holds two paragraphs: the section row
    stays in the table, and no row broken by the page is looked for after it."""
    c = Composer(ALIGNED_WIDTHS[4], header=ALIGNED_HEADERS[4], valign="bottom")
    c.paragraph(TITLE, bold=True, centred=True)
    c.header_row()
    for k in range(4):
        c.row(*_aligned_row(4, k))
    c.y += c.vpad
    c.pages[-1].extend(place_line("2. Организационное обеспечение", MARGIN + PAD, c.y, SIZE, False, c.measure))
    c.y += LEADING + c.vpad
    c.new_page()
    top = c.y + c.vpad
    for i, text in enumerate(["- руководители ПОО;", "", "- кураторы внедрения"]):
        c.pages[-1].extend(place_line(text, c.lefts[2] + PAD, top + i * LEADING, SIZE, False, c.measure))
    for col, text in ((0, "5."), (1, "Формирование базы наставников"), (3, "сентябрь 2022 г.")):
        c.pages[-1].extend(place_line(text, c.lefts[col] + PAD, top + 2 * LEADING, SIZE, False, c.measure))
    c.y = top + 3 * LEADING + c.vpad
    for k in range(5, 8):
        c.row(*_aligned_row(4, k))
    first, second = build_borderless_tables(to_layouts(c))
    assert [[x.text for x in r.cells] for r in first[0].rows[-1:]] == [["2. Организационное обеспечение"]]
    rows = {r.cells[0].text: [x.text.replace("\n", " ") for x in r.cells] for r in second[0].rows[1:]}
    assert list(rows) == ["5.", "6.", "7.", "8."]
    assert rows["5."][2] == "- руководители ПОО; - кураторы внедрения"
    assert rows["6."] == _aligned_row(4, 5)


def test_heading_line_that_ends_the_table_is_not_a_section_row():
    """"Принятые сокращения:" at the table's size right after the last row, the list under it set
    apart by its size: a heading that heads no row is not the table's."""
    c = Composer(ALIGNED_WIDTHS[4], header=ALIGNED_HEADERS[4])
    c.paragraph(TITLE, bold=True, centred=True)
    c.header_row()
    for k in range(4):
        c.row(*_aligned_row(4, k))
    c.y += PAD
    c.pages[-1].extend(place_line("Принятые сокращения:", MARGIN + PAD, c.y, SIZE, False, c.measure))
    c.y += 2 * LEADING
    c.paragraph("ИРО – государственное автономное учреждение дополнительного профессионального образования.")
    (tables,) = build_borderless_tables(to_layouts(c))
    assert not any("сокращения" in x for x in all_cells(tables))
    assert [r.cells[0].text for r in tables[0].rows[1:]] == ["1.", "2.", "3.", "4."]


def test_a_section_heading_across_the_gutters_of_a_small_table_leaves_its_columns():
    """A one-page table of a dozen lines whose section heading ("1. Научно-методическое …", its
    number apart) runs across two gutters: those gutters are still columns (measured on a
    fixed-threshold photocopy whose rules were lost: three columns of five had been one)."""
    lefts = [MARGIN, MARGIN + 30, MARGIN + 230, MARGIN + 330, MARGIN + 480]
    lines = [
        {0: "№", 1: "Содержание мероприятия", 2: "Срок", 3: "Ответственные"},
        {0: "1", 1: "Научно-методическое обеспечение внедрения наставничества в колледжах"},
        {0: "1.1.", 1: "Разработка научно-", 2: "до 1", 3: "Институт"},
        {1: "методических", 2: "декабря", 3: "образования"},
        {1: "рекомендаций", 2: "2022 г."},
        {0: "1.2.", 1: "Проведение обучающих", 2: "ежегодно", 3: "Колледж"},
        {1: "семинаров для", 2: "до 5", 3: "экономики"},
        {1: "кураторов", 2: "числа"},
        {0: "1.3.", 1: "Мониторинг программ", 2: "декабрь", 3: "Министерство"},
        {1: "наставничества", 2: "2023 г.", 3: "образования"},
        {0: "1.4.", 1: "Подготовка доклада", 2: "март", 3: "Министерство"},
        {1: "о ходе реализации", 2: "2024 г.", 3: "образования"},
    ]
    t = build_borderless_tables(layout_of(place_grid(lefts, lines, 60.0, bold_lines=1)))[0][0]
    assert t.n_cols == 4
    assert [x.text for x in t.rows[0].cells] == ["№", "Содержание мероприятия", "Срок", "Ответственные"]
    assert row_by_number([[t]], "1.3.") == ["1.3.", "Мониторинг программ наставничества", "декабрь 2023 г.",
                                            "Министерство образования"]
