"""The full form of a definition read from a scan, with its certain slips mended.

A scan puts specks between the words of a name (a stop, a backquote, a lone quote mark), reads
the conjunction "и" as "й", "н" or "п", a name's quote marks as other marks or not at all, and
leaves a signature's junk after the entry's end. ``mend_full_form`` takes out what is certain
and hands the words to the dictionary and to the document's own spelling
(``normalizers.ocr_lexicon``); ``normalizers.ocr_parties`` uses it on every definition.
"""
from __future__ import annotations

import re

from normalizers.full_forms import ORG_HEAD_STEMS
from normalizers.morph import parses
from normalizers.ocr_fixes import remove_word_debris
from normalizers.ocr_form_marks import drop_lone_marks, form_marks
from normalizers.ocr_lexicon import join_split_with_slip, mend_form_words, mend_with_lexicon
from normalizers.ocr_stops import mend_stop
from normalizers.ocr_words import mend_misread_words, rejoin_caps_tail, rejoin_split_words
from normalizers.text import is_known_word

# a speck read as a stop, colon, semicolon or single quote after a word inside a full form ("Республики. Татарстан",
# "Республики‘ Татарстан", "органы: местного", "ДПО. «Чувашский"), or at its end after a word or a closing quote
SPECK_AFTER_WORD_RE = re.compile(r"([A-Za-zА-Яа-яЁё]+»?)([.:;!‘’`‚])(?=\s+[«А-Яа-яЁё])|([A-Za-zА-Яа-яЁё]+»?)([.:;,!_|‐‑‒–—−-]+)$")
MIN_STOP_WORD = 5                      # "обл.", "пос.", "им." are shortened words: their stop stays
# a stop glued between two lower-case words (groups 1 and 3; ``ocr_stops.mend_stop`` judges it)
GLUED_STOP_RE = re.compile(r"(?<![A-Za-zА-Яа-яЁё])([а-яё]{3,})\.()([а-яё]{3,})(?![A-Za-zА-Яа-яЁё])")
BACKQUOTE_RE = re.compile(r"\s*`+\s*")
# a hyphen between two words of a name where no compound is ("бюджетное-учреждение", "Центр-развития"):
# a speck for the space — the first part of a compound ends in -о/-е ("научно-", "учебно-") and a
# compound's second part is no word in an oblique case after a noun ("школа-интернат" stays)
GLUED_HYPHEN_RE = re.compile(r"(?<![A-Za-zА-Яа-яЁё-])([А-Яа-яЁё]{3,})-([а-яё]{3,})(?![A-Za-zА-Яа-яЁё-])")
ADJ_END_RE = re.compile(r"(?:ое|ый|ий|ая|яя|ые|ие|ого|его|ой|ей|ых|их|ую|юю)$")
LONE_QUOTE_RE = re.compile(r"([А-Яа-яЁё])[\"“”„]([А-Яа-яЁё])")
LONE_I_RE = re.compile(r"(?<=[А-Яа-яЁё,]) [йнп] (?=[а-яё]{2})")
# "занятости- и социальной": a dash after a word that is no compound's first half (those end in
# "о"/"е": "научно- и опытно-…" keeps it) and before the conjunction is a speck
DASH_BEFORE_AND_RE = re.compile(r"(?<=[а-яё]{2}[а-дж-нп-яё])[-‐‑]\s+(?=[ийнп] [а-яё]{2})")
LOW_OPEN_QUOTE_RE = re.compile(r"(?<![А-Яа-яЁё])[‚„+]\s?(?=[А-ЯЁ][а-яё])")
TRAILING_DASH_RE = re.compile(r"\s+[-‐‑‒–—−]+\s*$")
LATIN_HEAD_RE = re.compile(r"^[A-Za-z]{1,3}\s+(?=[А-Яа-яЁё«])")
STOP_BEFORE_CAPITAL_RE = re.compile(r"(?<![А-Яа-яЁё])([а-яё]{4,})\.([А-ЯЁ][а-яё]{2,})")
LONE_A_RE = re.compile(r"(?<=[А-Яа-яЁё]) а (?=[а-яё]{3})")
AFTER_QUOTE_JUNK_RE = re.compile(r"»[а-яёa-z]{0,2}[^А-Яа-яЁёA-Za-z]*$")
AFTER_END_JUNK_RE = re.compile(r"[.;]\s+[А-Яа-яЁёA-Za-z]?[^А-Яа-яЁёA-Za-z]*$")


def _stop_before_capital(m: re.Match) -> str:
    """A stop glued between a dictionary word and a capitalised word of a name is the space."""
    return f"{m.group(1)} {m.group(2)}" if is_known_word(m.group(1)) else m.group(0)


