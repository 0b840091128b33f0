"""``smartind check``: rule findings and the reconciled account as text or JSON; its exit status."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from attrs import evolve

from smartind.accounting import ROW_IDS
from smartind.cli import main
from smartind.load import dump_report, load_report, resolve_report
from smartind.rules import Status
from tests.accounting.test_reconcile import EXAMPLE_NOT_MATCHING

RULE_KEYS = {"kind", "id", "status", "message", "figures"}
CELL_KEYS = RULE_KEYS | {"row", "column", "published", "computed", "bound"}


def check(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(["check", *args])
    out, err = capsys.readouterr()
    return status, out, err


@pytest.fixture
def example(tmp_path: Path) -> Path:
    """An editable copy of the bundled example."""
    folder = tmp_path / "rapport"
    shutil.copytree(resolve_report(None).parent, folder)
    return folder


def edit(folder: Path, old: str, new: str) -> None:
    path = folder / "report.toml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_the_bundled_example_fails_on_its_one_discrepancy(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, out, _ = check(capsys, "--format", "json")
    assert status == 1
    findings = json.loads(out)["findings"]
    failing = [f for f in findings if f["status"] in ("not_met", "discrepancy")]
    assert [f["id"] for f in failing] == ["operating_costs_share/sarskilda-medel"]
    (cell,) = failing
    assert cell["row"] == "operating_costs_share"
    assert cell["column"] == "sarskilda-medel"
    assert cell["published"] == "0.14"
    assert Decimal(cell["computed"]) == Decimal(2289) / Decimal(18892)


def test_json_findings_of_the_bundled_example(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = check(capsys, "--format", "json")
    data = json.loads(out)
    assert list(data) == ["findings"]
    rules = [f for f in data["findings"] if f["kind"] == "rule"]
    cells = [f for f in data["findings"] if f["kind"] == "reconciliation"]
    assert all(set(f) == RULE_KEYS for f in rules)
    assert all(set(f) == CELL_KEYS for f in cells)
    assert {f["id"]: f["status"] for f in rules} == {
        "minst-20-mkr-till-projekt": "met",
        "forstudie-tak-per-region": "not_assessable",
        "genomforande-medfinansiering": "not_assessable",
        "programanknutna-kostnader/2016": "not_assessable",
        "programanknutna-kostnader/2017": "not_assessable",
        "programanknutna-kostnader/2018": "not_assessable",
        "programanknutna-kostnader/total": "met",
        "utbetalt-inom-beviljat/projects": "not_assessable",
        "utbetalt-inom-beviljat/total": "met",
    }
    expected = {
        f"{row}/{column}": EXAMPLE_NOT_MATCHING.get((row, column), Status.MATCH).value
        for row in ROW_IDS
        for column in ("sarskilda-medel", "forvaltningsanslaget", "SUMMA")
    }
    assert {f["id"]: f["status"] for f in cells} == expected


def test_the_example_through_the_loader_gives_the_expected_cells() -> None:
    from smartind.accounting import reconcile
    from tests.accounting.test_accounting import EXAMPLE_PUBLISHED, example_account

    report = load_report(resolve_report(None))
    assert report.account is not None
    assert dict(report.account.published) == EXAMPLE_PUBLISHED
    assert reconcile(report.account) == reconcile(example_account())


def test_text_output_is_an_aligned_table_in_swedish(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = check(capsys)
    assert status == 1
    lines = out.splitlines()
    assert lines[0] == "Finansieringsvillkor"
    header = lines[1]
    assert header.split() == ["STATUS", "ID", "BEDÖMNING"]
    met = next(line for line in lines if "minst-20-mkr-till-projekt" in line)
    assert met.startswith("uppfylld ")
    assert met.index("minst-20") == header.index("ID")
    assert met.index("Till projekt") == header.index("BEDÖMNING")
    assert "Avstämning av resultaträkning och nyckeltal" in lines
    discrepancy = next(line for line in lines if line.startswith("avvikelse"))
    # Rows and columns by the labels the statement prints, not by their ids.
    assert "Andel verksamhetskostnader/summa utbetalningar  Särskilda medel" in discrepancy
    assert "operating_costs_share" not in discrepancy
    assert "14%" in discrepancy
    assert "12,1%" in discrepancy
    assert "Totalt: 48 stämmer, 8 avrundningsskillnader, 1 avvikelse." in lines
    assert lines[-1] == "Kontrollen underkänd: 6 ej bedömbara, 1 avvikelse."


def test_a_rule_that_cannot_be_assessed_fails_the_check(
    capsys: pytest.CaptureFixture[str], example: Path
) -> None:
    edit(example, 'operating_costs_share = ["14%"', 'operating_costs_share = ["12%"')
    status, out, _ = check(capsys, str(example))
    assert status == 1
    assert "avvikelse " not in out
    assert out.splitlines()[-1] == "Kontrollen underkänd: 6 ej bedömbara."


def test_a_report_whose_rules_are_met_and_figures_agree_passes(
    capsys: pytest.CaptureFixture[str], example: Path
) -> None:
    edit(example, 'operating_costs_share = ["14%"', 'operating_costs_share = ["12%"')
    report = load_report(example)
    met = tuple(
        rule
        for rule in report.rules
        if all(finding.status is Status.MET for finding in rule.evaluate(report))
    )
    assert 0 < len(met) < len(report.rules)
    (example / "report.toml").write_text(dump_report(evolve(report, rules=met)), "utf-8")
    status, out, _ = check(capsys, str(example))
    assert status == 0
    assert out.splitlines()[-1] == "Kontrollen godkänd."


def test_a_rule_not_met_fails_the_check(capsys: pytest.CaptureFixture[str], example: Path) -> None:
    edit(example, 'operating_costs_share = ["14%"', 'operating_costs_share = ["12%"')
    edit(example, 'minimum = "20 000 tkr"', 'minimum = "21 000 tkr"')
    status, out, _ = check(capsys, str(example / "report.toml"), "--format", "json")
    assert status == 1
    statuses = {f["id"]: f["status"] for f in json.loads(out)["findings"]}
    assert statuses["minst-20-mkr-till-projekt"] == "not_met"


def test_a_missing_report_is_bad_input(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    status, out, err = check(capsys, str(tmp_path / "finns-inte"))
    assert status == 2
    assert out == ""
    assert err.startswith("smartind: ")
    assert "Traceback" not in err


def test_an_unreadable_printed_figure_is_bad_input_naming_the_cell(
    capsys: pytest.CaptureFixture[str], example: Path
) -> None:
    edit(example, 'overhead = ["648"', 'overhead = ["6x8"')
    status, _, err = check(capsys, str(example))
    assert status == 2
    assert "account.published.overhead[0] (Särskilda medel)" in err


def test_an_unknown_published_row_is_bad_input(
    capsys: pytest.CaptureFixture[str], example: Path
) -> None:
    edit(example, "overhead = [", "overheads = [")
    status, _, err = check(capsys, str(example))
    assert status == 2
    assert "overheads" in err
    assert "total_with_overhead" in err


def test_the_command_runs_as_a_process() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "smartind", "check", "--format", "json"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1, result.stderr
    assert len(json.loads(result.stdout)["findings"]) == 9 + 3 * len(ROW_IDS)


def test_json_decimals_are_written_without_exponents() -> None:
    from smartind.cli._check import to_json
    from smartind.rules import Figure, Finding

    finding = Finding(
        "reconciliation",
        "grant/a",
        Status.MATCH,
        "…",
        (Figure("x", Decimal("2.5E+3")),),
        row="grant",
        column="a",
        published=Decimal("2.5E+3"),
        computed=Decimal("2500"),
    )
    data = to_json(finding)
    assert (data["published"], data["computed"]) == ("2500", "2500")
    assert data["figures"] == [{"name": "x", "value": "2500", "unit": "kr"}]
