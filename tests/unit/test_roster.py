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
    assert [p.id for p in changes.to_save] == ["D", "A", "C"]  # everything to write, once


def test_guardians_in_the_file_replace_the_known_ones_unless_it_has_none() -> None:
    from kiosk.domain.models import Guardian

    known = [Pupil("A", "Ann", "Mol", "1A", guardians=(Guardian("Kim Mol"),))]
    incoming = [Pupil("A", "Ann", "Mol", "1A", guardians=(Guardian("Lies Mol"),))]
    [replaced] = compare_roster(known, incoming, dt.date(2026, 11, 23)).changed
    assert [g.name for g in replaced.guardians] == ["Lies Mol"]
    without = [Pupil("A", "Ann", "Mol", "1A")]
    kept = compare_roster(known, without, dt.date(2026, 11, 23), keep_guardians=True)
    assert kept.changed == [] and kept.unchanged == 1


@pytest.mark.parametrize(("typed", "consent", "refused"), [
    ("ja", True, False), ("Nee", False, False), ("", False, False), ("x", True, False), ("misschien", False, True),
])
def test_photo_consent(typed: str, consent: bool, refused: bool) -> None:
    parsed = parse_roster(f"id;voornaam;achternaam;klas;foto_toestemming\nP1;Ann;Mol;3B;{typed}\n".encode())
    assert bool(parsed.errors) is refused
    if not refused:
        assert parsed.pupils[0].photo_consent is consent


@pytest.mark.parametrize("email", ["kim.mol(at)example.org", "kim mol@example.org"])
def test_a_guardian_e_mail_needs_an_at_sign_and_no_space(email: str) -> None:
    parsed = parse_roster(f"id;voornaam;achternaam;klas;ouder1_naam;ouder1_email\nP1;Ann;Mol;3B;Kim Mol;{email}\n"
                          .encode())
    assert [e.line for e in parsed.errors] == [2]


# -- hostile and odd files -------------------------------------------------------------------
def test_control_characters_in_names_are_refused_with_their_line():
    from tests.hostile import HOSTILE

    lines = ["id;voornaam;achternaam;klas"]
    for n, text in enumerate(t for t in HOSTILE if not set("\n\r\x00") & set(t)):
        lines.append(f"P{n};{text};Mol;3B")
    parsed = parse_roster("\n".join(lines).encode())
    assert parsed.pupils == []
    bad_lines = sorted({e.line for e in parsed.errors})
    assert bad_lines == list(range(2, len(lines) + 1))
    for line in bad_lines:  # the name is named, or (a ; inside the text) the field count
        assert any("voornaam" in e.message or "velden" in e.message for e in parsed.errors if e.line == line)
    assert not any("leeg" in e.message for e in parsed.errors)  # refused, not also "empty"


def test_a_file_mixing_utf8_and_another_encoding_is_refused_with_the_lines():
    raw = ("id;voornaam;achternaam;klas\nP1;Zoë;Mol;3B\n".encode()
           + "P2;Chloë;Mol;3B\n".encode("cp1252") + "P3;Anaïs;Mol;3B\n".encode())
    parsed = parse_roster(raw)
    assert parsed.pupils == [] and [e.line for e in parsed.errors] == [3]
    assert "UTF-8" in parsed.errors[0].message


def test_a_binary_file_is_refused_not_a_crash():
    import random

    rng = random.Random(7)
    for _ in range(200):
        raw = bytes(rng.randrange(256) for _ in range(rng.randrange(1, 300)))
        parsed = parse_roster(raw)  # never raises
        assert parsed.errors or parsed.pupils
    [error] = parse_roster(b"id;voornaam;achternaam;klas\x00\nP1;A;B;3B\n").errors
    assert error.line == 1  # the file as a whole, not one of its lines


def test_ids_are_unique_whatever_their_case():
    parsed = parse_roster(b"id;voornaam;achternaam;klas\nab1;Ann;Mol;3B\nAB1;Bo;Mol;3B\n")
    assert [e.line for e in parsed.errors] == [3]


