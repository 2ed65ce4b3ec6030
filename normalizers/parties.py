"""Responsible parties: split a "responsible" cell into organisation mentions.

Splits at commas, semicolons and line breaks — never inside parentheses or quotes, never at "и",
and never inside one organisation's name that itself holds a comma: a piece starting with a
lower-case participle ("реализующие", "находящиеся") or "подведомственные" continues the previous
piece. "(по согласованию)" sets by_agreement; "(далее – X)" is removed and kept as `defines`.
A line break inside one name joins when the next line opens in an oblique case ("Начальник /
информационно-аналитического отдела"); a line opening in the nominative is the next party (one
organisation per line). Two posts run together on one line ("Воспитатели Ст. воспитатель") split.
A mention opening with an abbreviation the document defines and going on with another name in the
nominative is two (``split_after_defined``: PDF cells lose the line break between them); so is
text that goes on after "(по согласованию)" with no separator.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from normalizers.abbreviation_lists import DIGIT_IN_CAPS_RE, LOOKALIKE_DIGITS
from normalizers.lazy_re import lazy
from normalizers.morph import is_abbreviation, is_participle, parses
from normalizers.organisations import opens_post
from normalizers.ocr_words import one_letter_changed
from normalizers.text import is_known_word, one_edit

DASH = r"[-‐‑‒–—−]"
# "(по согласованию)" with its "по" as a scan may read it ("(no согласованию)"): a whole note in brackets
BRACKETED_NOTE = r"\(\s*\S{1,3}\s+согласовани[юи]ю?\s*\)"
AGREEMENT_RE = re.compile(r"\(?\s*по[.,:;'`’]?\s+согласовани[юи]ю?\s*\)?|\(\s*но[.,:;'`’]?\s+согласовани[юи]ю?\s*\)?"
                          r"|\(?\s*по\s+согл(?:асов)?\.\s*\)?|\*"
                          rf"|{BRACKETED_NOTE}|(?<![\w(])(?:[iIl|!][nпн][oо]\s+)?согласовани[юи]ю?\s*\)", re.I)
# "(по: согласованию)": a scan's speck; "… населения согласованию)": the bracket and "по" a signature
# took; "… самоуправления ino согласованию)": the bracket read as a letter glued to "по"; "(далёе – X)": a
# scan's ё for е
DEFINES_RE = re.compile(rf"\(\s*дал[её]е(?:\s+по\s+тексту)?\s*(?:{DASH}|:)?\s*[«\"„“]?(?P<short>(?:[^()]|\([^()]*\))+?)[»\"”]?\s*\)",
                        re.I)
BULLET_RE = re.compile(rf"^\s*(?:[•·*▪➢►]|{DASH}|\d{{1,2}}(?:\.\d{{1,2}})*[.)])\s*")
# "(по согласованию)" closes a name: more text after it with no separator is the next party (a PDF
# cell that listed one organisation per line lost the line break there)
AGREEMENT_END_RE = re.compile(r"(\(\s*по[.,:;'`’]?\s+согласовани[юи]ю?\s*\))[ \t]+(?=[«\"A-Za-zА-Яа-яЁё])", re.I)
AGREEMENT_CLOSES_RE = re.compile(rf"{BRACKETED_NOTE}\s*$", re.I)   # "… (по согласованию)" ends the piece
OPEN_BRACKETS, CLOSE_BRACKETS = "(«„[", ")»“”]"
CONTINUATION_LEMMAS = {"подведомственный", "подчинённый", "подчиненный", "который", "расположенный"}
OBLIQUE_CASES = {"gent", "datv", "ablt", "loct", "gen2", "loc2"}
SPECKS = "°^`'‚¦~_"   # marks OCR reads from specks at the ends of a name ("°ИРО")
# a speck read as a lone lower-case letter after a name ("ЦЗН ж"); "и", "в" … would have joined
LONE_TAIL_RE = re.compile(r"\s+[а-яёa-z][,;:'`°^]?$")
# capitals with zeros for "О" ("000" for "ООО"): kept as read for the scan's mending to judge
ZEROS_FOR_O_RE = lazy(r"(?=[0А-ЯЁ]{2,}$)[0А-ЯЁ]*0[0А-ЯЁ]*")
JOINING_TAIL_WORDS = {"и", "или", "в", "во", "на", "по", "с", "со", "для", "при", "о", "об", "к", "от", "из"}


@dataclass
class PartyMention:
    """One organisation named in a responsible cell."""

    name: str
    by_agreement: bool
    defines: str | None
    raw: str


def _split_top_level(text: str) -> list[tuple[str, str]]:
    """Pieces of text split at top-level , ; and line breaks, each with the separator before it.

    An opening bracket or quote counts only where a closing one follows it: a scan's speck read as
    "„" before a name, or a bracket whose close was lost, does not glue the rest of the cell into
    one piece."""
    pieces: list[tuple[str, str]] = []
    depth, quote_open, buf, sep = 0, False, [], ""
    closes_after = len([c for c in text if c in CLOSE_BRACKETS])
    for ch in text:
        if ch in CLOSE_BRACKETS:
            closes_after -= 1
        if ch in OPEN_BRACKETS and depth < closes_after:
            depth += 1
        elif ch in CLOSE_BRACKETS and depth > 0:
            depth -= 1
        elif ch == '"':
            quote_open = not quote_open
        if ch in ",;\n" and depth == 0 and not quote_open:
            pieces.append(("".join(buf), sep))
            buf, sep = [], ch
            continue
        buf.append(ch)
    pieces.append(("".join(buf), sep))
    return pieces


def _first_word(text: str) -> str:
    m = re.match(r"\s*([A-Za-zА-Яа-яЁё]+)", text)
    return m.group(1) if m else ""


def _is_continuation(piece: str) -> bool:
    """A piece that continues the previous organisation's name ("подведомственные министерству …")."""
    word = _first_word(piece)
    if not word or not word[0].islower():
        return False
    if is_participle(word):
        return True
    return any(p.normal_form in CONTINUATION_LEMMAS for p in parses(word))


