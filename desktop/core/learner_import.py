"""Importing learners from a CSV file: read it whatever wrote it, map its columns, check every row,
then import all the good rows at once — or nothing, if the person cancels.

Files come from Excel on Windows (UTF-8 with a BOM, UTF-16, or the Windows code page of the
computer: 1256 for Urdu, 1252 for English), from Google Sheets (UTF-8) and from university
systems (any delimiter). ``read_csv`` finds the encoding (BOM, strict UTF-8, else
``charset-normalizer``) and the delimiter. ``guess_mapping`` matches English and Urdu headers to
learner fields. ``plan_import`` checks every row with the same rules as typing a learner in
(``learners.check_learners``) and reports each refused row with its line in the file, the column
and the reason. ``run_import`` writes the good rows in one transaction, reporting progress and
rolling back if cancelled.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from charset_normalizer import from_bytes

from desktop.core.errors import FieldProblem, InvalidInput, phrase, sentence
from desktop.core.files import write_text_atomically
from desktop.core.services.access import local_campus, require_role
from desktop.core.services.learners import LEARNER_FIELDS, check_learners
from desktop.core.store import Actor, Store

__all__ = [
    "CsvTable",
    "ImportCancelled",
    "ImportPlan",
    "RowProblem",
    "guess_mapping",
    "plan_import",
    "read_csv",
    "run_import",
    "write_problem_report",
]

MAX_BYTES = 200 * 1024 * 1024
BATCH = 2000

# Header words (lower case, punctuation removed) that name each field, English and Urdu.
HEADER_WORDS: dict[str, tuple[str, ...]] = {
    "registration_no": ("registration no", "registration number", "reg no", "regno",
                        "registration", "roll no", "roll number", "student id", "id",
                        "رجسٹریشن نمبر", "رول نمبر"),
    "full_name": ("full name", "name", "student name", "learner name", "نام", "طالب علم کا نام"),
    "guardian_name": ("guardian name", "guardian", "father name", "fathers name", "father",
                      "parent", "ولدیت", "والد کا نام", "سرپرست"),
    "cnic": ("cnic", "cnic no", "cnic number", "nic", "b form", "id card",
             "شناختی کارڈ", "شناختی کارڈ نمبر"),
    "gender": ("gender", "sex", "جنس"),
    "date_of_birth": ("date of birth", "dob", "birth date", "تاریخ پیدائش"),
    "email": ("email", "e mail", "email address", "ای میل"),
    "phone": ("phone", "mobile", "mobile no", "cell", "cell no", "contact", "contact no",
              "phone number", "فون", "موبائل", "فون نمبر"),
    "programme": ("programme", "program", "degree", "programme of study", "پروگرام"),
}  # fmt: skip
GENDER_WORDS = {"m": "male", "f": "female", "مرد": "male", "عورت": "female", "خاتون": "female",
                "لڑکا": "male", "لڑکی": "female"}  # fmt: skip
# Files saved in the Windows Arabic code page (1256) carry Arabic yeh and kaf where Urdu has its
# own letters; Urdu text is stored, shown and searched with the Urdu ones.
_URDU_LETTERS = str.maketrans({"\u064a": "\u06cc", "\u0643": "\u06a9"})
_DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%d/%m/%y", "%d-%b-%Y",
                 "%d %b %Y", "%d-%B-%Y", "%d %B %Y")  # fmt: skip


class ImportCancelled(Exception):
    """The person cancelled; nothing was imported."""


@dataclass(frozen=True)
class CsvTable:
    headers: list[str]
    rows: list[list[str]]
    encoding: str
    delimiter: str


@dataclass(frozen=True)
class RowProblem:
    line: int  # the line in the file, as a spreadsheet shows it (the header is line 1)
    column: str  # the file's column header, or the field when no column maps to it
    value: str
    problem: FieldProblem

    @property
    def reason(self) -> str:
        """The problem and what to do, in English."""
        return sentence(self.problem)


@dataclass
class ImportPlan:
    valid: list[dict[str, Any]] = field(default_factory=list)
    problems: list[RowProblem] = field(default_factory=list)
    refused_lines: list[int] = field(default_factory=list)
    total: int = 0


def _decode(data: bytes) -> tuple[str, str]:
    for bom, name in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                      (codecs.BOM_UTF16_BE, "utf-16")):  # fmt: skip
        if data.startswith(bom):
            try:
                return data.decode(name), name
            except UnicodeDecodeError as exc:
                raise InvalidInput.single(
                    "file",
                    "",
                    "says it is {encoding} but is damaged at byte {byte}",
                    "Save it again from the spreadsheet as CSV UTF-8",
                    encoding=name.upper(),
                    byte=exc.start,
                ) from None
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    best = from_bytes(data, cp_isolation=["cp1256", "cp1252", "utf_16", "latin_1"]).best()
    if best is None:
        raise InvalidInput.single(
            "file",
            "",
            "is not text in any encoding Sanad knows",
            "Save it from the spreadsheet as CSV UTF-8",
        )
    return str(best), best.encoding


def read_csv(path: str | Path) -> CsvTable:
    """The header and rows of a CSV file, whatever its encoding and delimiter."""
    source = Path(path)
    if not source.is_file():
        raise InvalidInput.single("file", str(source), "does not exist", "Choose the file again")
    size = source.stat().st_size
    if size > MAX_BYTES:
        raise InvalidInput.single(
            "file",
            source.name,
            "is {megabytes} MB",
            "Split it into files under {limit} MB",
            megabytes=size // 2**20,
            limit=MAX_BYTES // 2**20,
        )
    text, encoding = _decode(source.read_bytes())
    if encoding.lower() in ("cp1256", "windows-1256"):
        # Only the code page lacks the Urdu letters; a Unicode file means what it says (an
        # Arabic name keeps its Arabic kaf and yeh).
        text = text.translate(_URDU_LETTERS)
    delimiter = _delimiter(text.split("\n", 1)[0])
    rows = [row for row in csv.reader(io.StringIO(text), delimiter=delimiter) if any(row)]
    if not rows:
        raise InvalidInput.single("file", source.name, "is empty", "Choose the file with learners")
    headers = [h.strip() for h in rows[0]]
    width = len(headers)
    body = [(row + [""] * width)[:width] for row in rows[1:]]
    return CsvTable(headers, body, encoding, delimiter)


def _delimiter(header_line: str) -> str:
    """The separator that splits the header line the most (the header is the steadiest line:
    csv.Sniffer guesses wrong on short files)."""
    counts = {d: header_line.count(d) for d in (",", ";", "\t", "|")}
    best = max(counts, key=lambda d: (counts[d], d == ","))
    return best if counts[best] else ","


def _words(header: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", header.lower().replace("'", "")).split())


def guess_mapping(headers: Sequence[str]) -> dict[str, int]:
    """``{field: column index}`` for the columns whose header names a learner field."""
    mapping: dict[str, int] = {}
    for index, header in enumerate(headers):
        words = _words(header)
        for name, options in HEADER_WORDS.items():
            if name not in mapping and words in options:
                mapping[name] = index
                break
    return mapping


def _date(text: str) -> str:
    """Dates as Pakistani spreadsheets write them (day first) to ISO; anything else unchanged,
    so validation can say what is wrong with it."""
    for pattern in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(text, pattern).date().isoformat()
        except ValueError:
            continue
    return text


def _row_data(row: Sequence[str], mapping: dict[str, int]) -> dict[str, Any]:
    data: dict[str, Any] = {}
    for name, index in mapping.items():
        value = row[index].strip()
        if name == "date_of_birth" and value:
            value = _date(value)
        elif name == "gender" and value:
            value = GENDER_WORDS.get(value.lower(), value)
        data[name] = value or None
    return data


def plan_import(
    store: Store,
    table: CsvTable,
    mapping: dict[str, int],
    *,
    campus_id: str | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> ImportPlan:
    """Check every row; nothing is written."""
    unknown = set(mapping) - set(LEARNER_FIELDS)
    if unknown:
        raise ValueError(f"unknown learner fields {sorted(unknown)}")
    missing = [f for f in ("registration_no", "full_name") if f not in mapping]
    if missing:
        raise InvalidInput(
            [
                FieldProblem(f, None, "has no column", "Choose the column that holds it")
                for f in missing
            ]
        )
    campus = campus_id or local_campus(store)
    rows = [_row_data(row, mapping) for row in table.rows]
    total = len(rows)
    valid, refused = check_learners(
        store, campus, rows, progress=(lambda done: progress(done, total)) if progress else None
    )
    plan = ImportPlan(valid=valid, total=total)
    for index, problems in sorted(refused.items()):
        line = index + 2
        plan.refused_lines.append(line)
        for problem in problems:
            column_index = mapping.get(problem.field)
            column = table.headers[column_index] if column_index is not None else problem.field
            raw = table.rows[index][column_index] if column_index is not None else ""
            plan.problems.append(RowProblem(line, column, raw, problem))
    if progress:
        progress(total, total)
    return plan


def run_import(
    store: Store,
    actor: Actor,
    plan: ImportPlan,
    *,
    source: str,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> list[dict[str, Any]]:
    """Import the plan's good rows in one transaction; :class:`ImportCancelled` rolls back."""
    require_role(actor, "admin", doing=phrase("import learners"))
    campus = actor.campus_id or local_campus(store)
    created: list[dict[str, Any]] = []
    with store.transaction(actor) as tx:
        for start in range(0, len(plan.valid), BATCH):
            if cancelled is not None and cancelled():
                raise ImportCancelled("the import was cancelled; nothing was imported")
            created += tx.insert_many("learners", plan.valid[start : start + BATCH], owner=campus)
            if progress:
                progress(len(created), len(plan.valid))
        if created:
            tx.audit(
                "learner.import",
                "learners",
                None,
                {"source": source, "created": len(created), "skipped": len(plan.refused_lines)},
            )
    return created


def write_problem_report(
    plan: ImportPlan,
    destination: str | Path,
    *,
    describe: Callable[[FieldProblem], str] = sentence,
    headers: Sequence[str] = ("line", "column", "value", "problem"),
) -> Path:
    """The refused rows as a CSV a spreadsheet opens (UTF-8 with BOM, for Excel and Urdu);
    ``describe`` and ``headers`` give it in the person's language."""
    dest = Path(destination)
    with write_text_atomically(dest, encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(headers)
        for p in plan.problems:
            writer.writerow([p.line, p.column, p.value, describe(p.problem)])
    return dest
