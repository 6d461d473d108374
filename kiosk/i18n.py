"""Translation: source strings are English; Dutch is the default language of the kiosk."""

from __future__ import annotations

from kiosk.i18n_nl import NL

LANGUAGES = ("nl", "en")
_catalogs: dict[str, dict[str, str]] = {"nl": NL, "en": {}}
_language = "nl"


def set_language(language: str) -> None:
    global _language
    if language not in _catalogs:
        raise ValueError(f"unknown language {language!r}")
    _language = language


def language() -> str:
    return _language


def _(text: str) -> str:
    """The text in the kiosk's language (English when no translation exists)."""
    return _catalogs[_language].get(text, text)


def N_(text: str) -> str:
    """Marks a string for translation where it is defined; `_()` translates it when shown."""
    return text
