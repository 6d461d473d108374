"""Why: the absence code a message points to, and whether that is clear.

A medical certificate announced or sent counts as one; a family event, an appointment or
therapy is another justified reason; a trip or oversleeping is not justified; the child's
illness is a parent's note; the parent's own illness (or car) is no reason the parent can
give: the head decides ("reason not known yet")."""

from __future__ import annotations

from kiosk.domain.absences import AbsenceRules
from kiosk.domain.sms import lexicon
from kiosk.domain.sms.message import Message


def read_reason(message: Message, rules: AbsenceRules) -> tuple[str, bool]:
    """(code id, doubtful). Codes the school does not have fall back to its unexplained one."""
    found = {
        "sick_certificate": message.has(lexicon.CERTIFICATE),
        "justified": message.has(lexicon.JUSTIFIED),
        "problematic": message.has(lexicon.PROBLEMATIC),
        "sick_note": message.has(lexicon.ILLNESS),
    }
    parent = message.has(lexicon.PARENT_PROBLEM)
    if parent and not found["sick_certificate"] and not found["justified"]:
        return _known(rules, "unknown"), False
    for code in ("sick_certificate", "justified", "problematic", "sick_note"):
        if found[code]:
            conflict = code == "problematic" and found["sick_note"]
            return _known(rules, code), conflict
    # no reason the reader knows, yet the parent gives one ("want we gaan naar ..."): ask
    return _known(rules, "unknown"), message.has(_BECAUSE)


_BECAUSE = r"\b(want|omdat|because|car|parce|wegens|vanwege|omwille)\b"


def _known(rules: AbsenceRules, code: str) -> str:
    if rules.code(code):
        return code
    unexplained = next((c.id for c in rules.codes if c.unexplained), None)
    return unexplained or rules.default_code
