"""The rules of kiosk.domain.sms.names that decide which pupils a message is about, at their
edges: each case pins one boundary (a window of words, a cut-off length, a word list) so that
a change to that decision shows up here. Most cases call the rule itself on the words of a
message, built the way the reader builds them; the invented school is the one of test_sms."""

from __future__ import annotations

import pytest

from kiosk.domain.models import Pupil, Role, Staff
from kiosk.domain.sms.message import Message, Word
from kiosk.domain.sms.names import (
    School,
    _class_filter,
    _comes_anyway,
    _first_name,
    _following_words,
    _in_class,
    _kin_reference,
    _last_clause,
    _not_a_pupil,
    _relative,
    _signature_start,
    _signers,
    _surname_matches,
    _surname_words,
)
from tests.unit.test_sms import LOTTE_3B, LOTTE_4A, PUPILS, ids, parse

SCHOOL = School(PUPILS)  # guardians' first names: Ann, Tom, Sara, Kim


def words(text: str) -> list[Word]:
    return Message(text).words


def at(text: str, name: str) -> tuple[list[Word], int]:
    """The words of a message and the index of the first word that folds to `name`."""
    found = words(text)
    return found, next(w.index for w in found if w.folded == name)


# -- the school's indexes ----------------------------------------------------------------------------
@pytest.mark.parametrize(("last_name", "core"), [
    ("Van de Hazelakker", ("hazelakker",)),        # particles left out
    ("Van der", ("van", "der")),                    # nothing but particles: kept as written
])
def test_surname_words(last_name: str, core: tuple[str, ...]) -> None:
    assert _surname_words(last_name) == core


@pytest.mark.parametrize(("name", "first"), [
    ("Ann Zonnebeek", "ann"),   # the first word, not the last
    ("Émile", "emile"),
    ("", ""),                   # no name: no first name (and no error)
    ("  ", ""),
])
def test_first_name(name: str, first: str) -> None:
    assert _first_name(name) == first


def test_only_staff_with_classes_are_indexed_as_teachers() -> None:
    staff = [Staff("S1", "Fien Beukenlaan", Role.TEACHER, classes=("4A",)), Staff("S2", "Jef Eikhove", Role.CARE)]
    assert School(PUPILS, staff).teacher_classes == {"fien": {"4A"}}


FUZZY = School([Pupil("Z1", "Bram", "Akkerveld", "1A"), Pupil("Z2", "Lore", "Beukhove", "2A"),
                Pupil("Z3", "Lotte", "Cederhof", "3A"), Pupil("Z4", "Ida", "Dauwer", "4A")])


@pytest.mark.parametrize(("word", "names"), [
    ("bra", []),                 # three letters: too short for a typo, even one letter off Bram
    ("brma", ["bram"]),          # four letters: a swap is one typo (Lore has four letters too, not one typo)
    ("lote", ["lore", "lotte"]),  # one letter different or one letter less: both
    ("lottte", ["lotte"]),       # one letter more
])
def test_fuzzy_first_names(word: str, names: list[str]) -> None:
    assert sorted(FUZZY.fuzzy_firsts(word)) == names


# -- the signature -----------------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "start"), [
    ("Seppe is ziek. Groetjes Tom", 4),                   # what follows the sign-off
    ("Seppe. Groetjes Tom", 2),                           # a sign-off as the second word counts
    ("Sorry, Seppe is ziek", 4),                          # ... as the first word it does not: no signature
    ("Seppe is ziek. Groeten van de ouders van Seppe", 4),  # five words after a sign-off: still signed
    ("Seppe is ziek. Groeten van de ouders van Seppe Wilgenveld", 10),  # six: too long for a signature
    ("Seppe is ziek. Groeten van de ouders van Seppe (Wilgenveld)", 4),  # words in brackets do not count
    ("Lotte is ziek. Tom", 3),                            # a last clause of one name signs
    ("Seppe is ziek. Papa Tom Van de Dennenhout", 3),     # ... of five words too
    ("Seppe is ziek. Tom en Ann Van de Dennenhout", 9),   # six words: no signature
    ("Tom Dennenhout", 2),                                # the whole message is no signature
    ("Ziek. Tom", 1),                                     # the second word can start one
    ("Seppe is ziek. papa Tom", 3),                       # a kinship word needs no capital
    ("Seppe is ziek. Tom en Ann", 3),                     # nor "en"
    ("Seppe is ziek. Tom gaat mee", 6),                   # another word without a capital: a sentence
    ("lotte is ziek. tom", 3),                            # a parent who writes no capitals at all
    ("Seppe is ziek. Noor", 4),                           # a name that is no guardian's does not sign
    ("Seppe is ziek", 3),
    ("(Tom)", 1),                                         # nothing outside brackets
    ("", 0),
])
def test_signature_start(text: str, start: int) -> None:
    assert _signature_start(words(text), SCHOOL) == start


