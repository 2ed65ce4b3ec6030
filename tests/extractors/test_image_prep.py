"""Scan image preparation on small generated images (no Tesseract needed)."""

from __future__ import annotations

from typing import Optional

import cv2
import numpy as np
import pytest

from extractors import image_ink
from extractors import image_prep as ip
from tests.drawing import SERIF, cyrillic_font

DPI = 200


def _font_path() -> Optional[str]:
    return cyrillic_font(SERIF)


def _text_page(lines: list[str], size=(700, 900), font_px: int = 30) -> np.ndarray:
    from PIL import Image, ImageDraw, ImageFont

    img = Image.new("L", size, 255)
    d = ImageDraw.Draw(img)
    font = ImageFont.truetype(_font_path(), font_px)
    for i, text in enumerate(lines):
        d.text((40, 40 + i * int(font_px * 1.6)), text, fill=0, font=font)
    return np.array(img)


LINES = ["Мероприятия по реализации проекта", "Проведение консультаций для педагогов",
         "Организация профильных смен", "Информирование общественности о проекте",
         "Разработка методических рекомендаций", "Повышение квалификации специалистов",
         "Обеспечение деятельности центра", "Создание условий для обучающихся"]


def test_coloured_stamp_removed_black_text_kept():
    rgb = np.full((300, 300, 3), 250, np.uint8)
    cv2.rectangle(rgb, (40, 140), (260, 150), (0, 0, 0), -1)                  # a black stroke
    ring = np.full_like(rgb, 255)
    cv2.circle(ring, (150, 150), 100, (40, 70, 190), 6)                        # a blue ring over it
    rgb = np.minimum(rgb, ring)                                                # inks multiply
    grey, share = ip.remove_colour_ink(rgb)
    assert share > 0.01
    assert grey[145, 150] < 60                                                 # stroke untouched
    assert grey[145, 50] < 60                                                  # stroke under the ring
    assert grey[50, 150] >= 240                                                # ring top: paper now
    assert np.count_nonzero(grey < 128) < np.count_nonzero(cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY) < 128)


def test_dark_blue_signature_stroke_removed_black_text_under_it_kept():
    rgb = np.full((200, 300, 3), 250, np.uint8)
    cv2.rectangle(rgb, (40, 95), (260, 105), (0, 0, 0), -1)                   # a black stroke
    pen = np.full_like(rgb, 255)
    cv2.line(pen, (20, 40), (280, 160), (55, 70, 118), 5)                      # a dark blue pen line
    rgb = np.minimum(rgb, pen)
    rgb = cv2.GaussianBlur(rgb, (0, 0), 0.8)                                   # a blurred copy
    grey, _share = ip.remove_colour_ink(rgb)
    assert grey[100, 60] < 60 and grey[100, 240] < 60                          # text kept
    on_pen = [grey[int(40 + (x - 20) * 120 / 260), x] for x in (40, 80, 220, 260)]
    assert min(on_pen) >= 200, "the signature's own ink is paper now"


def _signed_scan(jpeg: bool = True) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Black letters with a dark blue signature stroke over them, darkened towards the right,
    blurred and stored as a JPEG (colour at half resolution); also the stroke's and the
    letters' own masks."""
    text = _text_page(LINES[:6], size=(700, 330))
    pen = np.zeros(text.shape, np.uint8)
    xs = np.arange(30, 670)
    ys = 160 + 90 * np.sin(xs / 45.0)
    cv2.polylines(pen, [np.stack([xs, ys], 1).astype(np.int32)], False, 255, 4, cv2.LINE_AA)
    rgb = np.repeat(text[..., None], 3, axis=2).astype(np.float32) * (245 / 255)
    a = (pen.astype(np.float32) / 255 * 0.9)[..., None]
    rgb = rgb * (1 - a) + np.minimum(rgb, np.array((30, 40, 120), np.float32)) * a   # inks multiply
    rgb *= np.linspace(1.0, 0.7, rgb.shape[1], dtype=np.float32)[None, :, None]      # darker at one side
    rgb = cv2.GaussianBlur(np.clip(rgb, 0, 255).astype(np.uint8), (0, 0), 1.0)
    return (_jpeg(rgb) if jpeg else rgb), pen > 0, text < 128