# a bullet's or a speck's marks before "и" opening a line: no list item opens with a conjunction
MARKS_BEFORE_AND_RE = re.compile(r"^\s*[-–—.,'‘’`‚•·*]+\s*(?=(?:и|или)\s+[а-яё])")


ACRONYM_DASH_RE = re.compile(r"(?<![A-Za-zА-Яа-яЁё])[А-ЯЁA-Z]{2,}-$")


def _line_continues(prev: str, piece: str) -> bool:
    """A line break inside one name: the previous line ends with "и"/a preposition/a hyphen, or
    the next line opens with a lower-case "и"/preposition ("министерство экономического развития
    / и промышленности"): no organisation's name starts with a conjunction."""
    tail = prev.rstrip()
    if not tail:
        return False
    if re.search(r"[A-Za-zА-Яа-яЁё]-$", tail):      # a word broken; "РС(Я)-": a speck, no word breaks there
        # ... but not an acronym's line before a name's ("КОиН КО-" / "Минпромтранс КО"): a speck's dash
        return not (ACRONYM_DASH_RE.search(tail) and re.match(r"\s*[А-ЯЁA-Z][а-яёa-z]", piece))
    head = re.match(r"\s*([a-zа-яё]+)(?:\s+\S|\s*$)", piece)      # "и" alone on its line too
    if head and head.group(1) in JOINING_TAIL_WORDS:
        return True
    last = re.findall(r"[A-Za-zА-Яа-яЁё]+$", tail)
    return bool(last) and last[0].lower() in JOINING_TAIL_WORDS and bool(piece.strip())


def _starts_with_oblique_case(piece: str) -> bool:
    """A line opening with a genitive/dative/… word completes the name above it
    ("Начальник\nинформационно-аналитического отдела", "Министерство образования\nРеспублики Татарстан");
    a nominative opening ("муниципальные органы …") starts a new party."""
    if BULLET_RE.match(piece) and BULLET_RE.match(piece).group().strip():
        return False
    m = re.match(r"\s*([А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)*)", piece)
    if not m or is_abbreviation(m.group(1)) or not is_known_word(m.group(1)):
        return False  # an OCR'd abbreviation ("Доин" for ДОиН) is guessed, not known: no join
    found = parses(m.group(1))
    return bool(found) and found[0].tag.POS in ("NOUN", "ADJF", "PRTF") and found[0].tag.case in OBLIQUE_CASES


