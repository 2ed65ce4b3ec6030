"""OCR, the words: Tesseract words with boxes and confidences, specks dropped, doubtful short tokens
and missed text read again (Russian, then English for Latin names and Roman numerals)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Optional, Sequence

import cv2
import numpy as np

from extractors.grid import Word
from extractors.ocr.settings import CYR_WORD_RE, DIGITS_RE, EDGE_NOISE, LATIN_MIN_CONF, LATIN_WORD_RE, MAX_RECHECK, MISSED_MIN_CONF, NOISE_CONFIDENCE, RECHECK_BELOW, RECHECK_CONFIG, RECHECK_MARGIN, RENDER_DPI, ROMAN_RE, SHORT_RECHECK_BELOW, TESS_CONFIG, TESS_LANG
from extractors.ocr.day_marks import day_ones
from extractors.ocr.engine import PxWord, read_line, tesseract_env, tesseract_words
from extractors.ocr.image import enlarged
from extractors.ocr.missed_blobs import MISSED_LINE_MAX_INCH, Box, joined_box, line_runs, uncovered_blobs
from extractors.ocr.roman import reread_period_numerals
from extractors.ocr.specks import drop_speck_tokens, strip_edge_specks
from extractors.ocr.walls import Wall, split_at_walls, trim_to_walls
from normalizers.ocr_fixes import scanned_word
from normalizers.text import ONE_LETTER_WORDS, is_known_word


def _tesseract_env() -> None:
    tesseract_env()


def _is_noise(text: str, conf: float) -> bool:
    if not text.strip():
        return True
    if any(ch.isalnum() for ch in text):
        return False
    # [ ]: a rule's remnant; ^ °: a speck; a backslash: a stroke's; © ® & * = # < >: a cloud of
    # toner specks (no Russian plan has them standing alone; "%", "№" and "+" for done do)
    return conf < NOISE_CONFIDENCE or set(text) <= set("|!'`\"_~.,:;[]‘’^°\\©®&*=#<>")


_PxWord = PxWord


def _tesseract_words(img: np.ndarray, lang: str, config: str) -> list[_PxWord]:
    return tesseract_words(img, lang, config)


def _is_suspicious(w: _PxWord) -> bool:
    """Short or odd tokens Tesseract reads badly in page context (lone numbers, Roman numerals)."""
    if w.conf < RECHECK_BELOW:
        return True
    return len(w.text) <= 3 and w.conf < SHORT_RECHECK_BELOW


STRIP_PAD, STRIP_GAP = 6, 24   # pixels of page round each crop, of white between crops


def _strip_of(clean: np.ndarray, boxes: list[tuple[int, int, int, int]]) -> tuple[np.ndarray, list[int]]:
    """The crops stacked one per line on a white strip (2x), with each crop's top in the strip."""
    pad, gap = STRIP_PAD, STRIP_GAP
    crops = [clean[max(0, y - pad):y + h + pad, max(0, x - pad):x + w + pad] for x, y, w, h in boxes]
    width = max(c.shape[1] for c in crops) + 2 * gap
    height = sum(c.shape[0] + gap for c in crops) + gap
    strip = np.full((height, width), 255, np.uint8)
    tops, y = [], gap
    for c in crops:
        strip[y:y + c.shape[0], gap:gap + c.shape[1]] = c
        tops.append(y)
        y += c.shape[0] + gap
    strip = cv2.resize(strip, None, fx=2, fy=2, interpolation=cv2.INTER_CUBIC)
    return strip, [2 * t for t in tops]


@dataclass
class _Group:
    """Neighbouring doubtful words on one line, read again as one crop ("Мио! 14$] kills")."""

    parts: list[_PxWord]

    @property
    def text(self) -> str:
        return " ".join(p.text for p in self.parts)

    @property
    def conf(self) -> float:
        return min(p.conf for p in self.parts)

    @property
    def x(self) -> int:
        return min(p.x for p in self.parts)

    @property
    def y(self) -> int:
        return min(p.y for p in self.parts)

    @property
    def w(self) -> int:
        return max(p.x + p.w for p in self.parts) - self.x

    @property
    def h(self) -> int:
        return max(p.y + p.h for p in self.parts) - self.y