def test_blurred_jpegd_darkened_signature_leaves_no_trace_letters_stay():
    rgb, stroke, letters = _signed_scan()
    grey, _notes = ip.prepare(rgb, DPI)
    near_letters = cv2.dilate(letters.astype(np.uint8), np.ones((9, 9), np.uint8)) > 0
    along = cv2.dilate(stroke.astype(np.uint8), np.ones((5, 5), np.uint8)) > 0
    trace = along & ~near_letters                          # the stroke (and its rim) on paper
    assert np.count_nonzero(grey[trace] < 200) < 0.01 * np.count_nonzero(trace)
    clear = letters & ~cv2.dilate(stroke.astype(np.uint8), np.ones((9, 9), np.uint8)).astype(bool)
    assert np.mean(grey[clear] < 160) > 0.9               # letters away from the stroke kept
    under = letters & stroke                               # letters the stroke crosses: kept too
    assert np.mean(grey[under] < 160) > 0.6


def test_page_without_colour_is_left_as_it_is():
    grey = _text_page(LINES, size=(500, 400))
    rgb = np.repeat(grey[..., None], 3, axis=2)
    rgb = (rgb.astype(np.float32) * np.linspace(1.0, 0.7, rgb.shape[1])[None, :, None]).astype(np.uint8)
    rgb = cv2.GaussianBlur(rgb, (0, 0), 1.0)                                   # grey, darker to one side
    plain = cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY)
    out, share = ip.remove_colour_ink(rgb, DPI)
    assert share == 0 and np.array_equal(out, plain)
    (a, notes_a), (b, notes_b) = ip.prepare(rgb, DPI), ip.prepare(plain, DPI)
    assert np.array_equal(a, b) and notes_a == notes_b and not any("colour" in n for n in notes_a)


def _jpeg(rgb: np.ndarray, quality: int = 55) -> np.ndarray:
    _ok, buf = cv2.imencode(".jpg", rgb[..., ::-1], [cv2.IMWRITE_JPEG_QUALITY, quality])
    return np.ascontiguousarray(cv2.imdecode(buf, cv2.IMREAD_COLOR)[..., ::-1])


def test_light_violet_stamp_ring_removed_though_nowhere_strongly_saturated():
    rgb = np.full((400, 400, 3), 245, np.uint8)
    ring = np.zeros((400, 400), np.uint8)
    cv2.circle(ring, (200, 200), 140, 255, 3)
    a = (cv2.GaussianBlur(ring, (0, 0), 0.8).astype(np.float32) / 255 * 0.4)[..., None]
    out = rgb * (1 - a) + np.minimum(rgb, np.array((110, 60, 170), np.float32)) * a
    rgb = _jpeg(cv2.GaussianBlur(np.clip(out, 0, 255).astype(np.uint8), (0, 0), 1.0))
    sat = cv2.cvtColor(rgb, cv2.COLOR_RGB2HSV)[..., 1]
    assert sat.max() < image_ink.STAMP_MIN_SATURATION                # no strong seed anywhere
    grey, share = ip.remove_colour_ink(rgb, DPI)
    on_ring = cv2.dilate(ring, np.ones((3, 3), np.uint8)) > 0
    assert share > 0.005
    before = cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY)
    assert np.mean(before[on_ring] >= 220) < 0.4
    assert np.mean(grey[on_ring] >= 220) > 0.6                 # the ring is paper now


