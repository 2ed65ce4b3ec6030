"""Analyst corrections to activities, and carrying them over to a new version of a document.

Every change (edit a field, accept a row, merge it into the row above, split it, mark it "not an
activity") updates the activity in place *and* adds a ``Correction`` row (who, when, old value,
new value, reason) in the caller's transaction. Nothing is deleted: a merged row or a row that is
no activity keeps its data and gets a ``review_status`` that the export and the views leave out.

When a changed file from the same source is loaded, ``carry_over`` (called by
``pipeline.store.load`` inside the load's transaction) replays the corrections of the previous
version on the new rows: a row matches when its number and its extracted title agree (number
equal and title similarity >= ``MATCH_WITH_NUMBER``, or title similarity >= ``MATCH_TEXT_ONLY``
alone). A correction whose row is gone, or whose field now reads differently from what the
analyst corrected, is kept with status ``needs_look`` instead of being lost.
"""

from __future__ import annotations

import re
from datetime import datetime, timezone
from typing import Any, Optional, Sequence

from rapidfuzz import fuzz
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from pipeline.store.schema import Activity, Correction, Document, Party, SubItem, Target

EDITABLE = ("number", "title", "description", "tasks", "responsible", "deadline", "result",
            "result_document")
COLUMN = {"deadline": "deadline_raw"}
HIDDEN = ("not_activity", "merged")
ACTIONS = ("edit", "accept", "merge", "split", "not_activity")
APPLIED, NEEDS_LOOK, DISMISSED = "applied", "needs_look", "dismissed"
MATCH_WITH_NUMBER = 60.0
MATCH_TEXT_ONLY = 85.0
SAME_VALUE = 90.0


class ReviewError(ValueError):
    """A change that cannot be made (unknown field, no row above, split text not in the title)."""


def _now() -> datetime:
    return datetime.now(timezone.utc)


def _norm(text: Optional[str]) -> str:
    return re.sub(r"\s+", " ", (text or "").replace("ё", "е").lower()).strip()


def similarity(a: Optional[str], b: Optional[str]) -> float:
    """0..100: how alike two texts are (case, spacing and word order aside)."""
    a, b = _norm(a), _norm(b)
    if not a and not b:
        return 100.0
    if not a or not b:
        return 0.0
    return max(fuzz.ratio(a, b), fuzz.token_sort_ratio(a, b))


def _number(n: Optional[str]) -> str:
    return (n or "").strip().rstrip(".").replace(" ", "")


def get_value(act: Activity, field: str) -> Optional[str]:
    if field not in EDITABLE:
        raise ReviewError(f"unknown field {field!r} (editable: {', '.join(EDITABLE)})")
    return getattr(act, COLUMN.get(field, field))


def is_visible(act: Activity) -> bool:
    return act.review_status not in HIDDEN


# ------------------------------------------------------------------ applying a value


def _reparse_deadline(session: Session, act: Activity) -> None:
    from normalizers.deadlines import normalize_deadline

    doc = session.get(Document, act.document_id)
    period = (doc.period_start, doc.period_end) if doc and doc.period_start is not None else None
    if not act.deadline_raw:
        act.deadline_start = act.deadline_end = act.recurrence = None
        act.deadline_occurrences = []
        return
    d = normalize_deadline(act.deadline_raw, period)
    act.deadline_start, act.deadline_end, act.recurrence = d.start, d.end, d.recurrence
    act.deadline_occurrences = [[s.isoformat() if s else None, e.isoformat() if e else None]
                                for s, e in d.occurrences]


def _reparse_parties(session: Session, act: Activity) -> None:
    """Parties again from the responsible text, as at ingest (abbreviations of the document)."""
    from pipeline.normalise import normalise_parties
    from pipeline.records import ActivityRecord
    from pipeline.store.load import organisation_id

    doc = session.get(Document, act.document_id)
    defs = {a.short: a.full for a in doc.abbreviations} if doc else {}
    rec = ActivityRecord(section=[], number=act.number, title=act.title, responsible=act.responsible)
    normalise_parties(rec, defs, doc.region if doc else None)
    act.parties.clear()   # the old parties are in the correction's old value (the responsible text)
    session.flush()
    for i, p in enumerate(rec.parties):
        act.parties.append(Party(position=i, name=p.name, expanded=p.expanded, by_agreement=p.by_agreement,
                                 organisation_id=organisation_id(session.connection(), p)))


