"""A line break between two parties a scan lost: a defined short form, or a name closing with its
quoted part, run into a lower-case plural noun that can only be the next party ("Минпромторг НСО
предприятия-партнёры", "ПОО работодатели"). Split off ``normalizers.ocr_parties``, which calls it."""
from __future__ import annotations

import re

from normalizers.morph import parses
from normalizers.ocr_short_forms import DEBRIS, _letters


def defined_then_plural(name: str, defined: set[str]) -> list[str] | None:
    """A defined short form (its letters, however a scan spaced them), then a lower-case noun that can
    only be a subject ("Минпромторг НСО предприятия-партнёры", "“Минпром торг НСО предприятия-партнёры",
    "ПОО работодатели": a line break between two parties lost), or a name closing with its quoted part
    then such a noun ("… «Центр … подготовки» “работодатели"); "ЦЗН совместно с …", "ПОО области" stay one."""
    words = name.strip(DEBRIS).split()
    # the letters of the first one to three words -> the fewest words that have them: a short form's
    # letters there, its spacing as read ("Минпром торг НСО …")
    heads: dict[str, int] = {}
    for k in range(1, min(len(words), 4)):
        heads.setdefault(_letters(" ".join(words[:k])), k)
    for short in sorted(defined, key=len, reverse=True):
        k = heads.get(_letters(short))
        if k is None:
            continue
        rest = " ".join(words[k:])
        return [short, rest] if _subject_first(rest) else None
    quoted = QUOTED_THEN_WORD_RE.match(name.strip())
    if quoted and _subject_first(quoted.group(2)):
        return [quoted.group(1), quoted.group(2)]      # "ГАУ КО «Центр … подготовки» “работодатели"
    return None


# a name closing with its quoted part, a speck or two, then a word in lower case
QUOTED_THEN_WORD_RE = re.compile(r"^(.*\S»)[“”\"„‚,.`']*\s[\s“”\"„‚,.`']*([а-яё].*)$")


def _subject_first(rest: str) -> bool:
    """Whether ``rest`` opens with a lower-case noun that can only be a plural subject
    ("предприятия-партнёры", "работодатели"; "предприятия: партнеры", a speck read for the hyphen;
    "предприятия партнёры", the hyphen lost, a plural noun before it)."""
    first = re.match(r"[а-яё]+(?:(?:-|[:;]\s?)[а-яё]+)*", rest)     # "предприятия: партнеры": a speck for the hyphen
    if first is None:
        return False
    spaced = re.match(r"([а-яё]+) ([а-яё]+)", rest)     # "предприятия партнёры": the hyphen lost, both plural subjects
    if spaced and first.group(0) == spaced.group(1) and any(
            p.tag.POS == "NOUN" and p.tag.case == "nomn" and p.tag.number == "plur" for p in parses(spaced.group(1))):
        first = spaced
    found = parses(re.split(r"-|[:;]\s?|\s", first.group(0))[-1])
    return bool(found) and all(p.tag.POS == "NOUN" and p.tag.case in ("nomn", "accs") for p in found) \
        and any(p.tag.number == "plur" for p in found)


# a straight or curly quote glued before a word in capitals ("Минобр "НСО")
QUOTE_BEFORE_CAPS_RE = re.compile(r"(?<=\s)[\"“”„](?=[А-ЯЁ]{2,5}(?![А-Яа-яЁё]))")


def drop_lone_quote_specks(cell: str | None) -> str | None:
    """A party cell whose only quote mark stands glued before a word in capitals ("Минобр "НСО\nМинпром
    торг НСО …"): a speck, no quotation — left, it opens a name no quote closes and glues the lines
    after it into one party. A cell with any other quote keeps it."""
    if not cell or sum(cell.count(q) for q in "\"“”„«»") != 1:
        return cell
    return QUOTE_BEFORE_CAPS_RE.sub("", cell)

