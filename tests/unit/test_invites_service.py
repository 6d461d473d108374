"""Class invitations through the services, on the demo school: every QR of a class's letters
decodes to the join link as a cheap printer prints it, each page in its household's language
with the Dutch beside it, a replaced code outdates the old letters, joined households."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from pathlib import Path

import pytest

from kiosk import i18n
from kiosk.clock import FixedClock
from kiosk.domain.invites import grouped
from kiosk.errors import KioskError
from kiosk.i18n import _
from kiosk.services import invites
from kiosk.services.context import Kiosk
from tests.qr_util import as_printed, draw_blocks, page_images, page_texts, qr_texts

HEAD = "greet-klaprooswijk"
CARE = "bram-lindeveld"
LINK = "https://classapp.example/join?code={code}"


@pytest.fixture(autouse=True)
def no_invitations_yet(kiosk: Kiosk) -> None:
    """The demo school has handed out its letters; these tests start before that."""
    clear_invitations(kiosk)


def clear_invitations(kiosk: Kiosk) -> None:
    kiosk.repos.class_codes.remove(kiosk.repos.class_codes.all())
    kiosk.repos.invitations.remove(kiosk.repos.invitations.all())


def teacher_of(kiosk: Kiosk, class_name: str) -> str:
    return next(s.id for s in kiosk.repos.staff.all() if class_name in s.classes)


def a_class(kiosk: Kiosk) -> str:
    """The demo's class with the most households (separated parents among them)."""
    names = invites.classes_for(kiosk, HEAD)
    return max(names, key=lambda c: len(invites.households(kiosk, c)))


def test_every_qr_of_a_class_decodes_to_the_join_link_as_printed(kiosk: Kiosk, tmp_path: Path) -> None:
    class_name = a_class(kiosk)
    code = invites.set_code(kiosk, class_name, HEAD)
    path, count = invites.print_letters(kiosk, class_name, tmp_path / "letters.pdf", HEAD)
    pdf = path.read_bytes()
    found = invites.households(kiosk, class_name)
    assert count == len(found) and count > 5
    images, texts = page_images(pdf), page_texts(pdf)
    assert len(images) == len(texts) == count
    link = LINK.format(code=code.code)
    for n, (image, text) in enumerate(zip(images, texts, strict=True)):
        assert qr_texts(image) == [link], f"page {n + 1}"
        assert qr_texts(as_printed(image, blur=1.0, degrees=3)) == [link], f"page {n + 1}, blurred and rotated"
        assert qr_texts(as_printed(image, blur=0.8, degrees=-4)) == [link], f"page {n + 1}, the other way"
        assert grouped(code.code) in text
        assert link in text.replace("\n", "")


def test_each_letter_names_only_its_own_children_and_never_a_phone_number(kiosk: Kiosk, tmp_path: Path) -> None:
    class_name = a_class(kiosk)
    invites.set_code(kiosk, class_name, HEAD)
    path, _count = invites.print_letters(kiosk, class_name, tmp_path / "letters.pdf", HEAD)
    texts = page_texts(path.read_bytes())
    found = invites.households(kiosk, class_name)
    teacher = kiosk.repos.staff.get(teacher_of(kiosk, class_name))
    assert teacher is not None and teacher.email
    for household, text in zip(found, texts, strict=True):
        flat = re.sub(r"\s+", "", text)
        assert teacher.email in flat  # the agreed channel
        own = {p.first_name for p in household.pupils} | {n for g in household.guardians for n in g.name.split()}
        others = {p.first_name for h in found if h is not household for p in h.pupils} - own
        assert not [name for name in others if re.search(rf"\b{name}\b", text)]
        for guardian in household.guardians:
            digits = "".join(ch for ch in guardian.phone if ch.isdigit())
            assert digits and digits[-6:] not in re.sub(r"\D", "", text)


def test_separated_parents_get_a_letter_each_in_their_own_language(kiosk: Kiosk, tmp_path: Path) -> None:
    class_name = next(c for c in invites.classes_for(kiosk, HEAD)
                      if any(len({g.household for g in p.guardians}) > 1 for p in kiosk.repos.pupils.all()
                             if p.class_name == c))
    pupil = next(p for p in kiosk.repos.pupils.all()
                 if p.class_name == class_name and len({g.household for g in p.guardians}) > 1)
    invites.set_code(kiosk, class_name, HEAD)
    own = [h for h in invites.households(kiosk, class_name) if pupil in h.pupils]
    assert len(own) == 2
    path, count = invites.print_letters(kiosk, class_name, tmp_path / "apart.pdf", HEAD, only=own)
    assert count == 2
    texts = page_texts(path.read_bytes())
    for household, text in zip(own, texts, strict=True):
        assert pupil.first_name in text
        assert text.rstrip().endswith(f"· {invites.letter_language(household)}")


