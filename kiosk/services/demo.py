"""An invented school for `kiosk demo`, the tests and the benchmarks.

Every name, phone number and address is made up: surnames are built from invented
parts, phone numbers start with 0000 (no Belgian number does), e-mail uses example.org.
"""

from __future__ import annotations

import datetime as dt
import math
import random
from dataclasses import dataclass

from kiosk.domain import auth, invites
from kiosk.domain import meetings as meeting_rules
from kiosk.domain import notes as notes_rules
from kiosk.domain.calendar import school_year_bounds, school_year_of
from kiosk.domain.models import (
    Absence,
    Booking,
    Break,
    CarePartner,
    ClassCode,
    FollowUp,
    Guardian,
    Invitation,
    LateArrival,
    Note,
    Pupil,
    Reply,
    Role,
    Round,
    Session,
    Staff,
)
from kiosk.errors import KioskError
from kiosk.i18n import _
from kiosk.services.context import SYSTEM, Kiosk
from kiosk.store.backup import create_backup

FIRST_NAMES = (
    "Lotte", "Emma", "Noor", "Louise", "Olivia", "Mila", "Ella", "Lina", "Nora", "Marie",
    "Fien", "Hanne", "Elise", "Lore", "Julie", "Amira", "Yasmin", "Zofia", "Oksana", "Aya",
    "Inaya", "Lucas", "Noah", "Arthur", "Louis", "Jules", "Adam", "Finn", "Mats", "Lars",
    "Vic", "Seppe", "Wout", "Rune", "Milan", "Émile", "Zeno", "Kobe", "Ibrahim", "Yusuf",
    "Mateusz", "Bogdan", "Elias", "Lowie",
)
SURNAME_PREFIXES = ("", "", "", "De ", "Van ", "Van de ", "Ver", "Vanden")
SURNAME_STEMS = (
    "Klaproos", "Wilgen", "Dennen", "Zonne", "Maanlicht", "Kastanje", "Hazel", "Berken",
    "Vlinder", "Lijster", "Merel", "Kwartel", "Mispel", "Dauw", "Wolken", "Bramen",
    "Hommel", "Egel", "Kievit", "Spreeuw", "Heide", "Vlier",
)
SURNAME_SUFFIXES = ("hout", "veld", "beek", "dries", "hove", "akker", "kouter", "laer", "wijk")
LANGUAGES = ("nl",) * 16 + ("fr", "en", "tr", "ar", "pl", "uk")
LEVELS = ("K1", "K2", "K3", "L1", "L2", "L3", "L4", "L5", "L6")
CLASS_SIZE = 24

# Demo PINs, printed in the README; the same PIN shares one hash to keep the demo quick.
DEMO_STAFF = (
    ("Greet Klaprooswijk", Role.HEAD, "1111"),
    ("Bram Lindeveld", Role.CARE, "2222"),
    ("Sofie Wilgendaal", Role.OFFICE, "3333"),
)
TEACHER_PIN = "1234"
CODES = ("sick_note",) * 12 + ("sick_certificate",) * 4 + ("justified",) * 3 + ("problematic",) * 2
CHANNELS = ("sms",) * 6 + ("phone", "agenda", "email", "in_person")


@dataclass(frozen=True)
class DemoSummary:
    pupils: int
    classes: int
    staff: int
    years: int
    absences: int
    lates: int
    notes: int = 0
    follow_ups: int = 0


def _surname(rng: random.Random) -> str:
    stem = rng.choice(SURNAME_STEMS) + rng.choice(SURNAME_SUFFIXES)
    prefix = rng.choice(SURNAME_PREFIXES)
    return prefix + (stem if prefix.endswith(" ") or not prefix else stem.lower())


def _phone(rng: random.Random) -> str:
    return f"0000 {rng.randint(10, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)}"


def _guardian(rng: random.Random, surname: str, household: int, language: str, n: int) -> Guardian:
    first = rng.choice(FIRST_NAMES)
    return Guardian(
        name=f"{first} {surname}",
        phone=_phone(rng),
        email=f"ouder{n}@example.org",
        household=household,
        language=language,
    )


