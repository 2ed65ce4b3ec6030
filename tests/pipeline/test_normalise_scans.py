"""pipeline.normalise on scanned documents: party abbreviations mended only where OCR read the text."""

from __future__ import annotations

from pipeline.normalise import parties_of


def test_misread_abbreviations_are_mended_on_scans_only():
    defs = {"МОУО": "муниципальные органы управления образованием"}
    scanned = parties_of("МОУС\nЦЗН", defs, None, scanned=True)
    assert [p.name for p in scanned] == ["МОУО", "ЦЗН"]
    assert scanned[0].expanded == "муниципальные органы управления образованием"
    typed = parties_of("МОУС\nЦЗН", defs, None)            # a born-digital file says what it says
    assert [p.name for p in typed] == ["МОУС", "ЦЗН"]
