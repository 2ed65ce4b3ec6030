"""benchmarks/degrade.py: variant names, the black-and-white photocopy and the 1-bit scan."""
import numpy as np
import pytest

from benchmarks.degrade import ALL, Options, degrade_page, variant_degradations


def test_variant_names():
    assert variant_degradations("none") == ()
    assert variant_degradations("all") == ALL
    assert variant_degradations("blur") == ("blur",)
    assert variant_degradations("all+grey") == ALL + ("grey",)
    assert variant_degradations("stamp+grey") == ("stamp", "grey")
    assert variant_degradations("all+bilevel") == ALL + ("bilevel",)
    with pytest.raises(ValueError, match="unknown degradation: smudge"):
        variant_degradations("all+smudge")


def _page() -> np.ndarray:
    img = np.full((400, 300, 3), 250, np.uint8)
    img[100:110, 40:260] = 0          # a line of "text"
    return img


def test_a_grey_photocopy_has_no_colour_left_on_the_stamped_page():
    coloured, _ = degrade_page(_page(), 1, 1, Options(only=("stamp",), seed=3))
    grey, _ = degrade_page(_page(), 1, 1, Options(only=("stamp", "grey"), seed=3))
    spread = lambda img: int((img.max(axis=2).astype(int) - img.min(axis=2)).max())   # noqa: E731
    assert spread(coloured) > 40            # the stamp and signature are coloured ink ...
    assert spread(grey) == 0                # ... and grey on a black-and-white copy
    assert (grey[..., 0] < 200).sum() > (_page()[..., 0] < 200).sum()   # but still there


def test_a_bilevel_scan_has_two_levels_and_no_jpeg():
    page, quality = degrade_page(_page(), 1, 1, Options(only=("stamp", "noise", "jpeg", "bilevel"), seed=5))
    assert set(np.unique(page)) == {0, 255}         # black and white only: no grey, no colour
    assert quality == 0                             # stored losslessly, not as a JPEG
    assert (page[100:110, 40:260, 0] == 0).mean() > 0.95   # the text stays black
    again, _ = degrade_page(_page(), 1, 1, Options(only=("stamp", "noise", "jpeg", "bilevel"), seed=5))
    assert np.array_equal(page, again)              # seeded: the same page twice
