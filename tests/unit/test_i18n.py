"""The gettext catalogs cover every translatable string of the code, keep its placeholders,
carry no markup, are compiled, and `_()` really switches language."""

from __future__ import annotations

import ast
import datetime as dt
import gettext
import io
import re
import string
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from textual.content import Content

from kiosk import i18n

PACKAGE = Path(i18n.__file__).resolve().parent
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2)}
LETTER_KEYWORDS = {"L_": None}


def _extracted(keywords: dict[str, tuple[int, int] | None] = KEYWORDS) -> set[str | tuple[str, str]]:
    found: set[str | tuple[str, str]] = set()
    for _file, _line, message, _comments, _context in extract_from_dir(
            str(PACKAGE), method_map=[("**.py", "python")], keywords=keywords):
        found.add(tuple(message) if isinstance(message, tuple | list) else message)  # type: ignore[arg-type]
    return found


SOURCE = _extracted()
LETTER_SOURCE = _extracted(LETTER_KEYWORDS)
SOURCES = {"kiosk": SOURCE, "letters": LETTER_SOURCE}


def _catalog(domain: str, language: str) -> Catalog:
    with (PACKAGE / "locale" / language / "LC_MESSAGES" / f"{domain}.po").open("rb") as handle:
        return read_po(handle)


def _ui_catalogs() -> list[str]:
    return sorted(p.parent.parent.name for p in (PACKAGE / "locale").glob("*/LC_MESSAGES/kiosk.po"))


def _catalogs() -> list[tuple[str, str]]:
    """(domain, language) of every catalog: the screens' and the parents' letters'."""
    return sorted((p.stem, p.parent.parent.name) for p in (PACKAGE / "locale").glob("*/LC_MESSAGES/*.po"))


def _placeholders(text: str) -> set[str]:
    """`{name!r:>3}` fields and printf-style `%(name)s` / `%s` (argparse's own strings)."""
    fields = {f"%{m}" for m in re.findall(r"%(\([a-z_]+\)[sdr]|[sdr])", text)}
    for _literal, name, spec, conversion in string.Formatter().parse(text):
        if name is not None:
            fields.add(f"{{{name}{'!' + conversion if conversion else ''}{':' + spec if spec else ''}}}")
    return fields


def _key(message_id: str | tuple[str, ...]) -> str | tuple[str, ...]:
    return tuple(message_id) if isinstance(message_id, list | tuple) else message_id


def test_the_scan_finds_the_code_s_strings() -> None:
    assert len(SOURCE) > 250, "the extraction found (almost) nothing: is the scan broken?"
    assert "Absences" in SOURCE
    assert ("Wrong PIN. {n} try left.", "Wrong PIN. {n} tries left.") in SOURCE


def test_there_is_a_dutch_ui_catalog() -> None:
    assert "nl" in _ui_catalogs()


def test_every_letter_language_has_a_catalog() -> None:
    """English is the source; each other letter language is one catalog of the letters domain."""
    assert len(LETTER_SOURCE) >= 10
    letters = {language for domain, language in _catalogs() if domain == "letters"}
    assert letters == set(i18n.LETTER_LANGUAGES) - {"en"}


@pytest.mark.parametrize("domain, language", _catalogs())
def test_every_source_string_is_translated(domain: str, language: str) -> None:
    catalog = _catalog(domain, language)
    source = SOURCES[domain]
    translated = {_key(m.id): m.string for m in catalog if m.id}
    missing = sorted(str(s) for s in source if not translated.get(s)
                     or (isinstance(translated[s], tuple) and not all(translated[s])))
    assert not missing, f"untranslated in {language} (run `make messages`):\n" + "\n".join(missing)
    stale = sorted(str(k) for k in translated if k not in source)
    assert not stale, "no longer used in the code (run `make messages`):\n" + "\n".join(stale)
    fuzzy = [str(m.id) for m in catalog if m.id and m.fuzzy]
    assert not fuzzy, f"fuzzy (unchecked) translations: {fuzzy}"


@pytest.mark.parametrize("domain, language", _catalogs())
def test_placeholders_are_kept(domain: str, language: str) -> None:
    wrong = []
    for message in _catalog(domain, language):
        if not message.id:
            continue
        sources = message.id if isinstance(message.id, tuple) else (message.id,)
        targets = message.string if isinstance(message.string, tuple) else (message.string,)
        wanted = set().union(*(_placeholders(s) for s in sources))
        for target in targets:
            if _placeholders(target) - wanted or (len(sources) == 1 and _placeholders(target) != wanted):
                wrong.append(f"{message.id!r} -> {target!r}")
    assert not wrong, "placeholders differ:\n" + "\n".join(wrong)


