"""OCR, junk tokens: clouds of toner specks that Tesseract read as short words.

A photocopy's speck clouds and toner debris are big enough to pass the size test of ``specks`` (a
cloud is as tall as a letter) but Tesseract reads them as short, unsure tokens ("хз", "р", "Ц",
"-1„-", "рь®", a whole line "вы А % 2%."). Real short tokens are kept: they are read surely, or
they have the shape of text that belongs in a plan — a number or a date ("1", "1.2"), "№", a Roman
numeral (or its Cyrillic misreading, "Ш квартал"), a one-letter Russian word ("и", "в"), an
initial or an abbreviation with its dot ("А.", "г.", "(по"), a dictionary word or a capitalised
abbreviation ("по", "РБ", "ПОО", "поо").

A token is junk (``is_junk``) when it is unsure (below ``JUNK_BELOW``), short (at most ``SHORT``
letters or digits) and has none of the shapes above: it carries a mark no plan puts inside a
short word (``ODD_MARKS``) or more marks than characters, or its letters are no word (letters
only, read at least ``ABBREV_DOUBT`` surely and as high as text, pass for an abbreviation no
dictionary knows). A token with a text's shape is kept however badly it is read and whatever its
box (a tall, barely read "ф." is often an item number "1." that the number repair reads back),
but letters alone read barely (below ``ABBREV_DOUBT``) in a box ``STROKE_SHARE`` text heights
tall, or as wide a letter, are a signature's loops ("СЖ" over four lines).

A word the page reads surely elsewhere (``sure_vocabulary``: "поо" where "ПОО" is sure) is text.
A line (``junk_lines``) of at least ``LINE_RUN`` unsure tokens of one or two letters or digits
side by side, none of them sure, with a mean below ``LINE_MEAN_BELOW``, half of them or more
without a text's shape, is a speck cloud as a whole, shapes or not; so is such a stack of tokens
one under the other (``junk_stacks``: a cloud down a cell read as lines of one token each).

``drop_junk`` returns the words kept and the tokens dropped (the caller flags where they were);
``drop_junk_words`` does the same for a page's words in points, once the item-number column has
been read again (``numbers``: a number misread with marks, "<.-2", is read back there first).
"""

from __future__ import annotations

import re
from typing import Optional

import numpy as np

from extractors.grid import Word
from extractors.ocr.engine import PxWord
from extractors.ocr.settings import ROMAN_RE
from extractors.ocr.specks import reference_heights
from normalizers.ocr_fixes import ROMAN_HEADING_MISREAD, ROMAN_LOOKALIKE
from normalizers.text import ONE_LETTER_WORDS, is_known_word

JUNK_BELOW = 0.6          # a token read at least this surely is kept whatever it is
SHORT = 3                 # letters/digits of a short token
ABBREV_DOUBT = 0.3        # letters-only tokens no dictionary knows are doubted below this
LETTERS_SHARE = 0.5       # ... or when lower than this share of the text height
TALL_SHARE = 1.3          # a box this many times the text height around it is not a letter's
STROKE_SHARE = 2.5        # letters read barely in a box this many text heights tall, or this many wide a
                          # letter, are a signature's strokes, whatever their shape
LINE_TOKEN = 2            # tokens of at most this many letters or digits ...
LINE_RUN = 3              # unsure short tokens side by side that make a speck line ...
LINE_MEAN_BELOW = 0.45    # ... when their mean confidence is below this
LINE_SHAPELESS = 0.5      # ... and at least this share of them has no text's shape
STACK_GAP_SHARE = 0.5     # tokens one under the other at most this many text heights apart
LINE_GAP_SHARE = 4.0      # neighbours on a line are at most this many text heights apart
WRAP = "()[]«»\"“”„'‘’`.,;:!?-–—"
ODD_MARKS = set("©®&$#*=<>|^°~_@{}\\/„“”‘’`+%")
NUMBER_RE = re.compile(r"^\d+([.,/]\d+)*[.,]?$")
INITIAL_RE = re.compile(r"^[А-ЯЁA-Z]\.$")
ABBREV_RE = re.compile(r"^[А-Яа-яЁё]{1,3}\.$")        # "г.", "им.", "ст."
CAPS_RE = re.compile(r"^[А-ЯЁ]{2,3}$")               # "РБ", "ПОО", "СМИ"
GLUE_RE = re.compile(r"(?<=[\w)»\]])[’'`‚^°]+(?=\w)")    # a speck's mark between two words


