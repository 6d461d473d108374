"""Warnings of the absence rules as sentences, shared by the CLI and the screens."""

from __future__ import annotations

from kiosk.domain.absences import Warning
from kiosk.domain.models import Pupil
from kiosk.i18n import _
from kiosk.services.context import Kiosk


def code_label(kiosk: Kiosk, code_id: str) -> str:
    code = kiosk.config.absences.code(code_id)
    return _(code.label) if code else code_id


def warning_text(kiosk: Kiosk, pupil: Pupil, warning: Warning) -> str:
    rules = kiosk.config.absences
    name = pupil.full_name
    suggest = code_label(kiosk, warning.suggest_code) if warning.suggest_code else ""
    if warning.kind == "parent_note_count":
        return _("{name}: parent's note number {n} this school year (at most {max}); "
                 "ask for a medical certificate (code: {code})").format(
            name=name, n=warning.count, max=rules.parent_note_max_per_year, code=suggest)
    if warning.kind == "parent_note_days":
        return _("{name}: a parent's note covers at most {max} days, this is {n}; "
                 "ask for a medical certificate (code: {code})").format(
            name=name, n=warning.count, max=rules.parent_note_max_days, code=suggest)
    if warning.kind == "clb":
        return _("{name}: {n} problematic half days this school year: contact the CLB").format(
            name=name, n=warning.count)
    if warning.kind == "problematic":
        return _("{name}: {n} problematic half days this school year").format(
            name=name, n=warning.count)
    return _("{name}: there is no school in this period").format(name=name)


def not_a_date(text: str) -> str:
    return _("{text!r} is not a date (e.g. 2026-11-23, 23/11, vandaag)").format(text=text)


def not_a_time(text: str) -> str:
    return _("{text!r} is not a time (e.g. 8:35)").format(text=text)
