"""Check a report: validate it, evaluate its funding rules and reconcile its published account.

:func:`check` is what ``smartind check`` runs, as one call for a program.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from smartind.findings import Finding
    from smartind.report import Report

__all__ = ["check"]


def check(report: Report) -> tuple[Finding, ...]:
    """Every finding on ``report``: its rules' findings, then its reconciled published cells.

    The report is checked with :func:`smartind.validate` first, so a report that does not hold
    together raises :class:`~smartind.errors.ReportDataError` instead of giving findings. A
    finding whose ``status.fails`` is true makes ``smartind check`` exit with 1; turn findings
    into JSON-ready data with :func:`smartind.findings_to_json`.
    """
    from smartind.accounting import reconcile
    from smartind.rules import evaluate
    from smartind.validation import validate

    validate(report)
    findings = evaluate(report)
    if report.account is not None:
        findings += reconcile(report.account)
    return findings
