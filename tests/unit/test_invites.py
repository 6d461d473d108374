"""Class codes, join links and where each household stands (domain rules, no store)."""

from __future__ import annotations

import datetime as dt

import pytest

from kiosk.domain import invites
from kiosk.domain.models import ClassCode, Guardian, Invitation, Pupil
from kiosk.errors import KioskError

AT = dt.datetime(2026, 9, 1, 8, 0)


def pupil(pid: str, first: str, *guardians: Guardian, class_name: str = "L3B") -> Pupil:
    return Pupil(pid, first, "Testhove", class_name, guardians=guardians)


def test_a_generated_code_has_the_length_and_only_unambiguous_characters() -> None:
    codes = {invites.generate_code(8) for _ in range(200)}
    assert len(codes) == 200  # unguessable: no two alike
    for code in codes:
        assert len(code) == 8
        assert not set(code) - set(invites.ALPHABET)
    assert not set("0O1I") & set(invites.ALPHABET)
    assert len(invites.ALPHABET) == 32  # A–Z without O and I, and 2–9


@pytest.mark.parametrize("typed, expected", [
    ("K7QMR4ZD", "K7QMR4ZD"), ("k7qm r4zd", "K7QMR4ZD"), (" K7QM-R4ZD ", "K7QMR4ZD"), ("k7qm-r4zd", "K7QMR4ZD"),
])
def test_a_typed_code_ignores_case_spaces_and_dashes(typed: str, expected: str) -> None:
    assert invites.parse_code(typed, 8) == expected


@pytest.mark.parametrize("typed, reason", [
    ("K7QMR4Z0", "'0'"), ("K7QMR4ZO", "'O'"), ("K7QMR4Z1", "'1'"), ("K7QMR4ZI", "'I'"), ("K7QM_R4Z", "'_'"),
    ("K7QMR4ZÉ", "'É'"),
])
def test_a_code_with_a_character_outside_the_alphabet_is_refused_naming_it(typed: str, reason: str) -> None:
    with pytest.raises(KioskError, match=reason):
        invites.parse_code(typed, 8)


@pytest.mark.parametrize("typed, found", [("K7QMR4Z", 7), ("K7QMR4ZDX", 9), ("", 0)])
def test_a_code_of_the_wrong_length_is_refused_with_both_lengths(typed: str, found: int) -> None:
    with pytest.raises(KioskError, match=rf"8\D+{found}\b"):
        invites.parse_code(typed, 8)


def test_the_printed_code_is_grouped_by_four() -> None:
    assert invites.grouped("K7QMR4ZD") == "K7QM R4ZD"
    assert invites.grouped("K7QMR4ZDXY") == "K7QM R4ZD XY"


@pytest.mark.parametrize("template", [
    "http://classapp.example/join?code={code}", "https://classapp.example/join", "classapp.example/{code}",
    "https://classapp.example/{code}/{code}", "https://classapp.example/{code}?school={school}",
    "https://{code}", "https:// x y/{code}", "https://x/{code}}", "https://x/\n{code}",
    "https://x/" + "a" * 300 + "{code}",
])
def test_a_join_link_template_must_be_https_with_the_code_once(template: str) -> None:
    with pytest.raises(KioskError):
        invites.check_link_template(template)


def test_the_join_link_carries_the_code() -> None:
    template = "https://classapp.example/join?code={code}"
    invites.check_link_template(template)
    assert invites.join_link(template, "K7QMR4ZD") == "https://classapp.example/join?code=K7QMR4ZD"


def test_a_new_code_is_one_version_up_and_the_same_code_again_is_refused() -> None:
    first = invites.next_code(None, "L3B", "K7QMR4ZD", AT, "head")
    assert first.version == 1
    second = invites.next_code(first, "L3B", "ABCDEFGH", AT, "head")
    assert (second.version, second.code) == (2, "ABCDEFGH")
    with pytest.raises(KioskError):
        invites.next_code(second, "L3B", "ABCDEFGH", AT, "head")


MUM = Guardian("Mira Testhove", email="mira@example.org", household=1, language="tr")
DAD = Guardian("Tom Testhove", email="tom@example.org", household=1, language="tr")
OTHER = Guardian("Ken Anderhout", email="ken@example.org", household=2, language="uk")


def test_twins_share_one_letter_and_separated_parents_get_one_each() -> None:
    twins = [pupil("p1", "Noor", MUM, DAD), pupil("p2", "Sem", MUM, DAD)]
    apart = pupil("p3", "Lina", MUM, OTHER)
    found = invites.households([*twins, apart])
    by_names = {h.names: h for h in found}
    assert set(by_names) == {"Mira Testhove, Tom Testhove", "Mira Testhove", "Ken Anderhout"}
    assert [p.id for p in by_names["Mira Testhove, Tom Testhove"].pupils] == ["p1", "p2"]
    assert by_names["Ken Anderhout"].number == 2
    assert by_names["Ken Anderhout"].language == "uk"
    assert by_names["Mira Testhove"].pupils == (apart,)


def test_a_pupil_without_guardians_gets_a_letter_of_its_own() -> None:
    found = invites.households([pupil("p1", "Noor"), pupil("p2", "Sem")])
    assert len(found) == 2
    assert found[0].language == "nl"


