"""The full form of a short form: the noun phrase before a definition marker whose initials
(or lemmas) spell the short form, found word by word and put into the nominative with pymorphy3.
As a scan reads it: a lone "й" between words (no Russian word) is passed over as the conjunction
"и", and a speck glued after a preposition ("с.государственным") does not open the phrase.

Used by ``normalizers.abbreviations`` (definitions in a document's text) and by the OCR party
repairs (``spells``: does a full name spell an acronym).
"""
from __future__ import annotations

import re

from normalizers.morph import (
    is_abbreviation,
    is_modifier,
    is_noun,
    is_participle,
    lemma,
    parses,
    to_nominative,
)

PREPOSITIONS = {"в", "во", "на", "по", "с", "со", "для", "при", "о", "об", "к", "ко", "от", "из", "под",
                "над", "за", "между", "через", "до", "у", "без"}
# "й" alone is no Russian word: a scan's "и" with a speck over it ("образования й науки")
SKIPPABLE = PREPOSITIONS | {"и", "й"}
CONTINUATION_LEMMAS = {"подведомственный", "подчинённый", "подчиненный", "который"}
TOKEN_RE = re.compile(r"«[^«»]*(?:«[^«»]*»[^«»]*)*»|\"[^\"]*\"|\([^()]*\)|[A-Za-zА-Яа-яЁё0-9]+(?:-[A-Za-zА-Яа-яЁё0-9]+)*|[^\sA-Za-zА-Яа-яЁё0-9]")


# ---------------------------------------------------------------- tokens

class Tok:
    """A token of the context before a definition marker."""

    __slots__ = ("text", "start", "end")

    def __init__(self, text: str, start: int, end: int) -> None:
        self.text, self.start, self.end = text, start, end

    @property
    def is_word(self) -> bool:
        return self.text[:1].isalnum()

    @property
    def is_group(self) -> bool:
        return self.text[:1] in "«\"("

    def __repr__(self) -> str:
        return f"Tok({self.text!r})"


def tokens(text: str) -> list[Tok]:
    return [Tok(m.group(), m.start(), m.end()) for m in TOKEN_RE.finditer(text)]


def fold(s: str) -> str:
    return s.lower().replace("ё", "е")


# ---------------------------------------------------------------- acronym alignment

def acronym_letters(short: str) -> list[str]:
    """Letters an acronym stands for: capitals and inner lower-case conjunction letters ("ДТиЗН КО")."""
    letters = []
    for part in short.split():
        if not is_abbreviation(part):
            return []
        letters.extend(c for c in part if c.isalpha())
    return letters


def _word_options(word: str, letters: list[str], li: int) -> list[int]:
    """How many letters (ending at li) this word can stand for, most natural first."""
    w = fold(word)
    opts: list[int] = []
    parts = [p for p in w.split("-") if p]
    initials = [p[0] for p in parts]
    n = len(initials)
    if n > 1 and li - n + 1 >= 0 and [fold(c) for c in letters[li - n + 1: li + 1]] == initials:
        opts.append(n)
    if letters[li].lower() == w[0] or (fold(letters[li]) == w[0]):
        opts.append(1)
    if li >= 1 and len(parts) == 1 and _compound_initials(w, [fold(c) for c in letters[li - 1: li + 1]]):
        opts.append(2)
    return opts


def _compound_initials(word: str, pair: list[str]) -> bool:
    """Whether a compound word starts two letters of an acronym ("общеобразовательных" -> "ОО").

    The second stem must follow a linking vowel: обще|образовательных, много|функциональный.
    """
    if word[0] != pair[0]:
        return False
    for pos in range(3, len(word) - 3):
        if word[pos] == pair[1] and word[pos - 1] in "оеи":
            return True
    return False


def align_acronym(letters: list[str], toks: list[Tok], end: int) -> int | None:
    """Start index of words toks[start..end] whose initials spell letters, or None."""

    def rec(li: int, ti: int) -> int | None:
        if li < 0:
            return ti + 1
        if ti < 0:
            return None
        tok = toks[ti]
        if tok.text == "," and ti != end and li < len(letters) - 1:
            return rec(li, ti - 1)   # "Министерство труда, занятости и социальной защиты (МТЗиСЗ)"
        if not tok.is_word:
            return None
        for k in _word_options(tok.text, letters, li):
            got = rec(li - k, ti - 1)
            if got is not None:
                return got
        if fold(tok.text) in SKIPPABLE and ti != end:
            return rec(li, ti - 1)
        return None

    return rec(len(letters) - 1, end)


