"""The structured parts of a micro-credential: competencies, evidence requirements and the rubric.

They are stored as JSON documents inside the micro-credential row, so one published edition travels
and signs as a unit; every item carries a stable id that evidence and scores refer to.
"""

from __future__ import annotations

import json
from typing import Any

from desktop.core.errors import FieldProblem, IncompleteAssessment, InvalidInput
from desktop.core.ids import new_id

__all__ = [
    "EVIDENCE_KINDS",
    "decision_allowed",
    "meets_pass_rule",
    "validate_competencies",
    "validate_evidence_requirements",
    "validate_rubric",
    "validate_scores",
]

EVIDENCE_KINDS = ("file", "link", "reflection")


# The parts of a rubric item as problems name them.
PARTS = {
    "text_en": "English text",
    "text_ur": "Urdu text",
    "title_en": "English title",
    "title_ur": "Urdu title",
    "label_en": "English label",
    "label_ur": "Urdu label",
}


def _text(
    item: dict[str, Any],
    key: str,
    where: tuple[str, dict[str, Any]],
    problems: list[FieldProblem],
    *,
    required: bool = True,
    max_len: int = 500,
) -> str | None:
    value = item.get(key)
    text = " ".join(str(value).split()) if value is not None else ""
    field, params = where
    if not text:
        if required:
            problems.append(
                FieldProblem(
                    field, value, "has no {part}", "Fill it in", {**params, "part": PARTS[key]}
                )
            )
        return None
    if len(text) > max_len:
        problems.append(
            FieldProblem(
                field,
                text[:40] + "…",
                "has a {part} of {length} characters",
                "Keep it to {max_len}",
                {**params, "part": PARTS[key], "length": len(text), "max_len": max_len},
            )
        )
    return text


def _as_list(value: Any, field: str) -> list[dict[str, Any]]:
    if isinstance(value, str):
        value = json.loads(value)
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise InvalidInput(
            FieldProblem(field, value, "is not a list of items", "Add items one by one")
        )
    return value


def validate_competencies(value: Any) -> list[dict[str, Any]]:
    items = _as_list(value, "competencies")
    problems: list[FieldProblem] = []
    if not items:
        problems.append(
            FieldProblem(
                "competencies",
                "",
                "are empty",
                "List at least one thing a learner will be able to do",
            )
        )
    clean = []
    for n, item in enumerate(items, 1):
        where = ("competency", {"item": n})
        clean.append(
            {
                "id": item.get("id") or new_id(),
                "text_en": _text(item, "text_en", where, problems),
                "text_ur": _text(item, "text_ur", where, problems, required=False),
            }
        )
    if problems:
        raise InvalidInput(problems)
    return clean


def validate_evidence_requirements(value: Any) -> list[dict[str, Any]]:
    items = _as_list(value, "evidence_requirements")
    problems: list[FieldProblem] = []
    if not items:
        problems.append(
            FieldProblem(
                "evidence_requirements",
                "",
                "are empty",
                "Say what a learner must submit, at least one item",
            )
        )
    clean = []
    for n, item in enumerate(items, 1):
        where = ("evidence requirement", {"item": n})
        kinds = item.get("kinds") or list(EVIDENCE_KINDS)
        if not set(kinds) <= set(EVIDENCE_KINDS) or not kinds:
            problems.append(
                FieldProblem(
                    where[0],
                    kinds,
                    "has an unknown kind of evidence",
                    "Use file, link or reflection",
                    where[1],
                )
            )
        clean.append(
            {
                "id": item.get("id") or new_id(),
                "title_en": _text(item, "title_en", where, problems),
                "title_ur": _text(item, "title_ur", where, problems, required=False),
                "kinds": [k for k in EVIDENCE_KINDS if k in kinds],
            }
        )
    if problems:
        raise InvalidInput(problems)
    return clean