THEMED = ("title", "description", "tasks", "result", "result_document")
DEFER_THEMES = "review_defer_themes"   # session.info key: carry_over re-themes once at its end


def retheme(session: Session, document_id: int) -> None:
    """Themes of the document's activities again (after their text changed)."""
    if session.info.get(DEFER_THEMES):
        return
    from pipeline.themes import assign_themes

    session.flush()
    assign_themes(session, document_id)


def set_value(session: Session, act: Activity, field: str, value: Optional[str]) -> None:
    get_value(act, field)
    setattr(act, COLUMN.get(field, field), value)
    if field == "deadline":
        _reparse_deadline(session, act)
    elif field == "responsible":
        _reparse_parties(session, act)


# ------------------------------------------------------------------ the log


def first_old_value(session: Session, act: Activity, field: str) -> Optional[str]:
    """The field as extracted: the old value of the first correction that changed it (an edit or
    a split of this row, or a merge of the row below into it), else its current value."""
    if act.id is None:
        return get_value(act, field)
    for c in session.scalars(select(Correction).where(
            Correction.document_id == act.document_id, Correction.status == APPLIED,
            Correction.action.in_(("edit", "split", "merge"))).order_by(Correction.id)):
        if c.action in ("edit", "split") and c.activity_id == act.id and c.field == field \
                and (c.old_value is None or isinstance(c.old_value, str)):
            return c.old_value
        if c.action == "merge" and isinstance(c.new_value, dict) and isinstance(c.old_value, dict) \
                and c.new_value.get("into_activity_id") == act.id:
            return (c.old_value.get("above") or {}).get(field)
    return get_value(act, field)


def _match_keys(session: Session, act: Activity) -> tuple[Optional[str], Optional[str]]:
    return first_old_value(session, act, "number"), first_old_value(session, act, "title")


def _record(session: Session, act: Optional[Activity], document: Document, action: str, who: str,
            field: Optional[str] = None, old: Any = None, new: Any = None, reason: Optional[str] = None,
            status: str = APPLIED, note: Optional[str] = None, carried: Optional[Correction] = None,
            keys: Optional[tuple[Optional[str], Optional[str]]] = None) -> Correction:
    if carried is not None:
        number, text = carried.match_number, carried.match_text
    elif keys is not None:
        number, text = keys
    elif act is not None:
        number, text = _match_keys(session, act)
    else:
        number = text = None
    c = Correction(document_id=document.id, activity_id=act.id if act is not None else None,
                   source=document.source, action=action, field=field, old_value=old, new_value=new,
                   reason=reason or None, who=who, at=_now(), status=status, note=note,
                   match_number=number, match_text=text,
                   carried_from_id=carried.id if carried is not None else None)
    session.add(c)
    session.flush()
    return c


def _doc(session: Session, act: Activity) -> Document:
    return session.get(Document, act.document_id)


# ------------------------------------------------------------------ the five changes


def edit(session: Session, act: Activity, field: str, value: Optional[str], who: str,
         reason: Optional[str] = None, **meta) -> Optional[Correction]:
    """Set one field; None when the value is what the row already holds."""
    value = value.strip() if isinstance(value, str) else value
    value = value or None
    old = get_value(act, field)
    if (old or None) == value:
        return None
    keys = _match_keys(session, act)   # as extracted, read before the value changes
    set_value(session, act, field, value)
    if field in THEMED:
        retheme(session, act.document_id)
    return _record(session, act, _doc(session, act), "edit", who, field, old, value, reason, keys=keys, **meta)


def _set_status(session: Session, act: Activity, status: Optional[str], action: str, who: str,
                reason: Optional[str], **meta) -> Correction:
    old = act.review_status
    act.review_status = status
    return _record(session, act, _doc(session, act), action, who, "review_status", old, status, reason, **meta)


def accept(session: Session, act: Activity, who: str, reason: Optional[str] = None, **meta) -> Correction:
    """The analyst checked the row: its values are right as they stand."""
    return _set_status(session, act, "accepted", "accept", who, reason, **meta)


def not_activity(session: Session, act: Activity, who: str, reason: Optional[str] = None,
                 **meta) -> Correction:
    """The row is no activity (a heading, a signature, noise): kept, but left out of export and views."""
    return _set_status(session, act, "not_activity", "not_activity", who, reason, **meta)


def visible_rows(session: Session, document_id: int) -> list[Activity]:
    return [a for a in session.scalars(select(Activity).where(Activity.document_id == document_id)
                                       .order_by(Activity.position)) if is_visible(a)]