def _class_names(per_level: dict[str, int]) -> dict[str, list[str]]:
    names = {}
    for level, count in per_level.items():
        n = max(1, math.ceil(count / CLASS_SIZE))
        names[level] = [level] if n == 1 else [f"{level}{chr(65 + i)}" for i in range(n)]
    return names


def make_pupils(rng: random.Random, count: int) -> list[Pupil]:
    """Families of one to three children; some separated parents in two households."""
    levels: list[tuple[int, str]] = []  # (family number, level) per child
    families = 0
    while len(levels) < count:
        size = rng.choices((1, 2, 3), weights=(60, 30, 10))[0]
        for level in rng.sample(LEVELS, k=min(size, count - len(levels))):
            levels.append((families, level))
        families += 1
    per_level = {lvl: sum(1 for _, lv in levels if lv == lvl) for lvl in LEVELS}
    classes = _class_names(per_level)
    family_parents: dict[int, tuple[str, tuple[Guardian, ...], str]] = {}
    pupils = []
    for number, (family, level) in enumerate(levels, start=1):
        if family not in family_parents:
            surname, language = _surname(rng), rng.choice(LANGUAGES)
            separated = rng.random() < 0.12
            second = _surname(rng) if separated else surname
            guardians: tuple[Guardian, ...] = (
                _guardian(rng, surname, 1, language, 2 * family + 1),
                _guardian(rng, second, 2 if separated else 1, language, 2 * family + 2),
            )
            family_parents[family] = (surname, guardians, language)
        surname, guardians, language = family_parents[family]
        age = 3 + LEVELS.index(level)
        pupils.append(
            Pupil(
                id=f"P{number:05d}",
                first_name=rng.choice(FIRST_NAMES),
                last_name=surname,
                class_name=rng.choice(classes[level]),
                birth_date=dt.date(2026 - age - 1, rng.randint(1, 12), rng.randint(1, 28)),
                home_language=language,
                photo_consent=rng.random() < 0.85,
                guardians=guardians if rng.random() < 0.95 else guardians[:1],
            )
        )
    return pupils


def school_email(name: str) -> str:
    """An invented school address (example.org is reserved for examples: it reaches no one)."""
    return f"{auth.staff_id_for(name).replace('-', '.')}@school.example.org"


def make_staff(classes: list[str], rng: random.Random) -> list[Staff]:
    hashes: dict[str, str] = {}

    def pin_hash(pin: str) -> str:
        return hashes.setdefault(pin, auth.hash_pin(pin))

    staff = [Staff(auth.staff_id_for(n), n, role, (), pin_hash(pin), email=school_email(n))
             for n, role, pin in DEMO_STAFF]
    used = {s.id for s in staff}
    for class_name in classes:
        name = f"{rng.choice(FIRST_NAMES)} {_surname(rng)}"
        while auth.staff_id_for(name) in used:
            name = f"{rng.choice(FIRST_NAMES)} {_surname(rng)}"
        used.add(auth.staff_id_for(name))
        staff.append(Staff(auth.staff_id_for(name), name, Role.TEACHER, (class_name,), pin_hash(TEACHER_PIN),
                           email=school_email(name)))
    return staff


def _some_days(rng: random.Random, days: list[dt.date], count: int, share: float) -> list[dt.date]:
    """`count` distinct days, each kept with probability `share`."""
    return [day for day in rng.sample(days, k=min(count, len(days))) if rng.random() <= share]


