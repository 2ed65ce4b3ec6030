"""OCR, the engine: Tesseract through its C API (tesserocr), one initialised engine per thread and
language, reused for every call; the ``tesseract`` command (pytesseract) when tesserocr is missing.

A subprocess per call costs a process start and a model load (about 0.1–0.2 s each, dozens of
calls per page with re-reads); the C API loads the model once per thread. Both paths give the same
thing: words with their pixel boxes and confidence in [0, 1], Tesseract's reading order.

The Russian model is looked for in ``TESSDATA_PREFIX`` and then in the usual system folders
(a tesserocr wheel bundles its own libtesseract but no language data).
"""

from __future__ import annotations

import logging
import os
import re
import threading
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Optional

import numpy as np

import roadmaps_settings
from extractors import limits

log = logging.getLogger(__name__)

TESSDATA_DIRS = ("/usr/share/tesseract-ocr/5/tessdata", "/usr/share/tesseract-ocr/4.00/tessdata",
                 "/usr/share/tessdata", "/usr/local/share/tessdata", "/opt/homebrew/share/tessdata")
THRESHOLDING = "2"           # Tesseract thresholding_method: 2 = Sauvola
PSM_RE = re.compile(r"--psm\s+(\d+)")


@dataclass
class PxWord:
    """A Tesseract word in pixels of the analysed image."""

    text: str
    x: int
    y: int
    w: int
    h: int
    conf: float


def tesseract_env() -> None:
    # one thread per Tesseract (process or engine): pages run in parallel instead (measured faster)
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")


@lru_cache(maxsize=1)
def tessdata_dir() -> Optional[str]:
    """The folder holding ``rus.traineddata`` (``TESSDATA_PREFIX`` first), or None."""
    prefix = os.environ.get("TESSDATA_PREFIX")
    dirs = ([prefix, str(Path(prefix) / "tessdata")] if prefix else []) + list(TESSDATA_DIRS)
    for d in dirs:
        if d and (Path(d) / "rus.traineddata").is_file():
            return d
    return None


@lru_cache(maxsize=1)
def _tesserocr() -> Any:
    """The tesserocr module when it imports and finds the language data, else None (also when
    ``ROADMAPS_OCR_ENGINE=command`` asks for the ``tesseract`` command)."""
    if tessdata_dir() is None or roadmaps_settings.load(need=["ocr_engine"]).ocr_engine == "command":
        return None
    tesseract_env()
    try:
        import tesserocr
    except Exception:        # not installed, or its libtesseract does not load: the command instead
        return None
    return tesserocr


_local = threading.local()


def _engine(lang: str, psm: int, whitelist: str = "") -> Any:
    """This thread's engine for ``lang`` (created once per character whitelist), set to page
    segmentation mode ``psm``."""
    tr = _tesserocr()
    engines = getattr(_local, "engines", None)
    if engines is None:
        engines = _local.engines = {}
    api = engines.get((lang, whitelist))
    if api is None:
        api = tr.PyTessBaseAPI(path=tessdata_dir(), lang=lang, oem=tr.OEM.LSTM_ONLY)
        # Sauvola (adaptive) thresholding: the global Otsu of the libtesseract a wheel bundles
        # (5.4+) drops whole text lines of a grainy or stamped page (a quarter of the words of
        # such a page, measured); on clean pages both read the same
        api.SetVariable("thresholding_method", THRESHOLDING)
        # no second pass over doubtful lines as white-on-black text: order tables print none, and
        # on a grainy copy most lines are doubtful (it cost an eighth of the recognition time)
        api.SetVariable("tessedit_do_invert", "0")
        if whitelist:       # honoured by the LSTM decoder since Tesseract 4.1
            api.SetVariable("tessedit_char_whitelist", whitelist)
        engines[(lang, whitelist)] = api
    api.SetPageSegMode(psm)
    return api


def has_capi() -> bool:
    """Whether OCR runs through tesserocr (else through the ``tesseract`` command)."""
    return _tesserocr() is not None


def _psm(config: str) -> int:
    m = PSM_RE.search(config)
    return int(m.group(1)) if m else 6