def test_colour_fringes_of_black_text_on_a_colour_scan_are_no_ink():
    grey = _text_page(LINES, size=(700, 420))
    rgb = np.repeat(grey[..., None], 3, axis=2)
    for channel, dx, dy in ((2, 0.3, 0), (0, 0, -0.3)):       # red and blue sensors a little off
        m = np.float32([[1, 0, dx], [0, 1, dy]])
        rgb[..., channel] = cv2.warpAffine(grey, m, grey.shape[::-1], borderValue=255)
    rgb = _jpeg(cv2.GaussianBlur(rgb, (0, 0), 0.7))
    sat = cv2.cvtColor(rgb, cv2.COLOR_RGB2HSV)[..., 1]
    assert sat.max() >= image_ink.STAMP_MIN_SATURATION                # fringes as saturated as ink here and there
    out, _share = ip.remove_colour_ink(rgb, DPI)
    letters = cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY) < 160
    assert np.mean(out[letters] < 160) > 0.99                  # letters and their edges stay


def test_table_rules_under_a_signature_stay_whole():
    rgb = np.full((300, 500, 3), 240, np.uint8)
    cv2.line(rgb, (20, 150), (480, 150), (60, 60, 60), 2)                     # a row rule ...
    cv2.line(rgb, (250, 20), (250, 280), (60, 60, 60), 2)                     # ... and a column rule
    pen = np.zeros(rgb.shape[:2], np.uint8)
    xs = np.arange(60, 440)
    ys = 150 + 12 * np.sin(xs / 9.0)                                           # a stroke along the row rule
    cv2.polylines(pen, [np.stack([xs, ys], 1).astype(np.int32)], False, 255, 4, cv2.LINE_AA)
    cv2.line(pen, (200, 60), (300, 240), 255, 4, cv2.LINE_AA)                  # one across both rules
    a = (pen.astype(np.float32) / 255 * 0.9)[..., None]
    out = rgb * (1 - a) + np.minimum(rgb, np.array((30, 40, 120), np.float32)) * a
    rgb = _jpeg(cv2.GaussianBlur(np.clip(out, 0, 255).astype(np.uint8), (0, 0), 1.0))
    grey, share = ip.remove_colour_ink(rgb, DPI)
    assert share > 0.01
    row = grey[147:154, 20:480].min(axis=0)
    col = grey[20:280, 247:254].min(axis=1)
    assert row.max() < 160 and col.max() < 160                                # no gap in either rule
    off = (pen > 0) & (np.abs(np.arange(300)[:, None] - 150) > 6) & (np.abs(np.arange(500)[None, :] - 250) > 6)
    assert np.mean(grey[off] >= 200) > 0.95                                    # the stroke itself is gone


def test_a_stamps_line_of_text_running_into_black_text_is_no_rule():
    """A stamp's inner line (straight, longer than a rule's test length) crosses black letters,
    which are no ink: it does not go on past the stamp, so it is painted as paper, not kept as
    a rule that would join the letters to the next cell."""
    rgb = np.full((400, 500, 3), 245, np.uint8)
    for x in range(150, 330, 14):
        cv2.rectangle(rgb, (x, 180), (x + 6, 210), (0, 0, 0), -1)             # black letter stems
    ink = np.full_like(rgb, 255)
    cv2.circle(ink, (250, 200), 150, (40, 70, 190), 5)                         # the stamp's ring
    cv2.line(ink, (130, 205), (370, 205), (40, 70, 190), 3)                    # its line of text
    rgb = np.minimum(rgb, ink)
    grey, _share = ip.remove_colour_ink(rgb, DPI)
    gaps = [x for x in range(140, 360) if not any(x0 <= x <= x0 + 6 for x0 in range(150, 330, 14))]
    assert np.mean(grey[205, gaps] >= 200) > 0.9                               # the line is gone between the stems
    assert grey[195, 153] < 60                                                 # the stems stay


