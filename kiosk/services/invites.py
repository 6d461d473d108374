"""Class invitations: a class's code (typed in from the class app, or generated), letters per
household with the QR code, who was invited and who joined. Shared by the CLI and screens.

A teacher manages the classes they teach; the head and the office every class; care staff
none (the class app is the class's business). Every change is audited.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from kiosk import i18n
from kiosk.domain import invites as rules
from kiosk.domain.calendar import school_year_of
from kiosk.domain.invites import Household, Standing
from kiosk.domain.models import ClassCode, Invitation, Pupil, Role, Staff
from kiosk.errors import KioskError
from kiosk.i18n import L_, _
from kiosk.output import letters, qr
from kiosk.services.context import Kiosk
from kiosk.services.files import write_audited
from kiosk.services.pupils import known_class, list_pupils
from kiosk.store.exports import new_file_in

Progress = Callable[[int, int], None]

# What parents read (the `letters` catalogs: one per letter language).
TITLE = L_("Invitation to the class app")
CLASS_LINE = L_("Class {class_name} · {teacher}")
GREETING = L_("Dear parents of {children},")
INTRO = L_("{teacher} invites you to follow class {class_name} in {app}, the class app. There you will find "
           "news, photos and messages from the class. Only parents invited by the teacher can join, so please "
           "keep this letter to yourselves.")
HOW = L_("How to join")
STEPS = (L_("Install the app {app} on your phone from the app store."),
         L_("Scan the QR code with your phone's camera, or open the link and type the class code."),
         L_("Wait until the teacher approves your request. Then you will see the messages of the class."))
QUESTIONS = L_("Questions? Write to {email}")  # no full stop a parent could copy with the address
QUESTIONS_AT_SCHOOL = L_("Questions? Ask the class teacher at the school gate.")
REGARDS = L_("Kind regards,")
CODE_LABEL = L_("Class code")
FOOTER = L_("Printed on {date}, code version {version}")


def classes_for(kiosk: Kiosk, who: str) -> list[str]:
    """The classes whose invitations this staff member manages (the command line: all)."""
    member = kiosk.repos.staff.get(who)
    every = sorted({p.class_name for p in list_pupils(kiosk)})
    if member is None or member.role in (Role.HEAD, Role.OFFICE):
        return every
    if member.role == Role.TEACHER:
        return [c for c in every if c in member.classes]
    return []


def _class(kiosk: Kiosk, class_name: str, who: str) -> str:
    name = known_class(kiosk, class_name)
    if name not in classes_for(kiosk, who):
        raise KioskError(_("the invitations of class {class_name} are for its teacher, the head or the office")
                         .format(class_name=name))
    return name


def current_code(kiosk: Kiosk, class_name: str) -> ClassCode | None:
    return rules.current_code(kiosk.repos.class_codes.all(), class_name)


def read_code(kiosk: Kiosk, typed: str) -> str:
    """A code as typed, checked against the school's code length: refused with the reason."""
    return rules.parse_code(typed, kiosk.config.invites.code_length)


def set_code(kiosk: Kiosk, class_name: str, who: str, *, typed: str | None = None) -> ClassCode:
    """A code typed in from the class app, or a new one generated; it replaces the class's
    code (a leaked one): letters with the old version are outdated from now on."""
    name = _class(kiosk, class_name, who)
    code = read_code(kiosk, typed) if typed is not None else rules.generate_code(kiosk.config.invites.code_length)
    with kiosk.store.transaction():
        before = current_code(kiosk, name)
        new = rules.next_code(before, name, code, kiosk.clock.now(), who)
        kiosk.repos.class_codes.add(new)  # the earlier versions stay: they tell which letters still work
        # the code itself stays out of the audit trail: it would leak again through an export
        kiosk.audit(who, "class-code", class_name=name, version=new.version, how="typed" if typed else "generated")
    return new


def _required_code(kiosk: Kiosk, class_name: str) -> ClassCode:
    code = current_code(kiosk, class_name)
    if code is None:
        raise KioskError(_("class {class_name} has no code yet: type in the class app's code or generate one")
                         .format(class_name=class_name))
    return code


def code_of(kiosk: Kiosk, class_name: str, who: str) -> ClassCode:
    return _required_code(kiosk, _class(kiosk, class_name, who))


def join_link(kiosk: Kiosk, code: ClassCode) -> str:
    return rules.join_link(kiosk.config.invites.join_link, code.code)


def qr_lines(kiosk: Kiosk, class_name: str, who: str, *, room: tuple[int, int] = (0, 0)) -> tuple[ClassCode, list[str]]:
    """The class's QR in block characters, for a phone to scan from the screen: twice the size
    when `room` (columns, lines) holds it."""
    code = code_of(kiosk, class_name, who)
    return code, qr.block_lines(join_link(kiosk, code), room=room)