@pytest.mark.parametrize("language", i18n.LETTER_LANGUAGES)
def test_a_letter_in_each_language_has_the_dutch_beside_it(kiosk: Kiosk, tmp_path: Path, language: str) -> None:
    class_name = a_class(kiosk)
    code = invites.set_code(kiosk, class_name, HEAD)
    household = invites.households(kiosk, class_name)[0]
    path, _n = invites.print_letters(kiosk, class_name, tmp_path / "one.pdf", HEAD, language=language,
                                     only=[household])
    pdf = path.read_bytes()
    [text] = page_texts(pdf)
    text = " ".join(text.split())  # lines as the column wrapped them
    title = i18n.letter_gettext(language)(invites.TITLE)
    dutch = i18n.letter_gettext("nl")(invites.TITLE)
    assert dutch in text and dutch != invites.TITLE, "the Dutch text beside it"
    if language in i18n.RIGHT_TO_LEFT:
        assert re.search("[\u0600-\u06ff\ufb50-\ufdff\ufe70-\ufeff]", text), "Arabic letters on the page"
    else:
        assert title in text
    if language != "en":
        assert title != invites.TITLE, f"no {language} translation"
    assert text.rstrip().endswith(f"· {language}")
    assert qr_texts(as_printed(page_images(pdf)[0])) == [LINK.format(code=code.code)]
    assert invites.standings(kiosk, class_name, HEAD)[0].invitation.language == language  # type: ignore[union-attr]


def test_a_replaced_code_outdates_the_old_letters_until_they_are_printed_again(kiosk: Kiosk, tmp_path: Path) -> None:
    class_name = a_class(kiosk)
    invites.set_code(kiosk, class_name, HEAD)
    invites.print_letters(kiosk, class_name, tmp_path / "first.pdf", HEAD)
    first = invites.households(kiosk, class_name)[0]
    invites.set_joined(kiosk, class_name, first, HEAD)
    assert not any(s.outdated for s in invites.standings(kiosk, class_name, HEAD))

    new = invites.set_code(kiosk, class_name, HEAD)  # the old one leaked
    assert new.version == 2
    standings = invites.standings(kiosk, class_name, HEAD)
    outdated = [s.household for s in standings if s.outdated]
    assert len(outdated) == len(standings) - 1, "everyone but the household that joined"
    assert first not in outdated
    _path, count = invites.print_letters(kiosk, class_name, tmp_path / "again.pdf", HEAD, only=outdated)
    assert count == len(outdated)
    after = invites.standings(kiosk, class_name, HEAD)
    assert not any(s.needs_letter for s in after)
    assert {s.invitation.code_version for s in after if s.invitation and not s.joined} == {2}
    assert [s.joined for s in after].count(True) == 1, "a reprint keeps who joined"


def test_joined_is_ticked_and_unticked_and_audited(kiosk: Kiosk) -> None:
    class_name = a_class(kiosk)
    household = invites.households(kiosk, class_name)[2]
    invites.set_joined(kiosk, class_name, household, HEAD)  # at the gate, without a letter
    [standing] = [s for s in invites.standings(kiosk, class_name, HEAD) if s.household == household]
    assert standing.joined and standing.invitation and standing.invitation.printed_on is None
    invites.set_joined(kiosk, class_name, household, HEAD, joined=False)
    [standing] = [s for s in invites.standings(kiosk, class_name, HEAD) if s.household == household]
    assert not standing.joined and standing.invitation is None
    actions = [e.action for e in kiosk.repos.audit.in_year(2026)]
    assert actions[-2:] == ["invite-joined", "invite-unjoined"]


def test_a_new_school_year_starts_afresh(kiosk: Kiosk, tmp_path: Path, clock: FixedClock) -> None:
    class_name = a_class(kiosk)
    invites.set_code(kiosk, class_name, HEAD)
    invites.print_letters(kiosk, class_name, tmp_path / "june.pdf", HEAD)
    clock.advance(days=(dt.date(2027, 9, 1) - clock.now().date()).days)
    assert all(s.invitation is None for s in invites.standings(kiosk, class_name, HEAD))