def test_a_reimport_without_optional_columns_keeps_what_is_known():
    known = Pupil("A1", "Ann", "Mol", "1A", birth_date=dt.date(2019, 1, 2), home_language="fr",
                  photo_consent=True)
    parsed = parse_roster(b"id;voornaam;achternaam;klas\na1;Ann;Mol;2A\n")
    changes = compare_roster([known], parsed.pupils, dt.date(2026, 11, 23), columns=parsed.columns)
    [updated] = changes.changed
    assert updated.id == "A1" and updated.class_name == "2A"  # the stored id, even typed as a1
    assert (updated.birth_date, updated.home_language, updated.photo_consent) == (dt.date(2019, 1, 2), "fr", True)
    with_columns = parse_roster(b"id;voornaam;achternaam;klas;thuistaal\nA1;Ann;Mol;2A;nl\n")
    [again] = compare_roster([known], with_columns.pupils, dt.date(2026, 11, 23),
                             columns=with_columns.columns).changed
    assert again.home_language == "nl" and again.photo_consent is True


def test_a_header_only_file_is_not_an_empty_school():
    parsed = parse_roster(b"id;voornaam;achternaam;klas\n")
    assert parsed.errors and parsed.errors[0].line == 2


def test_a_blank_line_is_skipped_not_an_error():
    parsed = parse_roster(b"id;voornaam;achternaam;klas\nP1;Ann;Mol;3B\n\n;;;\nP2;Bo;Mol;3B\n")
    assert parsed.errors == [] and [p.id for p in parsed.pupils] == ["P1", "P2"]


def _one_pupil(column: str, value: str) -> bytes:
    if column == "id":
        return f"id;voornaam;achternaam;klas\n{value};Ann;Mol;3B\n".encode()
    return f"id;voornaam;achternaam;klas;ouder1_naam;{column}\nP1;Ann;Mol;3B;Kim Mol;{value}\n".encode()


@pytest.mark.parametrize(("column", "longest", "value"), [
    ("id", 40, "P" * 41), ("ouder1_email", 120, "e" * 116 + "@x.be"), ("ouder1_telefoon", 40, "0" * 41),
    ("ouder1_gezin", 3, "1111"), ("ouder1_taal", 5, "nlnlnl"),
])
def test_each_column_takes_text_up_to_its_length_and_refuses_one_more(column: str, longest: int, value: str) -> None:
    """The administration package's fields are shorter still: a longer cell is a wrong file."""
    assert len(value) == longest + 1
    assert parse_roster(_one_pupil(column, value[1:])).errors == []
    [error] = [str(e) for e in parse_roster(_one_pupil(column, value)).errors]
    assert error.startswith("regel 2") and str(longest) in error


def test_an_unknown_column_of_a_guardian_is_listed_as_ignored_not_read():
    parsed = parse_roster(b"id;voornaam;achternaam;klas;ouder1_naam;ouder1_schoenmaat\nP1;Ann;Mol;3B;Kim Mol;38\n")
    assert parsed.errors == [] and parsed.ignored_columns == ["ouder1_schoenmaat"]
    assert parsed.pupils[0].guardians[0].name == "Kim Mol"


def test_a_file_says_whether_it_has_guardians_at_all():
    """Without guardian columns a re-import keeps the known guardians (not: erases them)."""
    assert not parse_roster(b"id;voornaam;achternaam;klas\nP1;Ann;Mol;3B\n").has_guardians
    assert parse_roster(b"id;voornaam;achternaam;klas;ouder1_naam\nP1;Ann;Mol;3B;Kim Mol\n").has_guardians


def test_a_single_column_is_read_as_dutch_excel_writes_it():
    assert parse_roster(b"id\nP1\n").delimiter == ";"


def test_an_empty_cell_is_named_by_its_column_as_the_administration_package_heads_it():
    [error] = parse_roster(b"id;first_name;achternaam;klas\nP1;;Mol;3B\n").errors
    assert error.line == 2 and "voornaam" in error.message
