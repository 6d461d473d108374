"""Read a parent's text message ("Lotte van 3B is ziek, blijft vandaag en morgen thuis")
and propose pupil(s), code and dates. Nothing is saved here: staff confirm the proposal."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from kiosk.domain.absences import AbsenceRules
from kiosk.domain.calendar import SchoolCalendar
from kiosk.domain.dates import parse_day
from kiosk.domain.models import Pupil
from kiosk.domain.text import fold

WEEKDAYS = {"maandag": 0, "dinsdag": 1, "woensdag": 2, "donderdag": 3, "vrijdag": 4,
            "zaterdag": 5, "zondag": 6}
NUMBERS = {"een": 1, "1": 1, "twee": 2, "2": 2, "drie": 3, "3": 3, "vier": 4, "4": 4,
           "vijf": 5, "5": 5}
# (code id, words that point to it); the first code with a matching word wins.
REASONS = (
    ("sick_certificate", ("attest", "ziekenhuis", "dokter", "huisarts", "arts", "tandarts",
                          "specialist", "spoed", "operatie")),
    ("justified", ("begrafenis", "uitvaart", "rouw", "overlijden", "huwelijk", "trouw",
                   "trouwfeest", "rechtbank")),
    ("sick_note", ("ziek", "ziekjes", "koorts", "griep", "verkouden", "overgeven", "buikpijn",
                   "hoofdpijn", "keelpijn", "misselijk", "diarree", "braken", "oorpijn")),
)
_WORD = re.compile(r"[\w'’]+")
_DATE = re.compile(r"\b(\d{1,2})[/-](\d{1,2})\b")


@dataclass
class SmsProposal:
    pupils: list[Pupil] = field(default_factory=list)
    """The pupils the message is about, when that is clear."""
    candidates: list[Pupil] = field(default_factory=list)
    """Possible pupils when the message is ambiguous: staff pick."""
    code: str = ""
    start: dt.date | None = None
    end: dt.date | None = None
    part: str = "day"
    reason: str = ""
    """The word the code was read from, kept as the note."""


def parse_sms(text: str, pupils: list[Pupil], today: dt.date, calendar: SchoolCalendar,
              rules: AbsenceRules) -> SmsProposal:
    folded = fold(text).replace("deze morgen", "vanmorgen")  # Flemish: this morning
    words = _WORD.findall(folded)
    proposal = SmsProposal()
    proposal.pupils, proposal.candidates = _find_pupils(folded, words, pupils)
    proposal.code, proposal.reason = _find_code(words, rules)
    proposal.start, proposal.end = _find_period(folded, words, today, calendar)
    proposal.part = _find_part(words)
    return proposal


# -- pupils ------------------------------------------------------------------------------
def _mentions(folded: str, name: str) -> bool:
    """A whole name: "Anne" is not found in "Anne-Sophie"."""
    return bool(name) and re.search(rf"(?<![\w-]){re.escape(fold(name))}(?![\w-])", folded) is not None


def _find_pupils(folded: str, words: list[str], pupils: list[Pupil]) -> tuple[list[Pupil], list[Pupil]]:
    by_first: dict[str, list[Pupil]] = {}
    for pupil in pupils:
        if _mentions(folded, pupil.first_name):
            by_first.setdefault(fold(pupil.first_name), []).append(pupil)
    if not by_first:
        return [], []
    classes = {w.upper() for w in words if any(ch.isdigit() for ch in w)}
    for name, found in by_first.items():
        # "3B" also means class L3B when the school writes its classes that way
        in_class = [p for p in found if p.class_name in classes
                    or any(len(c) >= 2 and p.class_name.endswith(c) for c in classes)]
        named = [p for p in (in_class or found) if _mentions(folded, p.last_name)]
        by_first[name] = named or in_class or found
    if all(len(found) == 1 for found in by_first.values()):
        return [found[0] for found in by_first.values()], []
    siblings = _one_family(list(by_first.values()))
    if siblings:
        return siblings, []
    everyone = [p for found in by_first.values() for p in found]
    return [], sorted(everyone, key=lambda p: (p.class_name, p.last_name, p.first_name))


def _families(pupil: Pupil) -> set[str]:
    return {g.family_key for g in pupil.guardians}


def _one_family(groups: list[list[Pupil]]) -> list[Pupil]:
    """With several names (siblings texted about together), the family they share."""
    if len(groups) < 2:
        return []
    shared = set.intersection(*({k for p in group for k in _families(p)} for group in groups))
    choices = set()
    for key in shared:  # both parents on record: each shared guardian must point the same way
        chosen = [[p for p in group if key in _families(p)] for group in groups]
        if not all(len(g) == 1 for g in chosen):
            return []
        choices.add(tuple(g[0] for g in chosen))
    return list(choices.pop()) if len(choices) == 1 else []


# -- code --------------------------------------------------------------------------------
def _find_code(words: list[str], rules: AbsenceRules) -> tuple[str, str]:
    for code_id, keywords in REASONS:
        hit = next((w for w in words if w in keywords), None)
        if hit and rules.code(code_id):
            return code_id, hit
    unknown = next((c.id for c in rules.codes if c.unexplained), rules.default_code)
    return unknown, ""


# -- dates -------------------------------------------------------------------------------
def _next_weekday(today: dt.date, weekday: int) -> dt.date:
    return today + dt.timedelta(days=(weekday - today.weekday()) % 7)


def _day_word(word: str, today: dt.date, after: dt.date | None = None) -> dt.date | None:
    """vandaag, morgen, overmorgen, or a weekday on or after `after` (default today)."""
    if word == "vandaag":
        return today
    if word == "morgen":
        return today + dt.timedelta(days=1)
    if word == "overmorgen":
        return today + dt.timedelta(days=2)
    if word in WEEKDAYS:
        return _next_weekday(after or today, WEEKDAYS[word])
    return None


def _explicit_date(text: str, today: dt.date) -> dt.date | None:
    match = _DATE.search(text)
    if not match:
        return None
    try:
        return parse_day(match.group(0), today)
    except ValueError:
        return None


def _first_day(text: str, today: dt.date) -> dt.date | None:
    words = _WORD.findall(text)
    return next((d for w in words if (d := _day_word(w, today))), None) or _explicit_date(text, today)


def _find_period(folded: str, words: list[str], today: dt.date,
                 calendar: SchoolCalendar) -> tuple[dt.date, dt.date]:
    until = re.search(r"\b(?:tot en met|t\.?e\.?m\.?|tot)\s+([\w/-]+)", folded)
    if until:
        start = _first_day(folded[: until.start()], today) or today
        end = _day_word(until.group(1), today, after=start) or _explicit_date(until.group(1), today)
        if end:
            return start, max(start, end)
    if "week" in words and ("deze" in words or "hele" in words or "rest" in words):
        return today, _next_weekday(today, 4)
    count = re.search(r"\b(\w+)\s+(?:school)?dagen\b", folded)
    if count and count.group(1) in NUMBERS:
        return today, _nth_school_day(today, NUMBERS[count.group(1)], calendar)
    days = [d for w in words if (d := _day_word(w, today))]
    explicit = _explicit_date(folded, today)
    if explicit:
        days.append(explicit)
    if "ook" in words:  # "morgen ook nog thuis": today as well
        days.append(today)
    if days:
        return min(days), max(days)
    return today, today


def _nth_school_day(start: dt.date, n: int, calendar: SchoolCalendar) -> dt.date:
    day, counted = start, 0
    while True:
        if calendar.is_school_day(day):
            counted += 1
            if counted == n:
                return day
        day += dt.timedelta(days=1)


def _find_part(words: list[str]) -> str:
    if {"voormiddag", "ochtend", "vanmorgen", "vanochtend"} & set(words):
        return "am"
    if {"namiddag", "middag", "vanmiddag", "middags"} & set(words):
        return "pm"
    return "day"
