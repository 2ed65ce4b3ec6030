"""The test scorer itself: order-free matching, and figures that fall when the export is wrong."""
import copy
import json

from tests.conftest import GOLD_DIR
from tests.scoring import score_document


def _as_export(gold: dict) -> dict:
    return {"document": dict(gold["document"]), "activities": copy.deepcopy(gold["activities"])}


def test_a_perfect_export_scores_one_in_any_order():
    gold = json.loads((GOLD_DIR / "kaluga_2021.json").read_text(encoding="utf-8"))
    doc = _as_export(gold)
    doc["activities"].reverse()
    m = score_document(gold, doc)
    assert (m["f1"], m["cell_accuracy"], m["deadline"], m["party_f1"], m["metadata"]) == (1, 1, 1, 1, 1)


def test_missing_rows_wrong_deadlines_and_metadata_lower_the_figures():
    gold = json.loads((GOLD_DIR / "kaluga_2021.json").read_text(encoding="utf-8"))
    doc = _as_export(gold)
    del doc["activities"][::2]
    for a in doc["activities"]:
        a["deadline_norm"] = {"start": None, "end": None, "recurrence": "unspecified"}
        a["parties"] = []
    doc["document"]["region_code"] = "RU-MOW"
    m = score_document(gold, doc)
    assert m["f1"] < 0.7 and m["deadline"] < 0.2 and m["party_f1"] == 0
    assert m["metadata_fields"]["region_code"] is False and m["metadata"] < 1
