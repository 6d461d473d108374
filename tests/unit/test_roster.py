import datetime as dt

import pytest

from kiosk import i18n
from kiosk.domain.models import Pupil
from kiosk.domain.roster import compare_roster, parse_roster

HEADER_NL = "leerling_id;voornaam;achternaam;klas;geboortedatum;thuistaal;foto_toestemming;" \
    "ouder1_naam;ouder1_telefoon;ouder1_email;ouder2_naam;ouder2_gezin\n"


def test_dutch_semicolon_utf8_bom():
    raw = (HEADER_NL + "P1;Émile;Van Zonnehout;3b;03/04/2017;fr;ja;Ann Zonnehout;0000 11 22 33;"
           "a@example.org;Piet Mol;2\n").encode("utf-8-sig")
    parsed = parse_roster(raw)
    assert parsed.errors == []
    pupil = parsed.pupils[0]
    assert (pupil.first_name, pupil.class_name, pupil.birth_date) == ("Émile", "3B", dt.date(2017, 4, 3))
    assert pupil.photo_consent is True
    assert [g.household for g in pupil.guardians] == [1, 2]
    assert parsed.encoding == "utf-8-sig" and parsed.delimiter == ";"


def test_english_comma_cp1252():
    raw = "pupil_id,first_name,last_name,class,photo_consent\nP9,Zoë,Dauwveld,K2,no\n".encode("cp1252")
    parsed = parse_roster(raw)
    assert parsed.errors == []
    assert parsed.pupils[0].first_name == "Zoë"
    assert parsed.encoding == "cp1252"


# (language, the error's line, the earlier line of a duplicate id) in the kiosk's words
LINE_WORDS = [("nl", "regel 5", "ook op regel 2"), ("en", "line 5", "also on line 2")]


@pytest.mark.parametrize(("language", "line_5", "also_on_2"), LINE_WORDS)
def test_every_bad_line_is_reported_with_its_number(language: str, line_5: str, also_on_2: str):
    i18n.set_language(language)
    raw = (HEADER_NL
           + "P1;Ann;Mol;3B;;;ja;;;;;\n"
           + ";Bert;Mol;3B;;;ja;;;;;\n"          # line 3: no id
           + "P3;Cas;Mol;3 B!;31/02/2017;;misschien;;;;;\n"  # line 4: three problems
           + "P1;Dirk;Mol;3B;;;ja;;;;;\n"         # line 5: duplicate id
           + "P5;Eva;Mol\n").encode()             # line 6: too few fields
    parsed = parse_roster(raw)
    lines = sorted({e.line for e in parsed.errors})
    assert lines == [3, 4, 5, 6]
    messages = " ".join(str(e) for e in parsed.errors)
    assert line_5 in messages and also_on_2 in messages
    assert "misschien" in messages and "31/02/2017" in messages


def test_missing_required_column():
    parsed = parse_roster(b"voornaam;achternaam\nAnn;Mol\n")
    assert [e.line for e in parsed.errors] == [1]
    assert "leerling_id" in parsed.errors[0].message and "klas" in parsed.errors[0].message


def test_names_with_markup_are_kept_literally():
    parsed = parse_roster(b"id;voornaam;achternaam;klas\nP1;[bold]Jan[/];[@click=app.quit]x[/];2A\n")
    assert parsed.pupils[0].full_name == "[bold]Jan[/] [@click=app.quit]x[/]"


def test_compare_roster_marks_leavers_and_keeps_them():
    old = [Pupil("A", "Ann", "Mol", "1A"), Pupil("B", "Bo", "Mol", "1A"), Pupil("C", "Cas", "Mol", "1A")]
    new = [Pupil("A", "Ann", "Mol", "2A"), Pupil("B", "Bo", "Mol", "1A"), Pupil("D", "Dina", "Mol", "K1")]
    changes = compare_roster(old, new, dt.date(2026, 11, 23))
    assert [p.id for p in changes.added] == ["D"]
    assert [p.id for p in changes.changed] == ["A"]
    assert [(p.id, p.left_on) for p in changes.left] == [("C", dt.date(2026, 11, 23))]
    assert changes.unchanged == 1
