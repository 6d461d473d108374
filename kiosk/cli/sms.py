"""`kiosk sms read`: what the text-message reader makes of one message (saves nothing)."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from typing import Any

from kiosk.cli.common import say
from kiosk.domain.models import Pupil
from kiosk.domain.sms import FIELDS, Proposal
from kiosk.errors import KioskError
from kiosk.i18n import _
from kiosk.services import sms
from kiosk.services.context import Kiosk
from kiosk.services.labels import field_label, kind_label, long_date, part_label
from kiosk.services.messages import code_label


def add_parsers(sub: Any) -> None:
    p = sub.add_parser("sms", help=_("read parents' text messages"))
    ssub = p.add_subparsers(dest="what", required=True)
    r = ssub.add_parser("read", help=_("read one message from stdin and print the proposal; nothing is saved"))
    r.add_argument("--at", help=_("when the message arrived (YYYY-MM-DDTHH:MM, default now)"))
    r.add_argument("--format", choices=("table", "json"), default="table")
    r.set_defaults(run=cmd_sms_read)


def as_dict(proposal: Proposal) -> dict[str, object]:
    return {
        "kind": proposal.kind,
        "pupils": [p.id for p in proposal.pupils],
        "candidates": [p.id for p in proposal.candidates],
        "code": proposal.code,
        "start": proposal.start.isoformat() if proposal.start else None,
        "end": proposal.end.isoformat() if proposal.end else None,
        "part": proposal.part,
        "time": f"{proposal.time:%H:%M}" if proposal.time else None,
        "sure": proposal.sure,
        "doubts": [f for f in FIELDS if f in proposal.doubts],
    }


def cmd_sms_read(kiosk: Kiosk, args: argparse.Namespace) -> int:
    try:
        text = sys.stdin.buffer.read().decode("utf-8-sig")
    except UnicodeDecodeError:
        raise KioskError(_("the message on stdin is not UTF-8 text")) from None
    if not text.strip():
        raise KioskError(_("no message on stdin"))
    try:
        at = dt.datetime.fromisoformat(args.at) if args.at else None
    except ValueError:
        raise KioskError(_("{text!r} is not a date and time like 2026-11-23T07:45").format(text=args.at)) from None
    proposal = sms.Reader(kiosk).read(text, at)
    if args.format == "json":
        sys.stdout.write(json.dumps(as_dict(proposal), ensure_ascii=False) + "\n")
    else:
        for name, value in as_rows(kiosk, proposal):
            say(f"{field_label(name):<16} {value}")
    return 0


def as_rows(kiosk: Kiosk, proposal: Proposal) -> list[tuple[str, str]]:
    """The proposal in words, for a person at a terminal."""
    def names(pupils: list[Pupil]) -> str:
        return ", ".join(f"{p.full_name} ({p.class_name}, {p.id})" for p in pupils)

    yes_no = _("yes") if proposal.sure else _("no")
    return [("kind", kind_label(proposal.kind)), ("pupils", names(proposal.pupils)),
            ("candidates", names(proposal.candidates)),
            ("code", code_label(kiosk, proposal.code) if proposal.code else ""),
            ("start", long_date(proposal.start) if proposal.start else ""),
            ("end", long_date(proposal.end) if proposal.end else ""),
            ("part", part_label(proposal.part) if proposal.part else ""),
            ("time", f"{proposal.time:%H:%M}" if proposal.time else ""), ("sure", yes_no),
            ("doubts", ", ".join(field_label(f) for f in FIELDS if f in proposal.doubts))]