def test_a_teacher_manages_their_own_classes_only_and_care_staff_none(kiosk: Kiosk) -> None:
    class_name = a_class(kiosk)
    teacher = teacher_of(kiosk, class_name)
    other = next(c for c in invites.classes_for(kiosk, HEAD) if c != class_name)
    assert invites.classes_for(kiosk, teacher) == [class_name]
    assert invites.classes_for(kiosk, CARE) == []
    invites.set_code(kiosk, class_name, teacher)
    with pytest.raises(KioskError, match=other):
        invites.set_code(kiosk, other, teacher)
    with pytest.raises(KioskError):
        invites.standings(kiosk, class_name, CARE)


def test_a_wrong_code_changes_nothing_and_the_code_stays_out_of_the_audit(kiosk: Kiosk) -> None:
    class_name = a_class(kiosk)
    first = invites.set_code(kiosk, class_name, HEAD, typed="k7qm-r4zd")
    assert first.code == "K7QMR4ZD"
    before = len(kiosk.repos.audit.in_year(2026))
    for typed in ("K7QM-R4Z0", "K7QMR4Z", "K7QMR4ZD"):  # a zero; too short; the same code again
        with pytest.raises(KioskError):
            invites.set_code(kiosk, class_name, HEAD, typed=typed)
    assert invites.current_code(kiosk, class_name) == first
    entries = kiosk.repos.audit.in_year(2026)
    assert len(entries) == before
    assert "K7QMR4ZD" not in repr(entries)


def test_no_letters_without_a_code(kiosk: Kiosk, tmp_path: Path) -> None:
    with pytest.raises(KioskError, match="code"):
        invites.print_letters(kiosk, a_class(kiosk), tmp_path / "x.pdf", HEAD)
    assert not (tmp_path / "x.pdf").exists()


def test_letters_made_before_the_code_changed_are_not_saved(kiosk: Kiosk, tmp_path: Path) -> None:
    """Printing runs in the background: a new code meanwhile (another kiosk) refuses the old letters."""
    class_name = a_class(kiosk)
    invites.set_code(kiosk, class_name, HEAD)
    job = invites.prepare_letters(kiosk, class_name, HEAD)
    payload = invites.render_letters(job)
    invites.set_code(kiosk, class_name, HEAD)
    with pytest.raises(KioskError, match=class_name):
        invites.save_letters(kiosk, job, payload, tmp_path / "old.pdf", HEAD)
    assert not (tmp_path / "old.pdf").exists()
    assert all(s.invitation is None for s in invites.standings(kiosk, class_name, HEAD))


def test_the_progress_is_told_page_by_page(kiosk: Kiosk) -> None:
    class_name = a_class(kiosk)
    invites.set_code(kiosk, class_name, HEAD)
    job = invites.prepare_letters(kiosk, class_name, HEAD)
    seen: list[tuple[int, int]] = []
    invites.render_letters(job, lambda done, total: seen.append((done, total)))
    total = len(job.households)
    assert seen == [(n, total) for n in range(1, total + 1)]


def test_the_screen_qr_decodes_from_its_block_characters(kiosk: Kiosk) -> None:
    class_name = a_class(kiosk)
    code = invites.set_code(kiosk, class_name, HEAD)
    _code, lines = invites.qr_lines(kiosk, class_name, HEAD)
    assert qr_texts(draw_blocks(lines)) == [LINK.format(code=code.code)]
    assert lines[0].strip() == "" and lines[-1].strip() == "", "the quiet zone above and below"
    assert all(line.startswith("    ") and line.endswith("    ") for line in lines), "and beside"
    _code, large = invites.qr_lines(kiosk, class_name, HEAD, room=(200, 100))  # a tablet: twice the size
    assert (len(large), len(large[0])) == (2 * len(lines) - 1, 2 * len(lines[0]))
    assert qr_texts(draw_blocks(large)) == [LINK.format(code=code.code)]
    _code, small = invites.qr_lines(kiosk, class_name, HEAD, room=(2 * len(lines[0]), 2 * len(lines) - 2))
    assert small == lines, "twice the size only when it fits whole"



