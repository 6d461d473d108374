"""The Dutch catalogue covers every `_("...")` and `N_("...")` string in the code, and `_()`
really switches language."""

from __future__ import annotations

import ast
import string
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk import i18n
from kiosk.i18n_nl import NL

PACKAGE = Path(i18n.__file__).resolve().parent


# `_()` translates on the spot; `N_()` only marks a string where it is defined (e.g. the default
# absence code labels), and `_()` translates it later from a variable. Both need a Dutch entry.
MARKERS = frozenset({"_", "N_"})


def _is_translate_call(node: ast.Call) -> bool:
    if not node.args:
        return False
    func = node.func
    return (isinstance(func, ast.Name) and func.id in MARKERS) or (
        isinstance(func, ast.Attribute) and func.attr in MARKERS
    )


def _literals(tree: ast.AST) -> Iterator[tuple[str, int]]:
    """(text, line) of every string literal passed as first argument to `_()` or `N_()`."""
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or not _is_translate_call(node):
            continue
        first = node.args[0]
        if isinstance(first, ast.Constant) and isinstance(first.value, str):
            yield first.value, node.lineno


def _source_strings() -> dict[str, list[str]]:
    """Every literal passed to `_()` or `N_()` under kiosk/, with the places it is used ("file:line")."""
    found: dict[str, list[str]] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for text, line in _literals(tree):
            found.setdefault(text, []).append(f"{path.relative_to(PACKAGE.parent)}:{line}")
    return found


SOURCE = _source_strings()


def _placeholders(text: str) -> set[str]:
    """The `{...}` fields of a format string, with their conversion and format spec."""
    fields: set[str] = set()
    for _literal, name, spec, conversion in string.Formatter().parse(text):
        if name is not None:
            fields.add(f"{{{name}{'!' + conversion if conversion else ''}{':' + spec if spec else ''}}}")
    return fields


def _listing(items: Iterator[str]) -> str:
    return "\n".join(f"  {item}" for item in items)


def test_the_code_has_translatable_strings() -> None:
    assert len(SOURCE) > 10, "the AST walk found (almost) no _() calls: is the scan broken?"


def test_the_scan_sees_underscore_and_n_underscore_calls() -> None:
    sample = ast.parse(
        'from kiosk import i18n\n'
        'LABEL = N_("marked")\n'
        'print(_("shown"), i18n._("qualified"), i18n.N_("qualified mark"))\n'
        'print(_(LABEL), M_("other"), _(f"{LABEL}"))\n'
    )
    assert sorted(text for text, _line in _literals(sample)) == [
        "marked", "qualified", "qualified mark", "shown",
    ]


def test_every_source_string_has_a_dutch_translation() -> None:
    missing = sorted(text for text in SOURCE if text not in NL)
    assert not missing, f"{len(missing)} string(s) missing from kiosk/i18n_nl.py:\n" + _listing(
        f"{text!r}  ({', '.join(SOURCE[text])})" for text in missing
    )


def test_no_translation_is_empty() -> None:
    empty = sorted(text for text, dutch in NL.items() if not dutch.strip())
    assert not empty, "empty translation(s):\n" + _listing(repr(text) for text in empty)


def test_placeholders_are_kept_in_the_dutch_text() -> None:
    wrong = []
    for text, dutch in sorted(NL.items()):
        try:
            english_fields, dutch_fields = _placeholders(text), _placeholders(dutch)
        except ValueError as error:
            wrong.append(f"{text!r} -> {dutch!r}: bad format string ({error})")
            continue
        if english_fields != dutch_fields:
            wrong.append(
                f"{text!r} -> {dutch!r}: "
                f"English has {sorted(english_fields)}, Dutch has {sorted(dutch_fields)}"
            )
    assert not wrong, "placeholders differ:\n" + _listing(iter(wrong))


def test_no_stale_translations() -> None:
    stale = sorted(text for text in NL if text not in SOURCE)
    assert not stale, f"{len(stale)} stale entries in kiosk/i18n_nl.py, no longer used in the code:\n" + (
        _listing(repr(text) for text in stale)
    )


def test_underscore_switches_language() -> None:
    i18n.set_language("en")
    assert i18n.language() == "en"
    assert i18n._("Absences") == "Absences"
    i18n.set_language("nl")
    assert i18n.language() == "nl"
    assert i18n._("Absences") == "Afwezigheden"
    with pytest.raises(ValueError):
        i18n.set_language("xx")
    assert i18n.language() == "nl", "a rejected language must not change the current one"


def test_errors_of_the_lower_layers_follow_the_language() -> None:
    """Messages made in the store and domain are translated when they are made, not at import."""
    from kiosk.domain.roster import parse_roster
    from kiosk.store import CorruptFile

    i18n.set_language("en")
    assert str(CorruptFile(Path("school.json"), "x")).endswith("No backup found.")
    assert str(parse_roster(b"").errors[0]) == "line 1: the file is empty"
    i18n.set_language("nl")
    assert str(CorruptFile(Path("school.json"), "x")).endswith("Geen back-up gevonden.")
    assert str(parse_roster(b"").errors[0]) == "regel 1: het bestand is leeg"
