"""The text-message reader on corpora of realistic messages (tests/data/sms_corpus*.jsonl),
whose ideal answers were written before the reader ever saw them: the first by the
developers, the others by people who never read the reader (measured before any tuning:
see the README).

Targets: at least 90 % of the messages fully correct (every field), and not one proposal
that is sure but wrong. A field the corpus marks as doubtful must be marked doubtful by the
reader too; its value is compared with the corpus's best guess."""

from __future__ import annotations

import datetime as dt
import json
import random
import re
from collections import Counter
from functools import cache
from pathlib import Path

import pytest

from kiosk.domain.absences import AbsenceRules
from kiosk.domain.calendar import SchoolCalendar
from kiosk.domain.sms import School, read_message
from kiosk.domain.sms.message import one_line
from kiosk.services.demo import make_pupils, make_staff

DATA = Path(__file__).resolve().parent.parent / "data"
CORPORA = sorted(DATA.glob("sms_corpus*.jsonl"))
FREE_DAYS = (dt.date(2026, 10, 7), dt.date(2027, 2, 3))
COMPARED = ("kind", "pupils", "candidates", "code", "start", "end", "part", "time")


@cache
def demo_school() -> School:
    """The demo school of `make run` (300 pupils, seed 1): the corpus names its pupils."""
    rng = random.Random(1)
    pupils = make_pupils(rng, 300)
    staff = make_staff(sorted({p.class_name for p in pupils}), rng)
    return School(pupils, staff)


def answer(message: dict[str, object]) -> dict[str, object]:
    proposal = read_message(str(message["text"]), demo_school(), dt.datetime.fromisoformat(str(message["at"])),
                            SchoolCalendar(FREE_DAYS), AbsenceRules())
    return {
        "kind": proposal.kind,
        "pupils": sorted(p.id for p in proposal.pupils),
        "candidates": sorted(p.id for p in proposal.candidates),
        "code": proposal.code,
        "start": proposal.start.isoformat() if proposal.start else None,
        "end": proposal.end.isoformat() if proposal.end else None,
        "part": proposal.part,
        "time": f"{proposal.time:%H:%M}" if proposal.time else None,
        "doubts": sorted(proposal.doubts),
    }


def wrong_fields(expected: dict[str, object], got: dict[str, object]) -> list[str]:
    wrong = [f for f in COMPARED if got[f] != expected[f]]
    wanted_doubts = set(expected["doubts"])  # type: ignore[arg-type]
    missing = wanted_doubts - set(got["doubts"])  # type: ignore[arg-type]
    return wrong + [f"doubt:{f}" for f in sorted(missing)]


def evaluate(corpus: Path) -> tuple[int, int, list[str], Counter[str], list[str]]:
    messages = [json.loads(line) for line in corpus.read_text(encoding="utf-8").splitlines() if line.strip()]
    correct, sure_wrong, field_errors = 0, [], Counter()
    report = []
    for message in messages:
        got = answer(message)
        wrong = wrong_fields(message["expected"], got)
        field_errors.update(w for w in wrong if not w.startswith("doubt:"))
        if not wrong:
            correct += 1
        else:
            report.append(f"{message['id']}: {', '.join(wrong)} | got {got} | {message['text']}")
            if not got["doubts"]:
                sure_wrong.append(message["id"])
    return correct, len(messages), sure_wrong, field_errors, report


@pytest.mark.parametrize("corpus", CORPORA, ids=lambda path: path.stem)
def test_the_corpus_meets_its_targets(corpus: Path) -> None:
    correct, total, sure_wrong, field_errors, report = evaluate(corpus)
    summary = (f"fully correct {correct}/{total} ({100 * correct / total:.1f} %), sure but wrong: "
               f"{sure_wrong}, wrong per field: {dict(field_errors)}\n" + "\n".join(report))
    assert total >= 100
    assert not sure_wrong, summary
    assert correct / total >= 0.9, summary


@pytest.mark.parametrize("corpus", CORPORA, ids=lambda path: path.stem)
def test_a_message_on_several_lines_reads_the_same_pasted_into_one_line(corpus: Path) -> None:
    """Phones break messages into lines; the kiosk's one-line field joins them with ⏎."""
    for line in corpus.read_text(encoding="utf-8").splitlines():
        message = json.loads(line)
        lines = re.sub(r"([.!?,]) ", "\\1\n", str(message["text"]))
        assert answer({**message, "text": one_line(lines)}) == answer({**message, "text": lines}), message["id"]
    assert "\n" in lines  # the corpus has sentences to break


def test_the_direction_marks_phones_add_change_nothing() -> None:
    text = "Goeiemorgen, \u200fLotte is ziek vandaag\u200e"
    assert one_line(text) == "Goeiemorgen, Lotte is ziek vandaag"


def test_there_are_enough_messages() -> None:
    assert sum(len(path.read_text(encoding="utf-8").splitlines()) for path in CORPORA) >= 150


@pytest.mark.parametrize("corpus", CORPORA, ids=lambda path: path.stem)
def test_the_corpus_is_well_formed(corpus: Path) -> None:
    school = demo_school()
    ids = {p.id for p in school.pupils}
    for line in corpus.read_text(encoding="utf-8").splitlines():
        message = json.loads(line)
        expected = message["expected"]
        assert set(expected["pupils"]) <= ids and set(expected["candidates"]) <= ids, message["id"]
        assert expected["kind"] in ("absence", "late", "return", "other")


if __name__ == "__main__":  # python -m tests.unit.test_sms_corpus [FILE]: the full report
    import sys

    for path in [Path(a) for a in sys.argv[1:]] or CORPORA:
        correct, total, sure_wrong, field_errors, report = evaluate(path)
        print("\n".join(report))
        print(f"{path.name}: fully correct {correct}/{total} ({100 * correct / total:.1f} %); "
              f"sure but wrong: {len(sure_wrong)} {sure_wrong}; wrong per field: {dict(field_errors)}")
