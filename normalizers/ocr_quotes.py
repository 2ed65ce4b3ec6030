"""OCR slips in Russian quotes («…») on a scan: an opening guillemet read as a look-alike mark
("‚КРИРПО»", "‹Молодые профессионалы»", "›КРИРПО»") or lost before an acronym ("ГАУ ДПО АМИРО»").

Russian official text quotes with « and »; the single guillemets ‹ ›, a low single comma-quote
"‚" and "<" do not open a name there. Each closing » that no « opens is looked at:

* a look-alike mark at the start of a word before it (nothing but that mark opens the name) is
  the lost «;
* else, when the word right before the » is an acronym in capitals (three letters or more), the
  name quoted is that acronym: « goes before it. A longer name whose « was lost stays as read
  (where it opened cannot be told).

A ">" or "›" glued to a word's end closes a name a « opened and nothing closed, and so does an "х"
glued to the name's last word before the bracket of its short form (``mend_close_quotes``).
"""

from __future__ import annotations

import re

from normalizers.text import is_known_word

OPEN_LOOKALIKES = "‹›‚<"
LOOKALIKE_RE = re.compile(rf"(?<![\w«])[{OPEN_LOOKALIKES}](?=[A-Za-zА-Яа-яЁё0-9])")
ACRONYM_BEFORE_RE = re.compile(r"(?<![\w«])([A-ZА-ЯЁ]{3,})$")


def mend_open_quotes(text: str) -> str:
    """``text`` with each opening « a scan lost or misread put back where one place is certain."""
    if "»" not in text:
        return text
    out, start, depth = [], 0, 0
    for k, ch in enumerate(text):
        if ch == "«":
            depth += 1
        elif ch == "»":
            if depth:
                depth -= 1
                continue
            piece = "".join(out) + text[start:k]
            since = max(piece.rfind("«"), piece.rfind("»")) + 1          # the name's own stretch
            marks = list(LOOKALIKE_RE.finditer(piece, since))
            acronym = ACRONYM_BEFORE_RE.search(piece, since)
            at = marks[-1].start() if marks else acronym.start() if acronym else None
            if at is not None:
                piece = piece[:at] + "«" + piece[at + (1 if marks else 0):]
            out, start = [piece], k
    return "".join(out) + text[start:]


# a closing guillemet read as ">" (or "›") glued to the word it closes
CLOSE_LOOKALIKE_RE = re.compile(r"(?<=[А-Яа-яЁё])[>›](?![\w>])")


# a name's last word before the bracket of its short form with an "х" for its » ("«Центр развития
# профессионального образованиях (ЦРПО)"): the word without it is a dictionary word
X_FOR_CLOSE_RE = re.compile(r"(?<![А-Яа-яЁё])([А-Яа-яЁё]{4,})х(?=[^\S\n]*\()")


def _x_for_close(text: str) -> str:
    """``text`` with each ``X_FOR_CLOSE_RE`` "х" inside a name a « opened and nothing closed read
    as the »."""
    out, last = [], 0
    for m in X_FOR_CLOSE_RE.finditer(text):
        before = text[:m.start()]
        if before.count("«") > before.count("»") and is_known_word(m.group(1).lower()):
            out.append(text[last:m.start()] + m.group(1) + "»")
            last = m.end()
    return "".join(out) + text[last:]


def mend_close_quotes(text: str) -> str:
    """``text`` with a ">" or "›" glued to a word's end read as the » of a name a « opened and
    nothing closed before it ("«Центр … подголовки> работодатели"): left, the open name swallows
    the next party; and so an "х" glued to the last word before a bracket (``X_FOR_CLOSE_RE``)."""
    if "«" not in text:
        return text
    if "х" in text:
        text = _x_for_close(text)
    if not CLOSE_LOOKALIKE_RE.search(text):
        return text
    out, depth, last = [], 0, 0
    for m in CLOSE_LOOKALIKE_RE.finditer(text):
        before = text[last:m.start()]
        depth += before.count("«") - before.count("»")
        out.append(before)
        if depth > 0:
            out.append("»")
            depth -= 1
        else:
            out.append(m.group(0))
        last = m.end()
    return "".join(out) + text[last:]