def row_above(session: Session, act: Activity) -> Optional[Activity]:
    above = [a for a in visible_rows(session, act.document_id) if a.position < act.position]
    return above[-1] if above else None


def _fields(act: Activity) -> dict[str, Optional[str]]:
    return {f: get_value(act, f) for f in EDITABLE}


def merge_up(session: Session, act: Activity, who: str, reason: Optional[str] = None,
             **meta) -> Correction:
    """Join the row to the row above (texts appended on a new line); the row is kept as "merged"."""
    above = row_above(session, act)
    if above is None:
        raise ReviewError("there is no row above to merge into")
    before = {"above": _fields(above), "row": _fields(act)}
    into_number, into_text = _match_keys(session, above)
    for f in EDITABLE:
        if f == "number":
            continue
        mine = get_value(act, f)
        if mine:
            theirs = get_value(above, f)
            joined = f"{theirs}\n{mine}" if theirs else mine
            set_value(session, above, f, joined)
    offset_t, offset_s = len(above.targets), len(above.sub_items)
    session.execute(update(Target).where(Target.activity_id == act.id)
                    .values(activity_id=above.id, position=Target.position + offset_t))
    session.execute(update(SubItem).where(SubItem.activity_id == act.id)
                    .values(activity_id=above.id, position=SubItem.position + offset_s))
    if above.page_end is None or (act.page_end or 0) > above.page_end:
        above.page_end = act.page_end
    above.bbox = (above.bbox or []) + [b for b in (act.bbox or []) if b not in (above.bbox or [])] or None
    above.quality_flags = list(dict.fromkeys((above.quality_flags or []) + (act.quality_flags or [])))
    session.expire(above, ["targets", "sub_items"])
    session.expire(act, ["targets", "sub_items"])
    act.review_status = "merged"
    retheme(session, act.document_id)
    return _record(session, act, _doc(session, act), "merge", who, None, before,
                   {"into_activity_id": above.id, "into_number": into_number, "into_text": into_text},
                   reason, **meta)


def split(session: Session, act: Activity, tail: str, who: str, new_number: Optional[str] = None,
          reason: Optional[str] = None, **meta) -> Correction:
    """Cut the title at ``tail`` (the text that starts the next activity); a new row follows this one."""
    tail = (tail or "").strip()
    title = act.title or ""
    at = title.find(tail) if tail else -1
    if not tail or at <= 0:
        raise ReviewError("the text of the new row must be the end part of the title (not all of it)")
    head, rest = title[:at].rstrip(), title[at:].strip()
    old_title = act.title
    keys = _match_keys(session, act)
    session.execute(update(Activity).where(Activity.document_id == act.document_id,
                                           Activity.position > act.position)
                    .values(position=Activity.position + 1))
    act.title = head
    new = Activity(document_id=act.document_id, section_id=act.section_id, position=act.position + 1,
                   number=(new_number or "").strip() or None, title=rest, page_start=act.page_end,
                   page_end=act.page_end, confidence=act.confidence, quality_flags=[], extra={},
                   bbox=act.bbox, deadline_occurrences=[])
    session.add(new)
    session.flush()
    retheme(session, act.document_id)
    return _record(session, act, _doc(session, act), "split", who, "title", old_title,
                   {"title": head, "new_row": {"id": new.id, "number": new.number, "title": rest}},
                   reason, keys=keys, **meta)


def dismiss(session: Session, correction: Correction, who: str, reason: Optional[str] = None) -> Correction:
    """A "needs a look" entry the analyst has dealt with; kept, marked dismissed, logged."""
    if correction.status != NEEDS_LOOK:
        raise ReviewError("only corrections that need a look can be dismissed")
    correction.status = DISMISSED
    correction.note = ((correction.note or "") + f" — dismissed by {who}" + (f": {reason}" if reason else "")).strip()
    return correction


# ------------------------------------------------------------------ carrying over


def match_row(number: Optional[str], text: Optional[str], rows: Sequence[Activity]) -> Optional[Activity]:
    """The row of a new version that is the same activity: by number and title similarity."""
    best, best_score = None, -1.0
    for a in rows:
        sim = similarity(text, a.title)
        same_number = bool(_number(number)) and _number(number) == _number(a.number)
        if same_number and sim >= MATCH_WITH_NUMBER:
            score = 100 + sim
        elif sim >= MATCH_TEXT_ONLY and (text or "").strip():
            score = sim
        else:
            continue
        if score > best_score:
            best, best_score = a, score
    return best


