"""Unseen layouts (issue 20): three synthetic roadmap orders, each as DOCX, ruled PDF and borderless PDF.

The three documents are written here, not taken from the dev set, and differ in what the
extractors meet: column order (deadline before or after the responsible, start / end date
columns, a note column), an abbreviation list after the table or before it (entries that wrap
over two lines), parties one per line, cells merged vertically and section rows merged across,
definitions in parentheses and "(далее – ...)" after a verb, a bilingual header set in capitals
("КАБИНЕТ МИНИСТРОВ РЕСПУБЛИКИ ТАТАРСТАН" / "ТАТАРСТАН РЕСПУБЛИКАСЫ МИНИСТРЛАР КАБИНЕТЫ"),
cells centred vertically (the third document). Each DOCX is printed to PDF by LibreOffice as it
is ("ruled") and with every table border removed ("borderless"), and the three files are
ingested; the PDF exports are scored against the DOCX export of the same document (the DOCX is
the reference: the Must-show of issue 20 is that the PDFs reach the DOCX's figures within 0.02).

usage: python benchmarks/make_layouts.py [OUT] [--scan none,blur,stamp]   (needs LibreOffice's
soffice; default OUT /tmp/roadmaps-layouts). Prints one line per document and variant and a mean
per variant: f1, cells, deadline, party_f1, expansion, metadata (and the metadata fields that
differ). ``--scan`` also turns each ruled PDF into an image-only scan per degradation of
``benchmarks/degrade.py`` (``none``: rendered only; ``all``: every degradation) and scores it
against the DOCX the same way.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Optional

import docx
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.scoring import norm, score_document  # noqa: E402

TATARSTAN = dict(
    before=["КАБИНЕТ МИНИСТРОВ РЕСПУБЛИКИ ТАТАРСТАН", "ТАТАРСТАН РЕСПУБЛИКАСЫ МИНИСТРЛАР КАБИНЕТЫ",
            "ПОСТАНОВЛЕНИЕ КАРАР", "15.03.2021 г. Казань № 245",
            "Об утверждении плана мероприятий («дорожной карты») по развитию среднего профессионального "
            "образования в Республике Татарстан на 2021–2023 годы",
            "Кабинет Министров Республики Татарстан ПОСТАНОВЛЯЕТ:",
            "1. Утвердить прилагаемый план мероприятий («дорожную карту»).",
            "2. Контроль за исполнением настоящего постановления возложить на Министерство образования и "
            "науки Республики Татарстан.",
            "Премьер-министр Республики Татарстан А.В. Песошин",
            "План мероприятий («дорожная карта») по развитию среднего профессионального образования в "
            "Республике Татарстан на 2021–2023 годы"],
    header=["№", "Наименование мероприятия", "Срок исполнения", "Ответственные исполнители",
            "Ожидаемый результат"],
    rows=[
        ["1", "Проведение мониторинга трудоустройства выпускников профессиональных образовательных "
              "организаций", "ежеквартально", "МОиН РТ\nМТЗиСЗ РТ\nмуниципальные органы управления "
              "образованием (по согласованию)", "Аналитическая справка"],
        ["2", "Организация работы центров опережающей профессиональной подготовки", "2021–2023 годы",
         "МОиН РТ\nИРО РТ", "Доля обучающихся, прошедших подготовку, не менее 30 процентов"],
        ["3", "Проведение регионального чемпионата «Молодые профессионалы»", "февраль–март 2022 г.",
         "МОиН РТ\nТоргово-промышленная палата Республики Татарстан (по согласованию)",
         "Проведён чемпионат"],
        ["4", "Обновление материально-технической базы мастерских профессиональных образовательных "
              "организаций по мере необходимости", "до 1 декабря 2022 года", "МОиН РТ",
         "Оснащены мастерские"],
        ["5", "Подготовка отчёта о реализации плана мероприятий", "IV квартал 2023 года",
         "МОиН РТ\nИРО РТ", "Отчёт"],
    ],
    merges=[],
    after=["Список используемых сокращений:",
           "МОиН РТ – Министерство образования и науки Республики Татарстан;",
           "МТЗиСЗ РТ – Министерство труда, занятости и социальной защиты Республики Татарстан;",
           "ИРО РТ – государственное автономное образовательное учреждение дополнительного "
           "профессионального образования «Институт развития образования Республики Татарстан»."],
)

PERM = dict(
    before=["МИНИСТЕРСТВО ОБРАЗОВАНИЯ И НАУКИ ПЕРМСКОГО КРАЯ", "ПРИКАЗ", "12.02.2020 № 26-01-06-150",
            "Об утверждении дорожной карты по развитию профессионального образования в Пермском крае "
            "на 2020–2022 годы",
            "В целях развития кадрового потенциала Пермского края Министерство промышленности и торговли "
            "Пермского края (Минпромторг ПК) и краевое государственное автономное учреждение "
            "«Центр развития профессионального образования» (ЦРПО) обеспечивают участие работодателей.",
            "ПРИКАЗЫВАЮ:", "1. Утвердить прилагаемую дорожную карту.",
            "Министр Р.А. Кассина",
            "Дорожная карта по развитию профессионального образования в Пермском крае на 2020–2022 годы"],
    header=["№ п/п", "Мероприятие", "Дата начала", "Дата окончания", "Ответственный исполнитель",
            "Результат"],
    rows=[
        ["Раздел 1. Организационное обеспечение", None, None, None, None, None],
        ["1.1", "Создание рабочей группы по реализации дорожной карты", "01.03.2020", "31.03.2020",
         "Министерство образования и науки Пермского края", "Приказ о рабочей группе"],
        ["1.2", "Разработка региональной модели профессиональной ориентации", "01.04.2020", "30.09.2020",
         "ЦРПО", "Модель утверждена"],
        ["1.3", "Согласование перечня востребованных профессий с работодателями", "01.04.2020", "31.12.2020",
         None, "Перечень профессий"],
        ["Раздел 2. Кадровое обеспечение", None, None, None, None, None],
        ["2.1", "Стажировки мастеров производственного обучения на предприятиях края", "01.09.2020",
         "31.12.2022", "Минпромторг ПК, ЦРПО", "Не менее 100 стажировок ежегодно"],
        ["2.2", "Повышение квалификации преподавателей по компетенциям движения «Ворлдскиллс»",
         "01.01.2021", "31.12.2022", "ЦРПО", "Удостоверения о повышении квалификации"],
    ],
    merges=[(2, 4, 3, 4), (0, 0, 0, 5), (4, 0, 4, 5)],   # responsible shared by 1.2 and 1.3
    after=[],
)

OMSK = dict(
    before=["МИНИСТЕРСТВО ОБРАЗОВАНИЯ ОМСКОЙ ОБЛАСТИ", "РАСПОРЯЖЕНИЕ", "от 20 января 2022 года № 88",
            "Об утверждении плана мероприятий («дорожной карты») по профессиональной ориентации "
            "обучающихся Омской области на 2022–2024 годы",
            "1. Определить бюджетное учреждение Омской области «Региональный центр профессиональной "
            "ориентации» (далее – РЦПО) координатором плана мероприятий.",
            "2. Утвердить прилагаемый план мероприятий («дорожную карту»).",
            "Министр образования Омской области Т.В. Дернова",
            "Перечень сокращений:",
            "МО ОО – Министерство образования Омской области;",
            "ОМСУ – органы местного самоуправления Омской области, осуществляющие управление в сфере "
            "образования;",
            "ПОО – профессиональные образовательные организации Омской области.",
            "План мероприятий («дорожная карта») по профессиональной ориентации обучающихся Омской области "
            "на 2022–2024 годы"],
    header=["№ п/п", "Наименование мероприятия", "Ответственный исполнитель", "Срок исполнения",
            "Показатель", "Примечание"],
    rows=[
        ["1", "Проведение дней открытых дверей в профессиональных образовательных организациях",
         "ПОО, ОМСУ (по согласованию)", "ежегодно, март–апрель", "Число участников, не менее 5000 человек", "-"],
        ["2", "Организация профессиональных проб для обучающихся 8–9 классов общеобразовательных "
              "организаций Омской области", "РЦПО, ПОО", "август–сентябрь 2022, 2023, 2024",
         "Не менее 3000 обучающихся ежегодно", "-"],
        ["3", "Мониторинг профессиональных намерений выпускников", "РЦПО", "до 1 июня 2022 года",
         "Аналитическая справка", "по необходимости"],
        ["4", "Проведение областного конкурса профессионального мастерства «Лучший по профессии»",
         "МО ОО, ПОО", "IV квартал 2023 года", "Проведён конкурс", "-"],
        ["5", "Подведение итогов реализации плана мероприятий", "МО ОО", "декабрь 2024 года",
         "Отчёт", "-"],
    ],
    merges=[],
    after=[],
    centred=True,
)

DOCS = {"layout_tatarstan": TATARSTAN, "layout_perm": PERM, "layout_omsk": OMSK}


def _set_borders(tbl, on: bool) -> None:
    pr = tbl.tblPr
    for b in pr.findall(qn("w:tblBorders")):
        pr.remove(b)
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        e = OxmlElement(f"w:{edge}")
        if on:
            e.set(qn("w:val"), "single")
            e.set(qn("w:sz"), "4")
            e.set(qn("w:space"), "0")
            e.set(qn("w:color"), "000000")
        else:
            e.set(qn("w:val"), "nil")
        borders.append(e)
    pr.append(borders)


def build_docx(path: Path, spec: dict, borders: bool = True) -> Path:
    """The document of ``spec`` as DOCX; ``borders=False`` removes every table border."""
    d = docx.Document()
    for p in spec["before"]:
        d.add_paragraph(p)
    header, rows = spec["header"], spec["rows"]
    t = d.add_table(rows=1 + len(rows), cols=len(header))
    _set_borders(t._tbl, borders)
    for i, h in enumerate(header):
        t.rows[0].cells[i].text = h
    trpr = t.rows[0]._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    trpr.append(el)
    for r, row in enumerate(rows, start=1):
        for c, text in enumerate(row):
            if text is None:
                continue
            cell = t.rows[r].cells[c]
            lines = text.split("\n")
            cell.paragraphs[0].text = lines[0]
            for ln in lines[1:]:
                cell.add_paragraph(ln)       # one party per paragraph, as an analyst types them
    for r1, c1, r2, c2 in spec["merges"]:
        a, b = t.cell(r1 + 1, c1), t.cell(r2 + 1, c2)
        keep = [p.text for p in a.paragraphs]
        m = a.merge(b)
        for p in m.paragraphs[len(keep):]:
            p._p.getparent().remove(p._p)
    if spec.get("centred"):
        for row in t.rows:
            for cell in row.cells:
                cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    for p in spec["after"]:
        d.add_paragraph(p)
    d.save(str(path))
    return path


def to_pdf(paths: list[Path], out: Path) -> None:
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(["soffice", f"-env:UserInstallation={Path(profile).as_uri()}", "--headless",
                        "--convert-to", "pdf", "--outdir", str(out), *map(str, paths)],
                       check=True, capture_output=True, timeout=600)


def export_of(path: Path) -> dict:
    """Ingest one file into a fresh SQLite database and return its export-contract document."""
    from pipeline.api import documents, ingest_files

    with tempfile.TemporaryDirectory() as td:
        db = f"sqlite:///{td}/layouts.db"
        ingest_files([path], db=db)
        docs = documents(db=db)
    return docs[0] if docs else {"document": {}, "activities": []}


def expansion(ref: dict, doc: dict) -> Optional[float]:
    """Share of the reference's expanded parties whose whole expansion the document repeats."""
    hits = total = 0
    pred = {norm(p["name"]): p.get("expanded") for a in doc["activities"] for p in a.get("parties") or []}
    for a in ref["activities"]:
        for p in a.get("parties") or []:
            if p.get("expanded"):
                total += 1
                hits += norm(pred.get(norm(p["name"]))) == norm(p["expanded"])
    return hits / total if total else None


