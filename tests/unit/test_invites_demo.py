"""The demo school's invitations, as `make run` shows them."""

from __future__ import annotations

from kiosk.services import invites
from kiosk.services.context import Kiosk

HEAD = "greet-klaprooswijk"


def test_the_demo_school_has_handed_out_its_letters(kiosk: Kiosk) -> None:
    """`make run` shows a school in November: codes, most households joined, one class whose
    code leaked in October with its letters outdated."""
    demo = kiosk
    classes = invites.classes_for(demo, HEAD)
    taught = {c for s in demo.repos.staff.all() for c in s.classes}
    assert {c for c in classes if invites.current_code(demo, c)} == taught & set(classes)
    standings = [s for c in taught & set(classes) for s in invites.standings(demo, c, HEAD)]
    joined = sum(s.joined for s in standings)
    assert 0.5 * len(standings) < joined < len(standings)
    outdated = [s for s in standings if s.outdated]
    assert outdated and {s.invitation.class_name for s in outdated if s.invitation} == {max(taught & set(classes))}
