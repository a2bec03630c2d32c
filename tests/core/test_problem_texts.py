"""Every refusal fills its templates: no placeholder is left for a person to read."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.core.errors import InvalidInput
from desktop.core.services.learners import LEARNER_FIELDS, validate_learner

texts = st.one_of(st.none(), st.text(max_size=60), st.from_regex(r"[0-9 -]{0,20}", fullmatch=True))


@settings(max_examples=300, deadline=None)
@given(st.fixed_dictionaries({name: texts for name in LEARNER_FIELDS}))
def test_learner_refusals_are_whole_sentences(data):
    try:
        validate_learner(data)
    except InvalidInput as refused:
        for problem in refused.problems:
            for text in (problem.title, problem.problem_text, problem.remedy_text):
                assert "{" not in text and "}" not in text, (problem, text)
            assert str(problem).startswith(problem.title)
