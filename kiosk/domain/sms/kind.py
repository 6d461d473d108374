"""What kind of message: an absence, a late arrival, a return notice, or something else
(a question, a new phone number, who picks the child up, thanks)."""

from __future__ import annotations

import re

from kiosk.domain.sms import lexicon
from kiosk.domain.sms.message import Message

KINDS = ("absence", "late", "return", "other")


def read_kind(message: Message) -> tuple[str, bool]:
    """(kind, doubtful)."""
    text = message.text
    for pattern in lexicon.NOT_ABSENT:  # "Lucas komt wel naar school": about a sibling, not the absence
        text = re.sub(pattern, " ", text)
    absence = any(re.search(p, text) for p in lexicon.ABSENCE)
    late = any(re.search(p, text) for p in lexicon.LATE) and _morning_time(text)
    back = message.has(lexicon.RETURN)
    question = message.has(lexicon.QUESTION)
    thanks = message.has(lexicon.THANKS)
    items = message.has(lexicon.ITEMS)
    if thanks:  # "Bedankt voor ... toen Lore ziek werd": thanks, not a report
        return "other", False
    if late and not items and not (absence and not _late_words_only(message)):
        return "late", absence
    if absence and back:
        # "is ziek ... komt maandag terug" is an absence until then; "was gisteren ziek,
        # vandaag is hij er terug" reports the missed day
        return "absence", False
    if back:
        return "return", False
    if absence:
        return "absence", False
    if message.has(lexicon.APPOINTMENT):
        # "the funeral is on Friday, we will let you know whether Noor comes along": maybe
        return "absence", question or message.has(lexicon.UNDECIDED)
    if message.has(lexicon.ILLNESS) and not (question or items or lexicon.PAST.search(text)):
        return "absence", True
    # sure only when something says what else it is: a question, something to bring, a new
    # number, who fetches the child; a message in words the reader does not know (Turkish,
    # Arabic, …) may well be an absence
    return "other", not (question or items or message.has(lexicon.OTHER))


def _morning_time(text: str) -> bool:
    """A late arrival is in the morning: "om 17u" is the Christmas market, not a child."""
    hours = [int(h) for h in re.findall(r"\b(\d{1,2})\s*(?:u|h|uur|:|\.)\s*\d{0,2}\b", text)]
    return not hours or any(7 <= h <= 12 for h in hours)


def _late_words_only(message: Message) -> bool:
    """A late arrival can mention a doctor: it is not an absence unless a day is missed."""
    return not message.has((r"\bthuis\b", r"\bafwezig\b", r"\bniet\s+(naar|op)\s+school\b", r"\bziek\b",
                            r"\bhalvedag\b", r"\bnamiddagkomst\b"))
