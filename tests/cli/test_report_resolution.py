"""Without REPORT, a command works on ./report.toml; only without one on the bundled example."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from smartind.cli import main
from smartind.examples import bundled_example_path
from smartind.load import resolve_report

NOTE = (
    "smartind: no report.toml in this folder; using the bundled example report "
    "(Smart industri i regionerna, 2019)\n"
)


@pytest.fixture
def own_report(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A report folder of the user's, as the current folder: the example with a higher minimum."""
    shutil.copytree(bundled_example_path(), tmp_path, dirs_exist_ok=True)
    toml = tmp_path / "report.toml"
    text = toml.read_text(encoding="utf-8")
    toml.write_text(text.replace('minimum = "20 000 tkr"', 'minimum = "30 000 tkr"'), "utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _rule_status(out: str, rule: str) -> str:
    statuses = {f["id"]: f["status"] for f in json.loads(out)["findings"]}
    return statuses[rule]


def test_check_in_a_report_folder_checks_that_report(
    own_report: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", "--format", "json"]) == 1
    out, err = capsys.readouterr()
    assert _rule_status(out, "minst-20-mkr-till-projekt") == "not_met"  # 20 197 < 30 000 tkr
    assert err == ""


def test_render_in_a_report_folder_renders_that_report(
    own_report: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    chapters = sorted((own_report / "chapters").glob("*.md"))
    chapters[0].write_text("# Vår egen rapport\n\nText.\n", encoding="utf-8")
    assert main(["render", "-f", "markdown", "--no-cache"]) == 0
    assert capsys.readouterr().err == ""
    text = (own_report / "slutrapport.md").read_text(encoding="utf-8")
    assert "Vår egen rapport" in text


def test_outside_a_report_folder_the_bundled_example_is_used_and_said(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--format", "json"]) == 1
    out, err = capsys.readouterr()
    assert err == NOTE
    assert _rule_status(out, "minst-20-mkr-till-projekt") == "met"


def test_a_report_named_on_the_command_line_is_used_without_a_note(
    own_report: Path, tmp_path_factory: pytest.TempPathFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    shutil.copytree(bundled_example_path(), elsewhere / "r")
    assert main(["check", "--format", "json", str(elsewhere / "r")]) == 1
    out, err = capsys.readouterr()
    assert err == ""
    assert _rule_status(out, "minst-20-mkr-till-projekt") == "met"


def test_the_resolver_prefers_the_report_in_the_current_folder(own_report: Path) -> None:
    assert resolve_report() == Path("report.toml")
    assert resolve_report(None).resolve() == own_report / "report.toml"


def test_the_resolver_falls_back_to_the_bundled_example(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert resolve_report() == bundled_example_path() / "report.toml"
