"""Field validators: what a focal person types becomes one normal form, or a clear error."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.core.errors import InvalidInput
from desktop.core.validation import (
    Checker,
    cnic_gender_conflict,
    format_cnic,
    normalise_cnic,
    normalise_email,
    normalise_phone,
    parse_date,
    require_code,
    require_int,
    require_text,
)

CNIC_DIGITS = st.from_regex(r"[1-9][0-9]{12}", fullmatch=True)


@given(CNIC_DIGITS)
def test_a_cnic_in_either_form_normalises_to_its_13_digits(digits):
    assert normalise_cnic(digits) == digits
    assert normalise_cnic(format_cnic(digits)) == digits
    assert normalise_cnic(f"  {format_cnic(digits).replace('-', ' - ')} ") == digits


@given(st.text(max_size=20))
def test_anything_else_is_refused_with_the_value_and_the_digit_count(text):
    digits = text.strip().replace(" ", "")
    if (len(digits) == 13 and digits.isascii() and digits.isdigit() and digits[0] != "0") or (
        len(digits) == 15 and digits[5] == "-" and digits[13] == "-"
    ):
        return  # a real CNIC form, covered above
    with pytest.raises(InvalidInput) as caught:
        normalise_cnic(text)
    problem = caught.value.problems[0]
    assert problem.field == "cnic" and problem.value == text
    assert "Type the number exactly as it is printed on the card" in str(caught.value)


@pytest.mark.parametrize(
    ("typed", "problem"),
    [
        ("35202-1234567", "this has 12"),
        ("35202_1234567_1", "this has 13"),
        ("03520-1234567-1", "no CNIC starts with 0"),
        ("", "this has 0"),
    ],
)
def test_typical_cnic_mistakes(typed, problem):
    with pytest.raises(InvalidInput, match=problem):
        normalise_cnic(typed)


def test_cnic_last_digit_and_gender():
    assert cnic_gender_conflict("3520212345671", "male") is None
    assert cnic_gender_conflict("3520212345672", "female") is None
    assert "odd digit" in str(cnic_gender_conflict("3520212345671", "female"))
    assert "even digit" in str(cnic_gender_conflict("3520212345672", "male"))
    assert cnic_gender_conflict("3520212345672", "other") is None


@pytest.mark.parametrize(
    "typed",
    ["0300-1234567", "0300 1234567", "03001234567", "+92 300 1234567", "0092 300 1234567",
     "92 300 1234567", "+923001234567"],
)  # fmt: skip
def test_mobile_numbers_in_every_usual_form(typed):
    assert normalise_phone(typed) == "+923001234567"


def test_landline_with_area_code():
    assert normalise_phone("051-9064000") == "+92519064000"


@pytest.mark.parametrize("typed", ["12345", "0300-12345", "+44 20 7946 0958", "phone", ""])
def test_not_a_pakistani_number(typed):
    with pytest.raises(InvalidInput) as caught:
        normalise_phone(typed)
    assert "is not a Pakistani phone number" in str(caught.value)
    assert "0300-1234567" in str(caught.value)


def test_email_is_checked_offline_and_normalised():
    assert normalise_email("Ayesha.Khan@QAU.EDU.PK") == "Ayesha.Khan@qau.edu.pk"
    with pytest.raises(InvalidInput, match=r"name@example\.edu\.pk"):
        normalise_email("ayesha.khan@")


def test_dates_are_iso():
    assert parse_date("2026-03-14", "starts_on").isoformat() == "2026-03-14"
    with pytest.raises(InvalidInput, match="Write it as YYYY-MM-DD"):
        parse_date("14/03/2026", "starts_on")


def test_text_is_trimmed_and_bounded():
    assert require_text("  Ayesha   Khan ", "full_name") == "Ayesha Khan"
    assert require_text("", "guardian_name", required=False) is None
    with pytest.raises(InvalidInput, match=r"full name '   ': is required\. Fill it in"):
        require_text("   ", "full_name")
    with pytest.raises(InvalidInput, match="is 101 characters long"):
        require_text("x" * 101, "full_name", max_len=100)


@given(st.integers(-50, 50))
def test_integers_in_range(number):
    if 1 <= number <= 8:
        assert require_int(str(number), "level", minimum=1, maximum=8) == number
    else:
        with pytest.raises(InvalidInput, match="between 1 and 8"):
            require_int(number, "level", minimum=1, maximum=8)


def test_codes_are_upper_case():
    assert require_code(" da-101 ") == "DA-101"
    with pytest.raises(InvalidInput, match="capital letters, digits or dashes"):
        require_code("DA 101")


def test_checker_reports_every_problem_at_once():
    check = Checker()
    check.check(normalise_cnic, "123")
    check.check(normalise_phone, "12")
    check.add("gender", "x", "is not one of the allowed values", "Choose female, male, other")
    with pytest.raises(InvalidInput) as caught:
        check.done()
    assert caught.value.fields == ["cnic", "phone", "gender"]
