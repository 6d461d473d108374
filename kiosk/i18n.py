"""Translation with gettext catalogs; English is the source language, Dutch the kiosk's default.

Catalogs live in `kiosk/locale/<language>/LC_MESSAGES/<domain>.po` and are compiled to
`.mo` when the package is installed (setup.py) or by `make`. Two domains:
- `kiosk`: every screen, CLI message and error (Dutch; English is the source);
- `letters`: what parents read on paper (one catalog per letter language).

Strings are translated when they are shown: module-level labels are marked with `N_()`
and passed through `_()` at display time, so importing a module never freezes a language.
Dates and weekday names come from Babel (CLDR), imported only when a date is formatted.
"""

from __future__ import annotations

import datetime as dt
import gettext
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from functools import cache
from pathlib import Path

LOCALE_DIR = Path(__file__).resolve().parent / "locale"
UI_LANGUAGES = ("nl", "en")
LETTER_LANGUAGES = ("nl", "en", "fr", "tr", "pl", "ro", "uk", "ar")
RIGHT_TO_LEFT = frozenset({"ar"})
# Babel locale per language: Flemish Dutch, and the Belgian variants where CLDR has them.
_LOCALES = {"nl": "nl_BE", "en": "en_BE", "fr": "fr_BE"}

_language = "nl"


class MissingCatalog(RuntimeError):
    """A .po file was not compiled: the package was not installed with `make` or pip."""


def set_language(language: str) -> None:
    if language not in UI_LANGUAGES:
        raise ValueError(f"unknown language {language!r}")
    global _language
    _language = language


def language() -> str:
    return _language


@contextmanager
def speaking(language: str) -> Iterator[None]:
    """Translate into `language` for a while (a letter in a household's language), or keep
    the kiosk's language when there is no catalog for it."""
    global _language
    before = _language
    _language = language if language in UI_LANGUAGES else before
    try:
        yield
    finally:
        _language = before


@cache
def catalog(domain: str, language: str) -> gettext.NullTranslations:
    """The compiled catalog of one domain and language; English needs none (it is the source)."""
    if language == "en":
        return gettext.NullTranslations()
    try:
        return gettext.translation(domain, LOCALE_DIR, languages=[language])
    except OSError:
        raise MissingCatalog(
            f"no compiled {language} catalog for {domain!r} in {LOCALE_DIR}: run `make` "
            "(or reinstall the package) to compile the translations") from None


def _(text: str) -> str:
    """The text in the kiosk's language (the English source when no translation exists)."""
    return catalog("kiosk", _language).gettext(text)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The singular or plural form for `n`, by the language's plural rule."""
    return catalog("kiosk", _language).ngettext(singular, plural, n)


def N_(text: str) -> str:
    """Marks a string for translation where it is defined; `_()` translates it when shown."""
    return text


def L_(text: str) -> str:
    """Marks a string of a parents' letter (the `letters` domain, one catalog per letter
    language); `letter_gettext(language)` translates it when the letter is made."""
    return text


def letter_gettext(language: str) -> Callable[[str], str]:
    """Translation into a letter language: what parents read on paper, whatever the kiosk's."""
    if language not in LETTER_LANGUAGES:
        raise ValueError(f"no letter catalog for {language!r}")
    return catalog("letters", language).gettext


def format_list(items: Sequence[str], language: str) -> str:
    """"Noah, Lina en Sem" as the language joins a list."""
    from babel.lists import format_list as babel_list

    return babel_list(list(items), locale=babel_locale(language))


def babel_locale(language: str) -> str:
    return _LOCALES.get(language, language)


def format_date(day: dt.date, pattern: str, language: str | None = None) -> str:
    """A date as the language writes it (CLDR pattern, e.g. 'EEE dd/MM' or 'd MMMM y')."""
    from babel.dates import format_date as babel_format  # 15 ms: not needed at the login screen

    return babel_format(day, pattern, locale=babel_locale(language or _language))


def weekday_name(day: dt.date, language: str | None = None, *, short: bool = False) -> str:
    return format_date(day, "EEE" if short else "EEEE", language)