def tesseract_words(img: np.ndarray, lang: str, config: str,
                    rect: Optional[tuple[int, int, int, int]] = None, whitelist: str = "") -> list[PxWord]:
    """Words of a grey image (or of ``rect`` = x, y, w, h of it), boxes in the image's pixels;
    only characters of ``whitelist`` when one is given.

    A rectangle is cut out and read alone (Tesseract's own ``SetRectangle`` read a cut line
    worse than the same pixels as an image of their own).
    """
    if rect is not None:
        x, y, w, h = rect
        return [PxWord(p.text, p.x + x, p.y + y, p.w, p.h, p.conf)
                for p in tesseract_words(np.ascontiguousarray(img[y:y + h, x:x + w]), lang, config,
                                         whitelist=whitelist)]
    if _tesserocr() is None:
        if whitelist:
            config = f"{config} -c tessedit_char_whitelist={whitelist}"
        return _command_words(img, lang, config)
    return _capi_words(img, lang, config, whitelist)


def _capi_words(img: np.ndarray, lang: str, config: str, whitelist: str = "") -> list[PxWord]:
    from PIL import Image

    tr = _tesserocr()
    timeout = limits.tesseract_timeout()          # raises when the page's budget is spent
    api = _engine(lang, _psm(config), whitelist)
    api.SetImage(Image.fromarray(np.ascontiguousarray(img)))
    if not api.Recognize(int(timeout * 1000) if timeout > 0 else 0):
        raise RuntimeError("Tesseract timeout (page budget spent)")
    out: list[PxWord] = []
    it = api.GetIterator()
    level = tr.RIL.WORD
    if it is not None:
        for w in tr.iterate_level(it, level):
            try:
                text = w.GetUTF8Text(level)
                box = w.BoundingBox(level)
            except RuntimeError:                  # an empty word (a speck Tesseract gave up on)
                continue
            if not text or not text.strip() or box is None:
                continue
            x0, y0, x1, y1 = box
            c = w.Confidence(level)
            if c < 0:
                continue
            out.append(PxWord(text.strip(), int(x0), int(y0), int(x1 - x0), int(y1 - y0),
                              max(0.0, min(1.0, c / 100.0))))
    api.Clear()
    return out


def read_line(img: np.ndarray, lang: str, whitelist: str) -> tuple[str, float]:
    """One line of text in a grey image (page segmentation mode 7), only characters of
    ``whitelist``; the text and the lowest word confidence ("" and 0.0 when nothing is read)."""
    if _tesserocr() is None:
        config = f"--oem 1 --psm 7 -c tessedit_char_whitelist={whitelist}"
        words = _command_words(img, lang, config)
    else:
        words = _capi_words(img, lang, "--psm 7", whitelist)
    if not words:
        return "", 0.0
    return " ".join(w.text for w in words), min(w.conf for w in words)


def _command_words(img: np.ndarray, lang: str, config: str) -> list[PxWord]:
    import pytesseract

    tesseract_env()
    data = pytesseract.image_to_data(img, lang=lang, config=config, timeout=limits.tesseract_timeout(),
                                     output_type=pytesseract.Output.DICT)
    out = []
    for text, conf, x, y, w, h in zip(data["text"], data["conf"], data["left"], data["top"],
                                      data["width"], data["height"]):
        c = float(conf)
        if c < 0 or not str(text).strip():
            continue
        out.append(PxWord(str(text).strip(), int(x), int(y), int(w), int(h), max(0.0, min(1.0, c / 100.0))))
    return out


def osd(img: np.ndarray) -> Optional[tuple[int, float]]:
    """Tesseract OSD: clockwise degrees to turn the page upright and the confidence, None if it cannot tell."""
    tr = _tesserocr()
    if tr is None or not (Path(tessdata_dir() or "") / "osd.traineddata").is_file():
        return _command_osd(img)
    from PIL import Image

    limits.tesseract_timeout()                     # raises when the page's budget is spent
    api = _engine("osd", int(tr.PSM.OSD_ONLY))
    api.SetImage(Image.fromarray(np.ascontiguousarray(img)))
    found = api.DetectOrientationScript()
    api.Clear()
    if not found:
        return None
    return (360 - int(found["orient_deg"])) % 360, float(found["orient_conf"])


def _command_osd(img: np.ndarray) -> Optional[tuple[int, float]]:
    import pytesseract

    tesseract_env()
    try:
        found = pytesseract.image_to_osd(img, config="--psm 0", timeout=limits.tesseract_timeout(),
                                         output_type=pytesseract.Output.DICT)
    except pytesseract.TesseractError as e:   # too few characters, or no osd.traineddata
        log.debug("Tesseract OSD cannot tell the page's turn: %s", " ".join(str(e).split())[:200])
        return None
    return int(found.get("rotate", 0)) % 360, float(found.get("orientation_conf", 0))