def test_a_stamps_light_inner_line_is_removed_though_too_weakly_coloured_to_seed():
    """The ring is strongly coloured; the stamp's line of text inside it, far from the ring, is
    only weakly so (blurred, lighter): inside the ring and of its hue, it is ink too. A grey
    stroke inside the ring (no hue) stays."""
    rgb = np.full((400, 400, 3), 245, np.uint8)
    ink = np.full_like(rgb, 255)
    cv2.circle(ink, (200, 200), 150, (40, 70, 190), 5)                         # the ring
    rgb = np.minimum(rgb, ink)
    cv2.line(rgb, (120, 200), (280, 200), (140, 150, 175), 3)                  # light, weakly blue
    cv2.line(rgb, (120, 260), (280, 260), (120, 120, 120), 3)                  # grey: no ink
    grey, _share = ip.remove_colour_ink(rgb, DPI)
    assert np.mean(grey[200, 130:270] >= 200) > 0.9
    assert np.mean(grey[260, 130:270] < 160) > 0.9


def test_illumination_normalised_paper_is_white_text_stays_dark():
    h, w = 400, 600
    page = np.full((h, w), 235, np.float32)
    page *= np.linspace(0.55, 1.0, w)[None, :]                                 # shadow to the left
    page[:, :30] = np.linspace(50, page[0, 30], 30)[None, :]                  # dark binding edge
    grey = page.astype(np.uint8)
    cv2.putText(grey, "TEXT", (60, 220), cv2.FONT_HERSHEY_SIMPLEX, 3, 20, 8)
    assert ip.needs_normalising(grey, DPI)
    out = ip.normalise_illumination(grey, DPI)
    assert np.percentile(out[50:100, 40:], 50) >= 240                          # paper everywhere
    cleared, n = ip.clear_dark_edges(out)
    assert n >= 1 and cleared[:, :30].min() >= 200                             # edge gone
    assert ip.clear_dark_edges(ip.normalise_illumination(grey[:, 60:], DPI))[1] == 0
    assert out[190:220, 70:100].min() < 120                                    # text kept


def _ruled(faint: bool, gaps: bool, text_touching: bool) -> np.ndarray:
    grey = np.full((300, 800), 255, np.uint8)
    level = 200 if faint else 0
    cv2.line(grey, (20, 150), (780, 150), level, 2)
    if gaps:
        for x in range(60, 780, 90):
            grey[145:156, x:x + 9] = 255
    if text_touching:
        for x in range(300, 420, 12):                                          # letters sitting on the rule
            cv2.rectangle(grey, (x, 128), (x + 7, 149), 0, -1)
    return cv2.GaussianBlur(grey, (0, 0), 0.8)


@pytest.mark.parametrize("faint,gaps,touching", [(False, False, False), (True, False, False),
                                                  (False, True, False), (True, True, True)])
def test_broken_faint_rule_found_as_one_line(faint, gaps, touching):
    grey = _ruled(faint, gaps, touching)
    h, _v = ip.rule_masks(ip.line_ink(grey, DPI), DPI, 0.5, 0.25, grey)
    n, _, stats, _ = cv2.connectedComponentsWithStats(h, connectivity=8)
    long = [s for s in stats[1:n] if s[2] > 600]
    assert len(long) == 1, stats[1:n]


def test_gap_bridged_only_where_the_page_shows_a_line():
    mask = np.zeros((100, 600), np.uint8)
    mask[50, 10:200] = 255
    mask[50, 260:590] = 255
    grey = np.full((100, 600), 255, np.uint8)
    assert ip.bridge_gaps(mask, grey, DPI, True)[50, 230] == 0                 # paper: a real end
    grey[49:52, 200:260] = 180                                                 # a faded rule piece
    assert ip.bridge_gaps(mask, grey, DPI, True)[50, 230] == 255


def _heading_table(rule_through_heading: bool) -> np.ndarray:
    """A ruled table whose column rule stops at a heading row merged across the columns: bold
    letters of the heading run over the rule's path (a blurred copy)."""
    grey = np.full((460, 600), 255, np.uint8)
    for y in (60, 180, 230, 300, 400):                                         # row rules
        grey[y:y + 3, 20:580] = 0
    for x in (20, 577):                                                        # outer borders
        grey[60:403, x:x + 3] = 0
    grey[60:183, 300:303] = 0                                                  # the column rule ...
    grey[230:403, 300:303] = 0                                                 # ... resumes below
    if rule_through_heading:
        grey[183:230, 300:303] = 0                                             # a plain row: it runs on
    for x in range(230, 380, 16):                                              # heading letters
        grey[190:223, x:x + 11] = 0
    return cv2.GaussianBlur(grey, (0, 0), 1.0)