def _find_acronym_span(short: str, toks: list[Tok]) -> tuple[int, int] | None:
    """Rightmost (start, end) token span spelling the acronym."""
    letters = acronym_letters(short)
    if len(letters) < 2:
        return None
    for end in range(len(toks) - 1, -1, -1):
        if not toks[end].is_word:
            continue
        start = align_acronym(letters, toks, end)
        if start is not None:
            return start, end
    return None


def _find_lemma_span(short: str, toks: list[Tok]) -> tuple[int, int] | None:
    """Rightmost span whose lemmas equal the short form's lemmas ("Координационный совет")."""
    want = [lemma(w) for w in re.findall(r"[A-Za-zА-Яа-яЁё-]+", short) if not is_abbreviation(w)]
    if not want:
        return None
    words = [i for i, t in enumerate(toks) if t.is_word]
    for j in range(len(words) - len(want), -1, -1):
        idx = words[j: j + len(want)]
        if idx[-1] - idx[0] != len(want) - 1:
            continue
        if all(_lemma_match(toks[i].text, w) for i, w in zip(idx, want)):
            return idx[0], idx[-1]
    return None


def _lemma_match(word: str, want: str) -> bool:
    return any(fold(p.normal_form) == fold(want) for p in parses(word))


# ---------------------------------------------------------------- noun-phrase boundaries

def _segment_start(toks: list[Tok]) -> int:
    """Index after the last comma/semicolon/colon, skipping back over participial continuations."""
    cut = 0
    for i in range(len(toks) - 1, -1, -1):
        if toks[i].text in ",;:":
            nxt = _first_word(toks, i + 1)
            if nxt is not None and _is_continuation(toks[nxt].text):
                continue
            cut = i + 1
            break
    while cut < len(toks) and not (toks[cut].is_word or toks[cut].is_group):
        cut += 1
    return cut


def _first_word(toks: list[Tok], i: int) -> int | None:
    for j in range(i, len(toks)):
        if toks[j].is_word:
            return j
        if toks[j].is_group:
            return None
    return None


def _is_continuation(word: str) -> bool:
    """A lower-case participle or "подведомственные"-like word continuing the previous name."""
    if not word[:1].islower():
        return False
    if is_participle(word):
        return True
    return any(p.normal_form in CONTINUATION_LEMMAS for p in parses(word))


def _only_modifiers(toks: list[Tok], start: int, end: int) -> bool:
    words = [t for t in toks[start:end]]
    return bool(words) and all(t.is_word and is_modifier(t.text) and not is_noun(t.text) for t in words)


def _genitive_tail(toks: list[Tok], start: int) -> bool:
    """Whether toks[start:] is a tail of genitive words and quoted names (no preposition, no comma)."""
    for t in toks[start:]:
        if t.is_group:
            continue
        if not t.is_word:
            return False
        if fold(t.text) in PREPOSITIONS:
            return False
        if not is_abbreviation(t.text) and not any(p.tag.case == "gent" for p in parses(t.text)):
            return False
    return True


def _extend_left_modifiers(toks: list[Tok], start: int) -> int:
    while start > 0 and toks[start - 1].is_word and is_modifier(toks[start - 1].text) \
            and not is_noun(toks[start - 1].text) and toks[start - 1].text[:1].islower() is not None:
        start -= 1
    return start


def _trim_fallback(toks: list[Tok], start: int) -> int:
    """Drop a leading governing noun and preposition ("Совещание с руководителями …")."""
    for i in range(start, len(toks)):
        if toks[i].is_group:
            break
        if toks[i].is_word and fold(toks[i].text) in PREPOSITIONS and i + 1 < len(toks):
            return i + 1
    return start


def _same_head(short: str, toks: list[Tok], start: int) -> int | None:
    """Where a syllabic short form the text does not spell (a scan misread a letter: "Минабрнауки
    РБ") starts its name: the last capitalised word after ``start`` that opens with the short
    form's first three letters ("Министерство …"); None when there is none."""
    head = short.split()[0] if short.split() else ""
    if not (head[:1].isupper() and len(head) >= 5 and not head.isupper()):
        return None
    key = fold(head)[:3]
    hits = [i for i in range(start, len(toks))
            if toks[i].is_word and toks[i].text[:1].isupper() and fold(toks[i].text)[:3] == key]
    return hits[-1] if hits else None


