"""The reader's word tables one by one: what each must find, and what it must leave alone.
(The readers built on them are tested in test_sms.py and on the corpora.)"""

from __future__ import annotations

import pytest

from kiosk.domain.sms import lexicon
from kiosk.domain.sms.message import Message, rewrite

TABLES = {
    "ABSENCE": lexicon.ABSENCE, "APPOINTMENT": lexicon.APPOINTMENT, "LATE": lexicon.LATE,
    "RETURN": lexicon.RETURN, "NOT_ABSENT": lexicon.NOT_ABSENT, "ITEMS": lexicon.ITEMS,
    "CERTIFICATE": lexicon.CERTIFICATE, "JUSTIFIED": lexicon.JUSTIFIED, "PROBLEMATIC": lexicon.PROBLEMATIC,
    "ILLNESS": lexicon.ILLNESS, "PARENT_PROBLEM": lexicon.PARENT_PROBLEM, "OTHER": lexicon.OTHER,
    "OPEN_END": lexicon.OPEN_END, "UNDECIDED": lexicon.UNDECIDED,
}


@pytest.mark.parametrize(("table", "text", "found"), [
    ("ABSENCE", "Lotte is ziek", True),
    ("ABSENCE", "ze blijft vdg thuis", True),
    ("ABSENCE", "Jonas komt vandaag niet", True),
    ("ABSENCE", "ze kan morgen niet komen", True),
    ("ABSENCE", "Ada en Cato hebben griep", True),
    ("ABSENCE", "he'll be off school until Friday", True),
    ("ABSENCE", "Lucas will stay home today", True),
    ("ABSENCE", "Émile ne pourra pas venir à l'école", True),
    ("ABSENCE", "elle reste à la maison", True),
    ("ABSENCE", "we vertrekken donderdag 17/12 naar Polen", True),
    ("ABSENCE", "ik haal haar om 11u30 op", True),
    ("ABSENCE", "Marie mag vandaag niet met de fiets naar huis", False),  # a pick-up change
    ("ABSENCE", "Lotte komt om half 10", False),
    ("ABSENCE", "Mila gaat naar de kerstmarkt", False),
    ("APPOINTMENT", "hij moet naar de tandarts", True),
    ("APPOINTMENT", "ze gaat naar de begrafenis van haar opa", True),
    ("APPOINTMENT", "Seppe is op het huwelijk van zijn tante", True),
    ("APPOINTMENT", "de tandarts heeft gebeld", False),
    ("APPOINTMENT", "Lina heeft vandaag een begrafenis", True),
    ("APPOINTMENT", "begrafenis van haar opa vandaag", True),
    ("APPOINTMENT", "bedankt voor de kaart bij de begrafenis", False),
    ("UNDECIDED", "we laten het nog weten of Noor meegaat", True),
    ("UNDECIDED", "Noor gaat mee naar de begrafenis", False),
    ("OTHER", "nieuw gsm-nummer van de mama", True),
    ("OTHER", "vandaag haalt oma Zeno op na school", True),
    ("OTHER", "ze gaat op maandag naar de opvang", True),
    ("OTHER", "Lina hasta bugün", False),
    ("OPEN_END", "ze blijft thuis tot ze behandeld is", True),
    ("OPEN_END", "hij blijft thuis tot vrijdag", False),
    ("LATE", "Xena komt om half 10", True),
    ("LATE", "ze komt daarna, rond 9u30", True),
    ("LATE", "we zijn te laat", True),
    ("LATE", "Louise zal wat later zijn", True),
    ("LATE", "Lowie aura un peu de retard", True),
    ("LATE", "ik zet hem om half tien af", True),
    ("LATE", "Yusuf is er binnen 10 min", True),
    ("LATE", "Seppe is ziek", False),
    ("RETURN", "ze is terug beter", True),
    ("RETURN", "Ella is vandaag terug op school", True),
    ("RETURN", "de dokter zegt dat hij vanaf maandag terug naar school mag", True),
    ("RETURN", "is back at school today", True),
    ("RETURN", "hij is terug ziek", False),  # Flemish: ill again
    ("RETURN", "Seppe is ziek", False),
    ("NOT_ABSENT", "Mila gaat wel naar school", True),
    ("NOT_ABSENT", "Lucas komt gewoon naar school", True),
    ("NOT_ABSENT", "Mila komt niet", False),
    ("ITEMS", "ze is haar brooddoos vergeten", True),
    ("ITEMS", "ze is ziek", False),
    ("CERTIFICATE", "attest volgt", True),
    ("CERTIFICATE", "het doktersattest geef ik mee", True),
    ("CERTIFICATE", "briefje vd dokter volgt", True),  # vd: van de
    ("CERTIFICATE", "doctor's note sent", True),
    ("CERTIFICATE", "de dokter zegt rusten", False),
    ("JUSTIFIED", "de begrafenis van zijn opa", True),
    ("JUSTIFIED", "de bruiloft van zijn tante", True),
    ("JUSTIFIED", "our baby was born last night", True),
    ("JUSTIFIED", "onderzoek bij de longarts", True),
    ("JUSTIFIED", "it is our Orthodox Christmas", True),
    ("JUSTIFIED", "afspraak bij de tandarts", True),
    ("JUSTIFIED", "ze heeft koorts", False),
    ("PROBLEMATIC", "we gaan op reis", True),
    ("PROBLEMATIC", "wij gaan skiën", True),
    ("PROBLEMATIC", "ze heeft gn zin", True),  # gn: geen
    ("PROBLEMATIC", "hij heeft zich verslapen", True),
    ("PROBLEMATIC", "ze heeft griep", False),
    ("ILLNESS", "buikgriep", True),
    ("ILLNESS", "keelontsteking", True),
    ("ILLNESS", "enkel verstuikt", True),
    ("ILLNESS", "Vic has chickenpox", True),
    ("ILLNESS", "ze is niet lekker", True),
    ("ILLNESS", "we gaan naar de zee", False),
    ("PARENT_PROBLEM", "ik ben zelf ziek", True),
    ("PARENT_PROBLEM", "je suis hospitalisée depuis hier", True),
    ("PARENT_PROBLEM", "I'm sick and cannot drive", True),
    ("PARENT_PROBLEM", "onze auto staat in panne", True),
    ("PARENT_PROBLEM", "Lotte is ziek", False),
])
def test_table(table: str, text: str, found: bool) -> None:
    assert Message(text).has(TABLES[table]) is found


