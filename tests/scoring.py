"""The project's own scorer: an exported document against an expected record (tests/data/gold).

Matching never depends on the order of either list: each expected activity takes the unmatched
exported activity whose title is most similar (number equal breaks ties), if that similarity is at
least ``TITLE_MATCH``. Figures: ``f1`` (activities found), ``cell_accuracy`` (number, title,
deadline and responsible text equal after normalisation, fuzzy for long text), ``deadline`` (start,
end and recurrence equal), ``party_f1`` (names, order-free) and ``metadata`` (region, kind,
number, date, period, authority equal; title similar).
"""

from __future__ import annotations

import re
from typing import Any, Optional

from rapidfuzz import fuzz

TITLE_MATCH = 80        # a pair of activities is the same activity from this title similarity up
TEXT_EQUAL = 95         # long text fields are equal from this similarity up
CELL_FIELDS = ("number", "title", "deadline", "responsible")
META_FIELDS = ("region_code", "doc_kind", "doc_number", "doc_date", "period", "authority")


def norm(s: Optional[str]) -> str:
    """ё→е, one quote and dash form, no tags, one space, lower case."""
    s = (s or "").replace("ё", "е").replace("Ё", "Е")
    s = re.sub(r"<[^>]+>", " ", s)
    s = re.sub(r"[«»\"“”„']", '"', s)
    s = re.sub(r"[‐‑‒–—−]", "-", s)
    return re.sub(r"\s+", " ", s).strip().lower()


def same_text(a: Optional[str], b: Optional[str]) -> bool:
    a, b = norm(a), norm(b)
    if a == b:
        return True
    return len(a) > 20 and fuzz.ratio(a, b) >= TEXT_EQUAL


def f1(tp: int, n_gold: int, n_pred: int) -> float:
    precision = tp / n_pred if n_pred else (1.0 if not n_gold else 0.0)
    recall = tp / n_gold if n_gold else 1.0
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def match_activities(gold: list[dict], pred: list[dict]) -> list[tuple[dict, dict]]:
    """Pairs (gold, predicted): best title similarity first, each activity used once."""
    candidates = []
    for i, g in enumerate(gold):
        for j, p in enumerate(pred):
            score = fuzz.ratio(norm(g.get("title")), norm(p.get("title")))
            if score >= TITLE_MATCH:
                same_number = norm(g.get("number")) == norm(p.get("number"))
                candidates.append((score + (5 if same_number else 0), i, j))
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _, i, j in sorted(candidates, key=lambda c: (-c[0], c[1], c[2])):
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
            pairs.append((gold[i], pred[j]))
    return pairs


def party_counts(gold_names: list[str], pred_names: list[str]) -> tuple[int, int, int]:
    """True positives, gold count, predicted count — order-free, fuzzy ratio ≥ 90."""
    used: set[int] = set()
    tp = 0
    for g in map(norm, gold_names):
        for j, p in enumerate(map(norm, pred_names)):
            if j not in used and fuzz.ratio(g, p) >= 90:
                used.add(j)
                tp += 1
                break
    return tp, len(gold_names), len(pred_names)


def _deadline_equal(g: dict, p: dict) -> bool:
    gn, pn = g.get("deadline_norm") or {}, p.get("deadline_norm") or {}
    return all(gn.get(k) == pn.get(k) for k in ("start", "end", "recurrence"))


def _meta_equal(field: str, g: Any, p: Any) -> bool:
    if field == "period":
        return list(g or []) == list(p or [])
    if isinstance(g, str) or isinstance(p, str):
        return norm(g) == norm(p)
    return g == p


def score_document(gold: dict, doc: dict) -> dict[str, Any]:
    """Scores of one exported document (export contract) against one expected record."""
    g_acts, p_acts = gold["activities"], doc["activities"]
    pairs = match_activities(g_acts, p_acts)
    cells = [same_text(g.get(f), p.get(f)) for g, p in pairs for f in CELL_FIELDS]
    dated = [(g, p) for g, p in pairs if g.get("deadline_norm")]
    tp = gold_n = pred_n = 0
    for g, p in pairs:
        t, gn, pn = party_counts([x["name"] for x in g.get("parties") or []],
                                 [x["name"] for x in p.get("parties") or []])
        tp, gold_n, pred_n = tp + t, gold_n + gn, pred_n + pn
    g_doc, p_doc = gold["document"], doc["document"]
    meta = {f: _meta_equal(f, g_doc.get(f), p_doc.get(f)) for f in META_FIELDS}
    meta["title"] = fuzz.ratio(norm(g_doc.get("title")), norm(p_doc.get("title"))) >= 90
    return {
        "f1": f1(len(pairs), len(g_acts), len(p_acts)),
        "cell_accuracy": sum(cells) / len(cells) if cells else 0.0,
        "deadline": sum(_deadline_equal(g, p) for g, p in dated) / len(dated) if dated else 1.0,
        "party_f1": f1(tp, gold_n, pred_n),
        "metadata": sum(meta.values()) / len(meta),
        "metadata_fields": meta,
    }
