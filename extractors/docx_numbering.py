"""Word's automatic list numbering: the number a paragraph displays, computed from numbering.xml.

A DOCX whose № column or item paragraphs use automatic numbering stores no
digits in the text: the paragraph carries ``w:numPr`` (``w:numId`` +
``w:ilvl``), or its style does, and Word draws the number from
``word/numbering.xml``:

* ``w:num/@w:numId`` → ``w:abstractNumId``, optionally with ``w:lvlOverride``
  (``w:startOverride`` restarts a level for that list instance; a whole
  ``w:lvl`` inside the override replaces the level's definition);
* ``w:abstractNum/w:lvl/@w:ilvl`` → ``w:start``, ``w:numFmt`` (decimal,
  lowerLetter, upperLetter, lowerRoman, upperRoman, russianLower,
  russianUpper, decimalZero, bullet, none), ``w:lvlText`` ("%1.", "%1.%2.",
  "%1)"), ``w:lvlRestart``, ``w:isLgl``; ``w:numStyleLink`` points to a
  numbering style whose own ``w:numPr`` names the list actually used;
* a paragraph style with ``w:numPr`` numbers every paragraph of that style
  (through ``w:basedOn``); ``w:numId`` 0 switches numbering off.

Counters belong to the abstract list, so every ``w:num`` pointing at it
continues the same sequence unless it overrides the start. They run in the
order ``label`` is called, which the DOCX reader keeps to document order
(body paragraphs and table cells alike). Advancing a level restarts the
deeper ones (unless ``w:lvlRestart`` says otherwise); a level skipped on the
way down ("2." then "а)" one level deeper than "2.1.") counts as shown at its
start value, so the next item at that level is "2.2." (as Word and
LibreOffice display it).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

RUSSIAN_LETTERS = "абвгдежзиклмнопрстуфхцчшщэюя"   # Word's russianLower: no ё, й, ъ, ы, ь
LATIN_LETTERS = "abcdefghijklmnopqrstuvwxyz"
ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
         (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))


def _val(el, name: str = "val") -> Optional[str]:
    return el.get(W + name) if el is not None else None


def _int(el, default: Optional[int] = None) -> Optional[int]:
    v = _val(el)
    try:
        return int(v) if v is not None else default
    except ValueError:
        return default


def to_roman(n: int) -> str:
    out = []
    for value, sym in ROMAN:
        while n >= value:
            out.append(sym)
            n -= value
    return "".join(out)


def _letters(n: int, alphabet: str) -> str:
    """Word's letter numbering: a … z, then aa … zz, aaa … (the letter repeated)."""
    if n <= 0:
        return str(n)
    k = len(alphabet)
    return alphabet[(n - 1) % k] * ((n - 1) // k + 1)


def format_number(n: int, fmt: str) -> Optional[str]:
    """One counter value in a ``w:numFmt``; None for a bullet (no number is shown)."""
    if fmt == "bullet":
        return None
    if fmt == "none":
        return ""
    if fmt == "lowerLetter":
        return _letters(n, LATIN_LETTERS)
    if fmt == "upperLetter":
        return _letters(n, LATIN_LETTERS).upper()
    if fmt == "lowerRoman":
        return to_roman(n) if n > 0 else str(n)
    if fmt == "upperRoman":
        return to_roman(n).upper() if n > 0 else str(n)
    if fmt == "russianLower":
        return _letters(n, RUSSIAN_LETTERS)
    if fmt == "russianUpper":
        return _letters(n, RUSSIAN_LETTERS).upper()
    if fmt == "decimalZero":
        return f"{n:02d}"
    return str(n)      # decimal and every format we do not draw (ordinal, circled digits …)


@dataclass
class Level:
    """One ``w:lvl`` of a list definition."""

    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."
    restart: Optional[int] = None     # w:lvlRestart (1-based level; 0 = never restart)
    legal: bool = False               # w:isLgl: every number of the label shown as decimal
    style: Optional[str] = None       # w:pStyle: the paragraph style tied to this level


def _level(lvl) -> Level:
    fmt = _val(lvl.find(W + "numFmt")) or "decimal"
    text_el = lvl.find(W + "lvlText")
    text = _val(text_el) if text_el is not None else None
    return Level(start=_int(lvl.find(W + "start"), 1) or 0, fmt=fmt,
                 text=text if text is not None else "",
                 restart=_int(lvl.find(W + "lvlRestart")),
                 legal=lvl.find(W + "isLgl") is not None and (_val(lvl.find(W + "isLgl")) or "1") not in ("0", "false"),
                 style=_val(lvl.find(W + "pStyle")))


@dataclass
class _Instance:
    """A ``w:num``: which abstract list it draws, with its overrides."""

    abstract_id: str
    start_overrides: dict[int, int] = field(default_factory=dict)
    level_overrides: dict[int, Level] = field(default_factory=dict)


@dataclass
class _Counter:
    values: dict[int, Optional[int]] = field(default_factory=dict)   # level -> last value shown
    started_instances: set[str] = field(default_factory=set)


class Numbering:
    """The list definitions of one document and the running counters."""

    def __init__(self, numbering_xml=None, styles_xml=None):
        self.abstract: dict[str, dict[int, Level]] = {}
        self.abstract_style_link: dict[str, str] = {}     # abstractNumId -> numbering style id
        self.instances: dict[str, _Instance] = {}
        self.style_numpr: dict[str, tuple[Optional[str], Optional[int]]] = {}
        self.style_based_on: dict[str, str] = {}
        self.counters: dict[str, _Counter] = {}
        if numbering_xml is not None:
            self._read_numbering(numbering_xml)
        if styles_xml is not None:
            self._read_styles(styles_xml)

    # ------------------------------------------------------------ reading the parts

    def _read_numbering(self, root) -> None:
        for an in root.findall(W + "abstractNum"):
            aid = _val(an, "abstractNumId")
            if aid is None:
                continue
            self.abstract[aid] = {_int_attr(lvl, "ilvl"): _level(lvl) for lvl in an.findall(W + "lvl")}
            link = _val(an.find(W + "numStyleLink"))
            if link:
                self.abstract_style_link[aid] = link
        for num in root.findall(W + "num"):
            nid = _val(num, "numId")
            aid = _val(num.find(W + "abstractNumId"))
            if nid is None or aid is None:
                continue
            inst = _Instance(abstract_id=aid)
            for ov in num.findall(W + "lvlOverride"):
                ilvl = _int_attr(ov, "ilvl")
                so = ov.find(W + "startOverride")
                if so is not None:
                    inst.start_overrides[ilvl] = _int(so, 1) or 0
                lvl = ov.find(W + "lvl")
                if lvl is not None:
                    inst.level_overrides[ilvl] = _level(lvl)
            self.instances[nid] = inst

    def _read_styles(self, root) -> None:
        for st in root.findall(W + "style"):
            sid = _val(st, "styleId")
            if sid is None:
                continue
            based = _val(st.find(W + "basedOn"))
            if based:
                self.style_based_on[sid] = based
            numpr = st.find(f"{W}pPr/{W}numPr")
            if numpr is not None:
                self.style_numpr[sid] = (_val(numpr.find(W + "numId")), _int(numpr.find(W + "ilvl")))

    # ------------------------------------------------------------ resolving a paragraph

    def _style_numbering(self, style: Optional[str]) -> tuple[Optional[str], Optional[int]]:
        seen = set()
        while style and style not in seen:
            seen.add(style)
            if style in self.style_numpr:
                return self.style_numpr[style]
            style = self.style_based_on.get(style)
        return None, None

    def _resolve_abstract(self, aid: str) -> str:
        """Follow ``w:numStyleLink`` to the list the numbering style really uses."""
        link = self.abstract_style_link.get(aid)
        if link:
            nid, _ = self._style_numbering(link)
            inst = self.instances.get(nid or "")
            if inst is not None and inst.abstract_id != aid:
                return inst.abstract_id
        return aid

    def numbering_of(self, p) -> Optional[tuple[str, int]]:
        """(numId, level) of a ``w:p``, from its own ``w:numPr`` or its style; None if unnumbered."""
        ppr = p.find(W + "pPr")
        style = _val(ppr.find(W + "pStyle")) if ppr is not None else None
        numpr = ppr.find(W + "numPr") if ppr is not None else None
        num_id = _val(numpr.find(W + "numId")) if numpr is not None else None
        ilvl = _int(numpr.find(W + "ilvl")) if numpr is not None else None
        if num_id is None:
            s_num, s_lvl = self._style_numbering(style)
            num_id = s_num
            if ilvl is None:
                ilvl = s_lvl
        if num_id is None or num_id == "0" or num_id not in self.instances:
            return None
        if ilvl is None:
            ilvl = self._level_of_style(num_id, style)
        return num_id, max(0, min(8, ilvl))

    def _level_of_style(self, num_id: str, style: Optional[str]) -> int:
        aid = self._resolve_abstract(self.instances[num_id].abstract_id)
        for ilvl, lvl in self.abstract.get(aid, {}).items():
            if style and lvl.style == style:
                return ilvl
        return 0

    def _level_def(self, inst: _Instance, aid: str, ilvl: int) -> Level:
        if ilvl in inst.level_overrides:
            return inst.level_overrides[ilvl]
        return self.abstract.get(aid, {}).get(ilvl, Level())

    # ------------------------------------------------------------ counting

    def label(self, p) -> Optional[str]:
        """The number Word shows before paragraph ``p`` ("1.", "2.3.", "а)"), advancing the
        counters; None when the paragraph is not numbered or shows a bullet."""
        found = self.numbering_of(p)
        if found is None:
            return None
        num_id, ilvl = found
        inst = self.instances[num_id]
        aid = self._resolve_abstract(inst.abstract_id)
        counter = self.counters.setdefault(aid, _Counter())
        if num_id not in counter.started_instances:
            counter.started_instances.add(num_id)
            for lv in inst.start_overrides:
                counter.values[lv] = None
                for deeper in [k for k in counter.values if k > lv]:
                    counter.values[deeper] = None
        lvl = self._level_def(inst, aid, ilvl)
        for k in range(ilvl):       # a skipped higher level counts as shown at its start value
            if counter.values.get(k) is None:
                counter.values[k] = self._start(inst, aid, k)
        prev = counter.values.get(ilvl)
        if prev is None:
            counter.values[ilvl] = self._start(inst, aid, ilvl)
        else:
            counter.values[ilvl] = prev + 1
        self._restart_deeper(counter, inst, aid, ilvl)
        if lvl.fmt == "bullet":
            return None
        return self._render(lvl, counter, inst, aid).strip() or None

    def _start(self, inst: _Instance, aid: str, ilvl: int) -> int:
        if ilvl in inst.start_overrides:
            return inst.start_overrides[ilvl]
        return self._level_def(inst, aid, ilvl).start

    def _restart_deeper(self, counter: _Counter, inst: _Instance, aid: str, ilvl: int) -> None:
        for deeper in [k for k in counter.values if k > ilvl]:
            restart = self._level_def(inst, aid, deeper).restart
            if restart == 0:
                continue                       # this level never restarts
            if restart is not None and ilvl + 1 > restart:
                continue                       # restarts only after a level above ``restart``
            counter.values[deeper] = None

    def _render(self, lvl: Level, counter: _Counter, inst: _Instance, aid: str) -> str:
        out, i, text = [], 0, lvl.text
        while i < len(text):
            ch = text[i]
            if ch == "%" and i + 1 < len(text) and text[i + 1].isdigit():
                k = int(text[i + 1]) - 1
                value = counter.values.get(k)
                if value is None:
                    value = self._start(inst, aid, k)
                fmt = self._level_def(inst, aid, k).fmt
                if lvl.legal or fmt == "bullet":
                    fmt = "decimal"
                out.append(format_number(value, fmt) or "")
                i += 2
                continue
            out.append(ch)
            i += 1
        return "".join(out)


def _int_attr(el, name: str) -> int:
    try:
        return int(el.get(W + name) or 0)
    except ValueError:
        return 0


def numbering_of_package(document) -> Numbering:
    """The ``Numbering`` of a python-docx ``Document`` (empty when it has no numbering part)."""
    numbering_xml = styles_xml = None
    part = document.part
    for rel in part.rels.values():
        if rel.is_external:
            continue
        reltype = rel.reltype.rsplit("/", 1)[-1]
        if reltype == "numbering":
            numbering_xml = _xml_of(rel.target_part)
        elif reltype == "styles":
            styles_xml = _xml_of(rel.target_part)
    return Numbering(numbering_xml, styles_xml)


def _xml_of(part):
    element = getattr(part, "element", None)
    if element is not None:
        return element
    from lxml import etree

    return etree.fromstring(part.blob)
