"""extractors/ocr/walls.py: a word box over a column rule cut back to its letters, and a word read
across the rule with letters on both sides parted into its two cells' words."""

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from extractors.ocr import engine
from extractors.ocr.engine import PxWord
from extractors.ocr.walls import split_at_walls, trim_to_walls
from tests.drawing import cyrillic_font

needs_capi = pytest.mark.skipif(not engine.has_capi() and engine.tessdata_dir() is None,
                                reason="no Tesseract language data")


def test_a_word_box_over_a_column_rule_is_cut_back_to_its_letters():
    img = np.full((60, 300), 255, np.uint8)
    img[22:25, 40:43] = 0                                # a speck left of the rule at x = 60
    for x in range(80, 200, 14):
        img[15:40, x:x + 8] = 0                          # letters right of it
    word = PxWord("Организация", 38, 14, 170, 28, 0.66)
    (out,) = trim_to_walls(img, [word], [(60.0, 0.0, 60.0)])
    assert out.x > 60 and out.x + out.w == word.x + word.w
    img[15:40, 45:53] = 0                                # a letter on the left too: across the rule
    assert trim_to_walls(img, [word], [(60.0, 0.0, 60.0)]) == [word]


@needs_capi
def test_a_word_read_across_a_column_rule_gives_way_to_each_sides_reading():
    img = Image.new("L", (900, 90), 255)
    font = ImageFont.truetype(cyrillic_font(), 30)
    draw = ImageDraw.Draw(img)
    draw.text((20, 25), "Организация", fill=0, font=font)
    draw.text((420, 25), "2021-2023", fill=0, font=font)    # the next cell; its rule at x = 400 erased
    page = np.array(img)
    across = engine.PxWord("Организаци’‘.2021-2023", 18, 22, 560, 40, 0.1)
    rule = [(400.0, 0.0, 90.0), (401.0, 150.0, 300.0)]          # a column rule, broken: 240 px at 200 dpi
    out = split_at_walls(page, [across], rule, 200)
    assert [w.text for w in out] == ["Организация", "2021-2023"]
    assert out[0].x + out[0].w < 400 < out[1].x                 # each side keeps its own cell
    alone = engine.PxWord("Организация", 18, 22, 300, 40, 0.9)   # clear of the rule: as read
    assert split_at_walls(page, [alone], rule, 200) == [alone]
    assert split_at_walls(page, [across], [(400.0, 200.0, 300.0)], 200) == [across]   # the rule ends above
    stroke = [(400.0, 10.0, 80.0)]                              # a short stroke (a stamp's): no column
    assert split_at_walls(page, [across], stroke, 200) == [across]
    speck = engine.PxWord(".", 395, 50, 11, 5, 0.0)              # a speck's stop over the rule
    assert split_at_walls(page, [speck], rule, 200) == [speck]
    half = engine.PxWord("Организация 20", 18, 22, 390 + 40, 40, 0.3)   # no letter right of the rule
    blank = page.copy()
    blank[:, 402:] = 255
    assert split_at_walls(blank, [half], rule, 200) == [half]


@needs_capi
def test_a_side_of_thick_one_bit_strokes_is_read_as_it_is_where_enlarged_reads_nothing():
    from pathlib import Path

    from extractors.ocr.walls import _read_side

    # a deadline cell's side of a one-bit scan (our corpus, 'bilevel'): read enlarged, nothing
    crop = np.array(Image.open(Path(__file__).parents[1] / "data" / "crops" / "one_bit_years.png").convert("L"))
    text, conf = _read_side(crop)
    assert text.startswith("2023-2025") and conf > 0
    assert _read_side(np.full((40, 120), 255, np.uint8)) == ("", 0.0)      # blank: no word