def scan_of(pdf: Path, variant: str, seed: int = 1) -> Path:
    """The ruled PDF rendered at 170 dpi with one degradation (``none``: none, ``all``: all)."""
    from benchmarks.degrade import ALL, Options, degrade_pdf

    only = ALL if variant == "all" else () if variant == "none" else (variant,)
    out = pdf.with_name(f"{pdf.stem}__scan_{variant}.pdf")
    degrade_pdf(str(pdf), str(out), Options(170, seed, only, None))
    return out


def main() -> None:
    if shutil.which("soffice") is None:
        sys.exit("soffice (LibreOffice) is needed")
    args = [a for a in sys.argv[1:] if a != "--scan"]
    scans = []
    if "--scan" in sys.argv[1:]:
        k = sys.argv.index("--scan")
        scans = sys.argv[k + 1].split(",") if k + 1 < len(sys.argv) else ["none"]
        args = [a for a in args if a != sys.argv[k + 1]] if k + 1 < len(sys.argv) else args
    out = Path(args[0] if args else "/tmp/roadmaps-layouts")
    out.mkdir(parents=True, exist_ok=True)
    made = []
    for name, spec in DOCS.items():
        made.append(build_docx(out / f"{name}.docx", spec))
        made.append(build_docx(out / f"{name}_borderless.docx", spec, borders=False))
    to_pdf(made, out)
    means: dict[str, list[dict]] = {"pdf": [], "borderless": [], **{f"scan_{v}": [] for v in scans}}
    for name in DOCS:
        ref = export_of(out / f"{name}.docx")
        (out / f"{name}.docx.json").write_text(json.dumps(ref, ensure_ascii=False, indent=1), encoding="utf-8")
        variants = [("pdf", out / f"{name}.pdf"), ("borderless", out / f"{name}_borderless.pdf")]
        variants += [(f"scan_{v}", scan_of(out / f"{name}.pdf", v)) for v in scans]
        for variant, pdf in variants:
            doc = export_of(pdf)
            (out / f"{pdf.name}.json").write_text(json.dumps(doc, ensure_ascii=False, indent=1), encoding="utf-8")
            s = score_document(ref, doc)
            s["expansion"] = expansion(ref, doc)
            means[variant].append(s)
            wrong = [k for k, ok in s["metadata_fields"].items() if not ok]
            print(f"{name:18s} {variant:12s} " + " ".join(
                f"{k}={round(s[k], 3) if s[k] is not None else '-'}"
                for k in ("f1", "cell_accuracy", "deadline", "party_f1", "expansion", "metadata"))
                + (f"  metadata differs: {wrong}" if wrong else ""))
    for variant, rows in means.items():
        keys = ("f1", "cell_accuracy", "deadline", "party_f1", "expansion", "metadata")
        avg = {k: [r[k] for r in rows if r[k] is not None] for k in keys}
        print(f"MEAN {variant:10s} " + " ".join(f"{k}={round(sum(v) / len(v), 3) if v else '-'}"
                                                 for k, v in avg.items()))


if __name__ == "__main__":
    main()
