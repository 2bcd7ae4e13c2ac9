"""The README stays in step with the code it documents."""

import re
from pathlib import Path

from bot.config import Settings

README = Path(__file__).resolve().parent.parent / "README.md"


def test_the_readme_settings_table_lists_every_setting_and_no_other():
    documented = set(re.findall(r"^\| `(BOT_[A-Z0-9_]+)` \|", README.read_text(encoding="utf-8"), re.MULTILINE))
    assert documented == {f"BOT_{name.upper()}" for name in Settings.model_fields}