def _describe(number: Optional[str], text: Optional[str]) -> str:
    t = re.sub(r"\s+", " ", text or "").strip()
    return f"№ {number or '—'} «{t[:60]}{'…' if len(t) > 60 else ''}»"


def _carry_one(session: Session, c: Correction, doc: Document, version: int) -> Correction:
    rows = visible_rows(session, doc.id)
    target = match_row(c.match_number, c.match_text, rows)
    if target is None:
        return _record(session, None, doc, c.action, c.who, c.field, c.old_value, c.new_value, c.reason,
                       status=NEEDS_LOOK, carried=c,
                       note=f"no row matching {_describe(c.match_number, c.match_text)} in version {version}")
    carried = dict(carried=c, note=f"carried over to version {version}")
    if c.action == "edit":
        current = get_value(target, c.field)
        if _norm(current) == _norm(c.new_value):
            return _record(session, target, doc, "edit", c.who, c.field, c.old_value, c.new_value, c.reason,
                           carried=c, note=f"version {version} already reads so")
        if similarity(current, c.old_value) < SAME_VALUE:
            shown = re.sub(r"\s+", " ", current or "").strip()
            return _record(session, target, doc, "edit", c.who, c.field, c.old_value, c.new_value, c.reason,
                           status=NEEDS_LOOK, carried=c,
                           note=f"version {version} reads «{shown[:80]}» here; not applied")
        return (edit(session, target, c.field, c.new_value, c.who, c.reason, **carried)
                or _record(session, target, doc, "edit", c.who, c.field, c.old_value, c.new_value, c.reason,
                           carried=c, note=f"version {version} already reads so"))
    if c.action == "accept":
        return accept(session, target, c.who, c.reason, **carried)
    if c.action == "not_activity":
        return not_activity(session, target, c.who, c.reason, **carried)
    if c.action == "merge":
        above = row_above(session, target)
        into = c.new_value or {}
        if above is not None and match_row(into.get("into_number"), into.get("into_text"), [above]) is above:
            return merge_up(session, target, c.who, c.reason, **carried)
        return _record(session, target, doc, "merge", c.who, None, c.old_value, c.new_value, c.reason,
                       status=NEEDS_LOOK, carried=c,
                       note=f"the row above differs in version {version}; not merged")
    if c.action == "split":
        new_row = (c.new_value or {}).get("new_row") or {}
        tail = new_row.get("title") or ""
        if tail and (target.title or "").find(tail) > 0:
            return split(session, target, tail, c.who, new_row.get("number"), c.reason, **carried)
        return _record(session, target, doc, "split", c.who, c.field, c.old_value, c.new_value, c.reason,
                       status=NEEDS_LOOK, carried=c,
                       note=f"the title reads differently in version {version}; not split")
    raise ReviewError(f"unknown action {c.action!r}")


def carry_over(session: Session, prev: Document, doc: Document) -> list[Correction]:
    """Replay the corrections of ``prev`` on ``doc`` (its new version); returns the new log rows."""
    session.flush()
    old = list(session.scalars(select(Correction).where(
        Correction.document_id == prev.id, Correction.status.in_((APPLIED, NEEDS_LOOK)))
        .order_by(Correction.id)))
    session.info[DEFER_THEMES] = True
    try:
        out = [_carry_one(session, c, doc, doc.version) for c in old]
    finally:
        session.info.pop(DEFER_THEMES, None)
    if any(c.status == APPLIED and c.action in ("edit", "merge", "split") for c in out):
        retheme(session, doc.id)
    return out


# ------------------------------------------------------------------ reading the log


def corrections_of(session: Session, document_ids: Sequence[int]) -> list[Correction]:
    if not document_ids:
        return []
    return list(session.scalars(select(Correction).where(Correction.document_id.in_(list(document_ids)))
                                .order_by(Correction.id)))


def correction_json(c: Correction) -> dict[str, Any]:
    return {"id": c.id, "action": c.action, "field": c.field, "old_value": c.old_value,
            "new_value": c.new_value, "who": c.who, "at": c.at.isoformat() if c.at else None,
            "reason": c.reason, "status": c.status, "note": c.note, "activity_id": c.activity_id,
            "match_number": c.match_number, "match_text": c.match_text,
            "carried_from_id": c.carried_from_id}
