"""extractors.ocr.missed_blobs: ink no OCR word covers, grouped into the lines it stands on."""

from extractors.ocr.missed_blobs import line_runs


def test_blobs_on_one_line_make_one_run_overlapping_or_a_word_gap_apart():
    blobs = [(100, 50, 80, 24), (175, 52, 20, 18), (200, 50, 90, 24),    # overlapping, touching
             (420, 50, 60, 24),                                          # a column away: new run
             (100, 120, 80, 24)]                                         # the next line
    runs = line_runs(blobs)
    assert [len(r) for r in runs] == [3, 1, 1]
    assert runs[0][0] == (100, 50, 80, 24) and runs[2] == [(100, 120, 80, 24)]
