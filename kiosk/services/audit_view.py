"""The audit trail in plain words, in the reader's language: names instead of ids, code
labels instead of code names. Shared by the head's screen and `kiosk audit`."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from kiosk.domain.models import AuditEntry
from kiosk.i18n import N_, _, ngettext
from kiosk.services import maintenance, pupils, staff
from kiosk.services.context import SYSTEM, Kiosk
from kiosk.services.labels import level_label, part_label, period_label, role_label
from kiosk.services.meetings import STATUS_WORDS
from kiosk.services.messages import code_label

WHAT = {
    "login": N_("logged in"),
    "login-failed": N_("wrong PIN"),
    "login-locked": N_("locked after wrong PINs"),
    "login-while-locked": N_("tried to log in while locked"),
    "roster-import": N_("pupil list imported"),
    "staff-add": N_("staff member added"),
    "staff-unlock": N_("wrong-PIN lock lifted"),
    "staff-disable": N_("staff member disabled"),
    "staff-enable": N_("staff member enabled again"),
    "pin-set": N_("PIN set"),
    "export": N_("exported"),
    "backup": N_("backup"),
    "restore": N_("backup restored"),
    "demo": N_("demo school made"),
    "absence-add": N_("absence logged"),
    "absence-edit": N_("absence changed"),
    "absence-delete": N_("absence deleted"),
    "absence-undo": N_("absence undone"),
    "late-add": N_("late arrival logged"),
    "late-edit": N_("late arrival changed"),
    "late-delete": N_("late arrival deleted"),
    "late-undo": N_("late arrival undone"),
    "note-add": N_("conversation noted"),
    "note-undo": N_("conversation note undone"),
    "follow-up-add": N_("follow-up opened"),
    "follow-up-done": N_("follow-up done"),
    "follow-up-handover": N_("follow-up handed over"),
    "care-partner-add": N_("care partner added"),
    "care-partner-remove": N_("care partner removed"),
    "export-pupil": N_("pupil's data exported (access request)"),
    "purge": N_("old history deleted"),
    "round-plan": N_("round of meetings planned"),
    "round-fill": N_("round of meetings filled"),
    "reply-add": N_("reply slip entered"),
    "booking-add": N_("meeting booked"),
    "booking-move": N_("meeting moved"),
    "booking-cancel": N_("meeting cancelled"),
    "booking-mark": N_("meeting marked"),
    "booking-participants": N_("who takes part in a meeting changed"),
    "class-code": N_("class code set"),
    "invite-joined": N_("household joined the class app"),
    "invite-unjoined": N_("household no longer marked as joined"),
}
EXPORTS = {"pupils": N_("pupil list"), "absences": N_("absences"), "lates": N_("late arrivals"),
           "rounds": N_("rounds of meetings"), "meetings": N_("meetings"), "unbooked": N_("pupils without a meeting"),
           "ics": N_("calendar file"), "pdf": N_("letters or schedule (PDF)"),
           "invitations": N_("class app invitations: who was invited, who joined")}


@dataclass(frozen=True)
class AuditLine:
    at: dt.datetime
    when: str
    who: str
    what: str
    detail: str


class _Names:
    """Looks up the names behind ids once per listing."""

    def __init__(self, kiosk: Kiosk) -> None:
        self.kiosk = kiosk
        self.staff = staff.staff_names(kiosk)
        self.pupils = {p.id: p for p in pupils.list_pupils(kiosk, include_left=True)}

    def person(self, who: str) -> str:
        if who == SYSTEM:
            return _("the kiosk")
        if who.startswith("cli"):
            return _("command line ({user})").format(user=who.partition(":")[2] or "?")
        return self.staff.get(who, who)

    def pupil(self, pupil_id: str) -> str:
        pupil = self.pupils.get(pupil_id)
        return f"{pupil.full_name} ({pupil.class_name})" if pupil else pupil_id

    def pupil_list(self, ids: str) -> str:
        return ", ".join(self.pupil(pupil_id) for pupil_id in ids.split(",") if pupil_id)


def _period(entry: AuditEntry, prefix: str = "") -> str:
    start, end = entry.fact(prefix + "start"), entry.fact(prefix + "end") or entry.fact(prefix + "start")
    try:
        days = period_label(dt.date.fromisoformat(start), dt.date.fromisoformat(end))
    except ValueError:
        return start
    part = entry.fact(prefix + "part")
    return days if part in ("", "day") else f"{days} {part_label(part)}"


def describe(kiosk: Kiosk, entry: AuditEntry, names: _Names) -> str:
    """The entry's facts as a short sentence; older entries keep their stored detail."""
    action, fact = entry.action, entry.fact
    if action.startswith("absence-") and fact("pupil"):
        text = f"{names.pupil(fact('pupil'))}: {code_label(kiosk, fact('code'))}, {_period(entry)}"
        if action == "absence-edit" and fact("old_code"):
            text += " " + _("(was {code}, {period})").format(code=code_label(kiosk, fact("old_code")),
                                                             period=_period(entry, "old_"))
        return text
    if action.startswith("late-") and fact("pupil"):
        text = f"{names.pupil(fact('pupil'))}: {_period(entry)} {fact('time')}"
        return text + (" " + _("(was {time})").format(time=fact("old_time")) if fact("old_time") else "")
    if fact("staff"):
        role = f" ({role_label(fact('role'))})" if fact("role") else ""
        return names.person(fact("staff")) + role
    if action == "roster-import":
        return _("added {a}, changed {c}, left {l}, returned {r}").format(
            a=fact("added"), c=fact("changed"), l=fact("left"), r=fact("returned"))
    if action == "export" and fact("what") == "invitation-letters":
        n = int(fact("count") or 0)
        return ngettext("class {class_name}: {n} letter, code version {version}",
                        "class {class_name}: {n} letters, code version {version}", n).format(
            class_name=fact("class_name"), n=n, version=fact("version"))
    if action == "export":
        what = fact("what")
        return _("{what} as {format}, {n} lines").format(
            what=_(EXPORTS[what]) if what in EXPORTS else what, format=fact("format").upper(),
            n=fact("count"))
    if action in ("backup", "restore") and fact("backup"):
        return fact("backup")
    conversation = _conversation(entry, names)
    if conversation is not None:
        return conversation
    if action == "export-pupil":
        n = int(fact("records") or 0)
        return ngettext("{pupil}: {n} record", "{pupil}: {n} records", n).format(pupil=names.pupil(fact("pupil")), n=n)
    if action == "purge":
        return _("older than {notes_before}: {notes} notes, {follow_ups} follow-ups; older than {absences_before}: "
                 "{absences} absences, {lates} late arrivals").format(
            notes_before=fact("notes_before"), notes=fact("notes"), follow_ups=fact("follow_ups"),
            absences_before=fact("absences_before"), absences=fact("absences"), lates=fact("late_arrivals"))
    if action == "demo":
        years = int(fact("years") or 0)
        return ngettext("{pupils} pupils, {years} school year", "{pupils} pupils, {years} school years",
                        years).format(pupils=fact("pupils"), years=years)
    return entry.detail


