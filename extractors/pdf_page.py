"""One reading of a pdfplumber page: lean chars, ruling edges and images from one pdfminer pass.

pdfplumber's ``page.objects`` turns every pdfminer object into a dict of all its attributes,
each resolved recursively (colours, colour spaces, graphic state, matrix). On a text page that
is about half the time of reading the page (more than pdfminer's own interpretation of the
content stream) and none of it is read here. ``read_page`` walks pdfminer's layout of the page
once (``page.layout``, what ``page.objects`` walks too):

* a char (``LTChar``) becomes a dict with only what word grouping reads — text, box, font name,
  size, ``upright``, ``doctop`` — computed with the same arithmetic as pdfplumber's
  ``Page.process_object`` (top-left origin, MediaBox offset), so the words are pdfplumber's own
  words to the last bit (``tests/extractors/test_pdf_page.py`` holds them equal);
* every other object (lines, rects, curves, images) goes through ``page.process_object`` as it
  does in pdfplumber, and the ruling edges are made by pdfplumber's own ``line_to_edge``,
  ``rect_to_edges``, ``curve_to_edges`` — the ``page.edges`` list, in the same order;
* words come from pdfplumber's ``extract_words`` over those chars.

A PDF opened with layout analysis (``laparams``) is read through ``page.objects`` as before.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from itertools import chain
from typing import Any

WORD_ATTRS = ["fontname", "size"]   # a change of font or size starts a new word


@dataclass
class PageObjects:
    """What one reading of a page gives: words, ruling edges, images, and whether anything is drawn."""

    words: list[dict[str, Any]]
    edges: list[dict[str, Any]]
    images: list[dict[str, Any]] = field(default_factory=list)
    drawn: bool = False          # any object at all on the page (text, path, image)


def _lean_char(obj, height: float, mb_x0: float, mb_top: float, doctop0: float,
               unicode_norm) -> dict[str, Any]:
    """The keys of pdfplumber's char dict that word grouping reads, as ``process_object`` computes them."""
    text = obj.get_text()
    if unicode_norm is not None:               # pdfplumber.open(..., unicode_norm="NFC")
        text = unicodedata.normalize(unicode_norm, text)
    fontname = obj.fontname
    if isinstance(fontname, bytes):            # rare byte-encoded font names
        from pdfplumber.page import fix_fontname_bytes

        fontname = fix_fontname_bytes(fontname)
    top = (height - obj.y1) + mb_top
    x0, x1 = obj.x0, obj.x1
    if mb_x0 != 0:
        x0, x1 = x0 + mb_x0, x1 + mb_x0
    return {"object_type": "char", "text": text, "fontname": fontname, "size": obj.size,
            "upright": obj.upright, "x0": x0, "x1": x1, "top": top,
            "bottom": (height - obj.y0) + mb_top, "doctop": doctop0 + top,
            "width": obj.width, "height": obj.height}


def _objects(page) -> dict[str, list[dict[str, Any]]]:
    """``page.objects`` with lean chars (see the module docstring)."""
    from pdfminer.layout import LTChar, LTContainer

    if page.pdf.laparams is not None:        # containers are objects of their own then
        return page.objects
    height, (mb_x0, mb_top) = page.height, page.mediabox[:2]
    doctop0, norm = page.initial_doctop, page.pdf.unicode_norm
    out: dict[str, list[dict[str, Any]]] = {"char": []}
    chars = out["char"]
    stack = [iter(page.layout)]          # an LTContainer iterates over its objects
    while stack:
        for obj in stack[-1]:
            if isinstance(obj, LTChar):
                chars.append(_lean_char(obj, height, mb_x0, mb_top, doctop0, norm))
            elif isinstance(obj, LTContainer):     # LTFigure: its children, like pdfplumber
                stack.append(iter(obj))
                break
            else:
                o = page.process_object(obj)
                if o["object_type"] != "anno":
                    out.setdefault(o["object_type"], []).append(o)
        else:
            stack.pop()
    return out


def read_page(page) -> PageObjects:
    """Words (with font name and size), ruling edges and images of one pdfplumber page, read once."""
    from pdfplumber import utils

    objs = _objects(page)
    words = utils.extract_words(objs.get("char", []), keep_blank_chars=False, use_text_flow=False,
                                extra_attrs=WORD_ATTRS)
    edges = (list(map(utils.line_to_edge, objs.get("line", [])))
             + list(chain.from_iterable(utils.rect_to_edges(r) for r in objs.get("rect", [])))
             + list(chain.from_iterable(utils.curve_to_edges(c) for c in objs.get("curve", []))))
    return PageObjects(words=words, edges=edges, images=objs.get("image", []),
                       drawn=any(objs.values()))
