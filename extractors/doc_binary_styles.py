"""Word 97–2003 (.doc) style sheet: what paragraph and character styles say about bold and lists.

The STSH (table stream, ``fcStshf``) holds one STD per style index (istd): its
kind (``stk``: 1 paragraph, 2 character), the style it is based on
(``istdBase``) and its property exceptions (UPX): a paragraph style has a PAPX
UPX (istd + grpprl) and a CHPX UPX, a character style a CHPX UPX. Only two
properties are resolved, through the ``istdBase`` chain:

* bold (sprmCFBold: 0/1 set it, 0x80 keeps the base style's value, 0x81 flips it),
  so a run with no direct bold still shows bold when its paragraph or character
  style is bold, as Word draws it;
* list membership (sprmPIlfo / sprmPIlvl) of paragraph styles, so a paragraph
  numbered only through its style (a numbered heading style) gets its number.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from typing import Optional

from extractors.doc_binary_sprms import apply_bold, iter_sprms

FC_STSHF = 1
ISTD_NIL = 0x0FFF
STK_PARAGRAPH, STK_CHARACTER = 1, 2
SPRM_C_BOLD = 0x0835
SPRM_P_ILFO, SPRM_P_ILVL = 0x460B, 0x260A
MAX_CHAIN = 16                      # istdBase hops followed before giving up (loops in damaged files)


@dataclass
class _Style:
    stk: int
    base: int
    papx: bytes = b""
    chpx: bytes = b""


def bold_sprm(grpprl: bytes) -> Optional[int]:
    """The last sprmCFBold operand of a grpprl, or None."""
    value = None
    for sprm, op in iter_sprms(grpprl):
        if sprm == SPRM_C_BOLD:
            value = op[0]
    return value


class StyleSheet:
    """Styles by istd; empty (every lookup answers "not bold", "no list") when unreadable."""

    def __init__(self, table: bytes, fc_lcb: list[tuple[int, int]]):
        self.styles: dict[int, _Style] = {}
        self._bold: dict[tuple[int, bool], bool] = {}
        fc, lcb = fc_lcb[FC_STSHF] if len(fc_lcb) > FC_STSHF else (0, 0)
        if lcb < 6 or fc + lcb > len(table):
            return
        try:
            self._read(table[fc:fc + lcb])
        except (struct.error, IndexError):
            self.styles = {}

    def _read(self, stsh: bytes) -> None:
        cb_stshi = struct.unpack_from("<H", stsh, 0)[0]
        cstd, cb_base = struct.unpack_from("<HH", stsh, 2)
        pos = 2 + cb_stshi
        for istd in range(cstd):
            cb_std = struct.unpack_from("<H", stsh, pos)[0]
            std = stsh[pos + 2:pos + 2 + cb_std]
            pos += 2 + cb_std
            if cb_std < max(cb_base, 10):
                continue
            stk_base, cupx_next = struct.unpack_from("<HH", std, 2)
            style = _Style(stk=stk_base & 0x0F, base=stk_base >> 4)
            cch = struct.unpack_from("<H", std, cb_base)[0]
            p = cb_base + 2 + 2 * cch + 2                      # the name and its terminating null
            upxs = []
            for _ in range(cupx_next & 0x0F):
                cb_upx = struct.unpack_from("<H", std, p)[0]
                upxs.append(std[p + 2:p + 2 + cb_upx])
                p += 2 + cb_upx + (cb_upx & 1)
            if style.stk == STK_PARAGRAPH and len(upxs) >= 2:
                style.papx, style.chpx = upxs[0][2:], upxs[1]
            elif style.stk == STK_CHARACTER and upxs:
                style.chpx = upxs[0]
            self.styles[istd] = style

    def _chain(self, istd: int) -> list[_Style]:
        """The style and its bases, the style itself first."""
        out = []
        while istd != ISTD_NIL and istd in self.styles and len(out) < MAX_CHAIN:
            out.append(self.styles[istd])
            istd = self.styles[istd].base
        return out

    def bold(self, istd: int, base: bool = False) -> bool:
        """Whether text in style ``istd`` is bold, on top of ``base`` (for a character style:
        the paragraph style's value)."""
        key = (istd, base)
        if key not in self._bold:
            value = base
            for style in reversed(self._chain(istd)):
                sprm = bold_sprm(style.chpx)
                if sprm is not None:
                    value = apply_bold(sprm, value)
            self._bold[key] = value
        return self._bold[key]

    def list_of(self, istd: int) -> tuple[int, int]:
        """(ilfo, ilvl) a paragraph style gives its paragraphs; (0, 0) when none."""
        ilfo: Optional[int] = None
        ilvl: Optional[int] = None
        for style in self._chain(istd):
            for sprm, op in iter_sprms(style.papx):
                if sprm == SPRM_P_ILFO and ilfo is None:
                    ilfo = struct.unpack("<H", op)[0]
                elif sprm == SPRM_P_ILVL and ilvl is None:
                    ilvl = op[0]
        return ilfo or 0, ilvl or 0
