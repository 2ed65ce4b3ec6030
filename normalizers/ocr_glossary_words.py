"""A definition's full form read from a scan, mended with the glossary's words for the same short
form: a run of its words that is the glossary's misread ("профессиойа образовать дьные организации" ->
"профессиональные образовательные организации", ``with_glossary_words``), or the glossary's words
for a head a signature took ("организации Томской области" -> "профессиональные образовательные
организации Томской области", ``glossary_head``). Used by ``normalizers.ocr_definitions``."""
from __future__ import annotations

from rapidfuzz import fuzz

from normalizers.abbreviations import spells
from normalizers.morph import is_abbreviation
from normalizers.text import is_known_word

GLOSSARY_SPAN_RATIO = 80    # a run of a full form this like the glossary's words (rapidfuzz ratio) is them misread
# ... or this like them, word for word, when only the glossary's words make the full form spell its short form
SPELLING_SPAN_RATIO = 70
SPAN_MARKS = ".,;:`'’‚\"«»"


def _bare_word(word: str) -> str:
    return word.strip(SPAN_MARKS).lower()


def _word_for_word(span: list[str], wanted: list[str]) -> bool:
    """A run as many words long as the glossary's, each of its dictionary words the glossary's word
    at its place ("ищуэМьные разовательные организации" against "профессиональные образовательные
    организации")."""
    return len(span) == len(wanted) and all(_bare_word(w) == g.lower() for w, g in zip(span, wanted)
                                             if is_known_word(_bare_word(w)))


MIN_CUT_WORD = 5            # a word cut short by a scan keeps at least this many letters of its head


def _one_lost(span: list[str], wanted: list[str]) -> bool:
    """A run one word shorter than the glossary's, its first and last words the glossary's (or their
    heads, ``MIN_CUT_WORD`` letters or more: "профессиональ"), one inner word lost between."""
    if len(span) != len(wanted) - 1 or len(wanted) < 3:
        return False
    bare = [_bare_word(w) for w in span]
    low = [g.lower() for g in wanted]

    def same(a: str, b: str) -> bool:
        return a == b or (len(a) >= MIN_CUT_WORD and b.startswith(a))
    return any(all(same(a, b) for a, b in zip(bare, low[:k] + low[k + 1:])) for k in range(1, len(low) - 1))


def _with_lost_word(toks: list[str], wanted: list[str]) -> str | None:
    """``toks`` with a run that lost an inner word of the glossary's full form ``wanted`` (a
    signature over "образовательные": "профессиональ организации") replaced by the glossary's
    words, where the run holds a word no dictionary knows (a cut one); None without such a run."""
    n = len(wanted) - 1
    for i in range(len(toks) - n + 1):
        span = toks[i:i + n]
        if _one_lost(span, wanted) and not all(is_known_word(_bare_word(w)) for w in span if _bare_word(w)):
            tail = span[-1][len(span[-1].rstrip(",;")):]
            head = wanted[0][:1].upper() + wanted[0][1:] if span[0][:1].isupper() else wanted[0]
            return " ".join(toks[:i] + [head] + wanted[1:-1] + [wanted[-1] + tail] + toks[i + n:])
    return None


def with_glossary_words(full: str, words: str, short: str = "") -> str:
    """``full`` with the run of its words most like the glossary's full form ``words`` replaced by
    them, when the run is that like them (``GLOSSARY_SPAN_RATIO``) and holds a word that is no
    dictionary word (a scan's slip: "профессиойа образовать дьные организации Томской области" ->
    "профессиональные образовательные организации Томской области"); the document's own wording
    ("профессиональных образовательных организаций") stays. A run less like them
    (``SPELLING_SPAN_RATIO``) is taken only word for word (``_word_for_word``) and when ``full``
    spells its ``short`` form with the glossary's words and did not without them (a stamp over
    "профессиональные": "ищуэМьные разовательные организации Томской области"); so is a run that
    lost one inner word (``_with_lost_word``)."""
    toks, wanted = full.split(), words.split()
    lost = _with_lost_word(toks, wanted)
    if lost is not None:
        return lost
    best: tuple[float, int, int] | None = None
    for n in range(max(1, len(wanted) - 1), len(wanted) + 3):
        for i in range(len(toks) - n + 1):
            ratio = fuzz.ratio(" ".join(toks[i:i + n]).lower(), words.lower())
            if best is None or ratio > best[0]:
                best = (ratio, i, n)
    if best is None or best[0] < SPELLING_SPAN_RATIO:
        return full
    ratio, i, n = best
    span = toks[i:i + n]
    if all(is_known_word(_bare_word(w)) for w in span if _bare_word(w)):
        return full
    if span[0][:1].isupper():
        wanted[0] = wanted[0][:1].upper() + wanted[0][1:]
    tail = span[-1][len(span[-1].rstrip(",;")):]        # the comma after the run stays
    mended = " ".join(toks[:i] + wanted[:-1] + [wanted[-1] + tail] + toks[i + n:])
    if ratio >= GLOSSARY_SPAN_RATIO:
        return mended
    spelled = bool(short) and spells(short, mended) and not spells(short, full)
    return mended if spelled and _word_for_word(span, words.split()) else full


def glossary_head(short: str, full: str, words: str) -> str:
    """A full form that lost its first words (under a signature: "организации Томской области" for
    ПОО) and so no longer spells its acronym, where the glossary's full form ``words`` does and
    ends with the words it opens with: the glossary's words, then the rest of it ("профессиональные
    образовательные организации Томской области"); one whose head words a scan misread past mending
    before the glossary's last words read right ("разбвательные организации Гомской области"): the
    glossary's words, then the rest; one with a word misread past mending elsewhere ("профессноя
    ракетные организации"): the glossary's words."""
    if spells(short, full) or not spells(short, words):
        return full
    toks, wanted = full.split(), words.split()
    bare = [_bare_word(t) for t in toks]
    for k in range(min(len(toks), len(wanted) - 1), 0, -1):
        if bare[:k] == [w.lower() for w in wanted[-k:]]:
            tail = toks[k - 1][len(toks[k - 1].rstrip(",;")):]      # the comma after the overlap stays
            return " ".join(wanted[:-1] + [wanted[-1] + tail] + toks[k:])
    garbled = [bool(w) and not is_known_word(w) and not is_abbreviation(w) for w in bare]
    for j in range(1, len(wanted)):
        # "разбвательные организации Гомской области": the glossary's last words read right after no
        # more words than it has before them, each misread past mending (a stamp over the head)
        for k in range(min(len(wanted) - j, len(toks) - j), 0, -1):
            if bare[j:j + k] == [w.lower() for w in wanted[-k:]] and all(garbled[:j]):
                tail = toks[j + k - 1][len(toks[j + k - 1].rstrip(",;")):]
                return " ".join(wanted[:-1] + [wanted[-1] + tail] + toks[j + k:])
    if any(garbled):
        return words                    # "профессноя ракетные организации": misread past mending
    return full
