"""Rule kinds from other distributions, found through the ``smartind.rules`` entry point group.

Each test installs a small distribution into a temporary folder on ``sys.path`` (a module and
its ``.dist-info`` with ``entry_points.txt``), exactly as pip would lay it out.
"""

from __future__ import annotations

import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from smartind import rules
from smartind.errors import SmartindWarning
from smartind.load import loads_report
from smartind.rules import Status, broken_rule_plugins, evaluate, rule_types

PLUGIN = '''
from typing import ClassVar

from attrs import frozen

from smartind.rules import Finding, FundingRule, Status


@frozen
class MaxProjects(FundingRule):
    """At most ``maximum`` projects."""

    kind: ClassVar[str] = "max-projects"
    maximum: int

    def describe(self) -> str:
        return f"Högst {self.maximum} projekt får beviljas."

    def evaluate(self, report):
        n = len(report.projects)
        status = Status.MET if n <= self.maximum else Status.NOT_MET
        return (Finding("rule", self.id, status, f"{n} projekt av högst {self.maximum}."),)


class NotARule:
    kind = "not-a-rule"


@frozen
class WrongKind(FundingRule):
    kind: ClassVar[str] = "something-else"
'''

REPORT = """
[metadata]
organisation = "Tillväxtverket"
date = 2022-03-15

[assignment]
name = "Pluginprov"
title = "Ett uppdrag för att pröva en regel från ett tillägg"
case_number = "N2020/00001"
agency = "Tillväxtverket"
period = { start = 2020-01-01, end = 2021-12-31 }
report_due = 2022-03-31
budget = { original = "10 mkr" }

[[projects]]
id = "ett"
name = "Ett"
kind = "implementation"
regions = ["Skåne"]

[[rules]]
kind = "max-projects"
id = "hogst-ett-projekt"
maximum = 1
"""


def install(site: Path, name: str, entry_points: dict[str, str]) -> None:
    """Lay out a distribution ``name`` with module ``name`` and the given rule entry points."""
    (site / f"{name}.py").write_text(textwrap.dedent(PLUGIN), encoding="utf-8")
    info = site / f"{name}-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(
        f"Metadata-Version: 2.1\nName: {name}\nVersion: 1.0\n", encoding="utf-8"
    )
    lines = "".join(f"{k} = {v}\n" for k, v in entry_points.items())
    (info / "entry_points.txt").write_text(f"[smartind.rules]\n{lines}", encoding="utf-8")


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.syspath_prepend(str(tmp_path))
    rules._plugins.cache_clear()
    yield tmp_path
    rules._plugins.cache_clear()
    for name in [m for m in sys.modules if m.startswith("rulesplugin")]:
        del sys.modules[name]


def test_a_plugin_rule_kind_loads_from_toml_and_is_evaluated(site: Path) -> None:
    install(site, "rulesplugin_good", {"max-projects": "rulesplugin_good:MaxProjects"})
    assert rule_types()["max-projects"].__name__ == "MaxProjects"
    report = loads_report(REPORT)
    (finding,) = evaluate(report)
    assert (finding.id, finding.status) == ("hogst-ett-projekt", Status.MET)
    assert "min-total-granted" in rule_types()


def test_a_plugin_that_fails_to_import_is_reported_and_breaks_nothing(site: Path) -> None:
    install(site, "rulesplugin_bad", {"exploding": "rulesplugin_missing_module:Rule"})
    failed = r"'exploding'.*rulesplugin_bad 1\.0.*cannot be loaded"
    with pytest.warns(SmartindWarning, match=failed):
        kinds = rule_types()
    assert "exploding" not in kinds
    assert "min-total-granted" in kinds
    assert "ModuleNotFoundError" in broken_rule_plugins()["exploding"]


def test_a_plugin_must_be_a_funding_rule_of_its_entry_points_kind(site: Path) -> None:
    install(
        site,
        "rulesplugin_odd",
        {
            "not-a-rule": "rulesplugin_odd:NotARule",
            "wrong-kind": "rulesplugin_odd:WrongKind",
            "min-total-granted": "rulesplugin_odd:MaxProjects",
        },
    )
    with pytest.warns(SmartindWarning):
        kinds = rule_types()
    broken = broken_rule_plugins()
    assert "not a subclass of smartind.rules.FundingRule" in broken["not-a-rule"]
    assert "has kind 'something-else'" in broken["wrong-kind"]
    assert "is built into smartind" in broken["min-total-granted"]
    assert kinds["min-total-granted"] is rules.MinTotalGranted
    assert "not-a-rule" not in kinds
    assert "wrong-kind" not in kinds
