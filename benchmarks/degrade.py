"""Seeded, deterministic "real photocopy" generator: a PDF in, an image-only PDF out.

Each page is rendered (pypdfium2) at ``--dpi`` (150–200, like office scanners)
and degraded the way real photocopies of regional orders are:

=========  ==================================================================
skew       per-page rotation of 0.3–2° (either way), white fill
blur       Gaussian blur (sigma 0.7–1.1 px): soft toner, out-of-focus copier
noise      grain (Gaussian, sigma 6–12 grey levels) and dark speckle
jpeg       JPEG quality 50–70 (the page image is stored as that JPEG)
illum      uneven illumination (a slope of 10–25 %) and a dark binding edge
rules      broken and faded table rules (gaps every few cm, lighter grey)
stamp      last page: a round blue/violet stamp and signature strokes over text
rotate     one page (not the first) turned by 90° or 180°
grey       a black-and-white photocopy: the page in grey levels, so a stamp and a
           signature are grey, not coloured (not part of the default set)
bilevel    a 1-bit scan (an office scanner's "black and white" mode, dynamic threshold):
           each pixel cut against its neighbourhood's mean less 8–20 levels, stored
           losslessly; strokes turn jagged, grain becomes specks (not default)
fax        a 1-bit copy cut at one grey level (110–160) for the whole page: thin and
           faded strokes break up or vanish, a dark edge turns solid (not default)
shift      each page moved sideways and up or down by up to a quarter inch, as a
           scanner places each sheet a little differently (not default)
=========  ==================================================================

``--only NAME[,NAME]`` applies just those degradations (to report them one at
a time); the default applies all but ``grey``, ``bilevel``, ``fax`` and ``shift``. A variant name for the corpus
scripts (``variant_degradations``) is ``none``, ``all``, one name, or names
joined by ``+`` (``all+grey``, ``stamp+grey``, ``all+bilevel``, ``all+fax``, ``all+shift``). The same ``--seed`` gives byte-identical
images (NumPy ``default_rng`` seeded per page and degradation).

Usage::

    python benchmarks/degrade.py IN.pdf OUT.pdf [--dpi 170] [--seed 1] [--only skew,blur]
        [--pages 5-7]
"""

from __future__ import annotations

import argparse
import io
import math
import zlib
from dataclasses import dataclass, field
from typing import Optional

import cv2
import numpy as np

ALL = ("skew", "blur", "noise", "jpeg", "illum", "rules", "stamp", "rotate")
EXTRA = ("grey", "bilevel", "fax", "shift")


def variant_degradations(variant: str) -> tuple[str, ...]:
    """The degradations of a corpus variant: "none", "all", "blur", "all+grey", "stamp+grey"."""
    out: list[str] = []
    for part in (p for p in variant.split("+") if p and p != "none"):
        names = ALL if part == "all" else (part,)
        bad = [n for n in names if n not in ALL + EXTRA]
        if bad:
            raise ValueError(f"unknown degradation: {bad[0]} (known: {', '.join(ALL + EXTRA)})")
        out += [n for n in names if n not in out]
    return tuple(out)


@dataclass
class Options:
    dpi: int = 170
    seed: int = 1
    only: tuple[str, ...] = ALL
    pages: Optional[list[int]] = None    # 1-based pages to keep (default: all)
    rotate_page: Optional[int] = None    # 1-based page to turn (default: chosen by seed)
    quality: Optional[int] = None        # JPEG quality (default: 50-70 by seed)
    extra: dict = field(default_factory=dict)


def _rng(seed: int, page: int, what: str) -> np.random.Generator:
    return np.random.default_rng([seed, page, zlib.crc32(what.encode())])


def parse_pages(spec: Optional[str]) -> Optional[list[int]]:
    """"3" -> pages 1-3; "5-7" -> 5, 6, 7; "1,4" -> 1, 4; None -> all."""
    if not spec:
        return None
    out: list[int] = []
    for part in spec.split(","):
        if "-" in part:
            a, b = part.split("-")
            out.extend(range(int(a), int(b) + 1))
        elif "," not in spec and len(spec.split(",")) == 1:
            out.extend(range(1, int(part) + 1))
        else:
            out.append(int(part))
    return out