def _modifiers_only(line: str) -> bool:
    """A line of adjectives or participles alone, no noun ("профессиональные"): no organisation's
    name, the start of one wrapped onto the next line ("профессиональные / образовательные
    организации", "Торгово-промышленная / палата")."""
    # a hyphenated compound is one word, parsed by its last part ("Торгово-промышленная")
    words = re.findall(r"[A-Za-zА-Яа-яЁё]+(?:-[A-Za-zА-Яа-яЁё]+)*", BULLET_RE.sub("", line, count=1))
    if not words or any(is_abbreviation(w) or w[:1].isupper() and len(words) > 1 for w in words):
        return False
    return all((found := parses(w.split("-")[-1].lower())) and found[0].tag.POS in ("ADJF", "PRTF")
               for w in words)


def _merge_pieces(pieces: list[tuple[str, str]]) -> list[str]:
    merged: list[str] = []
    pending_sep = ""
    for piece, sep in pieces:
        if not re.search(r"[A-Za-zА-Яа-яЁё]", piece) and not ZEROS_FOR_O_RE.fullmatch(piece.strip()):
            # a stray "-" or bullet on a line of its own
            pending_sep = pending_sep or sep
            continue
        sep, pending_sep = (pending_sep or sep) if merged else sep, ""
        if sep == "\n" and merged:
            piece = MARKS_BEFORE_AND_RE.sub("", piece)    # "-.и общественными …": no item opens with "и"
        # a name of adjectives alone is no name: a comma after it is a speck ("Торгово-промышленная,
        # палата …"), a line break a wrap
        lone_modifiers = (sep == "\n" or sep == "," and piece.strip()[:1].islower()) and _modifiers_only(merged[-1]) \
            if merged else False
        # a line after "(по согласованию)" opens the next party: the note closes a name
        closed = sep == "\n" and merged and AGREEMENT_CLOSES_RE.search(merged[-1]) is not None
        if merged and not closed and (_is_continuation(piece) or lone_modifiers or (sep == "\n" and (
                _line_continues(merged[-1], piece) or _starts_with_oblique_case(piece)))):
            joiner = ", " if sep in ",;" and _is_continuation(piece) else " "
            if lone_modifiers:
                merged[-1] = merged[-1].rstrip(" :;.,-" + SPECKS)     # a speck after the wrapped word
            if sep == "\n" and merged[-1].rstrip().endswith("-"):
                merged[-1] = merged[-1].rstrip() + piece.strip()
            else:
                merged[-1] = merged[-1].rstrip() + joiner + piece.strip()
            continue
        merged.append(piece)
    return merged


def _split_run_together_posts(piece: str) -> list[str]:
    """Two posts on one line without a comma ("Воспитатели Ст. воспитатель",
    "Заместитель директора по УВР Педагог-психолог") → one piece per post."""
    words = piece.split()
    cuts = [k for k in range(1, len(words))
            if (_capitalised_post(words, k) or _lower_post_after_complement(words, k))
            and words[k - 1].lower() not in JOINING_TAIL_WORDS and not words[k - 1].endswith(("-", "«", "\""))]
    if not cuts or not opens_post(words, 0):
        return [piece]
    bounds = [0, *cuts, len(words)]
    return [" ".join(words[a:b]) for a, b in zip(bounds, bounds[1:])]


def _capitalised_post(words: list[str], k: int) -> bool:
    return words[k][:1].isupper() and opens_post(words, k)


def _lower_post_after_complement(words: list[str], k: int) -> bool:
    """ "заместители директора начальники отделов": a post noun that can only be nominative right
    after a genitive complement starts the next post."""
    word = words[k]
    if not word[:1].islower() or not opens_post(words, k):
        return False
    found = parses(word)
    if not found or found[0].tag.case != "nomn" or any(p.tag.case == "gent" for p in found):
        return False
    prev = parses(words[k - 1].strip(",.;"))
    return bool(prev) and prev[0].tag.POS == "NOUN" and prev[0].tag.case == "gent"