def make_history(kiosk: Kiosk, rng: random.Random, pupils: list[Pupil], years: int,
                 today: dt.date) -> tuple[list[Absence], list[LateArrival]]:
    absences: list[Absence] = []
    lates: list[LateArrival] = []
    current = school_year_of(today)
    for start_year in range(current - years + 1, current + 1):
        first, last = school_year_bounds(start_year)
        days = kiosk.calendar.school_days(first, min(last, today - dt.timedelta(days=1)))  # until yesterday
        if not days:
            continue
        # a year in progress has had only part of its absences so far
        share = len(days) / len(kiosk.calendar.school_days(first, last))
        created = dt.datetime.combine(days[0], dt.time(8, 25))
        for pupil in pupils:
            absent_count = rng.choices((0, 1, 2, 3, 5), weights=(25, 30, 25, 15, 5))[0]
            for day in _some_days(rng, days, absent_count, share):  # one entry per pupil and day
                part = rng.choices(("day", "am", "pm"), weights=(85, 8, 7))[0]
                absences.append(Absence(
                    pupil_id=pupil.id, start=day, end=day, code=rng.choice(CODES),
                    part="am" if part == "pm" and day.weekday() == 2 else part,
                    reported_via=rng.choice(CHANNELS), by_staff="greet-klaprooswijk",
                    created_at=created,
                ))
            late_count = rng.choices((0, 1, 2, 4), weights=(50, 25, 15, 10))[0]
            for day in _some_days(rng, days, late_count, share):
                lates.append(LateArrival(
                    pupil_id=pupil.id, date=day, time=dt.time(8, rng.randint(31, 59)),
                    by_staff="greet-klaprooswijk", created_at=created,
                ))
    return absences, lates


def make_today(kiosk: Kiosk, rng: random.Random, pupils: list[Pupil],
               now: dt.datetime) -> tuple[list[Absence], list[LateArrival]]:
    """A morning at the gate so far: some absent (one not explained yet), some late, and a
    pupil with enough problematic half days for the CLB signal, so that a newcomer sees at
    once what the home screen and the day view are for."""
    today = now.date()
    if not kiosk.calendar.is_school_day(today) or len(pupils) < 12:
        return [], []
    chosen = rng.sample(pupils, 12)
    morning = dt.datetime.combine(today, dt.time(7, 50))
    codes = ("sick_note",) * 4 + ("sick_certificate", "unknown", "unknown")
    absences = [Absence(pupil_id=p.id, start=today, end=today, code=code, reported_via="sms",
                        by_staff="greet-klaprooswijk", created_at=morning)
                for p, code in zip(chosen, codes, strict=False)]
    arrivals = ((32, "bus"), (38, ""), (41, "dokter"))
    lates = [LateArrival(pupil_id=p.id, date=today, time=dt.time(8, minute), reason=reason,
                         by_staff="greet-klaprooswijk", created_at=now)
             for p, (minute, reason) in zip(chosen[7:10], arrivals, strict=True)
             if dt.datetime.combine(today, dt.time(8, minute)) <= now]
    first = dt.date(school_year_of(today), 9, 1)
    earlier = kiosk.calendar.school_days(first, today - dt.timedelta(days=1))
    flagged = chosen[11]
    for day in sorted(rng.sample(earlier, 3)) if len(earlier) >= 3 else []:
        absences.append(Absence(pupil_id=flagged.id, start=day, end=day, code="problematic",
                                reported_via="phone", by_staff="greet-klaprooswijk",
                                created_at=dt.datetime.combine(day, dt.time(9))))
    return absences, lates


NOTE_TEXTS = (
    ("class", "Mama vraagt of {first} vaker mag voorlezen in de klas."),
    ("class", "Papa meldt dat de turnzak van {first} kwijt is; vraagt of hij in de verloren voorwerpen ligt."),
    ("class", "Vraag over de factuur van de schoolreis: is die al betaald?"),
    ("class", "Ouders willen het rapportcommentaar van {first} bespreken."),
    ("class", "Oma haalt {first} voortaan op woensdag op."),
    ("care", "Zorgen over het slapen van {first}; de ouders willen advies van de zorgjuf."),
    ("care", "Mama vertelt dat {first} bij de logopedist gestart is; verslag volgt."),
    ("personal", "Mama was zichtbaar aangeslagen; volgende week even polsen hoe het gaat."),
)
CARE_DISCIPLINES = (("logopedie", "Logopediepraktijk Het Klaverblad", "2× per week", "lezen en spelling"),
                    ("kinesitherapie", "Kinepraktijk De Vlinder", "1× per week", "fijne motoriek"),
                    ("ergotherapie", "Praktijk Zonnehoek", "1× per week", "schrijfhouding"),
                    ("psychologische begeleiding", "Centrum De Wilg", "om de 2 weken", "faalangst"))


