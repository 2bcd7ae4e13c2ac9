"""The documentation stays in step with the code it documents, and the README stays a front door."""

import re
from pathlib import Path

from bot.config import Settings

REPO = Path(__file__).resolve().parent.parent
README = REPO / "README.md"
SETTINGS = REPO / "docs" / "SETTINGS.md"


def test_the_settings_table_lists_every_setting_and_no_other():
    documented = set(re.findall(r"^\| `(BOT_[A-Z0-9_]+)` \|", SETTINGS.read_text(encoding="utf-8"), re.MULTILINE))
    assert documented == {f"BOT_{name.upper()}" for name in Settings.model_fields}


def test_the_readme_is_a_front_door_under_10000_characters():
    assert len(README.read_text(encoding="utf-8")) < 10_000


def test_every_link_between_the_pages_leads_to_a_file():
    for page in [README, *sorted((REPO / "docs").glob("*.md"))]:
        for target in re.findall(r"\]\(([^)#:]+)(?:#[^)]*)?\)", page.read_text(encoding="utf-8")):
            resolved = (page.parent / target).resolve()
            assert resolved.exists(), f"{page.relative_to(REPO)} links to {target}, which does not exist"