def _clean_name(text: str) -> str:
    text = BULLET_RE.sub("", text, count=1)
    text = re.sub(r"\s+", " ", text).strip()
    text = LONE_TAIL_RE.sub("", text)
    text = text.strip(" .,;:-" + SPECKS)
    while text and text[0] in "«„\"" and not any(c in text[1:] for c in "»“”\""):
        text = text[1:].lstrip()          # a quote opened before a name and never closed: a speck
    if text[-1:] in (")", "}") and not re.search(r"[({]", text):
        text = text[:-1].rstrip(" .,;:")   # "работодатели (по согласованию)}": a bracket no name opened
    return text


def _mention(raw: str) -> PartyMention | None:
    by_agreement = bool(AGREEMENT_RE.search(raw))
    name = AGREEMENT_RE.sub(" ", raw)
    defines = None
    m = DEFINES_RE.search(name)
    if m:
        defines = re.sub(r"\s+", " ", m.group("short")).strip(" «»\"")
        name = name[: m.start()] + " " + name[m.end():]
    name = _clean_name(name)
    if not re.search(r"[A-Za-zА-Яа-яЁё]{2}", name) and not ZEROS_FOR_O_RE.fullmatch(name):
        return None                       # no word of two letters: OCR debris ("Д` г"), no name
    return PartyMention(name=name, by_agreement=by_agreement, defines=defines, raw=raw.strip())


BRACES = str.maketrans("{}", "()")       # no responsible cell has braces: a bracket misread


def _cell_text(text: str) -> str:
    """A responsible cell's text as it is split: line breaks for HTML breaks and after an agreement
    note, a scan's brace read as the bracket it is ("(по согласованию}")."""
    text = text.replace("\r", "\n").replace("\xa0", " ").translate(BRACES)
    text = re.sub(r"<br\s*/?>|</p>\s*<p>", "\n", text)
    text = re.sub(r"<[^>]+>", " ", text)
    return AGREEMENT_END_RE.sub(lambda m: m.group(1) + "\n", text)


def split_parties(text: str | None) -> list[PartyMention]:
    """Organisation mentions of a responsible cell, in order, duplicates kept; [] for empty text."""
    if not text or not text.strip():
        return []
    mentions = []
    for merged in _merge_pieces(_split_top_level(_cell_text(text))):
        for piece in _split_run_together_posts(merged):
            mention = _mention(piece)
            if mention is not None:
                mentions.append(mention)
    return mentions


MIN_UNREAD_CHARS = 3        # letters and digits of a piece that reads as no name yet is no speck


def unread_pieces(text: str | None) -> list[str]:
    """The pieces of a responsible cell (split as ``split_parties`` splits it) that give no party
    though they hold ``MIN_UNREAD_CHARS`` letters or digits: a scan's misreading of a name ("МО ОО,
    100" for "…, ПОО"), which the caller flags rather than dropping it unseen."""
    if not text or not text.strip():
        return []
    pieces = _split_top_level(_cell_text(text))
    return [p.strip() for p, _ in pieces
            if sum(ch.isalnum() for ch in p) >= MIN_UNREAD_CHARS and not re.search(r"[A-Za-zА-Яа-яЁё]{2}", p)
            and not ZEROS_FOR_O_RE.fullmatch(p.strip()) and not AGREEMENT_RE.search(p)]


def _opens_name(word: str) -> bool:
    """A word that can open an organisation's name: a noun, adjective or participle whose likeliest
    reading is the nominative ("муниципальные", "Торгово-промышленная"), not a genitive
    complement ("Республики", "Калужской") or "г."."""
    found = parses(word.strip("«\"“„"))
    if len(word) < 3 or not found:
        return False
    if word.isalpha() and word.islower() and not is_known_word(word):
        # a misread word: the dictionary words a letter away speak for it where there are any
        # ("совместио": "совместно", "совместим", … — none opens a name); else the guess stands
        # ("предприя", cut short)
        near = one_letter_changed(word, range(len(word)))
        if near:
            return any(_opens_name(w) for w in near)
    tag = found[0].tag
    if tag.POS not in ("NOUN", "ADJF", "PRTF"):
        return False
    return tag.case == "nomn" or (tag.case == "accs" and tag.number == "plur" and "inan" in tag)


# "Минобр НСО": a syllabic short form of a body (a capital, then lower case) and a region's code; as
# a whole mention, and at the head of one that goes on with no quoted name
CODED = r"([А-ЯЁ][а-яё]{3,}) ([А-ЯЁ]{2,4})"
CODE_RE = re.compile(rf"^{CODED}$")
CODED_HEAD_RE = re.compile(rf"^{CODED}(?= [^\s«\"„“])")
MIN_CODE_USES = 2