def make_conversations(kiosk: Kiosk, rng: random.Random, pupils: list[Pupil], staff: list[Staff], years: int,
                       now: dt.datetime) -> tuple[list[Note], list[FollowUp], list[CarePartner]]:
    """Notes of talks at the gate in every school year, and this week: follow-ups open (one
    overdue, most for the head), one done; care partners for about one pupil in twenty."""
    teachers = {c: s.id for s in staff for c in s.classes}
    staff_by_id = {s.id: s for s in staff}
    head, care = "greet-klaprooswijk", "bram-lindeveld"
    notes: list[Note] = []
    follow_ups: list[FollowUp] = []
    current = school_year_of(now.date())
    for start_year in range(current - years + 1, current + 1):
        first, last = school_year_bounds(start_year)
        days = kiosk.calendar.school_days(first, min(last, now.date() - dt.timedelta(days=1)))
        for day in sorted(rng.sample(days, k=min(len(days), max(1, len(pupils) // 6)))):
            pupil = rng.choice(pupils)
            level, text = rng.choice(NOTE_TEXTS)
            author = rng.choice((head, teachers.get(pupil.class_name, head)))
            at = dt.datetime.combine(day, dt.time(8, 25))
            notes.append(Note((pupil.id,), text.format(first=pupil.first_name), at, author,
                              where=rng.choice(("gate", "gate", "bell", "phone")), level=level,
                              guardians=tuple(g.name for g in pupil.guardians[:1]), created_at=now))
    recent = [d for d in kiosk.calendar.school_days(now.date() - dt.timedelta(days=10), now.date())
              if dt.datetime.combine(d, dt.time(8, 25)) < now][-4:]
    owners = ("head", "head", "head", "teacher", "care", "head")
    for n, role in enumerate(owners if recent else ()):
        pupil = pupils[(n * 7 + 3) % len(pupils)]
        level, text = NOTE_TEXTS[n % len(NOTE_TEXTS)]
        at = dt.datetime.combine(recent[-1] if n else recent[0], dt.time(8, 25 + n))  # only the first is overdue
        note = Note((pupil.id,), text.format(first=pupil.first_name), at, head, where="gate", level=level,
                    guardians=tuple(g.name for g in pupil.guardians[:1]), created_at=at)
        owner = {"head": head, "care": care}.get(role) or teachers.get(pupil.class_name, head)
        if not notes_rules.may_own(staff_by_id[owner], note, [pupil]):
            owner = head  # a care note is not the class teacher's to answer
        due = notes_rules.due_time(at, kiosk.calendar, kiosk.config.communication)
        done = n == len(owners) - 1
        notes.append(note)
        follow_ups.append(FollowUp(note.id, note.pupil_ids, owner, at, due, head,
                                   done_at=at + dt.timedelta(hours=3) if done else None,
                                   done_by=owner if done else "", answer="Gebeld en uitgelegd." if done else ""))
    partners = [CarePartner(p.id, who, discipline, frequency, goal,
                            since=school_year_bounds(current)[0] + dt.timedelta(days=rng.randint(0, 40)), by_staff=care)
                for p in rng.sample(pupils, k=max(1, len(pupils) // 20))
                for discipline, who, frequency, goal in [rng.choice(CARE_DISCIPLINES)]]
    return notes, follow_ups, partners


HEAD_ID = "greet-klaprooswijk"
PARENT_EVENINGS = ((12, 14, "Oudercontact december"), (3, 15, "Oudercontact maart"), (6, 21, "Oudercontact juni"))


def _first_school_tuesday(kiosk: Kiosk, day: dt.date) -> dt.date:
    return next(d for d in kiosk.calendar.school_days(day, day + dt.timedelta(days=21)) if d.weekday() == 1)


def make_meetings(kiosk: Kiosk, rng: random.Random, pupils: list[Pupil], staff: list[Staff],
                  partners: list[CarePartner], now: dt.datetime) -> tuple[list[Round], list[Reply], list[Booking]]:
    """This school year's three parent evenings and a care-meeting round before December's,
    with reply slips for half the classes and their meetings booked, so there is always a
    round to look at."""
    start_year = school_year_of(now.date())
    teachers = sorted((s for s in staff if s.role == Role.TEACHER and s.classes), key=lambda s: s.classes)
    care = [s for s in staff if s.role == Role.CARE]
    rounds = []
    for month, day, name in PARENT_EVENINGS:
        evening = _first_school_tuesday(kiosk, dt.date(start_year + (month < 9), month, day))
        sessions = tuple(Session(t.id, evening, dt.time(16, 0), dt.time(19, 30), room=t.classes[0],
                                 breaks=(Break(dt.time(17, 30), dt.time(17, 45)),)) for t in teachers)
        rounds.append(Round(name, "parent_evening", sessions, slot_minutes=10, by_staff=HEAD_ID, created_at=now))
    december = rounds[0]
    care_day = _first_school_tuesday(kiosk, december.first_day - dt.timedelta(days=8))
    rounds.append(Round("Zorggesprekken december", "care",
                        tuple(Session(c.id, care_day, dt.time(15, 30), dt.time(18, 0), room="zorglokaal")
                              for c in care), slot_minutes=30, by_staff=HEAD_ID, created_at=now))
    replies: list[Reply] = []
    replied_classes = sorted({p.class_name for p in pupils})[::2]
    for pupil in pupils:
        if pupil.class_name not in replied_classes or rng.random() < 0.15:
            continue  # some households have not returned the slip yet
        for household in sorted({g.household for g in pupil.guardians}):
            after = rng.choice((None, None, dt.time(17, 0), dt.time(18, 0)))
            replies.append(Reply(december.id, pupil.id, household, december.first_day, wants=rng.random() > 0.05,
                                 after=after, care_wish=rng.random() < 0.05, by_staff=HEAD_ID, at=now))
    teacher_of = {c: t.id for t in teachers for c in t.classes}
    slips: dict[str, list[Reply]] = {}
    for reply in replies:
        slips.setdefault(reply.pupil_id, []).append(reply)
    booked_classes = replied_classes[:3]  # the first classes are booked already; the others wait for "fill"
    wanted = [meeting_rules.Wanted(p, teacher_of[p.class_name], meeting_rules.availability(slips[p.id]))
              for p in pupils if p.class_name in booked_classes and p.class_name in teacher_of
              and p.id in slips and all(r.wants for r in slips[p.id])]
    by_id = {p.id: p for p in pupils}
    bookings = meeting_rules.fill(december, wanted, meeting_rules.Board.of([], by_id), by=HEAD_ID).placed
    with_partners = {p.pupil_id for p in partners}
    care_wanted = [meeting_rules.Wanted(p, care[0].id) for p in pupils if p.id in with_partners][:4] if care else []
    bookings += meeting_rules.fill(rounds[-1], care_wanted, meeting_rules.Board.of([], by_id), by=HEAD_ID).placed
    return rounds, replies, bookings


def make_invitations(rng: random.Random, pupils: list[Pupil], staff: list[Staff],
                     now: dt.datetime) -> tuple[list[ClassCode], list[Invitation]]:
    """Every class's code, its letters handed out in the first week of the school year and
    most households joined since; the last class replaced a code that leaked in October, so
    its letters not yet joined are outdated. Classes without a teacher have no code yet."""
    year_start = dt.date(school_year_of(now.date()), 9, 1)
    taught = {c: s for s in staff for c in s.classes}
    codes: list[ClassCode] = []
    letters: list[Invitation] = []
    for class_name in sorted(taught):
        member = taught[class_name]
        code = "".join(rng.choice(invites.ALPHABET) for _ in range(8))
        at = dt.datetime.combine(year_start + dt.timedelta(days=1), dt.time(16, 0))
        codes.append(ClassCode(class_name, code, 1, at, member.id))
        for household in invites.households(p for p in pupils if p.class_name == class_name):
            joined = year_start + dt.timedelta(days=rng.randint(3, 40)) if rng.random() < 0.75 else None
            if joined is not None and joined.weekday() >= 5:  # ticked by the teacher: on Monday
                joined += dt.timedelta(days=7 - joined.weekday())
            if joined is not None and joined > now.date():
                joined = None
            letters.append(Invitation(class_name, household.key, tuple(p.id for p in household.pupils),
                                      household.language, member.id, printed_on=at.date(), code_version=1,
                                      joined_on=joined, joined_by=member.id if joined else ""))
    if codes and now.date() > year_start + dt.timedelta(days=45):
        leaked = codes[-1]
        codes.append(invites.next_code(leaked, leaked.class_name, "".join(rng.choice(invites.ALPHABET)
                                       for _ in range(8)), leaked.set_at + dt.timedelta(days=40), leaked.by_staff))
    return codes, letters


def build_demo(kiosk: Kiosk, *, pupils: int = 300, years: int = 1, seed: int = 1,
               force: bool = False) -> DemoSummary:
    if pupils < 1 or years < 1:
        raise KioskError(_("--pupils and --years must be at least 1"))
    if not kiosk.store.is_empty() and not force:
        raise KioskError(_(
            "{dir} already holds data; add --force to replace it (a backup is taken first)"
        ).format(dir=kiosk.store.data_dir))
    rng = random.Random(seed)
    now = kiosk.clock.now()
    pupil_list = make_pupils(rng, pupils)
    classes = sorted({p.class_name for p in pupil_list})
    staff = make_staff(classes, rng)
    absences, lates = make_history(kiosk, rng, pupil_list, years, now.date())
    history_ids = {(a.pupil_id, a.start) for a in absences}
    today_absences, today_lates = make_today(kiosk, random.Random(seed + 1), pupil_list, now)
    absences += [a for a in today_absences if (a.pupil_id, a.start) not in history_ids]
    lates += today_lates
    notes, follow_ups, partners = make_conversations(kiosk, random.Random(seed + 2), pupil_list, staff, years, now)
    rounds, replies, bookings = make_meetings(kiosk, random.Random(seed + 3), pupil_list, staff, partners, now)
    codes, invitations = make_invitations(random.Random(seed + 4), pupil_list, staff, now)
    with kiosk.store.transaction():
        if not kiosk.store.is_empty():
            create_backup(kiosk.store, now, label="before-demo", keep=kiosk.config.backup.keep)
            kiosk.store.wipe()
        kiosk.repos.pupils.save_many(pupil_list)
        for member in staff:
            kiosk.repos.staff.save(member)
        kiosk.repos.absences.add_many(absences)
        kiosk.repos.lates.add_many(lates)
        kiosk.repos.notes.add_many(notes)
        kiosk.repos.follow_ups.add_many(follow_ups)
        kiosk.repos.care_partners.add_many(partners)
        kiosk.repos.rounds.add_many(rounds)
        kiosk.repos.replies.add_many(replies)
        kiosk.repos.bookings.add_many(bookings)
        kiosk.repos.class_codes.add_many(codes)
        kiosk.repos.invitations.add_many(invitations)
        kiosk.audit(SYSTEM, "demo", pupils=pupils, years=years)
    return DemoSummary(len(pupil_list), len(classes), len(staff), years, len(absences), len(lates), len(notes),
                       len(follow_ups))

