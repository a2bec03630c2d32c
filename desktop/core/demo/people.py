"""Invented people with names common in Pakistan, written the way a focal person types them.

CNICs follow NADRA's layout (district code, serial, gender digit) and phones use real mobile
prefixes, so every generated learner passes the same validation as a real one. E-mail addresses
use the reserved ``.example`` domain, so none can reach a real person.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

__all__ = ["FAMILY_NAMES", "FEMALE_NAMES", "MALE_NAMES", "LearnerFactory"]

FEMALE_NAMES = (
    "Ayesha", "Fatima", "Zainab", "Maryam", "Hira", "Sana", "Amna", "Mahnoor", "Iqra", "Rabia",
    "Sidra", "Nimra", "Areeba", "Kiran", "Saba", "Mehwish", "Bushra", "Noor", "Hafsa", "Khadija",
    "Aiman", "Laiba", "Anum", "Rimsha", "Sadia", "Zara", "Uzma", "Farah", "Samina", "Shazia",
    "Javeria", "Komal", "Mariam", "Sobia", "Tehreem", "Urooj", "Wajiha", "Yusra", "Zoya", "Hina",
)  # fmt: skip
MALE_NAMES = (
    "Muhammad", "Ahmed", "Ali", "Hassan", "Hussain", "Usman", "Bilal", "Hamza", "Umar", "Zain",
    "Faisal", "Imran", "Kamran", "Asad", "Saad", "Talha", "Abdullah", "Ibrahim", "Junaid",
    "Waqas", "Arslan", "Shahzaib", "Danish", "Fahad", "Haris", "Owais", "Salman", "Tariq",
    "Yasir", "Zeeshan", "Adnan", "Noman", "Rizwan", "Sohail", "Jahanzeb", "Sikandar", "Waleed",
    "Shoaib", "Murtaza", "Ehsan",
)  # fmt: skip
FAMILY_NAMES = (
    "Khan", "Ahmed", "Ali", "Hussain", "Malik", "Qureshi", "Butt", "Chaudhry", "Shah", "Raza",
    "Iqbal", "Akhtar", "Siddiqui", "Abbasi", "Baloch", "Khattak", "Yousafzai", "Bhatti", "Rana",
    "Sheikh", "Mirza", "Javed", "Aslam", "Nawaz", "Gillani", "Zaidi", "Rizvi", "Jamali", "Memon",
    "Marri", "Bugti", "Niazi", "Awan", "Afridi", "Durrani", "Laghari", "Soomro", "Kazmi",
    "Hashmi", "Tareen",
)  # fmt: skip
# NADRA district codes of places a QAU learner plausibly comes from.
DISTRICTS = (
    "61101", "37405", "37406", "35202", "42101", "42201", "17301", "54400", "33100", "36302",
    "13101", "38403", "34101", "45504", "15602", "71102", "82203", "31202",
)  # fmt: skip
MOBILE_PREFIXES = tuple(range(300, 310)) + tuple(range(311, 319)) + tuple(range(320, 326)) + (
    330, 331, 332, 333, 334, 335, 336, 340, 341, 342, 343, 344, 345, 346, 347, 348, 349,
)  # fmt: skip
PROGRAMMES = (
    "BS Computer Science", "BS Mathematics", "BS Statistics", "BS Economics", "BS Physics",
    "BS Biology", "BBA", "MBA", "MPhil Statistics", "MSc Education", "MPhil Management Sciences",
    "BS Environmental Sciences",
)  # fmt: skip


class LearnerFactory:
    """Makes unique learners for one campus, deterministically from a seed."""

    def __init__(self, rng: random.Random, campus_code: str, today: dt.date) -> None:
        self.rng = rng
        self.campus_code = campus_code
        self.today = today
        self._cnics: set[str] = set()
        self._emails: set[str] = set()
        self._count = 0

    def _cnic(self, female: bool) -> str:
        while True:
            serial = f"{self.rng.randrange(10**7):07d}"
            last = self.rng.choice("02468" if female else "13579")
            cnic = f"{self.rng.choice(DISTRICTS)}-{serial}-{last}"
            if cnic not in self._cnics:
                self._cnics.add(cnic)
                return cnic

    def _email(self, first: str, family: str) -> str:
        base = f"{first}.{family}".lower()
        while True:
            email = f"{base}{self.rng.randrange(1, 10_000)}@students.demo.example"
            if email not in self._emails:
                self._emails.add(email)
                return email

    def make(self) -> dict[str, Any]:
        """One learner as a form or CSV row would have it (dashed CNIC, local phone)."""
        self._count += 1
        rng = self.rng
        female = rng.random() < 0.48
        first = rng.choice(FEMALE_NAMES if female else MALE_NAMES)
        family = rng.choice(FAMILY_NAMES)
        if first == "Muhammad":
            first = f"Muhammad {rng.choice(MALE_NAMES[1:])}"
        father = f"{rng.choice(MALE_NAMES)} {rng.choice(MALE_NAMES[1:])} {family}"
        age_days = rng.randrange(18 * 365 + 5, 38 * 365)
        born = self.today - dt.timedelta(days=age_days)
        year = self.today.year - rng.choice((0, 0, 1, 1, 2, 3))
        learner: dict[str, Any] = {
            "registration_no": f"{self.campus_code}-{year}-{self._count:06d}",
            "full_name": f"{first} {family}",
            "guardian_name": father,
            "gender": "female" if female else "male",
            "date_of_birth": born.isoformat(),
            "programme": rng.choice(PROGRAMMES) if rng.random() < 0.8 else None,
        }
        # Some learners registered before they had a CNIC, or gave no e-mail or phone.
        if rng.random() < 0.95:
            learner["cnic"] = self._cnic(female)
        if rng.random() < 0.9:
            learner["email"] = self._email(first.split()[-1], family)
        if rng.random() < 0.92:
            prefix = rng.choice(MOBILE_PREFIXES)
            learner["phone"] = f"0{prefix}-{rng.randrange(10**7):07d}"
        return learner
