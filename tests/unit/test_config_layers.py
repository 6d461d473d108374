import subprocess
import sys

import pytest

from kiosk.config import load_config
from kiosk.errors import ConfigError


def test_defaults_and_relative_data_dir(tmp_path):
    (tmp_path / "config.toml").write_text('[school]\ndata_dir = "d"\n')
    config = load_config(tmp_path / "config.toml")
    assert config.data_dir == (tmp_path / "d").resolve()
    assert config.security.idle_lock_minutes == 3
    assert config.school.language == "nl"
    assert (config.communication.quiet_from, config.communication.answer_hours) == ("20:00", 48)
    assert (config.retention.notes_school_years, config.retention.absences_school_years) == (2, 5)


@pytest.mark.parametrize(("text", "named"), [
    ("[school]\nnmae = 'x'\n", "school.nmae"),
    ("[securty]\n", "securty"),
    ("[security]\nidle_lock_minutes = 'soon'\n", "security.idle_lock_minutes"),
    ("[school]\nlanguage = 'fr'\n", "school.language"),
    ("[calendar]\nfree_days = ['2026-13-01']\n", "calendar.free_days"),
    ("[school\n", "not valid TOML"),
    ("[communication]\nquiet_from = '8 PM'\n", "communication.quiet_from"),
    ("[communication]\nquiet_until = '25:00'\n", "communication.quiet_until"),
    ("[communication]\nquiet_from = '06:00'\n", "communication.quiet_until must be earlier"),
    ("[communication]\nanswer_hours = 0\n", "communication.answer_hours"),
    ("[retention]\nnotes_school_years = 0\n", "retention.notes_school_years"),
    ("[invites]\njoin_link = 'http://classapp.example/{code}'\n", "invites.join_link"),
    ("[invites]\njoin_link = 'https://classapp.example/{code}}'\n", "invites.join_link"),
    ("[invites]\ncode_length = 3\n", "invites.code_length"),
    ('[invites]\napp_name = "Gim\\u001b[31mme"\n', "invites.app_name"),
    ("[invites]\napp_name = ''\n", "invites.app_name"),
    ("[invites]\nletters_dir = 'config.toml'\n", "invites.letters_dir"),
])
def test_wrong_config_names_the_key(tmp_path, text, named):
    (tmp_path / "config.toml").write_text(text)
    with pytest.raises(ConfigError, match=named.replace(".", r"\.")):
        load_config(tmp_path / "config.toml")


def test_domain_and_store_do_not_import_textual():
    code = ("import sys, kiosk.domain.calendar, kiosk.domain.roster, kiosk.domain.search, "
            "kiosk.domain.auth, kiosk.store.repo, kiosk.store.backup, kiosk.services.demo; "
            "print(any(m == 'textual' or m.startswith('textual.') for m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