def drop_speck(m: re.Match) -> str:
    word, mark = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
    bare = word.rstrip("»")
    if mark == "’" and "‘" in m.string[:m.start()]:
        return word + mark                 # "‘Центр’": the quote closes
    whole = (word.endswith("»") or (len(bare) >= 2 and bare.isupper())
             or (len(bare) >= MIN_STOP_WORD and is_known_word(bare.lower())))
    return word if whole else word + mark


def mend_full_form(full: str, lexicon: frozenset[str] = frozenset()) -> str:
    """A full form read from a scan with its certain slips mended: a word's tail read in capitals
    rejoined, specks inside words removed, the words the document's own ``lexicon`` settles
    mended (``normalizers.ocr_lexicon``) and a lower-case word that is no dictionary word replaced
    by the one word a letter away; then a stop, colon or semicolon after a whole word or an
    acronym removed (a name has none between its words nor at its end; "г. Казань" keeps its
    stop), a stop glued between two lower-case dictionary words read as the space
    ("автономное.учреждение"), a backquote or a lone quote mark between words read as the space,
    a lone "й", "н" or "п" between words read as the conjunction "и" (no Russian word is one of them;
    a dash before it after a word that is no compound's first half dropped), a low quote mark
    opening a name whose closing "»" has no opening one read as "«", a lone "а" with no comma before
    it (the conjunction has one) dropped, a name's closing "»" lost at the
    end put back, a signature's junk after the end ("… (Якутия). ©7777", "… области. а.", "… Татарстан»х.__") dropped, a hyphen after
    a full adjective ("бюджетное-учреждение") read as the space, and a dash left at the end dropped."""
    full = full.lstrip(" -–—:;.,'`’‚\\|/")     # "КОиН КО -- комитет …": the second dash of two; "\\ министерство"
    full = STOP_BEFORE_CAPITAL_RE.sub(_stop_before_capital, full)   # "образования.Омской"
    full = LATIN_HEAD_RE.sub("", full)          # "Cc государственным …": Latin junk before the name
    full = AFTER_END_JUNK_RE.sub("", full)       # "(Якутия). ©7777": a signature's junk after its end
    full = AFTER_QUOTE_JUNK_RE.sub("»", full)    # "… Татарстан»х.__"
    text = mend_misread_words(mend_with_lexicon(
        rejoin_split_words(remove_word_debris(rejoin_caps_tail(form_marks(full)))), lexicon))
    text = drop_lone_marks(mend_form_words(join_split_with_slip(text), lexicon))
    text = SPECK_AFTER_WORD_RE.sub(drop_speck, text)
    text = GLUED_STOP_RE.sub(mend_stop, text)
    text = BACKQUOTE_RE.sub(" ", text)
    text = GLUED_HYPHEN_RE.sub(_speck_hyphen, text)
    if sum(text.count(q) for q in "\"“”„") == 1:     # a lone quote mark glued between two words
        text = LONE_QUOTE_RE.sub(r"\1 \2", text)
    text = LONE_I_RE.sub(" и ", DASH_BEFORE_AND_RE.sub(" ", text))
    text = LONE_A_RE.sub(" ", text)            # "«Центр а опережающей …»": "а" joins only after a comma
    if text.count("«") < text.count("»"):        # "‚Томский … центр»": the low mark opened the name
        text = LOW_OPEN_QUOTE_RE.sub("«", text, count=1)
    text = re.sub(r"\s+", " ", TRAILING_DASH_RE.sub("", text)).strip()
    if text.count("«") == text.count("»") + 1 and text[-1:].isalpha():
        text += "»"                       # "«Томский … образования": the name's closing mark lost at the end
    return _singular_head(text)


def _singular_head(text: str) -> str:
    """A full form opening with an organisation's head noun in the genitive plural only
    ("министерств промышленности …": the "о" read as a speck's stop, then dropped) opens with its
    nominative singular: a body's name opens in the nominative, and a plural head would read so."""
    head, _, rest = text.partition(" ")
    found = parses(head.lower())
    if not rest or not found or not all(p.tag.POS == "NOUN" and p.tag.case == "gent" and p.tag.number == "plur"
                                        for p in found):
        return text
    lemma = found[0].normal_form
    if not lemma.startswith(ORG_HEAD_STEMS) or len({p.normal_form for p in found}) != 1:
        return text
    return f"{lemma[:1].upper() + lemma[1:] if head[:1].isupper() else lemma} {rest}"


def _speck_hyphen(m: re.Match) -> str:
    """``GLUED_HYPHEN_RE``'s replacement: the space where the two words are no compound."""
    left, right = m.group(1), m.group(2)
    low = left.lower()
    adjective = bool(ADJ_END_RE.search(low))
    if (not is_known_word(low) or not is_known_word(right) or low.endswith(("о", "е")) and not adjective
            or is_known_word(f"{low}-{right}")):
        return m.group(0)
    found = parses(right)
    oblique = bool(found) and found[0].tag.case not in (None, "nomn", "accs")
    return f"{left} {right}" if adjective or oblique else m.group(0)
