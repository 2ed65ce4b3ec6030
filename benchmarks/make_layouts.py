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

usage: python benchmarks/make_layouts.py [OUT]      (needs LibreOffice's soffice; default OUT
/tmp/roadmaps-layouts). Prints one line per document and variant and a mean per variant:
f1, cells, deadline, party_f1, expansion, metadata (and the metadata fields that differ).
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
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm

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

KURSK = dict(
    before=["КОМИТЕТ ОБРАЗОВАНИЯ И НАУКИ КУРСКОЙ ОБЛАСТИ", "ПРИКАЗ", "от 3 марта 2023 г. № 1-215",
            "Об утверждении плана мероприятий («дорожной карты») по подготовке кадров для "
            "промышленности Курской области на 2023–2025 годы",
            "В целях обеспечения предприятий региона квалифицированными кадрами совместно с "
            "комитетом промышленности, транспорта и связи Курской области (Минпромтранс КО) и "
            "Управлением Роспотребнадзора по Курской области (Роспотребнадзор КО)",
            "ПРИКАЗЫВАЮ:", "1. Утвердить прилагаемый план мероприятий («дорожную карту»).",
            "Председатель комитета Н.А. Бастрыкина",
            "Список сокращений:",
            "КОиН КО – комитет образования и науки Курской области;",
            "КУГС КО – комитет по управлению государственной собственностью Курской области;",
            "ЦОПП – областное бюджетное учреждение дополнительного профессионального образования "
            "«Центр опережающей профессиональной подготовки Курской области».",
            "План мероприятий («дорожная карта») по подготовке кадров для промышленности Курской "
            "области на 2023–2025 годы"],
    header=["№ п/п", "Наименование мероприятия", "Срок начала", "Срок окончания",
            "Ответственные исполнители", "Ожидаемый результат", "Примечание"],
    widths=[1.0, 6.5, 2.2, 2.2, 2.6, 5.5, 3.0],
    rows=[
        ["1.", "Мониторинг потребности предприятий оборонно-промышленного комплекса в рабочих кадрах",
         "01.04.2023", "31.12.2025", "КОиН КО\nМинпромтранс КО\nЦОПП", "Ежегодный прогноз потребности "
         "в кадрах", "по согласованию"],
        ["2.", "Создание научно-методического центра сопровождения наставничества на производстве",
         "01.06.2023", "01.09.2023", "ЦОПП\nКУГС КО", "Центр создан", "-"],
        ["3.", "Санитарно-эпидемиологическая экспертиза учебно-производственных мастерских",
         "01.09.2023", "30.11.2023", "Роспотребнадзор КО (по согласованию)", "Заключения получены", "-"],
        ["4.", "Организация сетевой формы реализации образовательных программ с участием "
               "предприятий-работодателей", "01.09.2023", "31.08.2025", "КОиН КО\nЦОПП",
         "Не менее 12 сетевых программ", "ежегодно"],
        ["5.", "Подготовка ежегодного доклада о ходе реализации плана", "01.12.2023", "31.12.2025",
         "КОиН КО", "Доклад", "-"],
    ],
    merges=[],
    after=[],
    landscape=True,
)

YAKUTIA = dict(
    before=["МИНИСТЕРСТВО ОБРАЗОВАНИЯ И НАУКИ РЕСПУБЛИКИ САХА (ЯКУТИЯ)", "РАСПОРЯЖЕНИЕ",
            "от 14 сентября 2022 г. № 01-03/1555",
            "Об утверждении плана мероприятий по развитию наставничества в Республике Саха (Якутия) "
            "на 2022–2024 годы",
            "1. Утвердить прилагаемый план мероприятий.",
            "2. Государственному автономному учреждению дополнительного профессионального образования "
            "Республики Саха (Якутия) «Институт развития профессионального образования» (далее – ИРПО) "
            "обеспечить методическое сопровождение.",
            "Министр М.П. Прокопьева",
            "План мероприятий по развитию наставничества в Республике Саха (Якутия) на 2022–2024 годы"],
    header=["№", "Мероприятие", "Срок", "Ответственный", "Результат"],
    widths=[1.0, 7.0, 2.6, 3.0, 3.4],
    rows=[
        ["I. Нормативное обеспечение", None, None, None, None],
        ["1", "Разработка регионального положения о наставничестве в образовательных организациях",
         "III квартал 2022 г.", "МОиН РС(Я)\nИРПО", "Положение утверждено"],
        ["2", "Утверждение типовых программ наставничества", "IV квартал 2022 г.", None,
         "Программы утверждены"],
        ["II. Организационно-методическое сопровождение", None, None, None, None],
        ["3", "Проведение республиканского конкурса «Наставник года»", "ежегодно, ноябрь",
         "МОиН РС(Я)\nпрофессиональные образовательные организации", "Определены победители"],
        ["4", "Курсы повышения квалификации наставников", "2023–2024 годы", "ИРПО",
         "Не менее 200 наставников прошли обучение"],
        ["5", "Сопровождение молодых педагогов в первые три года работы", "постоянно",
         "руководители образовательных организаций", "Доля закреплённых наставников не менее 90 %"],
    ],
    merges=[(1, 3, 2, 3), (0, 0, 0, 4), (3, 0, 3, 4)],   # responsible shared by 1 and 2, centred
    after=["Сокращения: МОиН РС(Я) – Министерство образования и науки Республики Саха (Якутия)."],
    centred=True,
)