def _wall_between(a: _PxWord, b: _PxWord, walls: Sequence[Wall]) -> bool:
    """A vertical rule runs between the middles of ``a`` and ``b`` (left to right) at their height."""
    lo, hi = a.x + a.w / 2, b.x + b.w / 2
    top, bottom = min(a.y, b.y), max(a.y + a.h, b.y + b.h)
    return any(lo < x < hi and y0 < bottom and y1 > top for x, y0, y1 in walls)


def _same_line_neighbours(a: _PxWord, b: _PxWord) -> bool:
    overlap = min(a.y + a.h, b.y + b.h) - max(a.y, b.y)
    gap = b.x - (a.x + a.w)
    return overlap > 0.5 * min(a.h, b.h) and 0 <= gap <= 1.2 * max(a.h, b.h)


def _merge_neighbours(doubtful: list[_PxWord], walls: Sequence[Wall] = ()) -> list[_Group]:
    """Doubtful words grouped with the doubtful word right after them on the same line, never
    across a vertical table rule (``walls``): the words of two cells are read apart, so that the
    text read again stays in its own cell."""
    groups: list[_Group] = []
    for w in doubtful:                       # Tesseract's order: line by line, left to right
        last = groups[-1].parts[-1] if groups else None
        if last is not None and _same_line_neighbours(last, w) and not _wall_between(last, w, walls):
            groups[-1].parts.append(w)
        else:
            groups.append(_Group([w]))
    return groups


def _reads_by_box(strip: np.ndarray, tops: list[int], lang: str) -> dict[int, tuple[str, float]]:
    """Text and (lowest) confidence the strip gives for each crop, by crop index."""
    by_box: dict[int, list[_PxWord]] = {}
    for r in _tesseract_words(strip, lang, RECHECK_CONFIG):
        cy = r.y + r.h / 2
        i = max((k for k, t in enumerate(tops) if t <= cy), default=None)
        if i is not None:
            by_box.setdefault(i, []).append(r)
    return {i: (" ".join(r.text for r in reading_order(rs)), min(r.conf for r in rs))
            for i, rs in by_box.items()}


