"""``smartind check``: evaluate the funding rules and reconcile the published account.

Exit status: 0 when every rule is ``met`` and no published figure is a ``discrepancy`` (a
``rounding`` difference does not fail the check); 1 otherwise, ``not_assessable`` included; 2 when
the report cannot be loaded (raised as ``SmartindError`` and reported by the command line).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any, TextIO

from smartind.findings import RULE, Finding, Status

if TYPE_CHECKING:
    import argparse

    from smartind.report import Report

__all__ = ["check_findings", "exit_status", "format_json", "format_text", "run"]


def check_findings(report: Report) -> tuple[Finding, ...]:
    """The rule findings of ``report``, then the reconciliation of its published account."""
    from smartind.checks import check

    return check(report)


def exit_status(findings: Sequence[Finding]) -> int:
    """1 when any finding fails the check (a rule not met, a discrepancy), else 0."""
    return 1 if any(f.status.fails for f in findings) else 0


def to_json(finding: Finding) -> dict[str, Any]:
    """One finding as a JSON object (see :meth:`smartind.findings.Finding.to_json`)."""
    return finding.to_json()


def format_json(findings: Sequence[Finding]) -> str:
    """The findings as one JSON object with a ``findings`` list."""
    from smartind.findings import findings_to_json

    return json.dumps(findings_to_json(findings), ensure_ascii=False, indent=2)


def _table(rows: Sequence[tuple[str, ...]], out: TextIO) -> None:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]) - 1)]
    for row in rows:
        cells = [c.ljust(w) for c, w in zip(row, widths, strict=False)]
        print("  ".join([*cells, row[-1]]).rstrip(), file=out)


_COUNTED = {
    Status.MET: ("uppfyllt", "uppfyllda"),
    Status.NOT_MET: ("ej uppfyllt", "ej uppfyllda"),
    Status.NOT_ASSESSABLE: ("ej bedömbart", "ej bedömbara"),
    Status.MATCH: ("stämmer", "stämmer"),
    Status.ROUNDING: ("avrundningsskillnad", "avrundningsskillnader"),
    Status.DISCREPANCY: ("avvikelse", "avvikelser"),
}


def _summary(findings: Sequence[Finding]) -> str:
    counts = {s: sum(1 for f in findings if f.status is s) for s in Status}
    return ", ".join(f"{n} {_COUNTED[s][n != 1]}" for s, n in counts.items() if n)


def printed_names(report: Report) -> dict[str, str]:
    """Row and column ids of the account mapped to the labels the statement prints."""
    from smartind.accounting import SUMMA, compute

    if report.account is None:
        return {}
    statement = compute(report.account)
    names = {row.id: row.label for row in (*statement.rows, *statement.key_ratios)}
    names |= {source.id: source.name for source in report.account.sources}
    names[SUMMA] = SUMMA
    return names


def format_text(
    findings: Sequence[Finding], out: TextIO, names: Mapping[str, str] | None = None
) -> None:
    """The findings as two aligned tables: funding rules, then the reconciled cells.

    ``names`` turns a cell's row and column ids into the labels the report prints (see
    :func:`printed_names`); ids without a name are shown as they are.
    """
    names = names or {}
    rules = [f for f in findings if f.kind == RULE]
    cells = [f for f in findings if f.kind != RULE]
    print("Finansieringsvillkor", file=out)
    if rules:
        _table(
            [("STATUS", "ID", "BEDÖMNING")] + [(f.status.label, f.id, f.message) for f in rules],
            out,
        )
        print(f"Totalt: {_summary(rules)}.", file=out)
    else:
        print("Rapporten anger inga finansieringsvillkor.", file=out)
    print(file=out)
    print("Avstämning av resultaträkning och nyckeltal", file=out)
    if cells:
        header = ("STATUS", "RAD", "KOLUMN", "TRYCKT", "BERÄKNAT", "KOMMENTAR")
        body = [
            (
                f.status.label,
                names.get(f.row or "", f.row or ""),
                names.get(f.column or "", f.column or ""),
                _cell(f.published, f, "tom"),
                _cell(f.computed, f, "-"),
                f.message if f.status is not Status.MATCH else "",
            )
            for f in cells
        ]
        _table([header, *body], out)
        print(f"Totalt: {_summary(cells)}.", file=out)
    else:
        print("Rapporten har inga tryckta siffror att stämma av.", file=out)
    failing = [f for f in findings if f.status.fails]
    print(file=out)
    if failing:
        print(f"Kontrollen underkänd: {_summary(failing)}.", file=out)
    else:
        print("Kontrollen godkänd.", file=out)


def _cell(value: Decimal | None, finding: Finding, empty: str) -> str:
    """A reconciled value in Swedish format and its row's scale (``76%``, ``648,25 tkr``)."""
    from smartind.rules._text import cell_text

    if value is None:
        return empty
    unit = finding.figures[0].unit if finding.figures else ""
    kind = {"share": "percent", "hours": "hours"}.get(unit, "money")
    return cell_text(value, kind, unit, None)


def run(args: argparse.Namespace) -> int:
    """Load the report, check it, print the findings; return the exit status."""
    from smartind.cli._report import report_path
    from smartind.load import load_report

    report = load_report(report_path(args.report))
    findings = check_findings(report)
    if args.output_format == "json":
        print(format_json(findings))
    else:
        format_text(findings, sys.stdout, printed_names(report))
    return exit_status(findings)
