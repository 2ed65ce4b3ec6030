"""extractors.image_labels: the same components as OpenCV's, with 16-bit labels when they fit."""

from __future__ import annotations

import cv2
import numpy as np

from extractors.image_labels import components


def test_components_match_opencv_with_either_label_width():
    few = np.zeros((120, 200), np.uint8)
    few[10:12, 5:190] = 255
    few[20:110, 50:52] = 255
    few[60, 100] = 255
    many = np.zeros((500, 500), np.uint8)
    many[::2, ::2] = 255                       # 62,500 isolated dots: labels need 32 bits
    rng = np.random.default_rng(3)
    grain = ((rng.random((2340, 1650)) < 0.44) * 255).astype(np.uint8)   # few components, but the
    # labelling's provisional labels overflow 16 bits
    for mask in (few, many, grain):
        n, labels, stats, _ = components(mask)
        n2, labels2, stats2, _ = cv2.connectedComponentsWithStats(mask, connectivity=8)
        assert n == n2 and (stats == stats2).all() and (labels.astype(np.int64) == labels2).all()
    assert components(few)[1].dtype == np.uint16
    assert components(grain)[1].dtype == np.int32          # fell back to 32-bit labels


def test_inside_reuse_labels_the_same_view_is_labelled_once_and_other_views_are_not_confused():
    from extractors.image_labels import reuse_labels

    mask = np.zeros((60, 80), np.uint8)
    mask[5, 2:70] = 255
    mask[10:50, 40] = 255
    other = mask.copy()
    other[30, 5:20] = 255
    with reuse_labels():
        first = components(mask)
        assert components(mask) is first                       # unchanged: the same labelling
        assert components(mask.T) is not first                  # the transpose is another view
        assert components(mask.T)[0] == first[0]
        assert components(other)[0] == first[0] + 1             # another array
        assert components(mask[10:20]) is not components(mask[20:30])   # same shape, other memory
    assert components(mask) is not first                        # outside the block: labelled again
