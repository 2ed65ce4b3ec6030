"""Word 97–2003 binary (.doc): the main text as paragraphs with their table properties.

A pure-Python reader of the parts of [MS-DOC] a roadmap table needs, used when
LibreOffice is absent or when its DOC import loses a table (it can read a table
back as one flattened paragraph although the file holds every cell mark):

* the FIB (``WordDocument`` stream) gives the table stream (``0Table``/``1Table``),
  the length of the main text (``ccpText``) and where the structures below are;
* the piece table (Clx → PlcPcd) maps character positions to the bytes of the
  text: compressed pieces are one byte a character (cp1252), the others UTF-16LE;
* paragraph properties come from the PAPX FKPs (PlcBtePapx), looked up by the
  file offset of each paragraph mark; a huge PAPX (sprmPHugePapx) is read from
  the ``Data`` stream, and a piece's own property modifier (Prm) is applied after;
* bold comes from the character properties (CHPX FKPs: sprmCFBold, sprmCIstd) on top
  of the paragraph and character styles (``extractors.doc_binary_styles``); text
  deleted with tracked changes on (sprmCFRMarkDel) is left out, as DOCX ``w:delText`` is.

Field codes are dropped and field results kept, as Word displays them. Encrypted,
fast-saved (incrementally saved) and pre-97 (Word 6/95) files are refused with an
``ExtractionError`` at stage ``doc-binary`` naming the file. The grid is built from
these paragraphs by ``extractors.doc_binary_tables``.
"""

from __future__ import annotations

import io
import struct
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Optional

from extractors.doc_binary_sprms import COMPRESSED_MAP, apply_bold, display_char, field_mask, iter_sprms
from extractors.doc_binary_styles import StyleSheet
from extractors.grid import ExtractionError

STAGE = "doc-binary"
WIDENT = 0xA5EC
NFIB_WORD97 = 0x00C0              # lowest nFib of a Word 97 (or later) FIB
FIB_COMPLEX = 0x0004              # fComplex: the last save was a fast (incremental) save
FIB_ENCRYPTED = 0x0100
FIB_WHICH_TABLE = 0x0200          # 1Table rather than 0Table
FKP_SIZE = 512
# indices of (fc, lcb) pairs in FibRgFcLcb97
FC_PLCF_BTE_CHPX, FC_PLCF_BTE_PAPX, FC_CLX = 12, 13, 33

SPRM_P_IN_TABLE = 0x2416          # sprmPFInTable
SPRM_P_TTP = 0x2417               # sprmPFTtp: the row-end mark of a depth-1 table
SPRM_P_ITAP = 0x6649              # sprmPItap: table depth of the paragraph
SPRM_P_DTAP = 0x664A              # sprmPDtap: change of table depth
SPRM_P_INNER_CELL = 0x244B        # sprmPFInnerTableCell: a cell end of a nested table
SPRM_P_INNER_TTP = 0x244C         # sprmPFInnerTtp: the row end of a nested table
SPRM_P_HUGE_PAPX = 0x6646         # sprmPHugePapx: the grpprl lives in the Data stream
SPRM_C_BOLD = 0x0835
SPRM_C_RMARK_DEL = 0x0800          # sprmCFRMarkDel: text deleted with tracked changes on
SPRM_C_ISTD = 0x4A30               # sprmCIstd: the run's character style


def _fail(path: str, message: str) -> ExtractionError:
    return ExtractionError(message, STAGE, path)


@dataclass
class Piece:
    cp_start: int
    cp_end: int
    fc: int                 # byte offset of the first character in WordDocument
    compressed: bool
    prm: int

    @property
    def width(self) -> int:
        return 1 if self.compressed else 2


@dataclass
class Paragraph:
    """One paragraph of the main text: its characters (mark excluded) and properties."""

    text: str
    mark: str               # "\r", "\x07" (cell or row end) or "\x0c" (section end)
    depth: int = 0          # table depth (0: body text)
    cell_end: bool = False
    row_end: bool = False
    grpprl: bytes = b""     # the paragraph's sprms (TAPX of a row end)
    istd: int = 0           # the paragraph style
    bold: bool = False
    page: int = 1


@dataclass(frozen=True)
class Chp:
    """Direct character properties of a run that the reader uses."""

    bold: Optional[int] = None      # sprmCFBold operand
    deleted: bool = False
    istd: Optional[int] = None      # character style


NO_CHP = Chp()