def test_the_audit_trail_says_it_in_words_without_the_code(kiosk: Kiosk, tmp_path: Path) -> None:
    from kiosk.services.audit_view import audit_lines

    class_name = a_class(kiosk)
    code = invites.set_code(kiosk, class_name, HEAD)
    invites.print_letters(kiosk, class_name, tmp_path / "l.pdf", HEAD)
    household = invites.households(kiosk, class_name)[0]
    invites.set_joined(kiosk, class_name, household, HEAD)
    lines = audit_lines(kiosk, 2026)[-3:]
    count = len(invites.households(kiosk, class_name))
    assert [line.what for line in lines] == [_("class code set"), _("exported"), _("household joined the class app")]
    assert lines[0].detail == _("class {class_name}: version {n}, {how}").format(
        class_name=class_name, n=1, how=_("generated"))
    assert f"{count}" in lines[1].detail and class_name in lines[1].detail
    assert household.pupils[0].full_name in lines[2].detail
    assert code.code not in repr(lines)


def test_a_parents_access_request_holds_the_invitations_and_purge_removes_old_ones(
        kiosk: Kiosk, tmp_path: Path, clock: FixedClock) -> None:
    from kiosk.services import privacy

    class_name = a_class(kiosk)
    invites.set_code(kiosk, class_name, HEAD)
    invites.print_letters(kiosk, class_name, tmp_path / "l.pdf", HEAD)
    household = invites.households(kiosk, class_name)[0]
    invites.set_joined(kiosk, class_name, household, HEAD)
    data = privacy.pupil_data(kiosk, household.pupils[0])
    letters = data["class_app_invitations"]
    assert len(letters) == len({g.household for g in household.pupils[0].guardians} or {1})
    [joined] = [letter for letter in letters if letter["joined_on"]]
    assert (joined["printed_on"], joined["joined_on"], joined["code_version"]) == ("2026-11-23", "2026-11-23", 1)
    assert not [letter for letter in letters if "household_key" in letter]  # it holds contact details
    notes_before, absences_before = privacy.retention_dates(kiosk)
    now = privacy.purge(kiosk, HEAD, notes_before=notes_before, absences_before=absences_before, dry_run=True)
    assert now.invitations == 0
    clock.advance(days=3 * 365)
    notes_before, absences_before = privacy.retention_dates(kiosk)
    result = privacy.purge(kiosk, HEAD, notes_before=notes_before, absences_before=absences_before, dry_run=True)
    assert result.invitations == len(invites.households(kiosk, class_name))


def test_a_long_code_and_a_long_school_name_stay_on_the_page(kiosk: Kiosk, tmp_path: Path) -> None:
    """Parents type the code over: every character of it is on the paper, whatever its length."""
    import pypdfium2 as pdfium

    long_name = "GO! Basisschool De Wonderwijzer Sint-Lambrechts-Woluwe en Wezembeek-Oppem"
    config = kiosk.config
    kiosk.config = dataclasses.replace(config, school=dataclasses.replace(config.school, name=long_name),
                                       invites=dataclasses.replace(config.invites, code_length=16))
    class_name = a_class(kiosk)
    code = invites.set_code(kiosk, class_name, HEAD, typed="WMWM WMWM WMWM WMWM")  # the widest letters
    household = invites.households(kiosk, class_name)[0]
    path, _n = invites.print_letters(kiosk, class_name, tmp_path / "wide.pdf", HEAD, only=[household])
    document = pdfium.PdfDocument(path.read_bytes())
    page = document[0]
    width, height = page.get_size()
    on_page = page.get_textpage().get_text_bounded(0, 0, width, height)
    assert grouped(code.code) in on_page
    assert long_name in " ".join(on_page.split())
    document.close()


def test_a_household_number_is_read_on_the_named_pupils_own_record(kiosk: Kiosk) -> None:
    """Twins whose records number their parents' households the other way round."""
    from kiosk.domain.models import Guardian, Pupil

    class_name = a_class(kiosk)
    petro = Guardian("Petro Testenko", email="petro@example.org", household=1, language="uk")
    olena = Guardian("Olena Testenko", email="olena@example.org", household=2, language="uk")
    oksana = Pupil("T901", "Oksana", "Testenko", class_name, guardians=(petro, olena))
    taras = Pupil("T902", "Taras", "Testenko", class_name,
                  guardians=(dataclasses.replace(olena, household=1), dataclasses.replace(petro, household=2)))
    kiosk.repos.pupils.save_many([oksana, taras])
    assert invites.household_of(kiosk, class_name, oksana, 1, HEAD).names == "Petro Testenko"
    assert invites.household_of(kiosk, class_name, taras, 1, HEAD).names == "Olena Testenko"
    with pytest.raises(KioskError, match="1: Petro Testenko; 2: Olena Testenko"):
        invites.household_of(kiosk, class_name, oksana, None, HEAD)
