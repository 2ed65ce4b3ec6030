"""A second, independent photocopy generator: Augraphy's ink, paper and post phases, seeded.

``degrade.py`` is this project's own model of a photocopy, and the OCR path was measured on it
while it was built; a method tuned to one generator can pass its tests and fail on real copies.
This script renders a PDF at ``--dpi`` and passes each page through a photocopier-like Augraphy
pipeline (https://github.com/sparkfish/augraphy) that nothing in ``extractors/`` was written
against:

* ink: ink bleed, letterpress (uneven toner inside strokes), low-ink streaks;
* paper: noise texture (grainy, uneven paper);
* post: dirty drum streaks, "bad photocopy" speckle clouds, a rotation of up to 2°, subtle
  noise, JPEG at quality 50–70.

The text stays readable by a person (that is the bar: a page no one can read is no test). Python's
and NumPy's generators and Augraphy's ``random_seed`` are seeded per page, yet some phases draw
from a source of their own: about one page in four differs between two runs of the same seed
(checked on the dev PDFs). Compare means over a corpus, not single pages.

Augraphy is a measuring tool only, not a dependency of the product: install it into any
environment (``pip install augraphy``; it brings numba, scikit-image, scikit-learn) and run

    python benchmarks/photocopy.py IN.pdf OUT.pdf [--dpi 170] [--seed 1]

``make_layouts.py --scan photocopy`` and ``eval_degraded.py --variants photocopy`` use it when it
is installed.
"""

from __future__ import annotations

import argparse
import contextlib
import random
import sys
import tempfile
from pathlib import Path
from typing import Optional

import cv2
import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def augraphy_pipeline(seed: int):
    """The photocopier pipeline (Augraphy imported here: only this script needs it)."""
    from augraphy import (AugraphyPipeline, BadPhotoCopy, DirtyDrum, Geometric, InkBleed, Jpeg, Letterpress,
                          LowInkRandomLines, NoiseTexturize, SubtleNoise)

    ink = [InkBleed(intensity_range=(0.3, 0.5), kernel_size=(3, 3), p=0.7),
           Letterpress(p=0.4),
           LowInkRandomLines(count_range=(3, 8), use_consistent_lines=False, p=0.5)]
    paper = [NoiseTexturize(sigma_range=(3, 6), turbulence_range=(2, 4), p=0.7)]
    post = [DirtyDrum(line_width_range=(1, 3), line_concentration=0.05, direction=-1, noise_intensity=0.3, p=0.5),
            BadPhotoCopy(noise_type=-1, noise_iteration=(1, 1), noise_size=(1, 2), noise_value=(64, 128),
                         noise_sparsity=(0.3, 0.5), noise_concentration=(0.2, 0.3), blur_noise=1, wave_pattern=0,
                         edge_effect=0, p=0.6),
            Geometric(rotate_range=(-2, 2), p=0.8),
            SubtleNoise(subtle_range=10, p=0.8),
            Jpeg(quality_range=(50, 70), p=1.0)]
    return AugraphyPipeline(ink_phase=ink, paper_phase=paper, post_phase=post, random_seed=seed)


def photocopy_page(rgb: np.ndarray, seed: int) -> np.ndarray:
    """One page (RGB) as the photocopier pipeline gives it back (RGB)."""
    random.seed(seed)
    np.random.seed(seed % (2 ** 32))
    out = augraphy_pipeline(seed)(cv2.cvtColor(rgb, cv2.COLOR_RGB2BGR))
    return cv2.cvtColor(out, cv2.COLOR_GRAY2RGB) if out.ndim == 2 else cv2.cvtColor(out, cv2.COLOR_BGR2RGB)


def photocopy_pdf(src: str, out: str, dpi: int = 170, seed: int = 1, pages: Optional[list[int]] = None) -> None:
    """``src`` rendered at ``dpi`` (only ``pages``, 1-based, when given), each page photocopied,
    written as an image-only PDF (JPEG pages at quality 90, over the pipeline's own JPEG)."""
    from benchmarks.degrade import render, write_pdf

    images = render(src, dpi, pages)
    # Augraphy keeps a cache of the pages it has seen in ./augraphy_cache and may draw on it: a new
    # empty folder per run keeps the checkout clean and one run's pages out of the next
    with tempfile.TemporaryDirectory(prefix="photocopy-") as work, contextlib.chdir(work):
        copies = [(photocopy_page(img, seed * 1000 + i), 90) for i, img in enumerate(images)]
    write_pdf(copies, dpi, out)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("src")
    ap.add_argument("out")
    ap.add_argument("--dpi", type=int, default=170)
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    try:
        import augraphy  # noqa: F401
    except ImportError:
        raise SystemExit("photocopy.py needs Augraphy: pip install augraphy") from None
    photocopy_pdf(a.src, a.out, a.dpi, a.seed)


if __name__ == "__main__":
    main()