# a legal form of an institution in capitals ("КГАУ", "ГБПОУ", "МБОУ"): a kind of "учреждение"
LEGAL_FORM_RE = re.compile(r"[ГФОКМЧН][А-ЯЁ]{1,5}У")
QUALIFIERS = {"ДПО", "ДО", "ПО", "СПО", "ВО", "НПО"}     # the education a legal form is qualified by
SPECK_MARKS = {".", ",", "’", "'", "`", "‚"}


def _legal_form_before(toks: list[Tok], start: int) -> int:
    """``start`` moved back over a legal form and its qualifiers just before the name ("КГАУ ДПО"
    before "Красноярский краевой институт …" whose quotes a scan lost; a speck's mark between them
    passed over): the name's kind is part of its full form, as inside quotes it is."""
    i, found = start - 1, start
    while i >= 0:
        text = toks[i].text
        if text in SPECK_MARKS or text in QUALIFIERS:
            i -= 1
            continue
        if LEGAL_FORM_RE.fullmatch(text):
            found = i
        break
    return found


def _is_verb(word: str) -> bool:
    """A verb form that opens an introductory sentence ("Определить", "создать", "назначить")."""
    found = parses(word)
    return bool(found) and found[0].tag.POS in ("INFN", "VERB") and found[0].score >= 0.5


def _skip_leading_verbs(toks: list[Tok], start: int, end: int) -> int:
    """ "Определить краевое … учреждение «…» (далее – РКЦ)": the name starts after the verb."""
    while start < end and toks[start].is_word and _is_verb(toks[start].text):
        start += 1
    return start


def full_form(context: str, short: str, adjacent: bool) -> tuple[str, int, str] | None:
    """Full wording of short from the text before its marker, where it starts, and how it was found.

    A « no » closes before the marker lost its closing quote (a scan's, or a typist's slip): the
    quoted name runs up to the marker, so the name's head before it stays in the full form."""
    if context.count("«") > context.count("»"):
        context = context.rstrip() + "»"
    toks = tokens(context)
    if not toks:
        return None
    seg = _segment_start(toks)
    span = _find_acronym_span(short, toks) or None
    kind = "acronym"
    if span is None and adjacent and (first := syllabic_start(short, toks)) is not None:
        span, kind = (first, len(toks) - 1), "syllabic"     # "… Республики Башкортостан (далее – Минобрнауки РБ)"
    if span is None:
        span = _find_lemma_span(short, toks)
        kind = "lemma"
    if span is not None:
        start, end = span
        if kind == "lemma":
            start = _extend_left_modifiers(toks, start)
            end = len(toks) - 1
        elif adjacent and end + 1 < len(toks) and _genitive_tail(toks, end + 1):
            end = len(toks) - 1
        if start > seg and _only_modifiers(toks, seg, start):
            start = seg
    else:
        start, end, kind = _trim_fallback(toks, seg), len(toks) - 1, "fallback"
        start = _same_head(short, toks, start) or start
    start = _skip_leading_verbs(toks, start, end)
    start = _legal_form_before(toks, start)
    while start < end and not (toks[start].is_word or toks[start].is_group):
        start += 1                # a speck glued after a preposition ("с.государственным")
    if start > end or start >= len(toks):
        return None
    text = context[toks[start].start: toks[end].end]
    text = re.sub(r"\s+", " ", text).strip(" ,;:-–—")
    if not text:
        return None
    return to_nominative(text), toks[start].start, kind


REGION_KIND_STEMS = ("област", "кра", "округ", "республик")


def _region_code_at(caps: list[str], toks: list[Tok], i: int) -> bool:
    """Whether the capitals after a syllabic short form ("НСО", "ЯНАО") are a region's code whose
    letters are no initials of its words, ending the name at token ``i``: the region's adjective
    and its kind ("Новосибирской области"), the code opening with the adjective's first letter and
    ending with the kind's, longer than the two words' initials."""
    if len(caps) < 3 or i < 1 or not (toks[i].is_word and toks[i - 1].is_word):
        return False
    adj, kind = fold(toks[i - 1].text), fold(toks[i].text)
    return kind.startswith(REGION_KIND_STEMS) and adj[:1] == fold(caps[0]) and kind[:1] == fold(caps[-1]) \
        and toks[i - 1].text[:1].isupper()


SYLLABIC_SLIPS = 1       # letters of a syllabic form's pieces a scan's word may have misread ("тарговли") ...
MIN_SLIPPED_PIECE = 4    # ... in a piece of at least this many letters, never its first


