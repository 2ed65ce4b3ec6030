"""benchmarks/degrade.py: variant names and the black-and-white photocopy."""
import numpy as np
import pytest

from benchmarks.degrade import ALL, Options, degrade_page, variant_degradations


def test_variant_names():
    assert variant_degradations("none") == ()
    assert variant_degradations("all") == ALL
    assert variant_degradations("blur") == ("blur",)
    assert variant_degradations("all+grey") == ALL + ("grey",)
    assert variant_degradations("stamp+grey") == ("stamp", "grey")
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
