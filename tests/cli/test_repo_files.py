"""Repository promises: CI runs the README's test command, and the README documents every setting."""

from __future__ import annotations

import re
from pathlib import Path

from dialogwatch.settings import Settings

REPO = Path(__file__).resolve().parents[2]


def test_ci_runs_exactly_the_readme_test_command() -> None:
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    match = re.search(r'^TEST_CMD="(.+)"$', ci, re.MULTILINE)
    assert match, "TEST_CMD not found in .ci/run"
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    quick_start = readme.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    commands = re.findall(r"```bash\n(.+?)\n```", quick_start)
    assert len(commands) == 2, "the quick start is exactly two commands"
    assert match.group(1) in commands
    assert any(c.endswith("dialogwatch demo") for c in commands)


def test_readme_documents_every_setting() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for name in Settings.model_fields:
        assert f"`DIALOGWATCH_{name.upper()}`" in readme, name


def test_licence_is_apache() -> None:
    assert "Apache License" in (REPO / "LICENSE").read_text(encoding="utf-8")[:200]