def region_codes_written(names: list[str], initials: str | None = None) -> set[str]:
    """The codes a document writes for its region after a body's short form: the region's initials
    ("РБ"), and a code of capitals ending two mentions of a word and a code or more ("Минобр НСО",
    "Минтруд НСО": "НСО", which is no initials)."""
    ends = Counter(m.group(2) for name in names if (m := CODE_RE.match(name.strip())))
    return {c for c, n in ends.items() if n >= MIN_CODE_USES} | ({initials} if initials else set())


def coded_heads(names: list[str], codes: set[str]) -> set[str]:
    """Short forms of a regional body at the head of a mention that goes on: a syllabic short form
    (a capital, then lower case), then a code of the document's region ("Минпромторг НСО" of
    "Минпромторг НСО предприятия-партнёры", where a scan lost the line break and the list of
    abbreviations is lost under a signature); ``split_after_defined`` splits there when the rest
    opens a name. A legal form in capitals before a code and a quoted name ("ГПОУ ТО «Тульский
    колледж»") is one party."""
    heads = set()
    for name in names:
        m = CODED_HEAD_RE.match(name)
        if m and m.group(2) in codes:
            heads.add(m.group(0))
    return heads


def split_coded_then_defined(mentions: list[PartyMention], shorts: set[str], codes: set[str]) -> list[PartyMention]:
    """A mention whose words end with one of the region's ``codes`` and then a defined short form
    ("МОиН РС(Я) ИРПО": a line break lost between two parties) is two: the code closes the first."""
    out: list[PartyMention] = []
    for m in mentions:
        words = m.name.split()
        cut = next((k for k in range(2, len(words)) if words[k - 1] in codes and " ".join(words[k:]) in shorts), None)
        if cut is None:
            out.append(m)
            continue
        head, tail = " ".join(words[:cut]), " ".join(words[cut:])
        out += [PartyMention(name=head, by_agreement=False, defines=None, raw=head),
                PartyMention(name=tail, by_agreement=m.by_agreement, defines=m.defines, raw=tail)]
    return out


def split_after_defined(mentions: list[PartyMention], shorts: set[str]) -> list[PartyMention]:
    """A mention that opens with an abbreviation the document defines, followed by the start of
    another name with no comma, is two parties: a PDF cell listing one organisation per line
    loses its line breaks where the next name was too long for the line ("МТЗиСЗ РТ /
    муниципальные органы управления образованием")."""
    out: list[PartyMention] = []
    squashed = {s.replace(" ", ""): s for s in shorts}
    for m in mentions:
        if m.name.replace(" ", "") in squashed and m.name not in shorts:
            # a defined abbreviation broken in a narrow column ("Минпром торг ПК"), or read by a
            # scan with its space lost ("КОиНКО" for "КОиН КО")
            m = PartyMention(name=squashed[m.name.replace(" ", "")], by_agreement=m.by_agreement,
                             defines=m.defines, raw=m.raw)
        name = m.name
        tail = max((s for s in shorts if _quoted_name_then(name, s)), key=len, default=None)
        if tail:                          # "ГБУ ДПО «КРИРПО» ООО": a quoted name ends its party
            head = name[: -len(tail) - 1].rstrip(" .")
            out.append(PartyMention(name=head, by_agreement=m.by_agreement, defines=m.defines, raw=head))
            m = PartyMention(name=tail, by_agreement=False, defines=None, raw=tail)
            name = tail
        while True:
            # "МТЗиСЗ РТ муниципальные …"; "Координатор. региональный центр …", "ПОО. ОВО": a full
            # stop a scan read for the comma
            short = max((s for s in shorts if name.startswith((s + " ", s + ". "))), key=len, default=None)
            rest = name[len(short):].lstrip(" .") if short else ""
            if not short or not rest or not (_opens_name(rest.split()[0])
                                             or name[len(short)] == "." and rest.split()[0] in shorts):
                break
            out.append(PartyMention(name=short, by_agreement=False, defines=None, raw=short))
            name = rest
        out.append(m if name == m.name else PartyMention(name=name, by_agreement=m.by_agreement,
                                                         defines=m.defines, raw=m.raw))
    return out