def syllabic_start(short: str, toks: list[Tok], slips: int = SYLLABIC_SLIPS) -> int | None:
    """Start of the words a syllabic abbreviation stands for, ending at the last token (a piece of
    four letters or more may differ from its word's head in one letter but the first, once, where
    no start reads it exactly: "торг" of a scan's "тарговли"):
    "Минпромторг ПК" = Мин|истерство пром|ышленности (и) торг|овли П|ермского к|рая, each piece
    of the compound a prefix of the next content word, capitals after it initials."""
    parts = short.split()
    head, caps = fold(parts[0]), [c for p in parts[1:] for c in p]
    if not (parts[0][:1].isupper() and parts[0][1:].islower() and len(head) >= 5) \
            or not all(p.isupper() for p in parts[1:]):
        return None
    # a comma or a speck's mark between the words ("промышленности, торговли", "Пермского: края") is passed
    # over, and so is a lone digit a scan read a speck as ("Министерство 5 / промышленности")
    kept = [k for k, t in enumerate(toks) if not (t.text in INNER_MARKS or (len(t.text) == 1 and t.text.isdecimal()))]
    start = _syllabic_start(head, caps, [toks[k] for k in kept], slips)
    return kept[start] if start is not None else None


INNER_MARKS = {",", ":", ";", ".", "’", "'", "`"}


def _syllabic_start(head: str, caps: list[str], toks: list[Tok], most_slips: int) -> int | None:
    i = len(toks) - 1
    if _region_code_at(caps, toks, i):
        i -= 2                  # "НСО": "Новосибирской области", its letters no word initials
        caps = []
    for c in reversed(caps):
        if i < 0 or not toks[i].is_word or fold(toks[i].text)[:1] != fold(c):
            return None
        i -= 1

    def spells(rest: str, words: list[str], slips: int) -> bool:
        if not rest and words:
            return _coordinated_tail(words)   # "Минтруд" of "министерство труда и социального развития"
        if not words:
            return not rest
        w = words[0]
        if w == AND:
            return spells(rest, words[1:], slips)
        for k in range(min(len(w), len(rest)), 1, -1):
            wrong = sum(a != b for a, b in zip(rest[:k], w[:k]))
            if wrong == 0 and spells(rest[k:], words[1:], slips):
                return True
            if wrong == 1 and slips and k >= MIN_SLIPPED_PIECE and rest[0] == w[0] and spells(rest[k:], words[1:], 0):
                return True             # "торг" of a scan's "тарговли": one letter, once, not the first
        return False

    for slips in sorted({0, most_slips}):          # read exactly from any start first
        for start in range(i, max(-1, i - 7 - MAX_COORDINATED), -1):
            folded = [fold(t.text) for t in toks[start:i + 1] if t.is_word]
            words = [AND if f == "и" else f for f in folded if f == "и" or f not in SKIPPABLE]
            words = [w for k, w in enumerate(words) if w != AND or (k + 1 < len(words) and k > 0)]
            if not all(t.is_word for t in toks[start:i + 1]) or not toks[start].is_word:
                break
            if words and spells(head, words, slips):
                return start
    return None


AND = "\x00и"            # "и" between the words a syllabic form spells: passed over, or the start of a tail
MAX_COORDINATED = 3     # words after "и" a syllabic form may leave unspelled ("и социального развития")


def _coordinated_tail(words: list[str]) -> bool:
    """Whether the words a syllabic form's pieces leave over are the name's coordinated tail:
    "и" and at most ``MAX_COORDINATED`` words, one word before it at most ("Минтруд" = министерство
    труда и социального развития, "Минприроды" = министерство природных ресурсов и экологии, the
    pieces spelling the head of the name), none the head word of another body ("министерство")."""
    if words[0] != AND:            # one word before "и" at most: "(природных) ресурсов и экологии"
        words = words[1:]
        if not words or words[0] != AND:
            return False
    rest = [w for w in words[1:] if w != AND]
    return 0 < len(rest) <= MAX_COORDINATED and not any(w.startswith(ORG_HEAD_STEMS) for w in rest)


ORG_HEAD_STEMS = ("министерств", "департамент", "управлени", "комитет", "агентств", "служб", "инспекци")


def spells(short: str, full: str) -> bool:
    """Whether the initials of ``full`` spell the acronym ``short`` ("ДОиН КО" for "Департамент
    образования и науки Кемеровской области", "ЦОПП" for "учреждение «Центр опережающей
    профессиональной подготовки»": the words of a quoted name count as words); OCR specks between
    the words are passed over."""
    keep = r"[^\w\s-]" if "(" in short else r"[^\w\s()-]"    # "РС(Я)": "Республики Саха (Якутия)"
    return _find_acronym_span(short, tokens(re.sub(keep, " ", full))) is not None