def test_where_each_household_stands() -> None:
    households = invites.households([pupil("p1", "Noor", MUM, DAD), pupil("p2", "Lina", OTHER),
                                     pupil("p3", "Sem", Guardian("Ann Derde", email="ann@example.org"))])
    keys = {h.pupils[0].first_name: h.key for h in households}
    codes = [ClassCode("L3B", "K7QMR4ZD", 1, AT, "head"), ClassCode("L3B", "ABCDEFGH", 2, AT, "head")]
    letters = [Invitation("L3B", keys["Noor"], ("p1",), "tr", "head", printed_on=AT.date(), code_version=1),
               Invitation("L3B", keys["Lina"], ("p2",), "uk", "head", printed_on=AT.date(), code_version=1,
                          joined_on=AT.date()),
               Invitation("L4A", keys["Sem"], ("p3",), "nl", "head", printed_on=AT.date(), code_version=2)]
    standing = {s.household.pupils[0].first_name: s for s in invites.standings(households, letters, "L3B", codes)}
    assert (standing["Noor"].outdated, standing["Noor"].joined, standing["Noor"].needs_letter) == (True, False, True)
    assert (standing["Lina"].outdated, standing["Lina"].joined, standing["Lina"].needs_letter) == (False, True, False)
    # another class's letter is not this class's
    assert standing["Sem"].invitation is None and standing["Sem"].needs_letter
    current = [Invitation("L3B", keys["Sem"], ("p3",), "nl", "head", printed_on=AT.date(), code_version=2)]
    again = invites.standings(households, current, "L3B", codes)
    assert [s.needs_letter for s in again if s.household.key == keys["Sem"]] == [False]


def test_a_household_that_joined_at_the_gate_without_a_letter_is_never_outdated() -> None:
    households = invites.households([pupil("p1", "Noor", MUM)])
    joined = [Invitation("L3B", households[0].key, ("p1",), "tr", "head", joined_on=AT.date())]
    [standing] = invites.standings(households, joined, "L3B", [ClassCode("L3B", "ABCDEFGH", 3, AT, "head")])
    assert standing.joined and not standing.outdated and not standing.needs_letter


def test_a_code_typed_wrongly_and_back_as_it_was_leaves_the_letters_valid() -> None:
    households = invites.households([pupil("p1", "Noor", MUM)])
    printed = [Invitation("L3B", households[0].key, ("p1",), "tr", "head", printed_on=AT.date(), code_version=1)]
    codes = [ClassCode("L3B", "K7QMR4ZD", 1, AT, "head")]
    assert not invites.standings(households, printed, "L3B", codes)[0].outdated
    codes.append(ClassCode("L3B", "K7QMR4ZX", 2, AT, "head"))  # a typo
    assert invites.standings(households, printed, "L3B", codes)[0].outdated
    codes.append(ClassCode("L3B", "K7QMR4ZD", 3, AT, "head"))  # typed again as the class app shows it
    assert not invites.standings(households, printed, "L3B", codes)[0].outdated
    # a letter of a version the kiosk no longer knows: outdated when older than the current one
    older = [Invitation("L3B", households[0].key, ("p1",), "tr", "head", printed_on=AT.date(), code_version=0)]
    assert invites.standings(households, older, "L3B", codes)[0].outdated


def test_the_household_number_is_the_one_on_the_pupils_own_record() -> None:
    twin_a = pupil("p1", "Oksana", MUM, OTHER)  # 1 = Mira, 2 = Ken
    twin_b = pupil("p2", "Taras", Guardian("Mira Testhove", email="mira@example.org", household=2),
                   Guardian("Ken Anderhout", email="ken@example.org", household=1))
    found = invites.households([twin_a, twin_b])
    assert len(found) == 2
    assert invites.household_key(twin_a, 1) == invites.household_key(twin_b, 2)
    assert {h.names: h.number for h in found} == {"Mira Testhove": 1, "Ken Anderhout": 2}


@pytest.mark.parametrize("typed, named", [
    ("K7QMR4ZА", "cyrillic capital letter a"), ("K7QMR4Zß", "latin small letter sharp s"),
    ("ﬀK7QMR4Z", "latin small ligature ff"),
])
def test_a_look_alike_character_is_named(typed: str, named: str) -> None:
    with pytest.raises(KioskError, match=named):
        invites.parse_code(typed, 8)


@pytest.mark.parametrize("typed", ["K7QM\u00a0R4ZD", "K7QM\u2013R4ZD", "K7QM\u2014R4ZD", "K7QM\tR4ZD"])
def test_any_space_or_dash_between_groups_is_ignored(typed: str) -> None:
    assert invites.parse_code(typed, 8) == "K7QMR4ZD"


def test_a_join_link_of_the_longest_allowed_length_is_taken() -> None:
    """300 characters, and not one more: a short link makes a QR code any phone reads."""
    base = "https://classapp.example/join?code={code}&x="
    invites.check_link_template(base + "a" * (300 - len(base)))
    with pytest.raises(KioskError, match="300"):
        invites.check_link_template(base + "a" * (301 - len(base)))


def test_a_pupil_without_guardians_is_household_one() -> None:
    [household] = invites.households([pupil("p1", "Noor")])
    assert (household.number, household.key, household.guardians) == (1, "pupil:p1", ())