@pytest.mark.parametrize(("text", "rewritten"), [
    ("Goeiemorgen juf", "groet juf"),
    ("goedemorgen", "groet"),
    ("morgen! Finn is er om half tien", "groet ! finn is er om half tien"),  # a greeting at the start
    ("Morning! Vic is ill", "groet ! vic is ill"),
    ("morgen blijft ze thuis", "morgen blijft ze thuis"),                     # a day, not a greeting
    ("t/m vrijdag", "tem vrijdag"),
    ("t.e.m. woensdag", "tem woensdag"),
    ("tot en met do", "tem do"),
    ("1/2 dag", "halvedag"),
    ("vdg en mrg", "vandaag en morgen"),
    ("ziek vandag", "ziek vandaag"),
    ("vanmiddag", "namiddag"),
    ("deze middag", "namiddag"),
    ("na de middag", "namiddagkomst"),
    ("heel de week", "dezeweek"),
    ("tot na het weekend", "totnaweekend"),
    ("tot de kerstvakantie", "totvakantie"),
    ("through next Wednesday", "through wednesday"),
])
def test_rewrites(text: str, rewritten: str) -> None:
    assert rewrite(text).strip() == rewritten


@pytest.mark.parametrize(("text", "words"), [
    ("Seppe's buikpijn", ["seppe", "buikpijn"]),     # a possessive is the name
    ("parents d'Olivia", ["parents", "olivia"]),     # a French elision is not part of the name
    ("Anne-Sophie is ziek", ["anne-sophie", "is", "ziek"]),
])
def test_words(text: str, words: list[str]) -> None:
    assert [w.folded for w in Message(text).words] == words


def test_sentences_end_at_punctuation_and_emoji() -> None:
    words = Message("Lotte is ziek 🤒 groetjes. Ann (mama)").words
    assert [w.sentence for w in words] == [0, 0, 0, 1, 2, 3]
    assert [w.in_brackets for w in words] == [False] * 5 + [True]
