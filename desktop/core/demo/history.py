"""Two years of a campus's life: cohorts, enrolments in every state, evidence and assessments.

The history is written straight through :class:`~desktop.core.store.Transaction` (with change log
and audit entries, like every write), because the services rightly refuse to enrol anyone into a
cohort that has already ended. What it writes still follows the services' rules: every event path
is a lawful lifecycle, every assessment scores every criterion and its decision agrees with the
rubric's pass rule, every file is in the evidence store under its SHA-256. The tests check this.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import itertools
import json
import math
import random
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from desktop.core.blobs import BlobStore, StoredBlob
from desktop.core.ids import new_id
from desktop.core.rubric import meets_pass_rule
from desktop.core.store import Actor, Store

__all__ = ["CohortPlan", "HistoryWriter"]

WITHDRAWAL_REASONS = (
    "Moved to another city for work",
    "Could not pay the fee this term",
    "Clashes with semester examinations",
    "Family responsibilities",
    "Health reasons",
    "Found a job and has no time for now",
)
STRENGTHS = (
    "your evidence is clear and well organised",
    "the analysis answers the question that was asked",
    "you explain your choices in plain words",
    "the work is complete and carefully checked",
)
NEXT_STEPS = (
    "try the same method on a larger data set",
    "add a short note on what you would do differently",
    "compare your result with one other approach",
    "share the work with a colleague and ask for comments",
)
GAPS = (
    "the evidence does not yet show {criterion}",
    "{criterion} is only partly shown",
    "some steps of {criterion} are missing",
)
FIXES = (
    "the missing steps written out",
    "a short explanation of each decision",
    "a corrected version and a note on what changed",
)
URDU_FEEDBACK_PASS = (
    "بہت خوب! آپ کا کام مکمل اور واضح ہے۔ اگلے مرحلے میں اسے کسی بڑے منصوبے پر آزمائیں۔"
)
URDU_FEEDBACK_RESUBMIT = (
    "ابھی نہیں: کچھ مراحل نامکمل ہیں۔ براہِ کرم وضاحت کے ساتھ دوبارہ جمع کرائیں۔"
)

# Share of final states by where the cohort is in its life. Work handed in to an ended cohort
# has been marked: a campus does not leave submissions waiting for years.
PAST_STATES = (("passed", 65), ("passed_after_resubmit", 14), ("failed", 7), ("withdrawn", 10),
               ("resubmit", 4))  # fmt: skip
# A cohort that ended in the last few weeks still has some work waiting to be marked.
RECENTLY_ENDED_DAYS = 60
RECENTLY_ENDED_STATES = (("passed", 52), ("passed_after_resubmit", 12), ("failed", 6),
                         ("withdrawn", 10), ("resubmit", 5), ("submitted", 15))  # fmt: skip
RUNNING_STATES = (("enrolled", 14), ("in_progress", 34), ("submitted", 18), ("resubmit", 10),
                  ("passed", 14), ("passed_after_resubmit", 2), ("failed", 3),
                  ("withdrawn", 5))  # fmt: skip
UPCOMING_STATES = (("enrolled", 94), ("withdrawn", 6))


# Moments are seconds since the Unix epoch (UTC): cheap to draw, add and compare by the million.
DAY = 86_400
_EPOCH_ORDINAL = dt.date(1970, 1, 1).toordinal()


def _seconds(day: dt.date, hour: int = 0) -> float:
    return float((day.toordinal() - _EPOCH_ORDINAL) * DAY + hour * 3600)


@functools.cache
def _day_text(day: int) -> str:
    return dt.date.fromordinal(_EPOCH_ORDINAL + day).isoformat()


def _stamp(moment: float) -> str:
    """The store's timestamp form, ``2026-03-14T09:30:00.000Z``."""
    day, millis = divmod(int(moment * 1000), DAY * 1000)
    second, millis = divmod(millis, 1000)
    hour, second = divmod(second, 3600)
    minute, second = divmod(second, 60)
    return f"{_day_text(day)}T{hour:02d}:{minute:02d}:{second:02d}.{millis:03d}Z"


