"""Word 97–2003 (.doc) automatic list numbers: the label each numbered paragraph displays.

The list definitions of a .doc live in the table stream: ``PlfLst`` (one LSTF per
list, followed by its LVL records — 9 levels, or 1 for a simple list) and
``PlfLfo`` (the list instances a paragraph's ``sprmPIlfo`` points at, each naming
its list by ``lsid``, with per-level start or whole-level overrides in the LFOLVL
data). A paragraph is numbered by ``sprmPIlfo`` (1-based instance, 0 or 0xF801:
none) and ``sprmPIlvl`` (level) in its own properties, or else in its paragraph style's
(``extractors.doc_binary_styles``).

Each LVL is translated into the DOCX reader's ``Level`` (start, number format,
level text with ``%1``… placeholders, restart, legal numbering) and the counting
is done by ``extractors.docx_numbering.Numbering``, so a .doc numbers exactly as
its DOCX would.
"""

from __future__ import annotations

import struct
from typing import Optional

from extractors.doc_binary_sprms import iter_sprms
from extractors.docx_numbering import Level, Numbering, _Instance

FC_PLF_LST, FC_PLF_LFO = 73, 74          # indices of (fc, lcb) in FibRgFcLcb97
SPRM_P_ILFO = 0x460B
SPRM_P_ILVL = 0x260A
ILFO_NONE = 0xF801
LSTF_SIZE, LVLF_SIZE, LFO_SIZE = 28, 28, 16
# MSONFC → the DOCX w:numFmt names format_number draws (others are shown as decimal)
NFC = {0: "decimal", 1: "upperRoman", 2: "lowerRoman", 3: "upperLetter", 4: "lowerLetter",
       22: "decimalZero", 23: "bullet", 255: "none", 58: "russianLower", 59: "russianUpper"}


def read_lvl(data: bytes, pos: int) -> tuple[Level, int]:
    """One LVL at ``pos``: the ``Level`` and the position after it."""
    start, nfc, flags = struct.unpack_from("<iBB", data, pos)
    cb_chpx, cb_papx, restart_lim = data[pos + 24], data[pos + 25], data[pos + 26]
    pos += LVLF_SIZE + cb_papx + cb_chpx
    cch = struct.unpack_from("<H", data, pos)[0]
    xst = data[pos + 2:pos + 2 + 2 * cch].decode("utf-16-le", "replace")
    pos += 2 + 2 * cch
    text = "".join(f"%{ord(ch) + 1}" if ord(ch) < 9 else ch for ch in xst)
    level = Level(start=start, fmt=NFC.get(nfc, "decimal"), text=text,
                  restart=restart_lim if flags & 0x08 else None, legal=bool(flags & 0x04))
    return level, pos


class DocNumbering(Numbering):
    """The lists of a .doc; ``label((ilfo, ilvl))`` as ``Numbering.label`` does for a ``w:p``."""

    def __init__(self, table: bytes, fc_lcb: list[tuple[int, int]]):
        super().__init__()
        if len(fc_lcb) <= FC_PLF_LFO:
            return
        try:
            self._read_lists(table, *fc_lcb[FC_PLF_LST])
            self._read_instances(table, *fc_lcb[FC_PLF_LFO])
        except (struct.error, IndexError):      # damaged list data: the text is still readable
            self.abstract, self.instances = {}, {}

    def _read_lists(self, table: bytes, fc: int, lcb: int) -> None:
        if lcb < 2:
            return
        count = struct.unpack_from("<h", table, fc)[0]
        lvl_pos = fc + lcb
        for i in range(max(count, 0)):
            base = fc + 2 + LSTF_SIZE * i
            lsid = struct.unpack_from("<i", table, base)[0]
            simple = table[base + 26] & 0x01
            levels = {}
            for ilvl in range(1 if simple else 9):
                levels[ilvl], lvl_pos = read_lvl(table, lvl_pos)
            self.abstract[str(lsid)] = levels

    def _read_instances(self, table: bytes, fc: int, lcb: int) -> None:
        if lcb < 4:
            return
        count = struct.unpack_from("<i", table, fc)[0]
        data_pos = fc + 4 + LFO_SIZE * max(count, 0)
        for i in range(max(count, 0)):
            base = fc + 4 + LFO_SIZE * i
            lsid = struct.unpack_from("<i", table, base)[0]
            inst = _Instance(abstract_id=str(lsid))
            n_over = table[base + 12]
            if n_over:
                data_pos += 4                                  # LfoData.cp
                for _ in range(n_over):
                    start, bits = struct.unpack_from("<iI", table, data_pos)
                    data_pos += 8
                    ilvl = bits & 0x0F
                    if bits & 0x20:                            # fFormatting: a whole LVL follows
                        inst.level_overrides[ilvl], data_pos = read_lvl(table, data_pos)
                    if bits & 0x10:                            # fStartAt
                        inst.start_overrides[ilvl] = start
            self.instances[str(i + 1)] = inst

    def numbering_of(self, p) -> Optional[tuple[str, int]]:
        """``p`` is (ilfo, ilvl) of a paragraph; (instance id, level) or None."""
        ilfo, ilvl = p
        inst = self.instances.get(str(ilfo)) if ilfo and ilfo != ILFO_NONE else None
        if inst is None or inst.abstract_id not in self.abstract:
            return None
        return str(ilfo), max(0, min(8, ilvl))


def number_paragraphs(paragraphs: list, numbering: DocNumbering, styles=None) -> None:
    """Write each numbered paragraph's label in front of its text, in document order (as Word shows it)."""
    if not numbering.instances:
        return
    for para in paragraphs:
        if para.row_end:
            continue
        ilfo, ilvl = list_of(para.grpprl)
        if ilfo is None:                                   # no list of its own: its style's, if any
            style_ilfo, style_ilvl = styles.list_of(para.istd) if styles is not None else (0, 0)
            ilfo, ilvl = style_ilfo, ilvl if ilvl is not None else style_ilvl
        label = numbering.label((ilfo, ilvl or 0)) if ilfo else None
        if label:
            para.text = f"{label} {para.text.lstrip()}" if para.text.strip() else label


def list_of(grpprl: bytes) -> tuple[Optional[int], Optional[int]]:
    """(ilfo, ilvl) of a paragraph's own sprms, None for each one it does not set."""
    ilfo = ilvl = None
    for sprm, op in iter_sprms(grpprl):
        if sprm == SPRM_P_ILFO:
            ilfo = struct.unpack("<H", op)[0]
        elif sprm == SPRM_P_ILVL:
            ilvl = op[0]
    return ilfo, ilvl