@pytest.mark.parametrize(("text", "clause"), [
    ("Seppe is ziek. Groetjes Tom", ["groetjes", "tom"]),   # after the last sentence end
    ("Seppe is ziek, groetjes Tom", ["groetjes", "tom"]),   # or the last comma
    ("Seppe Wilgenveld", ["seppe", "wilgenveld"]),          # up to the first word
    ("Seppe is ziek. Groetjes Kim (mama van Noor)", ["groetjes", "kim"]),  # not counting words in brackets
])
def test_last_clause(text: str, clause: list[str]) -> None:
    assert [w.folded for w in _last_clause(words(text))] == clause


@pytest.mark.parametrize(("signature", "signers", "surname"), [
    ("Tom Dennenhout", ["tom"], "dennenhout"),     # a guardian's first name, the rest a surname
    ("Dennenhout Tom", ["tom"], "dennenhout"),     # ... wherever it stands
    ("tom dennenhout", ["tom"], ""),               # without a capital only a guardian's first name counts
    ("Papa Tom", ["tom"], ""),                     # kinship words are no names
    ("Tom en Ann", ["tom", "ann"], ""),            # nor "en"
    ("Kim (mama van Noor)", ["kim"], ""),          # nor words in brackets
    ("Bram Vlasveld", ["bram"], "vlasveld"),       # no guardian known by that name: the first word signs
    ("", [], ""),
])
def test_signers(signature: str, signers: list[str], surname: str) -> None:
    assert _signers(words(signature), 0, SCHOOL) == (signers, surname)


@pytest.mark.parametrize(("text", "pupils", "doubt"), [
    ("Sorry, Seppe is ziek", ["P7"], False),     # "sorry" opening the message signs nothing
    ("Lotte is ziek. Tom gaat mee", [], True),   # not a signature: nobody tells the two Lottes apart
])
def test_signature_through_the_reader(text: str, pupils: list[str], doubt: bool) -> None:
    proposal = parse(text)
    assert ids(proposal.pupils) == pupils and ("pupils" in proposal.doubts) == doubt


# -- names that are not the absent pupil -------------------------------------------------------------
@pytest.mark.parametrize(("text", "name", "reference"), [
    ("Mama van Noor", "noor", True),                       # the message's first word can be the kinship word
    ("Mama Noor", "noor", True),                           # right before the name
    ("Papa van Lotte, Jonas en Noor", "noor", True),       # five words back, "van" and three more between
    ("Mama Lotte, Jonas en Noor", "noor", True),           # three words between
    ("Mama Lotte, Jonas, Emile en Noor", "noor", False),   # four: too many
    ("Mama van 2 kinderen Noor", "noor", False),           # a number between: no list of names
    ("Mama van Noor K3 en Emile", "emile", True),          # a class between the names
    ("Mama van Lotte en Noor", "noor", True),
    ("Seppe is ziek, Noor", "noor", False),                # no kinship word
    ("Noor is ziek", "noor", False),                       # nothing before the name
])
def test_kin_reference(text: str, name: str, reference: bool) -> None:
    assert _kin_reference(*at(text, name)) == reference