def _cumulative(weighted: tuple[tuple[str, int], ...]) -> tuple[tuple[str, ...], list[int]]:
    names = tuple(name for name, _ in weighted)
    return names, list(itertools.accumulate(weight for _, weight in weighted))


_PAST = _cumulative(PAST_STATES)
_RECENTLY_ENDED = _cumulative(RECENTLY_ENDED_STATES)
_RUNNING = _cumulative(RUNNING_STATES)
_UPCOMING = _cumulative(UPCOMING_STATES)


@dataclass
class CohortPlan:
    """A cohort with what the generator needs to know about it."""

    row: dict[str, Any]
    credential: dict[str, Any]
    requirements: list[dict[str, Any]]
    rubric: dict[str, Any]
    assessors: list[str]
    artefact: str
    filled: int = 0

    def __post_init__(self) -> None:
        self.starts = dt.date.fromisoformat(self.row["starts_on"])
        self.ends = dt.date.fromisoformat(self.row["ends_on"])
        self.opens_at = _seconds(self.starts, 10)
        self.closes_at = _seconds(self.ends, 17)


@dataclass
class _Batch:
    enrolments: list[dict[str, Any]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)
    evidence: list[dict[str, Any]] = field(default_factory=list)
    assessments: list[dict[str, Any]] = field(default_factory=list)
    blobs: dict[str, int] = field(default_factory=dict)


