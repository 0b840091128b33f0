"""The render cache's key covers what composes the document beyond the report's own files.

Each render runs in a child process, as a user's would: plugins are looked up once per process.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

RULE = """
from typing import ClassVar

from attrs import frozen

from smartind.rules import Finding, FundingRule, Status


@frozen
class Always(FundingRule):
    kind: ClassVar[str] = "always"

    def describe(self) -> str:
        return "En regel från ett tillägg."

    def evaluate(self, report):
        return (Finding("rule", self.id, Status.MET, "{text}"),)
"""

REPORT = """
[metadata]
organisation = "Tillväxtverket"
date = 2022-03-15

[assignment]
name = "Cacheprov"
title = "Ett uppdrag för att pröva cachens nyckel"
case_number = "N2020/00002"
agency = "Tillväxtverket"
period = { start = 2020-01-01, end = 2021-12-31 }
report_due = 2022-03-31
budget = { original = "10 mkr" }

[[rules]]
kind = "always"
id = "alltid"
"""


@pytest.fixture
def site(tmp_path: Path) -> Path:
    folder = tmp_path / "site"
    info = folder / "cacheprov_rule-1.0.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: cacheprov-rule\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text("[smartind.rules]\nalways = cacheprov_rule:Always\n")
    return folder


def _render(site: Path, report: Path, cache: Path, output: Path) -> str:
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(site), os.environ.get("PYTHONPATH", "")]),
        "SMARTIND_CACHE_DIR": str(cache),
        "PYTHONDONTWRITEBYTECODE": "1",
    }
    env.pop("SMARTIND_NO_CACHE", None)
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "smartind",
            "render",
            str(report),
            "-f",
            "markdown",
            "-o",
            str(output),
            "--force",
        ],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return output.read_text(encoding="utf-8")


def test_a_changed_rule_plugin_is_not_served_from_the_cache(site: Path, tmp_path: Path) -> None:
    report = tmp_path / "rapport"
    report.mkdir()
    (report / "report.toml").write_text(REPORT, encoding="utf-8")
    module = site / "cacheprov_rule.py"
    module.write_text(textwrap.dedent(RULE).replace("{text}", "Första lydelsen."))
    cache, output = tmp_path / "cache", tmp_path / "ut.md"
    assert "Första lydelsen." in _render(site, report, cache, output)
    assert any(cache.iterdir())  # the first render stored an entry
    module.write_text(textwrap.dedent(RULE).replace("{text}", "Andra lydelsen, längre."))
    assert "Andra lydelsen, längre." in _render(site, report, cache, output)