@pytest.mark.parametrize(("text", "name", "relative"), [
    ("Zus van Jonas is ziek", "jonas", True),                          # "zus van" right at the start
    ("Van Jonas", "jonas", False),                                     # one word before: no relative
    ("Het attest geef ik mee met haar broer Emile", "emile", True),    # the brother carries it
    ("Lotte en haar zus Noor zijn ziek", "noor", False),               # named together: both pupils
    ("Lotte en broertje Jonas zijn ziek", "jonas", False),             # "en" right before the brother
    ("Lotte en ook haar zus Noor zijn ziek", "noor", False),           # "en" four words back
    ("Seppe en Jonas thuis, hun zus Noor brengt het attest", "noor", True),  # five back: another clause
    ("Seppe gaat mee met zijn zus, Noor is ziek", "noor", False),      # a comma between: a new clause
])
def test_relative(text: str, name: str, relative: bool) -> None:
    assert _relative(*at(text, name)) == relative


@pytest.mark.parametrize(("text", "name", "not_a_pupil"), [
    ("Zijn papa Jonas haalt Seppe op", "jonas", True),            # "zijn papa": Jonas is the father
    ("Papa, Noor is ziek", "noor", False),                        # a kinship word alone is not enough
    ("Vandaag haalt oma Noor op", "noor", False),                 # ... there Noor is the child
    ("Dag juf, hier is Jonas", "jonas", True),                    # the sender, as the fifth word
    ("Dag juf Fien, hier is Jonas", "jonas", False),              # the sixth: no longer the opening
    ("Met Lotte, Seppe is ziek", "lotte", True),                  # "met Lotte" on the phone: the sender
    ("Seppe en Noor zijn ziek", "noor", False),
    ("Seppe gaat mee met de papa Jonas", "jonas", True),          # "met de papa": the father's name
    ("Seppe gaat mee met de mama van Noor", "noor", True),        # another family's child
    ("Seppe gaat met de mama mee en Noor is ziek", "noor", False),  # "met de mama" five words back
    ("Seppe is ziek, de mama gaat met Noor naar school", "noor", False),  # no "met/bij" before "de mama"
    ("Noor is ziek", "noor", False),                              # nothing before the name
])
def test_not_a_pupil(text: str, name: str, not_a_pupil: bool) -> None:
    assert _not_a_pupil(*at(text, name)) == not_a_pupil


@pytest.mark.parametrize(("text", "comes"), [
    ("Noor gaat naar school", True),
    ("Noor uit K3 gaat naar school", True),                # the verb as the third word after the name
    ("Noor moet rusten dus gaat Seppe alleen naar school", False),  # the fourth: another's verb
    ("Noor gaat vandaag samen met haar vriendinnetje Lien en Mira naar school", True),  # "school" 11th
    ("Noor gaat vandaag samen met haar vriendinnetje Lien en ook Mira naar school", False),  # 12th: too far
    ("Noor gaat met oma, ze komt wel naar school", True),  # a pronoun after a comma, three words on: still Noor
    ("Noor speelt bij vriendin Lien, zij komt wel naar school", False),  # four words on: "zij" is Lien
    ("Noor gaat mee, Seppe gaat naar school", False),      # a comma without a pronoun ends the clause
    ("Noor gaat mee. Seppe gaat naar school", False),      # so does a sentence end
    ("Noor gaat niet naar school", False),
    ("Noor komt wel", True),                               # nothing after the marker
    ("Noor komt wel met de bus", True),                    # "met" right after the marker
    ("Noor is wel erg moe", False),                        # something else after the marker
    ("Noor gaat wel gewoon naar school", True),            # "school" third after the marker
    ("Noor is wel heel blij met school", False),           # fourth: not about coming
    ("Noor en haar vriendin gaan wel naar school", True),  # before the marker the verb may be further
    ("Noor komt met de buurjongen mee", True),             # with a neighbour
    ("Noor gaat met oma mee", False),                      # "mee" alone is not enough
    ("Noor va à l'école", True),
])
def test_comes_anyway(text: str, comes: bool) -> None:
    assert _comes_anyway(*at(text, "noor")) == comes