class HistoryWriter:
    """Generates and writes the cohort history of one campus."""

    def __init__(
        self,
        store: Store,
        actor: Actor,
        blobs: BlobStore,
        rng: random.Random,
        today: dt.date,
        *,
        max_files: int,
    ) -> None:
        self.store = store
        self.actor = actor
        self.blobs = blobs
        self.rng = rng
        self.today = today
        self.now = _seconds(today)  # the history ends as today begins
        self.campus_id = store.campus_id or ""
        self.max_files = max_files
        self.file_pool: list[tuple[str, int, str]] = []  # (sha256, size, extension)
        self._files = ThreadPoolExecutor(max_workers=1, thread_name_prefix="demo-files")
        self._pending: list[Future[StoredBlob]] = []
        self.counts = {"enrolments": 0, "evidence": 0, "assessments": 0, "evidence files": 0}

    # -- cohorts ---------------------------------------------------------------------------------

    def create_cohorts(
        self,
        enrolments_wanted: int,
        editions: list[tuple[dict[str, Any], str, dt.date | None]],
        assessor_ids: list[str],
    ) -> list[CohortPlan]:
        """Enough cohorts of about 40 seats for the enrolments, from two years ago to the next
        term. ``editions`` lists (published or retired edition, artefact, replaced on)."""
        rng = self.rng
        count = max(len(editions), math.ceil(enrolments_wanted / 32))
        by_code: dict[str, list[tuple[dict[str, Any], str, dt.date | None]]] = {}
        for edition in editions:
            by_code.setdefault(edition[0]["code"], []).append(edition)
        codes = sorted(by_code)
        popular = {"DA-101": 3, "PL-101": 3, "BM-102": 2, "PL-103": 2, "BM-103": 2}
        weights = [popular.get(code, 1) for code in codes]
        serial: dict[str, int] = {}
        rows: list[dict[str, Any]] = []
        plans: list[CohortPlan] = []
        for n in range(count):
            code = codes[n] if n < len(codes) else rng.choices(codes, weights)[0]
            starts = self.today + dt.timedelta(days=rng.randrange(-720, 100))
            # The newest edition whose replacement came after the start, else the oldest.
            options = sorted(by_code[code], key=lambda e: e[0]["edition"])
            chosen = next((e for e in options if e[2] is None or e[2] > starts), options[-1])
            credential, artefact, _ = chosen
            weeks = max(4, min(16, credential["notional_hours"] // 6))
            ends = starts + dt.timedelta(weeks=weeks)
            serial[code] = serial.get(code, 0) + 1
            row = {
                "campus_id": self.campus_id,
                "micro_credential_id": credential["id"],
                "code": f"{code}-{starts.year}-{serial[code]:03d}",
                "starts_on": starts.isoformat(),
                "ends_on": ends.isoformat(),
                "mode": rng.choices(("in_person", "hybrid", "online"), (5, 3, 2))[0],
                "capacity": rng.choice((35, 40, 40, 45)),
                "fee_pkr": rng.choice((None, 5000, 8000, 12000, 15000)),
                "status": "closed" if ends < self.today else "open",
            }
            rows.append(row)
            plans.append(
                CohortPlan(
                    row,
                    credential,
                    json.loads(credential["evidence_requirements"]),
                    json.loads(credential["rubric"]),
                    rng.sample(assessor_ids, k=min(len(assessor_ids), rng.choice((1, 1, 2)))),
                    artefact,
                )
            )
        with self.store.transaction(self.actor) as tx:
            written = tx.insert_many("cohorts", rows, owner=self.campus_id)
            links = []
            for plan, row in zip(plans, written, strict=True):
                plan.row = row
                links.extend({"cohort_id": row["id"], "user_id": uid} for uid in plan.assessors)
            tx.insert_many("cohort_assessors", links, owner=self.campus_id)
            tx.audit("demo.cohorts", "cohorts", None, {"cohorts": len(rows)})
        return plans

    # -- enrolments ------------------------------------------------------------------------------

    def enrol(
        self,
        learners: list[dict[str, Any]],
        plans: list[CohortPlan],
        *,
        per_learner: tuple[int, int] = (3, 7),
        on_learner: Callable[[], None] | None = None,
    ) -> None:
        """Enrol each learner in a few cohorts and play each enrolment's life forward."""
        batch = _Batch()
        rng = self.rng
        for learner in learners:
            wanted = rng.randint(*per_learner)
            chosen: set[int] = set()
            for _ in range(wanted * 6):
                if len(chosen) == wanted:
                    break
                index = rng.randrange(len(plans))
                plan = plans[index]
                if index in chosen or plan.filled >= plan.row["capacity"]:
                    continue
                chosen.add(index)
                plan.filled += 1
                self._play(batch, learner, plan)
            if on_learner:
                on_learner()
        self._write(batch, len(learners))

    def _final_state(self, plan: CohortPlan) -> str:
        if plan.ends < self.today - dt.timedelta(days=RECENTLY_ENDED_DAYS):
            names, cumulative = _PAST
        elif plan.ends < self.today:
            names, cumulative = _RECENTLY_ENDED
        elif plan.starts > self.today:
            names, cumulative = _UPCOMING
        else:
            names, cumulative = _RUNNING
        return self.rng.choices(names, cum_weights=cumulative)[0]

    def _moments(self, plan: CohortPlan, count: int) -> list[float]:
        """``count`` increasing moments, none after now: enrolment before the cohort opens, the
        rest while it runs (or, for a cohort that has not opened, between enrolment and now)."""
        rng = self.rng
        last = min(plan.closes_at + 21 * DAY, self.now)
        start = min(plan.opens_at, last - 3600.0 * count)
        enrolled_at = min(plan.opens_at - rng.uniform(3 * DAY, 30 * DAY), start - 3600)
        span = last - start
        offsets = sorted([rng.random() * span for _ in range(count - 1)])
        return [enrolled_at, *[start + offset for offset in offsets]]

    def _play(self, batch: _Batch, learner: dict[str, Any], plan: CohortPlan) -> None:
        rng = self.rng
        final = self._final_state(plan)
        withdrawn_from = None
        if final == "withdrawn":
            withdrawn_from = rng.choice(("enrolled", "in_progress"))
        # The lawful path to the final state, as (to_status, reason) after "enrolled".
        path: list[tuple[str, str | None]] = []
        if final != "enrolled" and withdrawn_from != "enrolled":
            path.append(("in_progress", "evidence added"))
        if final in ("submitted", "passed", "failed", "resubmit", "passed_after_resubmit"):
            path.append(("submitted", "attempt 1 submitted"))
        if final in ("resubmit", "passed_after_resubmit"):
            path.append(("resubmit", "assessed: resubmit"))
        if final == "passed_after_resubmit":
            path += [("submitted", "attempt 2 submitted"), ("passed", "assessed: pass")]
        elif final in ("passed", "failed"):
            path.append((final, "assessed: pass" if final == "passed" else "assessed: fail"))
        elif final == "withdrawn":
            path.append(("withdrawn", rng.choice(WITHDRAWAL_REASONS)))
        moments = self._moments(plan, len(path) + 1)
        status = path[-1][0] if path else "enrolled"
        attempt = 2 if final in ("resubmit", "passed_after_resubmit") else 1
        enrolment = {
            "id": new_id(),
            "campus_id": self.campus_id,
            "cohort_id": plan.row["id"],
            "learner_id": learner["id"],
            "status": status,
            "attempt": attempt,
            "status_changed_at": _stamp(moments[-1]),
        }
        batch.enrolments.append(enrolment)
        previous = None
        current_attempt = 1
        steps = [("enrolled", None), *path]
        for (to_status, reason), moment in zip(steps, moments, strict=True):
            batch.events.append(
                {
                    "enrolment_id": enrolment["id"],
                    "from_status": previous,
                    "to_status": to_status,
                    "reason": reason,
                    "actor_id": self.actor.user_id,
                    "at": _stamp(moment),
                }
            )
            if to_status == "in_progress" and current_attempt == 1:
                partial = final == "in_progress" or final == "withdrawn"
                self._evidence(batch, learner, plan, enrolment, 1, moment, partial=partial)
            elif to_status == "submitted" and current_attempt == 2:
                self._evidence(batch, learner, plan, enrolment, 2, moment, partial=False)
            elif to_status in ("passed", "failed", "resubmit"):
                decision = {"passed": "pass", "failed": "fail", "resubmit": "resubmit"}[to_status]
                self._assess(batch, plan, enrolment, current_attempt, decision, moment)
                if decision == "resubmit":
                    current_attempt = 2
            previous = to_status
        if final == "resubmit" and rng.random() < 0.5:
            self._evidence(batch, learner, plan, enrolment, 2, moments[-1], partial=True)

    def _evidence(
        self,
        batch: _Batch,
        learner: dict[str, Any],
        plan: CohortPlan,
        enrolment: dict[str, Any],
        attempt: int,
        moment: float,
        *,
        partial: bool,
    ) -> None:
        requirements = plan.requirements[:1] if partial else plan.requirements
        for requirement in requirements:
            kind = self.rng.choice(requirement["kinds"])
            row: dict[str, Any] = {
                "enrolment_id": enrolment["id"],
                "attempt": attempt,
                "requirement_id": requirement["id"],
                "kind": kind,
                "added_by": self.actor.user_id,
            }
            if kind == "file":
                # Work still open or waiting to be marked is what people open in the app: it is
                # always the learner's own file, never one reused from the pool.
                fresh = enrolment["status"] in ("enrolled", "in_progress", "submitted", "resubmit")
                sha256, size, extension = self._file(learner, plan, requirement, fresh=fresh)
                slug = _slug(requirement["title_en"])
                row.update(
                    sha256=sha256,
                    size=size,
                    media_type=_MEDIA_TYPES[extension],
                    original_name=f"{learner['registration_no']}_{slug}.{extension}",
                )
                batch.blobs[sha256] = size
            elif kind == "link":
                handle = learner["full_name"].lower().replace(" ", "-")
                row["url"] = (
                    f"https://portfolio.demo.example/{handle}/"
                    f"{plan.credential['code'].lower()}-attempt-{attempt}"
                )
            else:
                row["text"] = _reflection(self.rng, plan.credential["title_en"], moment)
            batch.evidence.append(row)

    def _file(
        self,
        learner: dict[str, Any],
        plan: CohortPlan,
        requirement: dict[str, Any],
        *,
        fresh: bool = False,
    ) -> tuple[str, int, str]:
        """A new small file while under the cap or when ``fresh``, else one from the pool."""
        if not fresh and len(self.file_pool) >= self.max_files:
            return self.rng.choice(self.file_pool)
        extension = plan.artefact if plan.artefact in _MEDIA_TYPES else "txt"
        content = _artefact(self.rng, extension, learner, plan.credential, requirement).encode()
        # Files are written on a thread while generation goes on; the caller makes them durable.
        self._pending.append(self._files.submit(self.blobs.put_bytes, content, durable=False))
        entry = (hashlib.sha256(content).hexdigest(), len(content), extension)
        self.file_pool.append(entry)
        return entry

    def finish(self) -> None:
        """Wait for the evidence files; each must have been stored under the hash recorded."""
        self._files.shutdown(wait=True)
        stored = {future.result().sha256 for future in self._pending}
        recorded = {sha256 for sha256, _, _ in self.file_pool}
        if stored != recorded:
            raise RuntimeError("an evidence file was not stored under its recorded SHA-256")

    def _assess(
        self,
        batch: _Batch,
        plan: CohortPlan,
        enrolment: dict[str, Any],
        attempt: int,
        decision: str,
        moment: float,
    ) -> None:
        rng = self.rng
        rubric = plan.rubric
        criteria = [c["id"] for c in rubric["criteria"]]
        top = max(level["points"] for level in rubric["levels"])
        while True:
            if decision == "pass":
                scores = {c: rng.choice((1, 2, 2, 3, 3)) for c in criteria}
            elif decision == "resubmit":
                scores = {c: rng.choice((0, 1, 1, 2)) for c in criteria}
            else:
                scores = {c: rng.choice((0, 0, 1)) for c in criteria}
            if meets_pass_rule(rubric, scores) == (decision == "pass"):
                break
        scores = {c: min(s, top) for c, s in scores.items()}
        weakest = min(rubric["criteria"], key=lambda c: scores[c["id"]])["title_en"].lower()
        if decision == "pass":
            feedback = (
                URDU_FEEDBACK_PASS
                if rng.random() < 0.15
                else f"Well done: {rng.choice(STRENGTHS)}. Next, {rng.choice(NEXT_STEPS)}."
            )
        elif decision == "resubmit":
            feedback = (
                URDU_FEEDBACK_RESUBMIT
                if rng.random() < 0.15
                else f"Not yet: {rng.choice(GAPS).format(criterion=weakest)}. "
                f"Please resubmit with {rng.choice(FIXES)}."
            )
        else:
            feedback = (
                f"The evidence does not yet show the competencies: "
                f"{rng.choice(GAPS).format(criterion=weakest)}. "
                "Please talk to your assessor about enrolling in a later cohort."
            )
        batch.assessments.append(
            {
                "enrolment_id": enrolment["id"],
                "attempt": attempt,
                "marker_id": rng.choice(plan.assessors),
                "scores": json.dumps(scores),
                "decision": decision,
                "feedback": feedback,
                "blind": 0,
                "assessed_at": _stamp(moment),
            }
        )

    def _write(self, batch: _Batch, learners: int) -> None:
        with self.store.transaction(self.actor) as tx:
            tx.insert_many("enrolments", batch.enrolments, owner=self.campus_id)
            tx.insert_many("enrolment_events", batch.events, owner=self.campus_id)
            tx.insert_many("evidence", batch.evidence, owner=self.campus_id)
            tx.insert_many("assessments", batch.assessments, owner=self.campus_id)
            self.store.conn.executemany(
                "INSERT OR IGNORE INTO blobs (sha256, size, stored_at) VALUES (?, ?, ?)",
                [(sha, size, tx.now) for sha, size in batch.blobs.items()],
            )
            tx.audit(
                "demo.history",
                "enrolments",
                None,
                {
                    "learners": learners,
                    "enrolments": len(batch.enrolments),
                    "evidence": len(batch.evidence),
                    "assessments": len(batch.assessments),
                },
            )
        self.counts["enrolments"] += len(batch.enrolments)
        self.counts["evidence"] += len(batch.evidence)
        self.counts["assessments"] += len(batch.assessments)
        self.counts["evidence files"] = len({sha256 for sha256, _, _ in self.file_pool})


@functools.cache
def _slug(title: str) -> str:
    return "-".join(title.lower().split()[:3])


_MEDIA_TYPES = {
    "csv": "text/csv",
    "py": "text/x-python",
    "sql": "application/sql",
    "R": "text/plain",
    "md": "text/markdown",
    "txt": "text/plain",
}
_DISTRICTS = ("Islamabad", "Rawalpindi", "Lahore", "Karachi", "Peshawar", "Quetta", "Multan",
              "Faisalabad", "Abbottabad", "Sukkur", "Gilgit", "Muzaffarabad")  # fmt: skip


def _artefact(
    rng: random.Random,
    extension: str,
    learner: dict[str, Any],
    credential: dict[str, Any],
    requirement: dict[str, Any],
) -> str:
    """A small, plausible piece of work: a data file, a script, a query file or a report."""
    header = f"{requirement['title_en']} — {credential['code']} {credential['title_en']}"
    author = f"{learner['full_name']} ({learner['registration_no']})"
    if extension == "csv":
        lines = ["district,month,enrolled,completed,completion_rate"]
        for _ in range(rng.randrange(15, 60)):
            enrolled = rng.randrange(20, 400)
            completed = rng.randrange(0, enrolled + 1)
            lines.append(
                f"{rng.choice(_DISTRICTS)},2025-{rng.randrange(1, 13):02d},{enrolled},"
                f"{completed},{completed / enrolled:.3f}"
            )
        return f"# {header}\n# {author}\n" + "\n".join(lines) + "\n"
    if extension == "py":
        threshold = rng.randrange(40, 70)
        return (
            f'"""{header}.\n\nBy {author}."""\n\n'
            "import csv\n\n\n"
            "def completion_rates(path):\n"
            "    with open(path, newline='') as f:\n"
            "        rows = list(csv.DictReader(f))\n"
            "    return {r['district']: int(r['completed']) / int(r['enrolled'])\n"
            "            for r in rows}\n\n\n"
            "def below(rates, threshold):\n"
            "    return sorted(d for d, rate in rates.items() if rate * 100 < threshold)\n\n\n"
            "def test_below():\n"
            f"    assert below({{'Quetta': 0.3, 'Lahore': 0.9}}, {threshold}) == ['Quetta']\n"
        )
    if extension == "sql":
        return (
            f"-- {header}\n-- {author}\n"
            "CREATE TABLE learner (id INTEGER PRIMARY KEY, name TEXT NOT NULL, district TEXT);\n"
            "CREATE TABLE enrolment (learner_id INTEGER REFERENCES learner(id), course TEXT,\n"
            "                        passed INTEGER NOT NULL DEFAULT 0);\n"
            "SELECT l.district, COUNT(*) AS enrolled, SUM(e.passed) AS passed\n"
            "FROM learner l JOIN enrolment e ON e.learner_id = l.id\n"
            f"GROUP BY l.district HAVING COUNT(*) > {rng.randrange(5, 50)} ORDER BY passed DESC;\n"
        )
    if extension == "R":
        return (
            f"# {header}\n# {author}\n"
            "data <- read.csv('enrolments.csv')\n"
            "data$rate <- data$completed / data$enrolled\n"
            f"summary(lm(rate ~ district, data = data))  # alpha = 0.0{rng.randrange(1, 6)}\n"
        )
    paragraphs = [
        f"# {header}",
        f"Prepared by {author}.",
        "This document describes the work done, the method followed and what was learned.",
        f"The main finding is that {rng.choice(_DISTRICTS)} shows the largest change, "
        f"about {rng.randrange(5, 40)} per cent over the period.",
        "Limitations: the data cover one year only and some months are missing.",
    ]
    return "\n\n".join(paragraphs) + "\n"


def _reflection(rng: random.Random, title: str, moment: float) -> str:
    session = dt.datetime.fromtimestamp(moment, dt.UTC)
    return (
        f"In this part of {title} I worked on a real problem from my own department. "
        f"At first I found {rng.choice(('the data', 'the method', 'the planning'))} difficult, "
        f"but after the session on {session:%d %B} I understood how to approach it step by step. "
        "Next time I would start with a smaller example and ask for feedback earlier."
    )