def _quoted_name_then(name: str, short: str) -> bool:
    """``name`` ends with a quoted name, maybe a full stop (a comma a scan misread), and then
    ``short`` (any case: "«КРИРПО». МОУО", "«КРИРПО» моуо")."""
    if not name.lower().endswith(" " + short.lower()):
        return False
    return name[: -len(short) - 1].rstrip(" .").endswith(("»", "\"", "”"))


ABBR_TOKEN_RE = re.compile(r"[A-Za-zА-Яа-яЁё]+")


MIN_SYLLABIC_MENDED = 6      # a syllabic short form this long, a letter off a defined one, is it misread


def _syllabic(token: str) -> bool:
    return token[:1].isupper() and token[1:].islower()


def _mended_syllabic(token: str, defined: set[str]) -> str:
    """A syllabic short form ("Минлромторг", "Минтру") one letter from exactly one the document
    defines ("Минпромторг", "Минтруд"), itself no dictionary word: that one."""
    if len(token) < MIN_SYLLABIC_MENDED or is_known_word(token.lower()):
        return token
    near = [k for k in defined if _syllabic(k) and len(k) >= MIN_SYLLABIC_MENDED and one_edit(k.lower(), token.lower())]
    return near[0] if len(near) == 1 else token


def _mended_token(token: str, defined: set[str], known: set[str], squashed: dict[str, str]) -> str:
    if token in known or token in defined:
        return token
    if _syllabic(token):
        return _mended_syllabic(token, defined)
    if sum(ch.isupper() for ch in token) < 2 or len(token) < 3:
        return token
    if token in squashed:
        return squashed[token]                    # "МООО" for "МО ОО": the space lost
    folded = [k for k in known | defined if k.lower() == token.lower()]
    if len(folded) == 1:
        return folded[0]                          # "ДТизн" for "ДТиЗН": the case slipped
    near = [k for k in defined if one_edit(k.lower(), token.lower())]
    same = [k for k in near if len(k) == len(token)]
    if len(same) == 1:
        return same[0]                            # "МОУС" for "МОУО": one letter misread
    if not same and len(near) == 1 and len(token) >= 4:
        return near[0]                            # "МТЗисСЗ" for "МТЗиСЗ": one letter doubled or lost
    return token


def mend_abbreviations(mentions: list[PartyMention], defined: set[str], known: set[str] = frozenset()
                       ) -> list[PartyMention]:
    """OCR slips in the abbreviations a document defines (``defined``) or the glossary knows
    (``known``), read in a party name: a token of two or more capitals that is none of them is read
    as a defined one written without its space ("МООО" -> "МО ОО"), as the one it equals ignoring
    case ("ДТизн" -> "ДТиЗН"), or as the one defined abbreviation it lies one edit from (one of the
    same length first: "МОУС" -> "МОУО"); a syllabic one ("Минлромторг" -> "Минпромторг") as the one
    defined syllabic form it lies one edit from (``_mended_syllabic``); a token of capitals with a
    look-alike digit in it ("МТЗиС3З") as such a token once the digit is read as its letter. Anything
    else stays as read."""
    tokens = {t for k in defined for t in k.split() if len(t) >= 2}
    known_tokens = {t for k in known for t in k.split() if len(t) >= 2}
    squashed = {k.replace(" ", ""): k for k in defined if " " in k and all(len(t) >= 2 for t in k.split())}
    out = []

    def mend_digits(t: re.Match) -> str:      # "МТЗиС3З": a "3" read for "З" (then one doubled)
        read = t.group(0).translate(LOOKALIKE_DIGITS)
        mended = _mended_token(read, tokens, known_tokens, squashed)
        return mended if mended in tokens or mended in known_tokens else t.group(0)

    for m in mentions:
        name = DIGIT_IN_CAPS_RE.sub(mend_digits, m.name)
        name = ABBR_TOKEN_RE.sub(lambda t: _mended_token(t.group(0), tokens, known_tokens, squashed), name)
        out.append(m if name == m.name else PartyMention(name=name, by_agreement=m.by_agreement,
                                                         defines=m.defines, raw=m.raw))
    return out
