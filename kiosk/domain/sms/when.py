"""When: the days of an absence, the half day, the return day, the time of a late arrival.

Relative to the moment the message arrived. A day word means the next such day ("vrijdag"
on a Monday is this Friday), or the last one when the message speaks of the past ("was
vrijdag ziek"). Anything vague ("een paar dagen", "tot ze beter is", "halve dag") gives a
best guess marked as doubtful, never a confident wrong date.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from kiosk.domain.calendar import SchoolCalendar
from kiosk.domain.sms import lexicon
from kiosk.domain.sms.message import Message

_DATE = re.compile(r"(?<![\d/])(\d{1,2})\s*/\s*(\d{1,2})(?:\s*/\s*(\d{2,4}))?(?![\d/])")
_AND_DAY = r"(?<![\d/])(\d{1,2})\s*(?:en|et|and|&|,|tem|tot|-|to|au)\s*(\d{1,2})"  # "17 en", "11 tem"
_DAY_AND_DATE = re.compile(_AND_DAY + r"\s*/\s*(\d{1,2})(?![\d/])")
_DAYS_IN_MONTH = re.compile(_AND_DAY + r"\s+(" +
                            "|".join(sorted(lexicon.MONTHS, key=len, reverse=True)) + r")\b")
_DAY_MONTH = re.compile(r"\b(\d{1,2})\s+(" + "|".join(sorted(lexicon.MONTHS, key=len, reverse=True)) + r")\b")
_CLOCK = re.compile(r"\b(\d{1,2})\s*(?:u|h|uur|:|\.)\s*(\d{2})?\b(?!\s*/)")
_HOUR_WORDS = {"een": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6, "zeven": 7, "acht": 8, "negen": 9,
               "tien": 10, "elf": 11, "twaalf": 12}
_HOURS = r"(\d{1,2}|" + "|".join(_HOUR_WORDS) + ")"
_HALF = re.compile(rf"\bhalf\s+{_HOURS}\b")
_QUARTER = re.compile(rf"\bkwart\s+(na|over|voor)\s+{_HOURS}\b")
_WORD_HOUR = re.compile(r"\b(om|rond|tegen|voor)\s+(acht|negen|tien|elf|twaalf)(en|\s+uur)\b")
_WITHIN = re.compile(r"\bbinnen\s+(\d{1,2})\s*min")
_MINUTES_LATER = re.compile(r"\b(\d{1,2})\s*min(?:uten|uutjes|ute)?\s+later\b")
SEARCH_DAYS = 80
"""How far to look for a school day: past the summer holiday (62 days) and its weekends."""
_ARRIVAL = re.compile(r"\b(om|rond|tegen|vers|around|at|a)\s*$")


@dataclass
class When:
    start: dt.date | None = None
    end: dt.date | None = None
    part: str = "day"
    time: dt.time | None = None
    return_day: dt.date | None = None
    doubts: set[str] = field(default_factory=set)


def _school_hour(hour: int) -> int:
    """A child arrives during the school day: "half een", "om 1u30", "kwart na 2" are in the
    afternoon (12:30, 13:30, 14:15), never in the night."""
    return hour + 12 if 0 <= hour < 7 else hour


def _school_day_on_or_after(calendar: SchoolCalendar, day: dt.date) -> dt.date:
    for _ in range(SEARCH_DAYS):
        if calendar.is_school_day(day):
            return day
        day += dt.timedelta(days=1)
    return day


def _school_day_before(calendar: SchoolCalendar, day: dt.date) -> dt.date:
    previous = day - dt.timedelta(days=1)
    for _ in range(SEARCH_DAYS):
        if calendar.is_school_day(previous):
            return previous
        previous -= dt.timedelta(days=1)
    return previous


def _nth_school_day(calendar: SchoolCalendar, start: dt.date, n: int) -> dt.date:
    day, counted = start, 0
    for _ in range(120):
        if calendar.is_school_day(day):
            counted += 1
            if counted >= n:
                return day
        day += dt.timedelta(days=1)
    return day


def _weekday(word: str, after_tem: bool) -> int | None:
    if word in lexicon.WEEKDAYS:
        return lexicon.WEEKDAYS[word]
    return lexicon.SHORT_WEEKDAYS.get(word) if after_tem else None


def _weekday_date(today: dt.date, weekday: int, *, past: bool, after: dt.date | None = None) -> dt.date:
    if past:
        return today - dt.timedelta(days=(today.weekday() - weekday) % 7 or 7)
    base = after or today
    return base + dt.timedelta(days=(weekday - base.weekday()) % 7)


def _explicit_dates(text: str, today: dt.date) -> list[tuple[int, dt.date]]:
    """(position, date) of "25/11", "4/12/2026", "7 januari": never "1/2 dag" (a half day)."""
    found = []
    for match in _DATE.finditer(text):
        if re.match(r"\s*(dag|day)\b", text[match.end():]):
            continue
        day, month = int(match.group(1)), int(match.group(2))
        found += [(match.start(), d) for d in [_nearest(today, day, month, match.group(3))] if d]
    for match in _DAY_AND_DATE.finditer(text):  # "17 en 18/12": the 17th of that month too
        found += [(match.start(), d) for d in [_nearest(today, int(match.group(1)), int(match.group(3)), None)] if d]
    for match in _DAYS_IN_MONTH.finditer(text):  # "van 11 tem 15 januari": the 11th of January
        found += [(match.start(), d) for d in [_nearest(today, int(match.group(1)), lexicon.MONTHS[match.group(3)],
                                                        None)] if d]
    for match in _DAY_MONTH.finditer(text):
        found += [(match.start(), d) for d in [_nearest(today, int(match.group(1)), lexicon.MONTHS[match.group(2)],
                                                        None)] if d]
    return sorted(found)


def _nearest(today: dt.date, day: int, month: int, year: str | None) -> dt.date | None:
    try:
        if year:
            return dt.date(int(year) + (2000 if len(year) == 2 else 0), month, day)
        options = [dt.date(today.year + offset, month, day) for offset in (-1, 0, 1)
                   if _valid(today.year + offset, month, day)]
    except ValueError:
        return None
    return min(options, key=lambda d: abs((d - today).days)) if options else None


def _valid(year: int, month: int, day: int) -> bool:
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


@dataclass
class _Day:
    position: int
    date: dt.date
    role: str
    """start (a plain day), end (after tem/tot), back (the day the child returns)."""
    exclusive: bool = False
    """"tot woensdag": the child may be back that day (or not: a doubt)."""


_CLAUSE = re.compile(r"[,.;!?()\n]|\b(maar|omdat|want|but|mais|because)\b")
_BACK_WORDS = re.compile(r"\bterug\b|\bback\b|\brevien|\bweer\b|\bde\s+retour\b")
_IGNORED_CLAUSE = re.compile(r"\blaat\b[\w ]*\bweten\b|(attest|briefje|certificaat|certificat)|\bgeboren\b|"
                             r"\bopgenomen\b|\bbreng\w*\b[\w ]*\b(mee|binnen)\b|\bgeef\b[\w ]*\bmee\b")


def _clauses(text: str) -> list[tuple[int, int]]:
    bounds, start = [], 0
    for match in _CLAUSE.finditer(text):
        bounds.append((start, match.start()))
        start = match.end()
    return [*bounds, (start, len(text))]


def _day_mentions(message: Message, now: dt.datetime) -> tuple[list[_Day], list[_Day]]:
    """(the days the absence, late arrival or return is about, other days from today on that
    the message mentions without saying what happens then)."""
    text, today = message.text, now.date()
    days: list[_Day] = []
    tokens = list(re.finditer(r"[\w']+", text))
    explicit = _explicit_dates(text, today)
    latest_start: dt.date | None = None
    for i, match in enumerate(tokens):
        word, previous = match.group(0), tokens[i - 1].group(0) if i else ""
        role = "end" if previous in ("tem", "tot", "until", "through", "to") else "start"
        exclusive = previous in ("tot", "until")
        following = " ".join(t.group(0) for t in tokens[i + 1:i + 3])
        if re.match(r"(\w+ )?wel\b", following) or previous in ("sinds", "since", "depuis"):
            continue  # "vandaag wel (op school)": a day the child is there; "ziek sinds vrijdag": told before
        if word in lexicon.RELATIVE_DAYS:
            # at 00:40, "morgen" is most likely the day that has just begun (in doubt, below)
            early = now.hour < 5 and word == "morgen"
            date = today + dt.timedelta(days=lexicon.RELATIVE_DAYS[word] - early)
            if date > today and role == "start" and re.match(r"ook\b", following):
                days.append(_Day(match.start(), today, "start"))  # "Morgen ook nog thuis": today and tomorrow
            days.append(_Day(match.start(), date, role, exclusive))
            continue
        weekday = _weekday(word, previous in ("tem", "tot", "vanaf", "en", "of", "until", "through", "et"))
        if weekday is None or any(abs(position - match.start()) < 16 for position, _d in explicit):
            continue  # "donderdag 7 januari": the date says it
        sentence = text[text.rfind(".", 0, match.start()) + 1:match.start()]
        # "maandag komt hij terug": the word comes up to three words after the day
        coming_back = bool(_BACK_WORDS.search(" ".join(t.group(0) for t in tokens[i + 1:i + 4])))
        past = bool(lexicon.PAST.search(sentence)) and not coming_back
        date = _weekday_date(today, weekday, past=past and role == "start",
                             after=latest_start if role == "end" else None)  # "van donderdag tem dinsdag"
        if date == today and (coming_back or role == "end"):
            date += dt.timedelta(days=7)  # "komt maandag terug", said on a Monday: next week
        if previous == "volgendeweek" or (i > 1 and tokens[i - 2].group(0) == "volgendeweek"):
            date = _weekday_date(today, weekday, past=False, after=today + dt.timedelta(days=7 - today.weekday()))
        days.append(_Day(match.start(), date, role, exclusive))
        if role == "start":
            latest_start = max(latest_start or date, date)
    for position, date in explicit:
        before = text[max(0, position - 24):position]
        end = re.search(r"\b(tem|tot|until|au)\s*(\w+\s+)?$", before)
        days.append(_Day(position, date, "end" if end else "start"))
    return _relevant(text, sorted(days, key=lambda d: d.position), today)


_CUES = lexicon.ABSENCE + lexicon.APPOINTMENT + lexicon.RETURN + lexicon.LATE


def _relevant(text: str, days: list[_Day], today: dt.date) -> tuple[list[_Day], list[_Day]]:
    """The days of the clauses that say the child is away, late or back: not "gisteren is
    er een broertje geboren" or "het briefje breng ik morgen mee". When those clauses name
    no day, the other clauses' days from today on ("… Morgen ook nog."), and only when no
    clause says so at all, any day that is not about something else."""
    cued: list[_Day] = []
    plain: list[_Day] = []
    any_cue = False
    for start, end in _clauses(text):
        clause = text[start:end]
        if _IGNORED_CLAUSE.search(clause):
            continue
        inside = [d for d in days if start <= d.position < end]
        if any(re.search(p, clause) for p in _CUES):
            any_cue = True
            cued += inside
        else:
            plain += inside
    if cued:
        cued_dates = {d.date for d in cued}
        return cued, [d for d in plain if d.date >= today and d.date not in cued_dates]
    return ([d for d in plain if d.date >= today] if any_cue else plain), []


def _back_day(message: Message, days: list[_Day]) -> _Day | None:
    """The day a child comes back: "komt maandag terug", "morgen is ze terug", "back on Monday"."""
    text = message.text
    for day in days:
        before = text[max(0, day.position - 40):day.position]
        after = text[day.position:day.position + 30]
        if re.match(r"[\w']+\s*[,.]?\s*dan\s+(komt|is)\b", after):
            return _Day(day.position, day.date + dt.timedelta(days=0), "back")  # "tot woensdag, dan komt ze"
        clause_after = re.split(r"[,.;!?]", after)[0]
        clause_before = re.split(r"[,.;!?]", before)[-1]
        if _BACK_WORDS.search(clause_after) or re.search(
                r"\b(back|revient|terug)\b[\w ]{0,25}$|\bdan\s+komt\b", clause_before):  # "terug op school op 6/1"
            if not re.search(r"\bterug\s+(beter|gezond|fit)\b", clause_after + clause_before):
                return day
            if re.search(r"\bterug\s*$|\bterug\b[^,.]*$", clause_after):
                return day
    return None


def read_when(message: Message, now: dt.datetime, calendar: SchoolCalendar, kind: str) -> When:
    today = now.date()
    when = When()
    days, unclear = _day_mentions(message, now)
    when.part, part_doubt = _part(message)
    if part_doubt:
        when.doubts.add("part")
    if kind == "late":
        when.start = when.end = next((d.date for d in days if d.role == "start"), None) or today
        when.time, time_doubt = _arrival_time(message, now)
        if time_doubt:
            when.doubts.add("time")
        when.part = "day"
        return when
    back = _back_day(message, days + unclear)
    if any(d.date != (back.date if back else None) for d in unclear):
        when.doubts.add("end")  # "ziek vandaag. Donderdag is er een toets": which days?
    if kind == "return":
        when.start = back.date if back else (days[0].date if days else _default_day(now, calendar, when))
        when.return_day = when.start
        return when
    _absence_period(message, now, calendar, days, back, when)
    return when


def _default_day(now: dt.datetime, calendar: SchoolCalendar, when: When) -> dt.date:
    """No day in the message: today in the morning of a school day; otherwise the next
    school day, as a guess."""
    today = now.date()
    if calendar.is_school_day(today) and now.hour < 13:
        return today
    when.doubts.update({"start", "end"})
    return _school_day_on_or_after(calendar, today + dt.timedelta(days=1))


def _absence_period(message: Message, now: dt.datetime, calendar: SchoolCalendar, days: list[_Day],
                    back: _Day | None, when: When) -> None:
    text, today = message.text, now.date()
    plain = [d for d in days if d is not back and d.role == "start"]
    ends = [d for d in days if d is not back and d.role == "end"]
    if re.search(r"\bvolgendeweek\b", text) and not days:
        monday = today + dt.timedelta(days=7 - today.weekday())
        when.start, when.doubts = _school_day_on_or_after(calendar, monday), when.doubts | {"start", "end"}
    elif plain:
        when.start = min(d.date for d in plain)
    else:
        when.start = _default_day(now, calendar, when)
    when.end = max((d.date for d in plain), default=when.start)
    if ends:
        last = max(ends, key=lambda d: d.date)
        when.end = last.date
        if last.exclusive and not re.search(r"\binclus", text):
            # "tot woensdag": back on Wednesday, or absent on Wednesday too? Ask.
            when.doubts.add("end")
    if back is not None and back.date > when.start:
        when.end = _school_day_before(calendar, back.date)
        when.doubts.discard("end")
    if re.search(r"\bdezeweek\b", text) and not ends:
        when.end = max(when.end, _friday(calendar, when.start))
    if re.search(r"\btotnaweekend\b", text):
        when.end = _friday(calendar, when.start)
    if re.search(r"\btotvakantie\b", text):
        when.end = _before_next_holiday(calendar, when.start)
    count = re.search(r"\b(\w+)\s+(school)?dag(en)?\b", text)
    if count and count.group(1) in lexicon.NUMBER_WORDS and lexicon.NUMBER_WORDS[count.group(1)] > 1:
        when.end = _nth_school_day(calendar, when.start, lexicon.NUMBER_WORDS[count.group(1)])
    if re.search(r"\btotbeter\b", text) or message.has(lexicon.OPEN_END):
        when.doubts.add("end")  # "morgen misschien ook", "maandag zeker nog niet"
    if now.hour < 5 and re.search(r"\bmorgen\b", text):
        when.doubts.add("start")  # at 00:40, "morgen" may well mean the day that has just begun
    if re.search(r"\b(paar|enkele|some|few|quelques)\s+(dagen|days|jours)\b", text):
        # a guess, in doubt: two school days next week, or three (within this week) from now
        when.doubts.add("end")
        few = 2 if re.search(r"\bvolgendeweek\b", text) else 3
        when.end = min(_nth_school_day(calendar, when.start, few), _friday(calendar, when.start))
    if when.end < when.start:
        when.end = when.start
    if when.start != when.end:
        when.part = "day"
        when.doubts.discard("part")


def _friday(calendar: SchoolCalendar, start: dt.date) -> dt.date:
    friday = start + dt.timedelta(days=(4 - start.weekday()) % 7)
    return friday if calendar.is_school_day(friday) else _school_day_before(calendar, friday + dt.timedelta(days=1))


def _before_next_holiday(calendar: SchoolCalendar, start: dt.date) -> dt.date:
    """The last school day before the next weekday without school (a holiday, a free day)."""
    day, last = start, start
    for _ in range(120):
        day += dt.timedelta(days=1)
        if calendar.is_school_day(day):
            last = day
        elif day.weekday() < 5:
            return last
    return start


def _part(message: Message) -> tuple[str, bool]:
    """day, am or pm, and whether that is a guess."""
    text = message.text
    wel = re.search(r"\b(voormiddag|namiddag)\b[\w ]{0,6}\bwel\b|\bwel\b[\w ]{0,10}\b(voormiddag|namiddag)\b", text)
    if wel:  # "is er deze voormiddag wel, maar ..." : the other half
        present = wel.group(1) or wel.group(2)
        return ("pm" if present == "voormiddag" else "am"), False
    if re.search(r"\bnamiddagkomst\b", text) or re.search(r"\btot\s+(de\s+middag|12\s*u)\b", text):
        return "am", False
    if re.search(r"\b(haal|halen|ophalen|kom\w*)\b[\w ]{0,30}\b(12|13)\s*u", text) or re.search(
            r"\b(12|13)\s*u\d*\b[\w ]{0,20}\b(op|halen|ophalen)\b", text):
        return "pm", False
    if re.search(r"\bnamiddag\b|\bafternoon\b|\bapres[- ]midi\b", text):
        return "pm", False
    if re.search(r"\bvoormiddag\b|\bmorning\b|\bmatin\b", text):
        return "am", False
    if re.search(r"\bhalvedag\b", text):
        return "am", True
    if re.search(r"\bdeeldag\b", text):
        return "day", True
    return "day", False


def _hour(word: str) -> int | None:
    return int(word) if word.isdigit() else _HOUR_WORDS.get(word)


def _arrival_strength(before: str) -> int:
    """2: "komt om 9u", 1: "om 9u", 0: a bare time."""
    preposition = _ARRIVAL.search(before)
    if not preposition:
        return 0
    return 2 if _ARRIVAL_VERB.search(before[:preposition.start()]) else 1


_ARRIVAL_VERB = re.compile(r"\b(komt|komen|is\s+er|zijn\s+er|zal\s+er|zullen\s+er|arriveert|arrivera|arriver|"
                           r"be\s+there|brengt|brengen|breng|will\s+be|here|zijn\s+we|komen\s+we|zet|zetten)\b"
                           r"[\w ,]{0,25}$")


def _arrival_time(message: Message, now: dt.datetime) -> tuple[dt.time | None, bool]:
    """The time the child arrives; (None, True) when the message does not say. A time right
    after "komt om", "is er rond", "arrivera vers" is the arrival; another time in the
    message ("de afspraak is om 8u15") is not."""
    text = message.text
    options: list[tuple[int, int, dt.time]] = []  # (strength, position, time)

    def add(position: int, time: dt.time) -> None:
        options.append((_arrival_strength(text[max(0, position - 40):position]), position, time))

    for match in _WORD_HOUR.finditer(text):  # "rond tienen", "tegen negen uur"
        add(match.start(), dt.time(_HOUR_WORDS[match.group(2)], 0))
    for match in _HALF.finditer(text):
        hour = _hour(match.group(1))
        if hour and 1 <= hour <= 12:
            add(match.start(), dt.time(_school_hour(hour - 1), 30))
    for match in _QUARTER.finditer(text):
        hour = _hour(match.group(2))
        if hour:
            minute = 15 if match.group(1) in ("na", "over") else 45
            add(match.start(), dt.time(_school_hour(hour if minute == 15 else hour - 1), minute))
    for match in _CLOCK.finditer(text):
        hour, minute = int(match.group(1)), int(match.group(2) or 0)
        unit = re.search(r"\d\s*(u|h|uur|:|\.)\s*\d", match.group(0)) or re.search(r"\d\s*(u|h|uur)\b", match.group(0))
        if hour <= 23 and minute <= 59 and (unit or _ARRIVAL.search(text[:match.start()])):
            add(match.start(), dt.time(_school_hour(hour), minute))
    within = _WITHIN.search(text)
    if within:
        add(within.start(), (now + dt.timedelta(minutes=int(within.group(1)))).time().replace(second=0))
        options[-1] = (2, within.start(), options[-1][2])
    if options:
        best = max(strength for strength, _p, _t in options)
        chosen = sorted((p, t) for s, p, t in options if s == best)
        return chosen[0][1], len({t for _p, t in chosen}) > 1
    later = _MINUTES_LATER.search(text)
    if later:
        return (now + dt.timedelta(minutes=int(later.group(1)))).time().replace(second=0), True
    return None, True