@dataclass
class _RunTable:
    """Sorted file-offset runs [starts[i], ends[i]) with one value each."""

    starts: list[int] = field(default_factory=list)
    ends: list[int] = field(default_factory=list)
    values: list = field(default_factory=list)

    def find(self, fc: int):
        i = bisect_right(self.starts, fc) - 1
        if i >= 0 and fc < self.ends[i]:
            return self.values[i]
        return None


class DocReader:
    """The streams and tables of one .doc file, read once."""

    def __init__(self, path: str):
        self.path = path
        streams = _read_streams(path)
        self.word = streams["worddocument"]
        self.data = streams.get("data", b"")
        fib = self.word
        if len(fib) < 32 or struct.unpack_from("<H", fib, 0)[0] != WIDENT:
            raise _fail(path, "not a Word 97-2003 document (no Word file information block)")
        nfib, flags = struct.unpack_from("<H", fib, 2)[0], struct.unpack_from("<H", fib, 10)[0]
        if nfib < NFIB_WORD97:
            raise _fail(path, f"a Word 6/95 (or older) .doc (nFib {nfib}) is not read natively: "
                              "save it again as Word 97-2003 or DOCX")
        if flags & FIB_ENCRYPTED:
            raise _fail(path, "password-protected (encrypted) .doc: remove the password and save it again")
        if flags & FIB_COMPLEX:
            raise _fail(path, "a fast-saved .doc (incremental save) is not read natively: "
                              "save it again with fast saves off")
        table_name = "1table" if flags & FIB_WHICH_TABLE else "0table"
        if table_name not in streams:
            raise _fail(path, f"the {table_name} stream named by the FIB is missing")
        self.table = streams[table_name]
        self.ccp_text, self.fc_lcb = self._fib_lists()
        self.prcs: list[bytes] = []
        self.pieces = self._pieces()
        self.papx = self._papx_runs()
        self.chpx = self._chpx_runs()
        self.styles = StyleSheet(self.table, self.fc_lcb)

    # --- FIB ---
    def _fib_lists(self) -> tuple[int, list[tuple[int, int]]]:
        w, pos = self.word, 32
        try:
            csw = struct.unpack_from("<H", w, pos)[0]
            pos += 2 + csw * 2
            cslw = struct.unpack_from("<H", w, pos)[0]
            lw = struct.unpack_from(f"<{cslw}i", w, pos + 2)
            pos += 2 + cslw * 4
            cb = struct.unpack_from("<H", w, pos)[0]
            pairs = struct.unpack_from(f"<{cb * 2}I", w, pos + 2)
        except struct.error as e:
            raise _fail(self.path, f"truncated file information block ({e})") from e
        if len(lw) < 4 or cb <= FC_CLX:
            raise _fail(self.path, "file information block too short for a Word 97 document")
        return lw[3], [(pairs[2 * i], pairs[2 * i + 1]) for i in range(cb)]

    def _table_part(self, index: int) -> bytes:
        fc, lcb = self.fc_lcb[index]
        if lcb == 0:
            return b""
        if fc + lcb > len(self.table):
            raise _fail(self.path, f"structure {index} of the FIB points past the end of the table stream")
        return self.table[fc:fc + lcb]

    # --- piece table ---
    def _pieces(self) -> list[Piece]:
        clx, pos = self._table_part(FC_CLX), 0
        while pos < len(clx) and clx[pos] == 1:            # Prc: property modifiers of pieces
            cb = struct.unpack_from("<h", clx, pos + 1)[0]
            self.prcs.append(clx[pos + 3:pos + 3 + max(cb, 0)])
            pos += 3 + max(cb, 0)
        if pos + 5 > len(clx) or clx[pos] != 2:
            raise _fail(self.path, "no piece table (Clx) in the table stream")
        lcb = struct.unpack_from("<I", clx, pos + 1)[0]
        plc = clx[pos + 5:pos + 5 + lcb]
        n = (len(plc) - 4) // 12
        if n <= 0:
            raise _fail(self.path, "empty piece table")
        cps = struct.unpack_from(f"<{n + 1}i", plc, 0)
        pieces = []
        for i in range(n):
            _, fc_raw, prm = struct.unpack_from("<HIH", plc, 4 * (n + 1) + 8 * i)
            compressed = bool(fc_raw & 0x40000000)
            fc = (fc_raw & 0x3FFFFFFF) // 2 if compressed else fc_raw & 0x3FFFFFFF
            pieces.append(Piece(cps[i], cps[i + 1], fc, compressed, prm))
        return pieces

    def text(self, cp_end: Optional[int] = None) -> tuple[str, list[int]]:
        """The characters from cp 0 to ``cp_end`` (the main text) and each one's file offset."""
        end = self.ccp_text if cp_end is None else cp_end
        parts: list[str] = []
        fcs: list[int] = []
        for p in self.pieces:
            if p.cp_start >= end:
                break
            stop = min(p.cp_end, end)
            count = stop - p.cp_start
            raw = self.word[p.fc:p.fc + count * p.width]
            if p.compressed:
                chunk = raw.decode("latin-1").translate(COMPRESSED_MAP)
            else:
                chunk = raw[:len(raw) // 2 * 2].decode("utf-16-le", "replace")
            parts.append(chunk)
            fcs.extend(range(p.fc, p.fc + len(chunk) * p.width, p.width))
        return "".join(parts), fcs

    def piece_sprms(self, fc: int) -> bytes:
        """The grpprl of the Prm of the piece holding file offset ``fc`` (b"" when none)."""
        if not self.prcs:
            return b""
        for p in self.pieces:
            if p.fc <= fc < p.fc + (p.cp_end - p.cp_start) * p.width:
                if p.prm & 1:
                    i = p.prm >> 1
                    return self.prcs[i] if i < len(self.prcs) else b""
                return b""   # a one-sprm Prm (Prm0, written by fast saves, refused above) is not read
        return b""

    # --- formatted disk pages ---
    def _bte_pages(self, index: int) -> list[int]:
        plc = self._table_part(index)
        n = (len(plc) - 4) // 8
        return [struct.unpack_from("<I", plc, 4 * (n + 1) + 4 * i)[0] & 0x3FFFFF for i in range(max(n, 0))]

    def _fkp(self, pn: int, entry_size: int) -> tuple[bytes, int, tuple]:
        """A PAPX (``entry_size`` 13) or CHPX (1) formatted disk page: bytes, run count, run offsets."""
        start = pn * FKP_SIZE
        fkp = self.word[start:start + FKP_SIZE]
        if len(fkp) < FKP_SIZE:
            raise _fail(self.path, f"formatted disk page {pn} lies past the end of the WordDocument stream")
        crun = fkp[-1]
        if 4 * (crun + 1) + entry_size * crun > FKP_SIZE - 1:
            raise _fail(self.path, f"formatted disk page {pn} is damaged ({crun} runs cannot fit in it)")
        return fkp, crun, struct.unpack_from(f"<{crun + 1}I", fkp, 0)

    def _papx_runs(self) -> _RunTable:
        runs = _RunTable()
        for pn in self._bte_pages(FC_PLCF_BTE_PAPX):
            fkp, crun, rgfc = self._fkp(pn, 13)
            base = 4 * (crun + 1)
            for i in range(crun):
                off = fkp[base + 13 * i] * 2
                grpprl, istd = b"", 0
                if off:
                    cb = fkp[off]
                    if cb:
                        body = fkp[off + 1:off + 1 + 2 * cb - 1]
                    else:
                        body = fkp[off + 2:off + 2 + 2 * fkp[off + 1]]
                    grpprl = self._resolve_huge(body[2:])
                    istd = struct.unpack_from("<H", body, 0)[0] if len(body) >= 2 else 0
                runs.starts.append(rgfc[i])
                runs.ends.append(rgfc[i + 1])
                runs.values.append((istd, grpprl))
        return _sorted(runs)

    def _resolve_huge(self, grpprl: bytes) -> bytes:
        for sprm, op in iter_sprms(grpprl):
            if sprm == SPRM_P_HUGE_PAPX and len(op) == 4:
                off = struct.unpack("<I", op)[0]
                if off + 2 <= len(self.data):
                    cb = struct.unpack_from("<H", self.data, off)[0]
                    return self.data[off + 2:off + 2 + cb]
        return grpprl

    def _chpx_runs(self) -> _RunTable:
        runs = _RunTable()
        for pn in self._bte_pages(FC_PLCF_BTE_CHPX):
            fkp, crun, rgfc = self._fkp(pn, 1)
            base = 4 * (crun + 1)
            for i in range(crun):
                off = fkp[base + i] * 2
                bold, deleted, istd = None, False, None
                if off:
                    for sprm, op in iter_sprms(fkp[off + 1:off + 1 + fkp[off]]):
                        if sprm == SPRM_C_BOLD:
                            bold = op[0]
                        elif sprm == SPRM_C_RMARK_DEL:
                            deleted = bool(op[0])
                        elif sprm == SPRM_C_ISTD:
                            istd = struct.unpack("<H", op)[0]
                runs.starts.append(rgfc[i])
                runs.ends.append(rgfc[i + 1])
                runs.values.append(Chp(bold, deleted, istd))
        return _sorted(runs)

    # --- paragraphs ---
    def paragraphs(self) -> list[Paragraph]:
        """The paragraphs of the main text in order, with table depth, cell and row ends."""
        text, fcs = self.text()
        visible = field_mask(text)
        out: list[Paragraph] = []
        chars: list[str] = []
        shown: list[Chp] = []        # character properties of the visible non-space characters
        page = 1
        for i, ch in enumerate(text):
            if ch in "\r\x07\x0c":
                istd, grpprl = self.papx.find(fcs[i]) or (0, b"")
                para = Paragraph("".join(chars), ch, grpprl=grpprl + self.piece_sprms(fcs[i]),
                                 istd=istd, page=page, bold=self._all_bold(istd, shown))
                _table_flags(para)
                out.append(para)
                chars, shown = [], []
                if ch == "\x0c":
                    page += 1
                continue
            if not visible[i]:
                continue
            out_ch = display_char(ch)
            if out_ch:
                chp = self.chpx.find(fcs[i]) or NO_CHP
                if chp.deleted:                 # a tracked deletion: not in the text Word shows
                    continue
                chars.append(out_ch)
                if not out_ch.isspace():
                    shown.append(chp)
        if "".join(chars).strip():
            out.append(Paragraph("".join(chars), "\r", page=page))
        return out

    def _all_bold(self, istd: int, shown: list[Chp]) -> bool:
        """Whether every visible character is bold: paragraph style, character style, direct bold."""
        if not shown:
            return False
        para_bold = self.styles.bold(istd)
        for chp in set(shown):
            value = para_bold if chp.istd is None else self.styles.bold(chp.istd, para_bold)
            if chp.bold is not None:
                value = apply_bold(chp.bold, value)
            if not value:
                return False
        return True


def _sorted(runs: _RunTable) -> _RunTable:
    order = sorted(range(len(runs.starts)), key=runs.starts.__getitem__)
    return _RunTable([runs.starts[i] for i in order], [runs.ends[i] for i in order],
                     [runs.values[i] for i in order])


def _table_flags(para: Paragraph) -> None:
    """Depth, cell end and row end of a paragraph from its sprms (the last of each wins)."""
    in_table = ttp = inner_cell = inner_ttp = False
    itap: Optional[int] = None
    for sprm, op in iter_sprms(para.grpprl):
        if sprm == SPRM_P_IN_TABLE:
            in_table = bool(op[0])
        elif sprm == SPRM_P_TTP:
            ttp = bool(op[0])
        elif sprm == SPRM_P_ITAP:
            itap = struct.unpack("<i", op)[0]
        elif sprm == SPRM_P_DTAP:
            itap = (itap or int(in_table)) + struct.unpack("<i", op)[0]
        elif sprm == SPRM_P_INNER_CELL:
            inner_cell = bool(op[0])
        elif sprm == SPRM_P_INNER_TTP:
            inner_ttp = bool(op[0])
    depth = max(0, min(itap if itap is not None else int(in_table), 64))
    para.depth = depth
    if depth > 1:
        para.row_end = inner_ttp
        para.cell_end = inner_cell and not inner_ttp
    elif depth == 1:
        para.row_end = ttp and para.mark == "\x07"
        para.cell_end = para.mark == "\x07" and not para.row_end


def _read_streams(path: str) -> dict[str, bytes]:
    import olefile

    try:
        with open(path, "rb") as fh:
            data = fh.read()
        ole = olefile.OleFileIO(io.BytesIO(data))
    except OSError as e:
        raise _fail(path, f"cannot read the OLE compound file ({e})") from e
    except Exception as e:
        raise _fail(path, f"damaged OLE compound file ({type(e).__name__}: {e})") from e
    with ole:
        names = {"/".join(p).lower(): p for p in ole.listdir(streams=True, storages=False)}
        if "worddocument" not in names:
            raise _fail(path, "no WordDocument stream: not a Word document")
        try:
            return {n: ole.openstream(names[n]).read()
                    for n in ("worddocument", "0table", "1table", "data") if n in names}
        except Exception as e:
            raise _fail(path, f"damaged OLE stream ({type(e).__name__}: {e})") from e
