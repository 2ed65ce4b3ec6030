"""OCR settings: render resolution, Tesseract language and modes, the sizes that make a ruling line,
confidence thresholds of the word re-reads."""

from __future__ import annotations

import re


ROMAN_RE = re.compile(r"^[IVX]{1,4}[.,]?$")
DIGITS_RE = re.compile(r"^[\d.,;:()\-–]+$")
LATIN_WORD_RE = re.compile(r"^[(«\"]?[A-Za-z][A-Za-z\-]*[a-z][A-Za-z\-]*[)»\".,;:]*$")
CYR_WORD_RE = re.compile(r"^[А-Яа-яЁё][А-Яа-яЁё\-]+$")
RENDER_DPI = 200
TESS_LANG = "rus"
TESS_CONFIG = "--oem 1 --psm 6"
MAX_SKEW = 5.0               # degrees searched either side of level
INK_BLANK_SHARE = 0.0015     # a page with less ink than this share of its pixels is blank
# a page whose ink covers this share of it — text pages measure 0.05-0.21 (clean, degraded and
# real scans alike), random noise of any grain 0.50 — evenly: grey so flat that 6 mm blocks of it
# differ by less than NOISE_BLOCK_STD (noise up to 1 mm grain: 3-11.5; a scanner's dark edge or a
# photograph is dense too, but not flat), though its pixels differ a lot (NOISE_PIXEL_STD; paper
# grain alone is not noise), is not print and is not read
NOISE_PIXEL_STD = 25.0
NOISE_INK_SHARE = 0.35
NOISE_BLOCK_STD = 12.0
NOISE_BLOCK_MM = 6.0
H_LINE_MIN_INCH = 0.5        # a horizontal ruling line is at least this long (bold text runs are shorter) ...
V_LINE_MIN_INCH = 0.25       # ... a vertical one this long (taller than capitals and brackets) ...
TOLERANT_LENGTH_GAIN = 1.1    # ... or this many times the total rule length
TOLERANT_GAIN = 1.3          # clean page: the gap-tolerant rule search must find this many times the cells
V_FLOATING_MAX_INCH = 1.5    # a vertical line shorter than this must touch a horizontal one (stacked stems of
                             # left-aligned lines in a cell make dashed "rules" near an inch long)
BREAK_MAX_INCH = 0.15        # a break in a rule away from crossings is bridged up to this long (a toner gap;
                             # two tables on one line are a text line or more apart) ...
BREAK_SHORT_INCH = 0.06       # ... (a gap next to a crossing: only up to this long)
BESIDE_INCH = 0.03           # ... and when no letters lie this close beside the gap on both sides
STUB_MAX_INCH = 0.12         # a vertical rule's end past its last crossing this long, letters beside: a stem
STEM_SPAN_MAX_INCH = 0.4     # a column rule's stretch between two crossings this short may be a letter's stem
STEM_PAPER_PX = 2            # ... when paper this long parts its ink from both crossings
STEM_PIECE_MAX_INCH = 0.2    # ... or when its ink is pieces at most this long (letters of stacked lines) ...
STEM_PIECE_MIN_INCH = 0.04   # ... and at least this long (grain on a faded rule leaves shorter bits)
BREAK_MAX_INK = 0.5          # ... when at most this share of it has ink on the line (else text runs there)
H_END_REACH_INCH = 0.05      # ... at one of its ends, within this (a stroke crossing a column rule mid-way is none)
H_FLOATING_MAX_INCH = 1.5    # a horizontal piece shorter than this must meet a vertical rule (blurred text lines)
LETTER_TOP_INCH = 0.03       # ... and one of any length meeting none, with ink this far under it ...
LETTER_TOP_FILL = 0.6        # ... over this share of its length, lies on letters (a bold line's tops)
V_ONE_END_MAX_INCH = 0.45    # ... and one shorter than this must touch horizontal lines at both ends
SHORT_V_INCH = 0.08          # ... or this long when both its ends touch horizontal lines (low rows)
LINE_MAX_THICK_INCH = 0.06   # ... and at most this thick
SHORT_H_INCH = 0.15          # a row rule's piece across a narrow cell is at least this long ...
SHORT_H_REACH_INCH = 0.08    # ... its ends this close to the cell's column rules, a row rule on past one
LOW_CONFIDENCE = 0.6         # mean word confidence below this flags the page
OSD_BELOW = 0.5              # below this mean confidence, check the page orientation
NOISE_CONFIDENCE = 0.45      # a token without letters or digits below this is a speck
MIN_SEGMENTS_FOR_TABLE = 3   # horizontal and vertical lines needed for a ruled table
WORKERS = 2
RECHECK_BELOW = 0.6          # words below this confidence are read again, alone and enlarged ...
SHORT_RECHECK_BELOW = 0.9    # ... and short tokens (numbers, Roman numerals) below this
RECHECK_MARGIN = 0.1         # a Russian re-read must be this much surer than the first reading
LATIN_MIN_CONF = 0.6         # an English re-read (WorldSkills, IV, digits) must be this sure
RECHECK_CONFIG = "--oem 1 --psm 6"
MAX_RECHECK = 150            # more doubtful words than this: the page is bad, skip the second look
MISSED_MIN_CONF = 0.5        # text found where the first pass saw none must be this sure
EDGE_NOISE = "‘'`|"          # left-over ticks of an erased vertical line before a word
ERASE_PAD = 3                # pixels: line mask widened by this before erasing
PAPER_LEVEL = 200            # grey values at or above this are paper (ghosts of erased lines)
LONG_RULE_INCH = 1.0          # a straight rule this long found only by the classic search is kept