def households(kiosk: Kiosk, class_name: str) -> list[Household]:
    return rules.households(list_pupils(kiosk, class_name))


def _this_year(kiosk: Kiosk, invitation: Invitation) -> bool:
    """A school year starts afresh: last year's letters and joins are last year's class."""
    day = invitation.printed_on or invitation.joined_on
    return day is not None and school_year_of(day) == school_year_of(kiosk.clock.now().date())


def standings(kiosk: Kiosk, class_name: str, who: str) -> list[Standing]:
    name = _class(kiosk, class_name, who)
    return rules.standings(households(kiosk, name), _invitations(kiosk, name).values(), name,
                           kiosk.repos.class_codes.all())


def pupil_households(kiosk: Kiosk, class_name: str, pupil: Pupil, number: int | None,
                     who: str) -> list[tuple[int, Household]]:
    """The households of a pupil of the class with their numbers as on the pupil's own record
    (a brother's record may number them the other way round), or only the one numbered."""
    name = _class(kiosk, class_name, who)
    if pupil.class_name != name:
        raise KioskError(_("{name} is not in class {class_name}").format(name=pupil.full_name, class_name=name))
    numbers = sorted({g.household for g in pupil.guardians})
    if number is not None and number not in numbers:
        raise KioskError(_("{name} has no household {n} (households: {known})").format(
            name=pupil.full_name, n=number, known=", ".join(map(str, numbers)) or "–"))
    keys = {number_: rules.household_key(pupil, number_) for number_ in numbers or [1]}
    found = {h.key: h for h in households(kiosk, name)}
    return [(number_, found[key]) for number_, key in keys.items() if number in (None, number_) and key in found]


def household_of(kiosk: Kiosk, class_name: str, pupil: Pupil, number: int | None, who: str) -> Household:
    """The pupil's one household: its number is needed when the pupil has two."""
    own = pupil_households(kiosk, class_name, pupil, number, who)
    if len(own) != 1:
        raise KioskError(_("{name} lives in {n} households: choose one ({known})").format(
            name=pupil.full_name, n=len(own), known="; ".join(f"{n}: {h.names}" for n, h in own)))
    return own[0][1]


def set_joined(kiosk: Kiosk, class_name: str, household: Household, who: str, *, joined: bool = True) -> bool:
    """Ticked by the teacher after approving the household in the app; untick undoes it.
    False when it was so already (nothing written, nothing audited)."""
    name = _class(kiosk, class_name, who)
    with kiosk.store.transaction():
        current = _invitations(kiosk, name).get(household.key)
        if (current is not None and current.joined_on is not None) == joined:
            return False
        # without a letter: joined at the gate, from the QR on screen
        new = current or Invitation(name, household.key, tuple(p.id for p in household.pupils),
                                    letter_language(household), who)
        new = replace(new, joined_on=kiosk.clock.now().date() if joined else None, joined_by=who if joined else "")
        if current is not None:
            kiosk.repos.invitations.remove([current])
        if joined or new.printed_on is not None:
            kiosk.repos.invitations.add(new)
        kiosk.audit(who, "invite-joined" if joined else "invite-unjoined", class_name=name,
                    pupils=",".join(p.id for p in household.pupils))
    return True


def _invitations(kiosk: Kiosk, class_name: str) -> dict[str, Invitation]:
    """This school year's invitation of each household of the class, by household key."""
    return {i.household_key: i for i in kiosk.repos.invitations.all()
            if i.class_name == class_name and _this_year(kiosk, i)}


# -- letters ---------------------------------------------------------------------------------------
def letter_language(household: Household, chosen: str | None = None) -> str:
    """The household's language where the kiosk has its letter catalog, else Dutch."""
    wanted = chosen or household.language
    return wanted if wanted in i18n.LETTER_LANGUAGES else "nl"


def _side(language: str, household: Household, class_name: str, teacher: Staff | None, school: str, app: str,
          printed: tuple[dt.date, int]) -> letters.Side:
    t = i18n.letter_gettext(language)
    teacher_name = teacher.name if teacher else school  # a class without a teacher yet: the school invites
    children = i18n.format_list([p.first_name for p in household.pupils], language)
    questions = t(QUESTIONS).format(email=teacher.email) if teacher and teacher.email else t(QUESTIONS_AT_SCHOOL)
    return letters.Side(
        language=language, right_to_left=language in i18n.RIGHT_TO_LEFT, title=t(TITLE),
        class_line=t(CLASS_LINE).format(class_name=class_name, teacher=teacher_name),
        greeting=t(GREETING).format(children=children),
        intro=t(INTRO).format(teacher=teacher_name, class_name=class_name, app=app),
        how=t(HOW), steps=tuple(t(step).format(app=app) for step in STEPS), questions=questions,
        regards=t(REGARDS), signature=teacher_name, code_label=t(CODE_LABEL),
        footer=t(FOOTER).format(date=i18n.format_date(printed[0], "d MMMM y", language), version=printed[1]))