@pytest.mark.parametrize("through", [False, True])
def test_column_rule_not_carried_through_a_merged_heading_row(through):
    grey = _heading_table(through)
    _h, v = ip.rule_masks(ip.line_ink(grey, DPI), DPI, 0.5, 0.25, grey)
    on_path = v[:, 296:306].any(axis=1)
    assert on_path[70:170].all() and on_path[240:390].all()                   # the rule above and below
    assert on_path[195:218].all() == through and on_path[195:218].any() == through


def test_gap_to_a_piece_further_on_is_not_bridged_over_the_piece_between():
    # pieces on one line: a paper gap, a piece, a short gap: the paper gap stays a gap
    mask = np.zeros((100, 600), np.uint8)
    mask[50, 10:200] = 255
    mask[50, 300:420] = 255
    mask[50, 430:590] = 255
    grey = np.full((100, 600), 255, np.uint8)
    grey[49:52, 300:590] = 120                                                 # the pieces' ink
    grey[49:52, 200:215] = 120                                                 # a little ink in the gap
    other = np.zeros_like(mask)
    out = ip.bridge_gaps(mask.T.copy(), grey.T.copy(), DPI, False, other.T.copy()).T
    assert out[50, 250] == 0 and out[50, 425] == 255


@pytest.mark.skipif(_font_path() is None, reason="no TrueType font with Cyrillic glyphs")
def test_text_lines_do_not_become_rules():
    grey = cv2.GaussianBlur(_text_page(LINES, font_px=34), (0, 0), 1.1)      # blurred copy
    h, v = ip.rule_masks(ip.line_ink(grey, DPI), DPI, 0.5, 0.25, grey)
    assert np.count_nonzero(h) == 0
    assert np.count_nonzero(v) == 0


@pytest.mark.skipif(_font_path() is None, reason="no TrueType font with Cyrillic glyphs")
def test_turned_page_recognised_by_its_profiles():
    page = _text_page(LINES)
    ink = 255 - page
    assert not ip.looks_turned_90(ink)
    assert ip.looks_turned_90(cv2.rotate(ink, cv2.ROTATE_90_CLOCKWISE))


@pytest.mark.skipif(_font_path() is None, reason="no TrueType font with Cyrillic glyphs")
def test_a_page_whose_profiles_cannot_tell_the_lines_direction_is_undecided():
    ink = 255 - _text_page(LINES)
    assert not ip.profiles_undecided(ink)                                       # upright lines
    assert not ip.profiles_undecided(cv2.rotate(ink, cv2.ROTATE_90_CLOCKWISE))  # turned: looks_turned_90
    # a few short lines lost in an even lattice of specks: neither profile is the sharper
    specks = np.zeros((900, 900), np.uint8)
    specks[5::14, 5::14] = 255
    specks = cv2.dilate(specks, np.ones((3, 3), np.uint8))
    few = 255 - _text_page(LINES[:2], size=(900, 900), font_px=18)
    assert ip.profiles_undecided(np.maximum(specks, cv2.rotate(few, cv2.ROTATE_90_CLOCKWISE)))
    assert ip.profiles_undecided(np.maximum(specks, few))


def test_prepare_reports_what_it_did():
    rgb = np.full((400, 400, 3), 200, np.uint8)                               # grey paper
    rgb[:, :200] = 150                                                         # uneven
    cv2.circle(rgb, (200, 200), 80, (200, 40, 40), 5)                          # red stamp
    grey, notes = ip.prepare(rgb, DPI)
    assert any("coloured ink" in n for n in notes)
    assert any("illumination" in n for n in notes)
    assert grey.shape == (400, 400) and grey.dtype == np.uint8