def _conversation(entry: AuditEntry, names: _Names) -> str | None:
    """Notes, follow-ups and care partners: whom they are about and who owes what (never a text)."""
    action, fact = entry.action, entry.fact
    about = names.pupil_list(fact("pupils")) or names.pupil(fact("pupil"))
    if action == "note-add":
        return f"{about}: {level_label(fact('level'))}"
    if action == "follow-up-add":
        return _("{pupils}: {owner} answers by {due}").format(pupils=about, owner=names.person(fact("owner")),
                                                              due=fact("due").replace("T", " "))
    if action == "follow-up-done":
        return about + (" " + _("(after its due time)") if fact("late") == "true" else "")
    if action == "follow-up-handover":
        text = _("{pupils}: from {old} to {new}").format(pupils=about, old=names.person(fact("old_owner")),
                                                         new=names.person(fact("owner")))
        author = fact("author")
        return text + (" " + _("(noted by {author})").format(author=names.person(author)) if author else "")
    if action in ("note-undo", "care-partner-add", "care-partner-remove"):
        return about
    if action.startswith("booking-") or action == "reply-add":
        when = fact("at").replace("T", " ")
        status = _(STATUS_WORDS[fact("status")]) if fact("status") in STATUS_WORDS else ""
        household = _("household {n}").format(n=fact("household")) if fact("household") else ""
        return ": ".join(x for x in (about, ", ".join(y for y in (when, status, household) if y)) if x)
    if action == "round-fill":
        return _("{placed} booked, {unplaced} not placed").format(placed=fact("placed"), unplaced=fact("unplaced"))
    if action == "class-code":  # the code itself is never in the trail
        how = _("typed in") if fact("how") == "typed" else _("generated")
        return _("class {class_name}: version {n}, {how}").format(class_name=fact("class_name"), n=fact("version"),
                                                                   how=how)
    if action in ("invite-joined", "invite-unjoined"):
        return f"{fact('class_name')}: {about}"
    return None


def audit_lines(kiosk: Kiosk, start_year: int | None = None) -> list[AuditLine]:
    """The trail of a school year, oldest first, in plain words."""
    names = _Names(kiosk)
    return [AuditLine(e.at, f"{e.at:%d/%m %H:%M}", names.person(e.who),
                      _(WHAT[e.action]) if e.action in WHAT else e.action, describe(kiosk, e, names))
            for e in maintenance.audit_trail(kiosk, start_year)]