# -- class, surname ----------------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "wanted"), [
    ("3B: Lotte is ziek", ("3B", 0)),                              # the word before the name
    ("Uit 3B heeft Lotte koorts", ("3B", 0)),                      # two words before
    ("Uit 3B heeft ook Lotte koorts", None),                       # three: not read
    ("Lotte 3B is ziek", ("3B", 0)),
    ("Lotte is vandaag ziek en blijft thuis, 3B", ("3B", 0)),      # seven words after
    ("Lotte is vandaag ziek en blijft ook thuis, 3B", None),       # eight: not read
    ("Lotte is 3 dagen ziek", None),                               # one digit is no class
    ("Lotte van L3A is ziek", ("L3A", 0)),
    ("Lotte zit in klas 3B", ("3B", 0)),
    ("Lotte is ziek voor de tweede keer", None),                   # a level word without "het" or "leerjaar"
    ("Lotte heeft het koud", None),                                # "het" before a word that is no level
    ("Lotte zit in het vijfde", ("", 5)),
    ("Van het vierde: Lotte is ziek", ("", 4)),                    # "het" the first word read
    ("Tweede keer: Lotte heeft het", None),                        # a level word first has nothing before it
])
def test_class_filter(text: str, wanted: tuple[str, int] | None) -> None:
    assert _class_filter(*at(text, "lotte")) == wanted


L3A = Pupil("C1", "Mira", "Vlasveld", "L3A")
L3 = Pupil("C2", "Mira", "Vlasveld", "L3")


@pytest.mark.parametrize(("pupil", "wanted", "in_class"), [
    (LOTTE_3B, ("3B", 0), True),
    (LOTTE_4A, ("3B", 0), False),
    (L3A, ("3A", 0), True),       # the class without its level letter
    (L3A, ("L3A", 0), True),
    (L3, ("3", 0), False),        # one character does not match the end
    (L3A, ("", 3), True),         # a level
])
def test_in_class(pupil: Pupil, wanted: tuple[str, int], in_class: bool) -> None:
    assert _in_class(pupil, wanted) == in_class


DAUWER = Pupil("V1", "Mira", "Dauwer", "2A")
VLIER = Pupil("V2", "Mira", "Vlier", "2B")
VLIERHOVE = Pupil("V3", "Mira", "Van de Vlierhove", "2C")
BOS_DAUWER = Pupil("V4", "Mira", "Bos-Dauwer", "2D")
NAMELESS = Pupil("V5", "Mira", "", "2E")
SURNAMES = School([LOTTE_4A, DAUWER, VLIER, VLIERHOVE, BOS_DAUWER, NAMELESS])


@pytest.mark.parametrize(("pupil", "following", "matches"), [
    (LOTTE_4A, ["dennenhout", "is", "ziek"], True),
    (LOTTE_4A, ["dennenhoud"], True),                 # one typo in a long surname
    (LOTTE_4A, ["zonnebeek", "is", "ziek"], False),
    (DAUWER, ["dauwre"], True),                       # six letters: a typo is allowed
    (VLIER, ["vleir"], False),                        # five: not
    (VLIERHOVE, ["devlierhove"], True),               # the core inside a word
    (BOS_DAUWER, ["dauwer", "bos"], True),            # every word, in any order
    (BOS_DAUWER, ["bos-dauwer"], True),               # as written, with its hyphen
    (NAMELESS, ["is", "ziek"], False),                # no surname on record: nothing matches
])
def test_surname_matches(pupil: Pupil, following: list[str], matches: bool) -> None:
    assert _surname_matches(SURNAMES, pupil, following) == matches


@pytest.mark.parametrize(("text", "following"), [
    ("Lotte Dennenhout is ziek", ["dennenhout"]),                                 # until "is"
    ("Noor Van der Linde ter Beek Heidehove", ["van", "der", "linde", "ter", "beek"]),  # five words at most
    ("Lotte en Jonas Zonnebeek zijn ziek", ["en", "jonas", "zonnebeek"]),         # a stop word first is kept
])
def test_following_words(text: str, following: list[str]) -> None:
    found = words(text)
    assert _following_words(found, 0) == following