def render(path: str, dpi: int, pages: Optional[list[int]] = None) -> list[np.ndarray]:
    """Pages (1-based numbers, default all) as RGB uint8 arrays at ``dpi``."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(path)
    out = []
    try:
        for no in (pages or range(1, len(pdf) + 1)):
            if no > len(pdf):
                continue
            page = pdf[no - 1]
            img = page.render(scale=dpi / 72.0).to_pil().convert("RGB")
            out.append(np.array(img))
            page.close()
    finally:
        pdf.close()
    return out


# ---------------------------------------------------------------- degradations


def skew(img: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    angle = float(rng.uniform(0.3, 2.0)) * (1 if rng.random() < 0.5 else -1)
    h, w = img.shape[:2]
    m = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    return cv2.warpAffine(img, m, (w, h), flags=cv2.INTER_LINEAR,
                          borderMode=cv2.BORDER_CONSTANT, borderValue=(250, 250, 250))


MAX_SHIFT_INCH = 0.25     # a sheet fed into a scanner lies up to this far off where the last one lay


def shift(img: np.ndarray, rng: np.random.Generator, dpi: int) -> np.ndarray:
    """The page moved sideways and up or down by up to ``MAX_SHIFT_INCH`` (each page its own way)."""
    dx, dy = (float(rng.uniform(-MAX_SHIFT_INCH, MAX_SHIFT_INCH)) * dpi for _ in range(2))
    h, w = img.shape[:2]
    m = np.float32([[1, 0, dx], [0, 1, dy]])
    return cv2.warpAffine(img, m, (w, h), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT,
                          borderValue=(250, 250, 250))


def blur(img: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    return cv2.GaussianBlur(img, (0, 0), float(rng.uniform(0.7, 1.1)))


def noise(img: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    h, w = img.shape[:2]
    grain = rng.normal(0, float(rng.uniform(6, 12)), (h, w, 1))
    out = img.astype(np.float32) + grain
    n_specks = int(h * w * 0.0004)
    ys, xs = rng.integers(0, h, n_specks), rng.integers(0, w, n_specks)
    rs = rng.integers(1, 3, n_specks)
    for y, x, r in zip(ys, xs, rs):
        cv2.circle(out, (int(x), int(y)), int(r), (40, 40, 40), -1)
    return np.clip(out, 0, 255).astype(np.uint8)


def illum(img: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    h, w = img.shape[:2]
    slope = float(rng.uniform(0.10, 0.25))
    angle = float(rng.uniform(0, 2 * math.pi))
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    t = (np.cos(angle) * xx / w + np.sin(angle) * yy / h)
    t = (t - t.min()) / max(1e-6, float(t.max() - t.min()))
    gain = 1.0 - slope * t
    # dark binding edge on the left or right: 2-5 % of the width, down to grey 40-90
    edge_w = int(w * float(rng.uniform(0.02, 0.05)))
    dark = float(rng.uniform(40, 90)) / 255.0
    ramp = np.ones(w, np.float32)
    ramp[:edge_w] = dark + (1 - dark) * (np.arange(edge_w) / max(1, edge_w)) ** 2
    if rng.random() < 0.5:
        ramp = ramp[::-1]
    gain = gain * ramp[None, :]
    return np.clip(img.astype(np.float32) * gain[..., None], 0, 255).astype(np.uint8)


def rules(img: np.ndarray, rng: np.random.Generator, dpi: int) -> np.ndarray:
    """Break table rules: gaps of 2–8 px every 1–4 cm, some rules faded to light grey."""
    grey = cv2.cvtColor(img, cv2.COLOR_RGB2GRAY)
    ink = (grey < 160).astype(np.uint8) * 255
    out = img.copy()
    for horizontal in (True, False):
        k = (int(dpi * 0.6), 1) if horizontal else (1, int(dpi * 0.4))
        mask = cv2.morphologyEx(ink, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, k))
        n, labels, stats, _ = cv2.connectedComponentsWithStats(mask, connectivity=8)
        for i in range(1, n):
            x, y, w, h, _ = stats[i]
            sel = labels[y:y + h, x:x + w] == i
            region = out[y:y + h, x:x + w]
            if rng.random() < 0.3:                       # faded rule
                region[sel] = np.maximum(region[sel], int(rng.uniform(150, 190)))
            length = w if horizontal else h
            pos = int(rng.uniform(0, dpi * 0.4))
            while pos < length:
                gap = int(rng.integers(2, 9))
                if horizontal:
                    sub = sel[:, pos:pos + gap]
                    region[:, pos:pos + gap][sub] = 245
                else:
                    sub = sel[pos:pos + gap, :]
                    region[pos:pos + gap, :][sub] = 245
                pos += gap + int(rng.uniform(dpi * 0.4, dpi * 1.6))
    return out


def _text_centre(img: np.ndarray) -> tuple[int, int]:
    """A point over the text in the lower half of the page (where signatures go)."""
    grey = cv2.cvtColor(img, cv2.COLOR_RGB2GRAY)
    ys, xs = np.nonzero(grey < 128)
    h, w = grey.shape
    if len(ys) == 0:
        return w // 2, int(h * 0.7)
    lower = ys > np.percentile(ys, 50)
    return int(np.median(xs[lower])), int(np.percentile(ys[lower], 60))


def stamp(img: np.ndarray, rng: np.random.Generator, dpi: int) -> np.ndarray:
    """A round stamp (blue or violet, semi-transparent) and signature strokes over the text."""
    h, w = img.shape[:2]
    cx, cy = _text_centre(img)
    cx += int(rng.uniform(-0.15, 0.15) * w)
    colour = [(40, 70, 190), (110, 60, 170), (50, 90, 200)][int(rng.integers(0, 3))]
    r = int(dpi * float(rng.uniform(0.7, 0.9)))
    layer = np.zeros((h, w), np.uint8)
    cv2.circle(layer, (cx, cy), r, 255, max(2, dpi // 60))
    cv2.circle(layer, (cx, cy), int(r * 0.72), 255, max(1, dpi // 90))
    # ring "text": short dashes between the circles, and a few lines of "text" inside
    for k in range(36):
        a = 2 * math.pi * k / 36
        p0 = (int(cx + r * 0.8 * math.cos(a)), int(cy + r * 0.8 * math.sin(a)))
        p1 = (int(cx + r * 0.92 * math.cos(a + 0.05)), int(cy + r * 0.92 * math.sin(a + 0.05)))
        cv2.line(layer, p0, p1, 255, max(1, dpi // 100))
    for dy in (-0.25, 0.0, 0.25):
        y = int(cy + dy * r)
        half = int(r * 0.55 * math.sqrt(1 - dy * dy))
        x = cx - half
        while x < cx + half:
            seg = int(rng.integers(dpi // 25, dpi // 10))
            cv2.line(layer, (x, y), (min(cx + half, x + seg), y), 255, max(1, dpi // 80))
            x += seg + dpi // 40
    layer = cv2.GaussianBlur(layer, (0, 0), 0.8)
    alpha = (layer.astype(np.float32) / 255.0 * float(rng.uniform(0.6, 0.85)))[..., None]
    ink = np.array(colour, np.float32)[None, None, :]
    out = img.astype(np.float32)
    out = out * (1 - alpha) + np.minimum(out, ink) * alpha
    # signature: a few smooth strokes in dark blue ink, crossing text to the left of the stamp
    sig = np.zeros((h, w), np.uint8)
    sx, sy = cx - int(dpi * 1.8), cy + int(rng.uniform(-0.2, 0.2) * dpi)
    pts = []
    for t in np.linspace(0, 1, 60):
        x = sx + t * dpi * 1.6
        y = sy + math.sin(t * 4 * math.pi + float(rng.uniform(0, 1))) * dpi * 0.18 * (1 - t / 2)
        pts.append((int(x), int(y)))
    cv2.polylines(sig, [np.array(pts, np.int32)], False, 255, max(2, dpi // 70), cv2.LINE_AA)
    loops = [(sx + int(dpi * (0.2 + 0.35 * i)), sy - int(dpi * 0.1)) for i in range(3)]
    for lx, ly in loops:
        cv2.ellipse(sig, (lx, ly), (int(dpi * 0.12), int(dpi * 0.22)), float(rng.uniform(-30, 30)),
                    0, 300, 255, max(2, dpi // 70), cv2.LINE_AA)
    a2 = (sig.astype(np.float32) / 255.0 * 0.9)[..., None]
    pen = np.array((30, 40, 120), np.float32)[None, None, :]
    out = out * (1 - a2) + np.minimum(out, pen) * a2
    return np.clip(out, 0, 255).astype(np.uint8)


def one_bit(img: np.ndarray, rng: np.random.Generator, dpi: int, fixed: bool) -> np.ndarray:
    """Black (0) and white (255) only: against one grey level (``fixed``) or, as an office
    scanner's dynamic threshold does, against the mean of a neighbourhood about 1/6 inch wide."""
    grey = cv2.cvtColor(img, cv2.COLOR_RGB2GRAY)
    if fixed:
        return np.where(grey < int(rng.integers(110, 161)), 0, 255).astype(np.uint8)
    block = (dpi // 6) | 1
    return cv2.adaptiveThreshold(grey, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY, block,
                                 int(rng.integers(8, 21)))


def turn(img: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    code = [cv2.ROTATE_90_CLOCKWISE, cv2.ROTATE_180, cv2.ROTATE_90_COUNTERCLOCKWISE][int(rng.integers(0, 3))]
    return cv2.rotate(img, code)


def degrade_page(img: np.ndarray, page: int, n_pages: int, opts: Options) -> tuple[np.ndarray, int]:
    """One degraded page (RGB) and its JPEG quality (0 = store losslessly)."""
    only = set(opts.only)
    r = lambda what: _rng(opts.seed, page, what)   # noqa: E731
    if "rules" in only:
        img = rules(img, r("rules"), opts.dpi)
    if "stamp" in only and page == n_pages:
        img = stamp(img, r("stamp"), opts.dpi)
    if "skew" in only:
        img = skew(img, r("skew"))
    if "shift" in only:
        img = shift(img, r("shift"), opts.dpi)
    if "illum" in only:
        img = illum(img, r("illum"))
    if "blur" in only:
        img = blur(img, r("blur"))
    if "noise" in only:
        img = noise(img, r("noise"))
    if "rotate" in only and n_pages > 1:
        target = opts.rotate_page or int(_rng(opts.seed, 0, "rotate-page").integers(2, n_pages + 1))
        if page == target:
            img = turn(img, r("rotate"))
    if "grey" in only:
        img = cv2.cvtColor(cv2.cvtColor(img, cv2.COLOR_RGB2GRAY), cv2.COLOR_GRAY2RGB)
    quality = 0
    if "bilevel" in only or "fax" in only:
        return cv2.cvtColor(one_bit(img, r("bilevel"), opts.dpi, "fax" in only), cv2.COLOR_GRAY2RGB), 0
    if "jpeg" in only:
        quality = opts.quality or int(r("jpeg").integers(50, 71))
    return img, quality


def write_pdf(pages: list[tuple[np.ndarray, int]], dpi: int, out: str) -> None:
    """An image-only PDF, each page sized image/dpi inches; JPEG pages keep their quality."""
    from PIL import Image
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(out, pageCompression=1, invariant=1)
    for img, quality in pages:
        h, w = img.shape[:2]
        pw, ph = w * 72.0 / dpi, h * 72.0 / dpi
        c.setPageSize((pw, ph))
        buf = io.BytesIO()
        pil = Image.fromarray(img)
        if quality:
            pil.save(buf, format="JPEG", quality=quality)
        else:
            pil.save(buf, format="PNG")
        buf.seek(0)
        c.drawImage(ImageReader(buf), 0, 0, pw, ph)
        c.showPage()
    c.save()


def degrade_pdf(src: str, out: str, opts: Options) -> None:
    imgs = render(src, opts.dpi, opts.pages)
    pages = [degrade_page(img, i + 1, len(imgs), opts) for i, img in enumerate(imgs)]
    write_pdf(pages, opts.dpi, out)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("src")
    ap.add_argument("out")
    ap.add_argument("--dpi", type=int, default=170)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--only", default=",".join(ALL), help="comma-separated: " + ",".join(ALL + EXTRA))
    ap.add_argument("--pages", default=None, help='"3" (first 3), "5-7", "1,4"')
    ap.add_argument("--rotate-page", type=int, default=None)
    ap.add_argument("--quality", type=int, default=None)
    a = ap.parse_args()
    only = tuple(x for x in a.only.split(",") if x)
    bad = set(only) - set(ALL + EXTRA)
    if bad:
        ap.error(f"unknown degradation(s): {sorted(bad)}")
    degrade_pdf(a.src, a.out, Options(a.dpi, a.seed, only, parse_pages(a.pages), a.rotate_page, a.quality))


if __name__ == "__main__":
    main()
