"""Word 97–2003 (.doc) low-level helpers: property modifiers (sprms) and displayed characters.

* ``iter_sprms`` walks a grpprl: each sprm's operand size comes from its ``spra``
  bits (1, 2, 4, 3 bytes or a length-prefixed operand), with the two exceptions
  of [MS-DOC] (sprmTDefTable's two-byte length, sprmPChgTabs' 255 escape);
* ``apply_bold`` applies a sprmCFBold operand (0/1, 0x80 keep, 0x81 flip);
* ``field_mask`` hides field instructions (0x13 … 0x14) and keeps field results;
* ``display_char`` turns Word's control characters into text (line break, tab,
  non-breaking hyphen) or drops them; ``COMPRESSED_MAP`` decodes cp1252 pieces.
"""

from __future__ import annotations

from typing import Iterator

SPRM_T_DEF_TABLE = 0xD608
SPRM_P_CHG_TABS = 0xC615
OPERAND_SIZE = {0: 1, 1: 1, 2: 2, 3: 4, 4: 2, 5: 2, 7: 3}   # by spra; 6 is variable

# bytes 0x80-0x9F of a compressed piece (MS-DOC's table: cp1252, undefined bytes as themselves)
_CP1252_HIGH = {b: bytes([b]).decode("cp1252", "ignore") or chr(b) for b in range(0x80, 0xA0)}
COMPRESSED_MAP = str.maketrans({chr(b): u for b, u in _CP1252_HIGH.items()})


def iter_sprms(grpprl: bytes) -> Iterator[tuple[int, bytes]]:
    """(sprm, operand) pairs of a grpprl; stops quietly at a truncated one."""
    pos, n = 0, len(grpprl)
    while pos + 2 <= n:
        sprm = grpprl[pos] | grpprl[pos + 1] << 8
        pos += 2
        spra = sprm >> 13
        if sprm == SPRM_T_DEF_TABLE and pos + 2 <= n:
            size = 2 + max(0, (grpprl[pos] | grpprl[pos + 1] << 8) - 1)
        elif sprm == SPRM_P_CHG_TABS and pos < n and grpprl[pos] == 255:
            size = _chg_tabs_size(grpprl, pos)
        elif spra == 6:
            size = 1 + grpprl[pos] if pos < n else 1
        else:
            size = OPERAND_SIZE[spra]
        if pos + size > n:
            return
        yield sprm, grpprl[pos:pos + size]
        pos += size


def _chg_tabs_size(grpprl: bytes, pos: int) -> int:
    """Size of a sprmPChgTabs operand whose cb is 255 (PChgTabsDelClose + PChgTabsAdd)."""
    p = pos + 1
    if p >= len(grpprl):
        return 1
    p += 1 + grpprl[p] * 4
    if p >= len(grpprl):
        return p - pos
    p += 1 + grpprl[p] * 3
    return p - pos


def apply_bold(value: int, base: bool) -> bool:
    """A sprmCFBold operand applied on top of ``base`` (0x80: keep it, 0x81: flip it)."""
    if value == 0x80:
        return base
    if value == 0x81:
        return not base
    return bool(value & 1)


def field_mask(text: str) -> list[bool]:
    """Which characters Word displays: field instructions (0x13 … 0x14) hidden, results kept."""
    mask = [True] * len(text)
    stack: list[bool] = []          # per open field: still in its instruction part
    in_code = 0                     # how many open fields are in their instruction part
    for i, ch in enumerate(text):
        if ch == "\x13":
            stack.append(True)
            in_code += 1
            mask[i] = False
        elif ch == "\x14" and stack:
            in_code -= stack[-1]
            stack[-1] = False
            mask[i] = False
        elif ch == "\x15" and stack:
            in_code -= stack.pop()
            mask[i] = False
        elif in_code:
            mask[i] = False
    return mask


def display_char(ch: str) -> str:
    """A character as text: line break and tab kept as \\n and space, other controls dropped."""
    if ch == "\x0b":
        return "\n"
    if ch == "\t":
        return " "
    if ch == "\x1e":
        return "-"
    if ch < " " or ch == "\x1f" or ch == "\ufffd":
        return ""
    return ch
