"""Text from outside: refused where it enters, harmless where it leaves."""

from __future__ import annotations

import pytest

from kiosk.domain.text import MAX_NAME, clean_name, clean_text, printable
from kiosk.errors import TextRefused
from tests.hostile import HOSTILE, unsafe


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_names_are_refused_with_the_field_named(text: str):
    with pytest.raises(TextRefused, match="voornaam"):
        clean_name(text, "voornaam")


@pytest.mark.parametrize("text", [t for t in HOSTILE if "\n" not in t and "\r" not in t])
def test_hostile_notes_are_refused_too(text: str):
    with pytest.raises(TextRefused):
        clean_text(text, "notitie", multiline=True)


@pytest.mark.parametrize("text", HOSTILE)
def test_printable_leaves_nothing_unsafe(text: str):
    shown = printable(text)
    assert unsafe(shown) == []
    assert "\n" not in shown
    assert unsafe(printable(text, multiline=True)) == []


def test_ordinary_text_passes_unchanged():
    for text in ("Émile Van de Dauwveld", "Zoë", "Ayşe Yılmaz", "Олена", "محمد", "O'Neil-Smith"):
        assert clean_name(text, "naam") == text
        assert printable(text) == text
    family = "we komen met 👨\u200d👩\u200d👧 naar het feest"  # emoji with joiners: allowed in notes
    assert clean_text(family, "notitie") == family and printable(family) == family
    with pytest.raises(TextRefused):
        clean_name("👨\u200d👩", "naam")


def test_nfc_strip_and_limits():
    assert clean_name("  Noe\u0308l ", "naam") == "Noël"  # decomposed ë becomes one character
    assert clean_name("x" * MAX_NAME, "naam") == "x" * MAX_NAME
    with pytest.raises(TextRefused, match=str(MAX_NAME)):
        clean_name("x" * (MAX_NAME + 1), "naam")
    with pytest.raises(TextRefused, match="leeg"):
        clean_name("   ", "naam")
    assert clean_name("", "naam", required=False) == ""
    assert clean_text("a\r\nb", "notitie", multiline=True) == "a\nb"


@pytest.mark.parametrize(("field", "longest"), [("name", 80), ("text", 500)])
def test_a_name_holds_80_characters_and_a_note_500(field: str, longest: int) -> None:
    clean = (lambda text: clean_name(text, "naam")) if field == "name" else (lambda text: clean_text(text, "notitie"))
    assert clean("x" * longest) == "x" * longest
    with pytest.raises(TextRefused, match=str(longest)):
        clean("x" * (longest + 1))


def test_an_absence_note_holds_200_characters_and_a_text_message_2000(kiosk) -> None:
    import datetime as dt

    from kiosk.services import absences
    from kiosk.services.sms import Reader

    pupil = kiosk.repos.pupils.all()[0]
    monday = dt.date(2026, 11, 23)
    absences.log_absences(kiosk, [pupil], code="justified", start=monday, note="x" * 200, who="t")
    with pytest.raises(TextRefused, match="200"):
        absences.log_absences(kiosk, [pupil], code="justified", start=monday, note="x" * 201, who="t")
    Reader(kiosk).read("x" * 2000)
    with pytest.raises(TextRefused, match="2000"):
        Reader(kiosk).read("x" * 2001)


def test_a_refused_character_is_named_with_its_unicode_name() -> None:
    with pytest.raises(TextRefused, match="U\\+200B ZERO WIDTH SPACE"):
        clean_name("An\u200bn", "naam")


def test_a_note_is_one_line_unless_a_field_asks_for_more() -> None:
    with pytest.raises(TextRefused):
        clean_text("eerste regel\ntweede regel", "notitie")
    assert clean_text("eerste regel\ntweede regel", "notitie", multiline=True) == "eerste regel\ntweede regel"


def test_printable_keeps_line_breaks_only_where_lines_are_shown() -> None:
    assert printable("a\nb\tc\rd", multiline=True) == "a\nb c d"
    assert printable("a\nb", multiline=False) == "a b"
