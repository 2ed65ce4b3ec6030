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
    assert variant_degradations("all+fax") == ALL + ("fax",)
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


@pytest.mark.parametrize("mode", ["bilevel", "fax"])
def test_a_one_bit_scan_has_two_levels_and_no_jpeg(mode):
    only = ("stamp", "noise", "jpeg", mode)
    page, quality = degrade_page(_page(), 1, 1, Options(only=only, seed=5))
    assert set(np.unique(page)) == {0, 255}         # black and white only: no grey, no colour
    assert quality == 0                             # stored losslessly, not as a JPEG
    assert (page[101:109, 41:259, 0] == 0).mean() > 0.9    # the text stays black
    again, _ = degrade_page(_page(), 1, 1, Options(only=only, seed=5))
    assert np.array_equal(page, again)              # seeded: the same page twice


def test_a_faint_line_survives_the_dynamic_threshold_not_the_fixed_one():
    img = np.full((200, 300, 3), 250, np.uint8)
    img[100, 20:280] = 190                          # a faded rule, lighter than any fixed level
    dynamic, _ = degrade_page(img, 1, 1, Options(only=("bilevel",), seed=2))
    fixed, _ = degrade_page(img, 1, 1, Options(only=("fax",), seed=2))
    assert (dynamic[100, 20:280, 0] == 0).mean() > 0.9
    assert (fixed[100, 20:280, 0] == 0).sum() == 0


def test_a_shifted_page_keeps_its_size_and_moves_its_ink_by_at_most_a_quarter_inch():
    page = _page()
    moved, _ = degrade_page(page, 1, 1, Options(only=("shift",), seed=5, dpi=100))
    assert moved.shape == page.shape
    rows = np.flatnonzero((moved[..., 0] < 128).any(axis=1))
    assert rows.size and abs(int(rows[0]) - 100) <= 25 and (rows[0] != 100 or moved.tobytes() != page.tobytes())
    again, _ = degrade_page(page, 1, 1, Options(only=("shift",), seed=5, dpi=100))
    assert again.tobytes() == moved.tobytes()                       # seeded: the same page again
    assert variant_degradations("all+shift") == ALL + ("shift",)