EDGE_SPECKS = "*°^~_"      # a speck's mark at the edge of a word of letters, like a stray stop ("ПОО:*")


def _core(text: str) -> str:
    core = text.strip(WRAP)
    bare = core.strip(WRAP + EDGE_SPECKS)
    return bare if len(bare) >= 2 and bare.isalpha() else core


def roman_lookalike(core: str) -> bool:
    """Whether ``core`` may be a Roman numeral (or a range of two) as OCR misreads them in
    Cyrillic ("Ш", "И-Ш", "ТУ"): ``normalizers.ocr_fixes`` reads them back in context."""
    parts = re.split(r"[-–—,]", core)
    return all(p in ROMAN_HEADING_MISREAD or 0 < len(p) <= 4 and all(ch in ROMAN_LOOKALIKE for ch in p)
               for p in parts)


def has_text_shape(text: str) -> bool:
    """Whether a short token is shaped like text a plan has: a number, "№", a Roman numeral, a
    one-letter word, an initial or abbreviation with its dot, a dictionary word, a capitalised
    abbreviation (or the same in lower case, as OCR reads small capitals), or two of these a
    speck's mark glued ("ПК)’и"); a mark at its edge ("„2", "`№") is debris, but more marks than
    characters ("-1„-") or an odd mark inside are not text."""
    core = _core(text)
    chars = sum(ch.isalnum() or ch == "№" for ch in text)
    marks = sum(not (ch.isalnum() or ch in ".,№") for ch in text)
    parts = GLUE_RE.split(core)
    if len(parts) == 2 and all(any(ch.isalpha() for ch in p) and has_text_shape(p) for p in parts):
        return True                     # two words a speck glued ("ПК)’и": "ПК)" and "и")
    if not core or marks > chars or any(ch in ODD_MARKS for ch in core):
        return False
    if NUMBER_RE.match(core) or core == "№" or ROMAN_RE.match(core) or roman_lookalike(core):
        return True
    t = text.strip(WRAP.replace(".", ""))
    if INITIAL_RE.match(t) or ABBREV_RE.match(t):
        return True
    if len(core) == 1:
        return core.lower() in ONE_LETTER_WORDS
    if not core.isalpha():
        return False
    return CAPS_RE.match(core.upper()) is not None and (core.isupper() or is_known_word(core)) \
        or is_known_word(core)


def _short(text: str) -> bool:
    return sum(ch.isalnum() for ch in text) <= SHORT


def sure_vocabulary(words: list[PxWord]) -> set[str]:
    """The page's own words read surely (in lower case): an unsure "поо" is kept where "ПОО" is
    read surely on the same page."""
    return {c.lower() for w in words if w.conf >= JUNK_BELOW and len(c := _core(w.text)) >= 2}


def is_junk(w: PxWord, ref_h: float, vocabulary: frozenset[str] | set[str] = frozenset()) -> bool:
    """Whether token ``w`` is a speck cloud read as text where the text is ``ref_h`` high (a
    word the page reads surely elsewhere, ``vocabulary``, is text)."""
    if w.conf >= JUNK_BELOW or not _short(w.text) or not any(ch.isalnum() for ch in w.text) \
            and not any(ch in ODD_MARKS for ch in w.text):
        return False
    core = _core(w.text)
    if core.lower() in vocabulary:
        return False
    if core.isalpha() and w.conf < ABBREV_DOUBT and (w.h > STROKE_SHARE * ref_h or w.w > STROKE_SHARE * ref_h * len(core)):
        return True                     # a signature's loops read as letters ("СЖ" four lines high)
    if has_text_shape(w.text):
        return False
    # letters only, read fairly and text-high: an abbreviation no dictionary knows ("поо")
    return not (core.isalpha() and len(core) >= 2 and w.conf >= ABBREV_DOUBT
                and LETTERS_SHARE * ref_h <= w.h <= TALL_SHARE * ref_h)


def _weak(w: PxWord) -> bool:
    """An unsure token of at most ``LINE_TOKEN`` letters or digits (three letters may be a word's
    piece: a header's "рок" of "Срок")."""
    return w.conf < JUNK_BELOW and sum(ch.isalnum() for ch in w.text) <= LINE_TOKEN