NOVOSIB = dict(
    before=["МИНИСТЕРСТВО ОБРАЗОВАНИЯ НОВОСИБИРСКОЙ ОБЛАСТИ", "ПРИКАЗ", "27.01.2024 № 180",
            "Об утверждении комплекса мер («дорожной карты») по развитию системы среднего "
            "профессионального образования Новосибирской области на 2024–2026 годы",
            "В соответствии с соглашением между министерством образования Новосибирской области "
            "(Минобр НСО), министерством экономического развития Новосибирской области "
            "(Минэкономразвития НСО) и министерством труда и социального развития Новосибирской "
            "области (Минтруд НСО)",
            "ПРИКАЗЫВАЮ:", "1. Утвердить прилагаемый комплекс мер («дорожную карту»).",
            "Министр М.Н. Жафяров",
            "Комплекс мер («дорожная карта») по развитию системы среднего профессионального "
            "образования Новосибирской области на 2024–2026 годы"],
    header=["№ п/п", "Наименование мероприятия", "Срок начала", "Срок окончания", "Исполнитель",
            "Соисполнители", "Показатель", "Значение"],
    widths=[1.1, 4.4, 1.9, 1.9, 2.2, 2.4, 2.6, 1.6],
    rows=[
        ["1.1.", "Актуализация прогноза кадровой потребности социально-экономического развития области",
         "01.02.2024", "31.12.2026", "Минэкономразвития НСО", "Минобр НСО\nМинтруд НСО",
         "Прогноз актуализирован", "1"],
        ["1.2.", "Формирование контрольных цифр приёма с учётом прогноза", "01.03.2024", "30.06.2026",
         "Минобр НСО", "работодатели (по согласованию)", "Доля выпускников, трудоустроенных по специальности, %",
         "не менее 70"],
        ["1.3.", "Создание учебно-производственных комплексов на базе колледжей", "01.09.2024", "31.12.2025",
         "Минобр НСО", "Минпромторг НСО\nпредприятия-партнёры", "Количество комплексов, ед.", "4"],
        ["1.4.", "Мониторинг занятости выпускников профессиональных образовательных организаций",
         "01.01.2024", "31.12.2026", "Минтруд НСО", "Минобр НСО", "Отчёт", "ежегодно"],
        ["1.5.", "Проведение ярмарок вакансий для выпускников", "01.04.2024", "31.05.2026",
         "Минтруд НСО", "ЦЗН (по согласованию)", "Количество ярмарок, ед.", "не менее 10"],
    ],
    merges=[],
    after=["Используемые сокращения:",
           "ЦЗН – государственные казённые учреждения Новосибирской области «Центры занятости населения»;",
           "Минпромторг НСО – министерство промышленности, торговли и развития предпринимательства "
           "Новосибирской области."],
)

DOCS = {"layout_tatarstan": TATARSTAN, "layout_perm": PERM, "layout_omsk": OMSK,
        "layout_kursk": KURSK, "layout_yakutia": YAKUTIA, "layout_novosib": NOVOSIB}


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


def _landscape(d) -> None:
    sec = d.sections[0]
    sec.orientation = WD_ORIENT.LANDSCAPE
    sec.page_width, sec.page_height = sec.page_height, sec.page_width


def _widths(t, widths: list[float]) -> None:
    """Column widths in cm (narrow columns make LibreOffice break words)."""
    t.autofit = False
    for i, w in enumerate(widths):
        t.columns[i].width = Cm(w)
        for cell in t.columns[i].cells:
            cell.width = Cm(w)


def build_docx(path: Path, spec: dict, borders: bool = True) -> Path:
    """The document of ``spec`` as DOCX; ``borders=False`` removes every table border."""
    d = docx.Document()
    if spec.get("landscape"):
        _landscape(d)
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
    if spec.get("widths"):
        _widths(t, spec["widths"])
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


def main() -> None:
    if shutil.which("soffice") is None:
        sys.exit("soffice (LibreOffice) is needed")
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/roadmaps-layouts")
    out.mkdir(parents=True, exist_ok=True)
    made = []
    for name, spec in DOCS.items():
        made.append(build_docx(out / f"{name}.docx", spec))
        made.append(build_docx(out / f"{name}_borderless.docx", spec, borders=False))
    to_pdf(made, out)
    means: dict[str, list[dict]] = {"pdf": [], "borderless": []}
    for name in DOCS:
        ref = export_of(out / f"{name}.docx")
        (out / f"{name}.docx.json").write_text(json.dumps(ref, ensure_ascii=False, indent=1), encoding="utf-8")
        for variant, pdf in (("pdf", out / f"{name}.pdf"), ("borderless", out / f"{name}_borderless.pdf")):
            doc = export_of(pdf)
            (out / f"{pdf.name}.json").write_text(json.dumps(doc, ensure_ascii=False, indent=1), encoding="utf-8")
            s = score_document(ref, doc)
            s["expansion"] = expansion(ref, doc)
            means[variant].append(s)
            wrong = [k for k, ok in s["metadata_fields"].items() if not ok]
            print(f"{name:18s} {variant:10s} " + " ".join(
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