def reading_order(reads: list[_PxWord]) -> list[_PxWord]:
    """Words of one crop line by line, left to right in a line: a crop two lines tall (a doubtful
    box over two lines of a cell) must not interleave its lines' words by their x alone ("положения
    Разработка о регионального" for "Разработка регионального / положения о")."""
    if not reads:
        return []
    half = sorted(r.h for r in reads)[len(reads) // 2] / 2
    lines: list[list[_PxWord]] = []
    for r in sorted(reads, key=lambda r: r.y + r.h / 2):
        cy = r.y + r.h / 2
        if lines and cy - (lines[-1][0].y + lines[-1][0].h / 2) <= half:
            lines[-1].append(r)
        else:
            lines.append([r])
    return [r for line in lines for r in sorted(line, key=lambda r: r.x)]


def _latin_reading_wins(old: str, latin: str, conf: float, russian: str = "") -> bool:
    """An English reading replaces a Russian one only where Russian cannot be right.

    Roman numerals, Latin words with letters Cyrillic has no look-alike for
    (WorldSkills, Russia), and digits where the Russian pass saw letters. Latin words never
    replace a Russian re-read of the same crop made of dictionary words and numbers ("до 1"
    read in English as "nol"), nor a "№" (English has no such sign and reads it "Ne:").
    """
    if conf < LATIN_MIN_CONF or latin == old:
        return False
    if ROMAN_RE.match(latin) or DIGITS_RE.match(latin):
        return not DIGITS_RE.match(old) and not CYR_WORD_RE.match(old.strip(".,;:()«»")) or len(old) <= 2
    return (all(LATIN_WORD_RE.match(t) for t in latin.split())
            and not all(CYR_WORD_RE.match(t.strip(".,;:()«»")) for t in old.split())
            and "№" not in old and not _plain_russian(russian))




def _digits_for_letters(old: str, new: str) -> bool:
    """Whether ``new`` reads numbers where ``old`` has lone letters that are no word ("до Т" and
    "до 1": a speck on a "1" makes it a "Т"), the other tokens the same."""
    a, b = old.split(), new.split()
    if len(a) != len(b) or a == b:
        return False
    return all(x == y or (len(x.rstrip(".,;:")) == 1 and x[0].isalpha() and x[0].lower() not in ONE_LETTER_WORDS
                          and y.strip(".,;:").isdigit()) for x, y in zip(a, b))


def _plain_russian(text: str) -> bool:
    """Whether ``text`` is Russian dictionary words and numbers only (at least one word)."""
    tokens = [t.strip(".,;:()«»") for t in text.split()]
    words = [t for t in tokens if not DIGITS_RE.match(t)]
    return bool(words) and all(CYR_WORD_RE.match(t) and is_known_word(t) for t in words)


def _read_runs(clean: np.ndarray, runs: list[Box], lang: str = TESS_LANG,
               lines: Optional[list[int]] = None) -> list[_PxWord]:
    """The words of missed lines (joined ``line_runs``), each with its own box on the page. A
    line's words are kept when the line reads at least ``MISSED_MIN_CONF`` surely (character-
    weighted); a low word among them keeps its low confidence. ``lines`` gives each box its line
    when the boxes are a line's blobs read one by one (``_read_blob_by_blob``); by default each
    box is a line."""
    if not runs:
        return []
    strip, tops = _strip_of(clean, runs)
    by_run: dict[int, list[_PxWord]] = {}
    for r in day_ones(_tesseract_words(strip, lang, RECHECK_CONFIG)):     # "до | июня": the "1" before the noise goes
        i = max((k for k, t in enumerate(tops) if t <= r.y + r.h / 2), default=None)
        if i is None or _is_noise(r.text, r.conf):
            continue
        x, y = max(0, runs[i][0] - STRIP_PAD), max(0, runs[i][1] - STRIP_PAD)
        px, py = r.x // 2 - STRIP_GAP + x, (r.y - tops[i]) // 2 + y
        by_run.setdefault(i, []).append(_PxWord(r.text, px, py, max(1, r.w // 2), max(1, r.h // 2), r.conf))
    by_line: dict[int, list[_PxWord]] = {}
    for i, ws in by_run.items():
        by_line.setdefault(lines[i] if lines else i, []).extend(ws)
    out = []
    for ws in by_line.values():
        chars = sum(len(w.text) for w in ws)
        if lines and not any(len(w.text) >= 3 and w.conf >= MISSED_MIN_CONF and is_known_word(w.text) for w in ws):
            continue          # read blob by blob, strokes give letters: a line needs a word
        if chars and sum(len(w.text) * w.conf for w in ws) / chars >= MISSED_MIN_CONF:
            out.extend(ws)
    return out


def _read_blob_by_blob(clean: np.ndarray, runs: list[list[Box]]) -> list[_PxWord]:
    """Missed lines read as a line gave nothing sure: their blobs (words) read one per strip line.
    Read in one piece, a Roman numeral beside a word can spoil the whole line ("III квартал" as
    "'ИГквартал", 0.13) and the line is lost; alone, "квартал" reads surely and the numeral is
    kept for ``roman.reread_period_numerals``. The same rule keeps a line (its words' character-
    weighted confidence at least ``MISSED_MIN_CONF``) and one more: a word of it the dictionary
    knows read surely — strokes read one by one give confident single letters."""
    boxes = [b for r in runs for b in r]
    if not boxes or len(boxes) > MAX_RECHECK:
        return []
    return _read_runs(clean, boxes, lines=[i for i, r in enumerate(runs) for _ in r])


def _inside(word: _PxWord, box: Box) -> bool:
    cx, cy = word.x + word.w / 2, word.y + word.h / 2
    return box[0] <= cx <= box[0] + box[2] and box[1] <= cy <= box[1] + box[3]


TALL_TOKEN_LINES = 1.8         # a doubtful token taller than this many text lines is not read again


def _line_height(words: list[_PxWord]) -> Optional[float]:
    """The median height of the surely read words (their text's line height), None when few."""
    heights = sorted(w.h for w in words if w.conf >= 0.8 and len(w.text) >= 3)
    return float(heights[len(heights) // 2]) if len(heights) >= 5 else None


def _overlap(a: _PxWord, b: _PxWord) -> float:
    """The share of the smaller of two boxes the other covers."""
    w = min(a.x + a.w, b.x + b.w) - max(a.x, b.x)
    h = min(a.y + a.h, b.y + b.h) - max(a.y, b.y)
    return 0.0 if w <= 0 or h <= 0 else w * h / max(1, min(a.w * a.h, b.w * b.h))


def _spans_line_of(token: _PxWord, word: _PxWord) -> bool:
    """Whether ``token``'s box reaches over the middle of ``word``'s line, beside or over it."""
    middle = word.y + word.h / 2
    across = min(token.x + token.w, word.x + word.w) - max(token.x, word.x)
    return token.y < middle < token.y + token.h and across > 0


def _block_reads(clean: np.ndarray, words: list[_PxWord], tall: list[_PxWord]) -> list[_PxWord]:
    """``words`` with the words read in the crops of ``tall`` tokens: a word read there that a
    surely read word already covers is that word a second time and goes; a doubtful word it
    covers is replaced by it."""
    sure = [w for w in words if not _is_suspicious(w)]
    found = [r for r in _read_runs(clean, [(t.x, t.y, t.w, t.h) for t in tall])
             if not any(_overlap(r, s) > 0.5 for s in sure)]
    kept = [w for w in words if not _is_suspicious(w) or not any(_overlap(w, r) > 0.5 for r in found)]
    return kept + found


FLAT_BOX_LINES = 0.35          # a word box lower than this share of a text line is broken


def _without_flat_twins(words: list[_PxWord], found: list[_PxWord], line_h: Optional[float]) -> list[_PxWord]:
    """``words`` without those whose box Tesseract broke down to a sliver (a couple of pixels high
    over a word of several letters: its ink counts as not read, ``uncovered_blobs``) where the
    missed-line reading ``found`` read that ink again: the same text would be there twice."""
    if line_h is None or not found:
        return words

    def twin(w: _PxWord, r: _PxWord) -> bool:
        inter = min(w.x + w.w, r.x + r.w) - max(w.x, r.x)
        return inter > 0.5 * min(w.w, r.w) and r.y - 2 <= w.y + w.h / 2 <= r.y + r.h + 2

    return [w for w in words if not (w.h < FLAT_BOX_LINES * line_h and len(w.text) > 1
                                     and any(twin(w, r) for r in found))]


def recheck_words(clean: np.ndarray, words: list[_PxWord], dpi: int,
                  walls: Sequence[Wall] = ()) -> list[_PxWord]:
    """Second look at doubtful and missed words: their crops OCR'd together, one per line.

    Out of page context and enlarged, lone numbers and short tokens are read
    better. The Russian re-read replaces a word when clearly more confident; an
    English re-read only where Russian cannot be right (``_latin_reading_wins``).
    Missed text of several words on a line is read a line at a time (``_read_runs``).
    """
    line_h = _line_height(words)
    tall: list[_PxWord] = []
    if line_h is not None:
        # a doubtful token as tall as two lines or more that reaches over the line of a surely read
        # word (specks joined to letters of several lines of a narrow cell) is no word: read again
        # as one, its crop gave those lines' words a second time; it goes, and its crop is read as
        # a block (words with their own boxes), keeping the words no surely read word stands on
        sure = [w for w in words if not _is_suspicious(w)]
        tall = [w for w in words if _is_suspicious(w) and w.h > TALL_TOKEN_LINES * line_h
                and any(_spans_line_of(w, s) for s in sure)]
        if tall:
            words = _block_reads(clean, [w for w in words if all(w is not t for t in tall)], tall)
    doubtful = _merge_neighbours([w for w in words if _is_suspicious(w)], walls)
    runs = line_runs(uncovered_blobs(clean, words, dpi, MISSED_LINE_MAX_INCH))
    wide = 2 * dpi        # a blob wider than this is words run together: a line, not a word
    missed = [r[0] for r in runs if len(r) == 1 and r[0][2] <= wide]
    long_runs = [r for r in runs if len(r) > 1 or r[0][2] > wide]
    lines = [joined_box(r) for r in long_runs]
    boxes = [(w.x, w.y, w.w, w.h) for w in doubtful] + missed
    if len(boxes) + len(lines) > MAX_RECHECK:
        return words
    found = _read_runs(clean, lines)
    # a line of several blobs that read as nothing sure: its words one by one
    found += _read_blob_by_blob(clean, [r for r, box in zip(long_runs, lines)
                                        if len(r) > 1 and not any(_inside(w, box) for w in found)])
    words = _without_flat_twins(words, found, line_h) + found
    if not boxes:
        return words
    strip, tops = _strip_of(clean, boxes)
    rus, eng = _reads_by_box(strip, tops, TESS_LANG), _reads_by_box(strip, tops, "eng")
    replaced = {id(p) for w in doubtful for p in w.parts}
    out = [w for w in words if id(w) not in replaced]
    for i, (x, y, w, h) in enumerate(boxes):
        old = doubtful[i] if i < len(doubtful) else None
        text, conf = (old.text, old.conf) if old else ("", 0.0)
        r_text, r_conf = rus.get(i, ("", 0.0))
        if r_text and not _is_noise(r_text, r_conf) and not _next_line_taken(old, r_text, words) and (
                r_conf > conf + RECHECK_MARGIN or (r_conf >= LATIN_MIN_CONF and _digits_for_letters(text, r_text))):
            text, conf = r_text, r_conf
        e_text, e_conf = eng.get(i, ("", 0.0))
        if e_text and _latin_reading_wins(text, e_text, e_conf, r_text):
            text, conf = e_text, e_conf
        if old is not None and text == old.text and old.conf < RECHECK_BELOW:
            text, conf = _alone_reading(clean, old, text, conf)
        if old is not None and text == old.text:
            out.extend(old.parts)            # nothing better: the words as first read
        elif text and (old is not None or conf >= MISSED_MIN_CONF):
            out.append(_PxWord(text, x, y, w, h, conf))
    return out


def _next_line_taken(old: _PxWord | None, text: str, words: list[_PxWord]) -> bool:
    """Whether a re-read of a word box has more words than the word, and one of those more is the
    start of a word read already whose box the old box reaches into: the crop took in the next
    line ("ГУ кв" for "гу" over "квартал"), which is read there already."""
    if old is None or len(text.split()) <= len(old.text.split()):
        return False
    extra = [t for t in text.split()[len(old.text.split()):] if len(t) >= 2]
    below = [w.text for w in words if w is not old and w.y > old.y and w.y < old.y + old.h
             and w.x < old.x + old.w and w.x + w.w > old.x]
    return any(b.startswith(t) for t in extra for b in below)


# marks a scan reads for a letter's strokes inside a short token ("[о" for "ПОО")
STROKE_MARKS_RE = re.compile(r"[\[\]|!{}()\\/]")
LETTERS_TOKEN_RE = re.compile(r"^[A-Za-zА-Яа-яЁё0-9№]+[.,;:]?$")


LOOKALIKE_FOLD = str.maketrans("0O3", "ООЗ")


def _lookalike_fold(text: str) -> str:
    """Text with digits and letters of one shape made one ("ООО", "000"); case kept ("Доин" is
    not "ДОиН")."""
    return text.translate(LOOKALIKE_FOLD)


def _alone_reading(clean: np.ndarray, old: _PxWord, text: str, conf: float) -> tuple[str, float]:
    """A doubtful word the strip read no better, read alone (enlarged, one line): its reading
    replaces the first when clearly surer, or when at least as sure and letters only where the
    first reading had marks for a letter's strokes ("[о" -> "ПОО")."""
    pad = STRIP_PAD
    crop = clean[max(0, old.y - pad):old.y + old.h + pad, max(0, old.x - pad):old.x + old.w + pad]
    if crop.size == 0:
        return text, conf
    a_text, a_conf = read_line(enlarged(crop), TESS_LANG, "")
    if not a_text or _is_noise(a_text, a_conf) or _lookalike_fold(a_text) == _lookalike_fold(text) \
            or sum(ch.isalnum() for ch in a_text) < 2 or (" " in a_text.strip() and " " not in text.strip()):
        # nothing new ("000" for "ООО"), a mark or a letter for a speck ("—", "я"), or words of the
        # next line a box too high took in ("ГУ кв" for "IV" above "квартал")
        return text, conf
    if a_conf > conf + RECHECK_MARGIN or (
            a_conf >= conf and STROKE_MARKS_RE.search(text) and LETTERS_TOKEN_RE.match(a_text)):
        return a_text, a_conf
    return text, conf


NESTED_SHARE = 0.8             # a word box this much inside another's is the same ink


TWIN_MARKS = ".,;:„“”«»\"'‚’`-"   # marks beside a word that make no other reading of it


def drop_nested_twins(words: list[_PxWord]) -> list[_PxWord]:
    """Words without a second reading of part of another word: Tesseract can find a text line
    twice (two overlapping blocks), "024" inside "2024", "год" inside "года"; a word whose box lies
    ``NESTED_SHARE`` inside a longer word's box and whose text is part of that word's goes, and of
    two readings of the same text in one place the less sure one ("2024" over "2024"). So does
    a flat ghost of a word: the same text, less surely read, in a box under half as tall that
    touches the word's box and spans it across (a "2024" 3 pt tall on the row rule above a sure
    "2024" landed in the row above)."""
    if len(words) < 2:
        return words
    x0 = np.array([w.x for w in words], np.int64)
    y0 = np.array([w.y for w in words], np.int64)
    x1, y1 = x0 + np.array([w.w for w in words]), y0 + np.array([w.h for w in words])
    texts = [w.text.strip(TWIN_MARKS) for w in words]       # "„Проведение" under "Проведение:"
    out = []
    for i, a in enumerate(words):
        iw = np.minimum(x1, x1[i]) - np.maximum(x0, x0[i])
        ih = np.minimum(y1, y1[i]) - np.maximum(y0, y0[i])
        near = np.nonzero((iw > 0) & (ih > 0) & (iw * ih >= NESTED_SHARE * a.w * a.h))[0]
        t = texts[i]
        if any(j != i and len(texts[j]) > len(t) > 0 and t in texts[j] for j in near):
            continue
        if t and any(j != i and texts[j] == t and (words[j].conf, -j) > (a.conf, -i) for j in near):
            continue                    # the same word read twice in one place: the surer reading stays
        touching = np.nonzero((iw >= NESTED_SHARE * np.minimum(x1 - x0, a.w)) & (ih >= 0) & (2 * a.h < y1 - y0))[0]
        if any(j != i and texts[j] == t and words[j].conf > a.conf for j in touching):
            continue
        out.append(a)
    return out


def ocr_words(grey: np.ndarray, pt_per_px: float, dpi: int = RENDER_DPI,
              lang: str = TESS_LANG, walls: Sequence[Wall] = ()) -> list[Word]:
    """Tesseract words (LSTM, Russian) with boxes in points and confidence in [0, 1]; specks read
    as tokens dropped and cut off word edges (``specks``), before and after the second look."""
    first = drop_nested_twins(drop_speck_tokens(_tesseract_words(grey, lang, TESS_CONFIG)))
    px_words = trim_to_walls(grey, strip_edge_specks(grey, drop_speck_tokens(recheck_words(grey, first, dpi, walls))),
                             list(walls))
    px_words = split_at_walls(grey, px_words, list(walls), dpi)
    px_words = day_ones(reread_period_numerals(grey, drop_nested_twins(px_words)))   # the second look's twins too
    words = []
    for w in px_words:
        text = w.text.lstrip(EDGE_NOISE) if len(w.text) > 1 else w.text
        if _is_noise(text, w.conf):
            continue
        k = pt_per_px
        words.append(Word(text=scanned_word(text), x0=w.x * k, top=w.y * k,
                          x1=(w.x + w.w) * k, bottom=(w.y + w.h) * k, confidence=w.conf))
    return words


def mean_confidence(words: Iterable[Word]) -> float:
    """Character-weighted mean confidence (long words weigh more than specks)."""
    ws = [(len(w.text), w.confidence) for w in words]
    total = sum(n for n, _ in ws)
    return sum(n * c for n, c in ws) / total if total else 0.0
