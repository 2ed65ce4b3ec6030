"""The OCR engine: Tesseract through tesserocr (one engine per thread, reused) reads what the
``tesseract`` command reads, a rectangle of the image alone, and the command stands in without it."""

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from extractors.ocr import engine

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"


def _image() -> np.ndarray:
    img = Image.new("L", (900, 220), 255)
    d = ImageDraw.Draw(img)
    font = ImageFont.truetype(FONT, 36)
    d.text((30, 30), "Министерство образования", fill=0, font=font)
    d.text((30, 130), "Срок 2021 год", fill=0, font=font)
    return np.array(img)


needs_capi = pytest.mark.skipif(not engine.has_capi(), reason="tesserocr or rus.traineddata not installed")


@needs_capi
def test_capi_reads_words_with_boxes_and_confidence():
    words = engine.tesseract_words(_image(), "rus", "--oem 1 --psm 6")
    assert [w.text for w in words] == ["Министерство", "образования", "Срок", "2021", "год"]
    first = words[0]
    assert 20 <= first.x <= 40 and 25 <= first.y <= 50 and first.w > 150
    assert all(0.5 < w.conf <= 1.0 for w in words)


@needs_capi
def test_a_rectangle_is_read_alone_in_image_coordinates():
    words = engine.tesseract_words(_image(), "rus", "--psm 7", rect=(0, 110, 900, 100))
    assert [w.text for w in words] == ["Срок", "2021", "год"]
    assert all(w.y >= 110 for w in words)


@needs_capi
def test_the_engine_is_made_once_per_thread_and_language():
    engine.tesseract_words(_image(), "rus", "--psm 6")
    made = dict(engine._local.engines)
    engine.tesseract_words(_image(), "rus", "--psm 7")
    assert engine._local.engines[("rus", "")] is made[("rus", "")]


def test_the_command_stands_in_without_tesserocr(monkeypatch):
    monkeypatch.setattr(engine, "_tesserocr", lambda: None)
    words = engine.tesseract_words(_image(), "rus", "--oem 1 --psm 6")
    assert [w.text for w in words] == ["Министерство", "образования", "Срок", "2021", "год"]
    part = engine.tesseract_words(_image(), "rus", "--psm 7", rect=(0, 110, 900, 100))
    assert [w.text for w in part] == ["Срок", "2021", "год"] and all(w.y >= 110 for w in part)


def test_osd_says_how_far_a_turned_page_is_turned():
    text = np.vstack([_image()] * 4)
    turned = np.rot90(text).copy()        # counter-clockwise: turning it back is 90° clockwise
    found = engine.osd(turned)
    assert found is not None and found[0] == 90


def test_the_command_is_used_when_the_setting_asks_for_it(monkeypatch):
    monkeypatch.setenv("ROADMAPS_OCR_ENGINE", "command")
    engine._tesserocr.cache_clear()
    try:
        assert engine._tesserocr() is None and not engine.has_capi()
    finally:
        monkeypatch.delenv("ROADMAPS_OCR_ENGINE")
        engine._tesserocr.cache_clear()


def _number(text: str) -> np.ndarray:
    img = Image.new("L", (160, 70), 255)
    ImageDraw.Draw(img).text((20, 12), text, fill=0, font=ImageFont.truetype(FONT, 36))
    return np.array(img)


@pytest.mark.parametrize("capi", [True, False])
def test_a_line_is_read_with_only_the_whitelisted_characters(monkeypatch, capi):
    if capi and not engine.has_capi():
        pytest.skip("tesserocr not installed")
    if not capi:
        monkeypatch.setattr(engine, "_tesserocr", lambda: None)
    text, conf = engine.read_line(_number("12."), "eng", "0123456789.")
    assert text == "12." and conf > 0.5
    letters, _ = engine.read_line(_number("ab"), "eng", "0123456789.")
    assert not any(ch.isalpha() for ch in letters)