def validate_rubric(value: Any) -> dict[str, Any]:
    """A rubric: ordered levels with points, criteria with a descriptor per level, a pass rule."""
    rubric = json.loads(value) if isinstance(value, str) else value
    if not isinstance(rubric, dict):
        raise InvalidInput(
            FieldProblem("rubric", value, "is not a rubric", "Build it in the editor")
        )
    problems: list[FieldProblem] = []
    levels = rubric.get("levels") or []
    criteria = rubric.get("criteria") or []
    if len(levels) < 2:
        problems.append(
            FieldProblem(
                "rubric levels",
                len(levels),
                "are fewer than two",
                "Add levels such as Beginning, Developing, Proficient",
            )
        )
    clean_levels = []
    for n, level in enumerate(levels, 1):
        points = level.get("points")
        where = ("rubric level", {"level": n})
        if not isinstance(points, int) or points < 0:
            problems.append(
                FieldProblem(
                    "rubric level",
                    points,
                    "has no whole-number points",
                    "Give each level points such as 0, 1, 2, 3",
                    {"level": n},
                )
            )
        clean_levels.append(
            {
                "label_en": _text(level, "label_en", where, problems, max_len=60),
                "label_ur": _text(level, "label_ur", where, problems, required=False, max_len=60),
                "points": points,
            }
        )
    point_values = [lvl["points"] for lvl in clean_levels]
    if len(set(point_values)) != len(point_values) or point_values != sorted(point_values):
        problems.append(
            FieldProblem(
                "rubric levels",
                point_values,
                "must rise in points from the first level to the last",
                "Order the levels from lowest to highest",
            )
        )
    if not criteria:
        problems.append(
            FieldProblem("rubric criteria", "", "are empty", "Add at least one criterion")
        )
    clean_criteria = []
    for n, criterion in enumerate(criteria, 1):
        where = ("rubric criterion", {"criterion": n})
        descriptors = criterion.get("descriptors_en") or []
        if len(descriptors) != len(levels):
            problems.append(
                FieldProblem(
                    where[0],
                    len(descriptors),
                    "has descriptors for {described} levels, the rubric has {levels}",
                    "Describe what each level looks like for this criterion",
                    {**where[1], "described": len(descriptors), "levels": len(levels)},
                )
            )
        urdu = criterion.get("descriptors_ur") or []
        if urdu and (len(urdu) != len(levels) or not all(str(d).strip() for d in urdu)):
            problems.append(
                FieldProblem(
                    where[0],
                    len(urdu),
                    "has Urdu descriptors for some levels only",
                    "Give an Urdu descriptor for every level, or none",
                    where[1],
                )
            )
        clean_criteria.append(
            {
                "id": criterion.get("id") or new_id(),
                "title_en": _text(criterion, "title_en", where, problems, max_len=120),
                "title_ur": _text(
                    criterion, "title_ur", where, problems, required=False, max_len=120
                ),
                "descriptors_en": [" ".join(str(d).split()) for d in descriptors],
                "descriptors_ur": [" ".join(str(d).split()) for d in urdu],
            }
        )
    rule = rubric.get("pass_rule") or {}
    min_each = rule.get("min_points_each")
    min_total = rule.get("min_total")
    if min_each is None and min_total is None:
        problems.append(
            FieldProblem(
                "pass rule",
                rule,
                "is missing",
                "Set the points every criterion needs, or the total, or both",
            )
        )
    max_points = (
        max(point_values) if point_values and all(isinstance(p, int) for p in point_values) else 0
    )
    if min_each is not None and (not isinstance(min_each, int) or not 0 <= min_each <= max_points):
        problems.append(
            FieldProblem(
                "pass rule",
                min_each,
                "asks for points no level gives",
                "Use between 0 and {maximum}",
                {"maximum": max_points},
            )
        )
    if min_total is not None and (
        not isinstance(min_total, int) or not 0 <= min_total <= max_points * len(criteria)
    ):
        problems.append(
            FieldProblem(
                "pass rule",
                min_total,
                "asks for a total no learner can reach",
                "Use between 0 and {maximum}",
                {"maximum": max_points * len(criteria)},
            )
        )
    if problems:
        raise InvalidInput(problems)
    return {
        "levels": clean_levels,
        "criteria": clean_criteria,
        "pass_rule": {"min_points_each": min_each, "min_total": min_total},
    }


def validate_scores(rubric: dict[str, Any], scores: dict[str, int]) -> dict[str, int]:
    """Every criterion scored, each with the points of one of the rubric's levels."""
    allowed = {level["points"] for level in rubric["levels"]}
    problems = []
    for criterion in rubric["criteria"]:
        if criterion["id"] not in scores:
            problems.append(
                FieldProblem(
                    "score for",
                    None,
                    "is missing",
                    "Score every criterion of the rubric",
                    {"criterion": criterion["title_en"]},
                )
            )
        elif type(scores[criterion["id"]]) is not int or scores[criterion["id"]] not in allowed:
            problems.append(
                FieldProblem(
                    "score for",
                    scores[criterion["id"]],
                    "is not a level of the rubric",
                    "Use one of {points}",
                    {"criterion": criterion["title_en"], "points": sorted(allowed)},
                )
            )
    known = {c["id"] for c in rubric["criteria"]}
    for extra in set(scores) - known:
        problems.append(
            FieldProblem(
                "score",
                extra,
                "is for a criterion not in this rubric",
                "Reload the rubric and score again",
            )
        )
    if problems:
        raise IncompleteAssessment(problems)
    return {c["id"]: scores[c["id"]] for c in rubric["criteria"]}


def meets_pass_rule(rubric: dict[str, Any], scores: dict[str, int]) -> bool:
    rule = rubric["pass_rule"]
    if rule.get("min_points_each") is not None and min(scores.values()) < rule["min_points_each"]:
        return False
    return not (rule.get("min_total") is not None and sum(scores.values()) < rule["min_total"])


def decision_allowed(rubric: dict[str, Any], scores: dict[str, int], decision: str) -> None:
    if decision == "pass" and not meets_pass_rule(rubric, scores):
        rule = rubric["pass_rule"]
        params = {
            "each": rule.get("min_points_each"),
            "total": rule.get("min_total"),
            "scored": sum(scores.values()),
            "lowest": min(scores.values()),
        }
        if params["each"] is not None and params["total"] is not None:
            problem = FieldProblem(
                "decision",
                "pass",
                "breaks the pass rule (every criterion at least {each} and a total of at least "
                "{total}): these scores total {scored}, the lowest is {lowest}",
                "Ask for a resubmission with feedback, or revise the scores",
                params,
            )
        elif params["each"] is not None:
            problem = FieldProblem(
                "decision",
                "pass",
                "breaks the pass rule (every criterion at least {each}): "
                "the lowest of these scores is {lowest}",
                "Ask for a resubmission with feedback, or revise the scores",
                params,
            )
        else:
            problem = FieldProblem(
                "decision",
                "pass",
                "breaks the pass rule (a total of at least {total}): these scores total {scored}",
                "Ask for a resubmission with feedback, or revise the scores",
                params,
            )
        raise IncompleteAssessment(problem)