def _letter(kiosk: Kiosk, household: Household, class_name: str, code: ClassCode, teacher: Staff | None,
            language: str) -> letters.InviteLetter:
    app = kiosk.config.invites.app_name
    languages = tuple(dict.fromkeys((language, "nl")))  # the household's, and Dutch beside it
    printed = (kiosk.clock.now().date(), code.version)
    school = kiosk.config.school.name
    sides = [_side(lang, household, class_name, teacher, school, app, printed) for lang in languages]
    # the Dutch footer names the letter's language: whoever reprints it at school can read which
    sides[-1] = replace(sides[-1], footer=f"{sides[-1].footer} · {language}")
    return letters.InviteLetter(rules.grouped(code.code), join_link(kiosk, code), household.names, tuple(sides))


def _teacher(kiosk: Kiosk, class_name: str) -> Staff | None:
    return next((s for s in kiosk.repos.staff.all()
                 if s.active and s.role == Role.TEACHER and class_name in s.classes), None)


@dataclass(frozen=True)
class LetterJob:
    """What a print needs, read from the store at once; rendering it touches no data (it can
    run in the background), and saving checks that the code did not change meanwhile."""

    class_name: str
    code: ClassCode
    households: tuple[Household, ...]
    letters: tuple[letters.InviteLetter, ...]
    language: str | None
    school: str


def prepare_letters(kiosk: Kiosk, class_name: str, who: str, *, language: str | None = None,
                    only: list[Household] | None = None) -> LetterJob:
    name = _class(kiosk, class_name, who)
    if language is not None and language not in i18n.LETTER_LANGUAGES:
        raise KioskError(_("no letters in {language!r}; the letter languages are: {known}").format(
            language=language, known=", ".join(i18n.LETTER_LANGUAGES)))
    code = _required_code(kiosk, name)
    chosen = tuple(only if only is not None else households(kiosk, name))
    if not chosen:
        raise KioskError(_("class {class_name} has no pupils").format(class_name=name))
    teacher = _teacher(kiosk, name)
    pages = tuple(_letter(kiosk, h, name, code, teacher, letter_language(h, language)) for h in chosen)
    return LetterJob(name, code, chosen, pages, language, kiosk.config.school.name)


def render_letters(job: LetterJob, progress: Progress | None = None) -> bytes:
    """The PDF, one page per household; `progress(done, total)` after each page."""
    return letters.invitations(job.school, job.letters, total=len(job.letters), progress=progress)


def save_letters(kiosk: Kiosk, job: LetterJob, payload: bytes, out: Path, who: str) -> Path:
    """Writes the PDF (a new file) and records each household as invited with this code
    version, with the audit line: all or nothing."""

    def record() -> None:
        if current_code(kiosk, job.class_name) != job.code:
            raise KioskError(_("the code of class {class_name} changed meanwhile: print the letters again")
                             .format(class_name=job.class_name))
        _record_printed(kiosk, job, who)

    return write_audited(kiosk, out, payload, who, "export", then=record, what="invitation-letters",
                         class_name=job.class_name, count=len(job.households), version=job.code.version)


def print_letters(kiosk: Kiosk, class_name: str, out: Path, who: str, *, language: str | None = None,
                  only: list[Household] | None = None, progress: Progress | None = None) -> tuple[Path, int]:
    """A class's letters (or some households') as a new PDF. No phone number, nothing of
    another family: each letter names only its own household's children."""
    job = prepare_letters(kiosk, class_name, who, language=language, only=only)
    return save_letters(kiosk, job, render_letters(job, progress), out, who), len(job.households)


def letters_path(kiosk: Kiosk, class_name: str) -> Path:
    """Where the kiosk's screens put a class's letters: a new file in the letters folder."""
    version = current_code(kiosk, class_name)
    stem = f"uitnodigingen-{class_name}-{kiosk.clock.now():%Y-%m-%d}-v{version.version if version else 0}"
    return new_file_in(kiosk.config.letters_dir, stem, ".pdf")


def _record_printed(kiosk: Kiosk, job: LetterJob, who: str) -> None:
    """Each household invited today with this code version; who joined stays joined."""
    today = kiosk.clock.now().date()
    known = _invitations(kiosk, job.class_name)
    earlier = [known[h.key] for h in job.households if h.key in known]
    printed = []
    for household in job.households:
        new = Invitation(job.class_name, household.key, tuple(p.id for p in household.pupils),
                         letter_language(household, job.language), who, printed_on=today,
                         code_version=job.code.version)
        current = known.get(household.key)
        printed.append(new if current is None else
                       replace(new, joined_on=current.joined_on, joined_by=current.joined_by, id=current.id))
    kiosk.repos.invitations.remove(earlier)
    kiosk.repos.invitations.add_many(printed)