def junk_lines(words: list[PxWord], ref: np.ndarray) -> set[int]:
    """Indices of tokens in runs of ``LINE_RUN`` or more unsure short tokens side by side on a
    line with no sure word between them (a speck cloud read as a line)."""
    out: set[int] = set()
    order = sorted(range(len(words)), key=lambda i: (words[i].x))
    used: set[int] = set()
    for i in order:
        if i in used or not _weak(words[i]):
            continue
        run, last = [i], words[i]
        for j in order:
            w = words[j]
            if j in used or j == i or w.x < last.x + last.w - 1:
                continue
            overlap = min(last.y + last.h, w.y + w.h) - max(last.y, w.y)
            if overlap <= 0.5 * min(last.h, w.h):
                continue
            if w.x - (last.x + last.w) > LINE_GAP_SHARE * float(ref[i]):
                break
            if not _weak(w):
                break
            run.append(j)
            last = w
        used.update(run)
        if _cloud(words, run):
            out.update(run)
    return out


def _stacked(a: PxWord, b: PxWord, ref_h: float) -> bool:
    """Whether ``b`` lies right under or over ``a`` (columns overlap, at most ``STACK_GAP_SHARE``
    of the text height between them)."""
    overlap = min(a.x + a.w, b.x + b.w) - max(a.x, b.x)
    gap = max(a.y, b.y) - min(a.y + a.h, b.y + b.h)
    return overlap > 0 and gap <= STACK_GAP_SHARE * ref_h


def junk_stacks(words: list[PxWord], ref: np.ndarray) -> set[int]:
    """Indices of tokens in stacks of ``LINE_RUN`` or more unsure short tokens one under the other
    (a speck cloud down a cell read as lines of one token each), judged as ``junk_lines``."""
    weak = [i for i, w in enumerate(words) if _weak(w)]
    out: set[int] = set()
    seen: set[int] = set()
    for i in weak:
        if i in seen:
            continue
        group, todo = [], [i]
        seen.add(i)
        while todo:
            k = todo.pop()
            group.append(k)
            for j in weak:
                if j not in seen and _stacked(words[k], words[j], float(ref[k])):
                    seen.add(j)
                    todo.append(j)
        if _cloud(words, group):
            out.update(group)
    return out


def _cloud(words: list[PxWord], group: list[int]) -> bool:
    """Enough unsure tokens, read badly on the whole, half of them without a text's shape."""
    shapeless = sum(not has_text_shape(words[k].text) for k in group)
    return len(group) >= LINE_RUN and float(np.mean([words[k].conf for k in group])) < LINE_MEAN_BELOW \
        and shapeless >= LINE_SHAPELESS * len(group)


def drop_junk(words: list[PxWord]) -> tuple[list[PxWord], list[PxWord]]:
    """``words`` split into those kept and the junk tokens dropped (``is_junk``, ``junk_lines``)."""
    ref: Optional[np.ndarray] = reference_heights(words)
    if ref is None:
        return words, []
    vocabulary = sure_vocabulary(words)
    bad = junk_lines(words, ref) | junk_stacks(words, ref) | {i for i, (w, h) in enumerate(zip(words, ref))
                                    if is_junk(w, float(h), vocabulary)}
    return ([w for i, w in enumerate(words) if i not in bad],
            [w for i, w in enumerate(words) if i in bad])


def drop_junk_words(words: list[Word], keep: frozenset[int] | set[int] = frozenset()
                    ) -> tuple[list[Word], list[Word]]:
    """``drop_junk`` over a page's words in points (every test is against the text height around
    a token, so the scale does not matter): the words kept and the junk dropped. Words whose id
    is in ``keep`` (an item-number cell read as no number: kept as read, marked doubtful) stay."""
    boxes = [PxWord(w.text, w.x0, w.top, w.x1 - w.x0, w.bottom - w.top, w.confidence)  # type: ignore[arg-type]
             for w in words]
    _kept, dropped = drop_junk(boxes)
    bad = {id(b) for b, w in zip(boxes, words) if id(w) not in keep} & {id(b) for b in dropped}
    return ([w for w, b in zip(words, boxes) if id(b) not in bad],
            [w for w, b in zip(words, boxes) if id(b) in bad])