def test_stacked_letter_stems_do_not_become_a_column_rule():
    """Left-aligned lines in a cell: first letters' stems (Г, Д, Ц) one under the other.

    Bridged, they make a dashed vertical line almost an inch long that meets no
    horizontal rule; taken for a column border it split the cell and its erasure
    ate the letters (illumination-normalised pages use the gap-tolerant search).
    """
    from extractors.ocr.rules import find_segments

    g = np.full((700, 800), 255, np.uint8)
    for a, b in (((40, 60), (760, 60)), ((40, 640), (760, 640)), ((40, 60), (40, 640)), ((760, 60), (760, 640))):
        cv2.line(g, a, b, 0, 2)                                                # the cell's rules
    for i in range(6):
        y = 200 + i * 29
        g[y:y + 24, 58:61] = 0                                                 # a "Г": stem ...
        g[y:y + 3, 58:75] = 0                                                  # ... and top bar
    g = cv2.GaussianBlur(g, (0, 0), 0.7)
    segs, mask = find_segments(ip.line_ink(g, DPI), DPI, 0.36, g)
    xs = sorted(round(s.x0 / 0.36) for s in segs if not s.horizontal)
    assert xs == [40, 760], xs
    assert mask[250, 59] == 0                                                  # the stems are not erased


def test_two_stacked_stems_under_a_rule_are_no_cell_border():
    """Two lines whose first letters (Ц, Н) are stacked, the upper one just under the cell's top
    rule: a vertical piece that meets one rule only, shorter than a row with a border would be."""
    from extractors.ocr.rules import find_segments

    g = np.full((500, 800), 255, np.uint8)
    for a, b in (((40, 60), (760, 60)), ((40, 440), (760, 440)), ((40, 60), (40, 440)), ((760, 60), (760, 440))):
        cv2.line(g, a, b, 0, 2)
    cv2.line(g, (400, 60), (400, 440), 0, 2)                                   # a real column border
    for y in (64, 93):
        g[y:y + 24, 120:123] = 0                                               # stems from the top rule down
        g[y + 10:y + 13, 120:135] = 0
    g = cv2.GaussianBlur(g, (0, 0), 0.7)
    segs, mask = find_segments(ip.line_ink(g, DPI), DPI, 0.36, g)
    xs = sorted(round(s.x0 / 0.36) for s in segs if not s.horizontal)
    assert len(xs) == 3 and all(abs(a - b) <= 2 for a, b in zip(xs, (40, 400, 760))), xs


def test_a_one_bit_copys_dither_is_smoothed_and_its_text_kept():
    """An office scanner's "black and white" mode turns grey paper into a field of dots, each read as
    a mark (a dithered copy read 0.33 mean confidence, its table lost); a 3x3 median takes them."""
    clean = _text_page(LINES[:4])
    rng = np.random.default_rng(7)
    dots = rng.random(clean.shape) < 0.2                          # a grey shade as one-bit dots
    dithered = np.where(dots | (clean < 128), 0, 255).astype(np.uint8)
    out, notes = ip.prepare(dithered, DPI)
    assert any("dither smoothed" in n for n in notes)
    paper = clean > 250
    assert (out[paper] < 128).mean() < 0.01                       # the dots are gone from the paper ...
    text = cv2.erode((clean < 128).astype(np.uint8), np.ones((3, 3), np.uint8)) > 0
    assert (out[text] < 128).mean() > 0.95                        # ... the strokes' cores stay ink
    # a clean one-bit page (no dither) and a page with ordinary grain are left to the other steps
    _, clean_notes = ip.prepare(np.where(clean < 128, 0, 255).astype(np.uint8), DPI)
    assert not any("dither" in n for n in clean_notes)
    grainy = np.clip(clean.astype(np.int16) + rng.normal(0, 6, clean.shape), 0, 255).astype(np.uint8)
    assert not any("dither" in n for n in ip.prepare(grainy, DPI)[1])