@pytest.mark.parametrize("domain, language", _catalogs())
def test_no_translation_holds_markup(domain: str, language: str) -> None:
    """Translations are shown as plain text; markup in one would be a bug waiting."""
    marked = []
    for message in _catalog(domain, language):
        targets = message.string if isinstance(message.string, tuple) else (message.string,)
        marked += [t for t in targets if t and Content.from_markup(t).plain != t]
    assert not marked, f"markup in translations: {marked}"


@pytest.mark.parametrize("domain, language", _catalogs())
def test_the_compiled_catalog_is_current(domain: str, language: str) -> None:
    """A .po edited after the install must be compiled again (make does it)."""
    source = io.BytesIO()
    write_mo(source, _catalog(domain, language))
    fresh = gettext.GNUTranslations(io.BytesIO(source.getvalue()))
    compiled = PACKAGE / "locale" / language / "LC_MESSAGES" / f"{domain}.mo"
    assert compiled.exists(), "catalog not compiled: run make"
    with compiled.open("rb") as handle:
        installed = gettext.GNUTranslations(handle)
    assert installed._catalog == fresh._catalog, "kiosk.mo is older than kiosk.po: run make"  # type: ignore[attr-defined]


def _module_level_translations(tree: ast.Module) -> list[int]:
    """Lines where `_()` runs at import time: it would freeze the language of that moment."""
    kinds = ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda
    functions = (f for f in ast.walk(tree) if isinstance(f, kinds))
    inside = {id(n) for f in functions for n in ast.walk(f)}
    return [n.lineno for n in ast.walk(tree) if isinstance(n, ast.Call) and isinstance(n.func, ast.Name)
            and n.func.id in ("_", "ngettext") and id(n) not in inside]


def test_labels_are_translated_when_shown_not_at_import() -> None:
    found = {}
    for path in PACKAGE.rglob("*.py"):
        lines = _module_level_translations(ast.parse(path.read_text(encoding="utf-8")))
        if lines:
            found[str(path.relative_to(PACKAGE))] = lines
    assert not found, f"use N_() for module-level labels and _() where they are shown: {found}"
    assert _module_level_translations(ast.parse('X = _("a")\ndef f():\n    return _("b")\n')) == [1]


def test_underscore_switches_language() -> None:
    i18n.set_language("en")
    assert i18n.language() == "en"
    assert i18n._("Absences") == "Absences"
    one = i18n.ngettext("Wrong PIN. {n} try left.", "Wrong PIN. {n} tries left.", 1)
    assert one == "Wrong PIN. {n} try left."
    i18n.set_language("nl")
    assert i18n._("Absences") == "Afwezigheden"
    assert i18n.ngettext("Wrong PIN. {n} try left.", "Wrong PIN. {n} tries left.", 3).format(n=3) == (
        "Verkeerde PIN. Nog 3 pogingen.")
    with pytest.raises(ValueError):
        i18n.set_language("xx")
    assert i18n.language() == "nl", "a rejected language must not change the current one"


def test_dates_are_written_as_the_language_writes_them() -> None:
    monday = dt.date(2026, 11, 23)
    assert i18n.format_date(monday, "EEEE d MMMM y", "nl") == "maandag 23 november 2026"
    assert i18n.format_date(monday, "EEEE d MMMM y", "en") == "Monday 23 November 2026"
    assert i18n.format_date(monday, "EEE dd/MM", "nl") == "ma 23/11"


def test_errors_of_the_lower_layers_follow_the_language() -> None:
    """Messages made in the store and domain are translated when they are made, not at import."""
    from kiosk.domain.roster import parse_roster
    from kiosk.errors import CorruptFile

    i18n.set_language("en")
    assert str(CorruptFile(Path("school.json"), "x")).endswith("No backup found.")
    assert str(parse_roster(b"").errors[0]) == "line 1: the file is empty"
    i18n.set_language("nl")
    assert str(CorruptFile(Path("school.json"), "x")).endswith("Geen back-up gevonden.")
    assert str(parse_roster(b"").errors[0]) == "regel 1: het bestand is leeg"


def test_a_missing_compiled_catalog_is_named(tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(i18n, "LOCALE_DIR", tmp_path)
    i18n.catalog.cache_clear()
    try:
        with pytest.raises(i18n.MissingCatalog, match="make"):
            i18n.catalog("kiosk", "nl")
    finally:
        monkeypatch.undo()
        i18n.catalog.cache_clear()


def test_no_translated_literal_hides_inside_an_f_string() -> None:
    """pybabel cannot see `_("...")` written inside an f-string: it would stay untranslated."""
    hidden = re.compile(r"""\bf(["'])[^"'\n]*\{_\(["']""")
    found = [f"{path}:{n}" for path in Path("kiosk").rglob("*.py")
             for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if hidden.search(line)]
    assert not found, found
