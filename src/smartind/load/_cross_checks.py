"""Checks across a loaded report that no single field can make: unique ids, dates, references.

Dates are checked against a window that follows from the report itself: from the month the
assignment's period starts to the month the report is dated. A meeting or a project visit outside
that window cannot have been part of the assignment and be reported in this report.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from smartind._suggest import did_you_mean
from smartind.dates import Month
from smartind.load._converter import Problem
from smartind.load._toml_lines import Path
from smartind.report import Report

__all__ = ["cross_check"]


def _duplicates(items: tuple[Any, ...], path: Path, what: str) -> Iterator[Problem]:
    seen: dict[str, int] = {}
    for index, item in enumerate(items):
        first = seen.setdefault(item.id, index)
        if first != index:
            yield Problem(
                (*path, index, "id"),
                f"{what} id {item.id!r} is used already by {path[-1]}[{first}]; "
                f"give every {what} its own id",
            )


def _month_of(day: Any) -> Month:
    return Month(day.year, day.month)


def cross_check(report: Report) -> Iterator[Problem]:
    """Every problem that involves more than one field of ``report``."""
    yield from _duplicates(report.projects, ("projects",), "project")
    yield from _duplicates(report.statements, ("statements",), "statement")
    yield from _duplicates(report.recommendations, ("recommendations",), "recommendation")
    yield from _duplicates(report.rules, ("rules",), "rule")
    yield from _duplicates(
        report.activities.publications, ("activities", "publications"), "publication"
    )
    if report.account is not None:
        yield from _duplicates(report.account.sources, ("account", "sources"), "funding source")
    yield from _dates(report)
    yield from _visits(report)
    meetings = report.activities.meetings
    if meetings is not None and meetings.assignment_specific > meetings.total:
        yield Problem(
            ("activities", "meetings", "assignment_specific"),
            f"{meetings.assignment_specific} is more than the total of {meetings.total} meetings",
        )


def _dates(report: Report) -> Iterator[Problem]:
    period = report.assignment.period
    issued = report.metadata.date
    if issued < period.start:
        yield Problem(
            ("metadata", "date"),
            f"the report is dated {issued}, before the assignment's period starts "
            f"({period.start}); check the date or assignment.period",
        )
    if report.assignment.report_due < period.start:
        yield Problem(
            ("assignment", "report_due"),
            f"the report is due {report.assignment.report_due}, before the period starts "
            f"({period.start})",
        )
    # A report dated before its period is reported above; then the period's end bounds the rest.
    end, what = (
        (issued, "the report's date")
        if issued >= period.start
        else (period.end, "the period's end")
    )
    first, last = _month_of(period.start), _month_of(end)
    window = f"between {first} (the period's start) and {last} ({what})"
    meetings = report.activities.meetings
    if meetings is not None:
        for index, meeting in enumerate(meetings.notable):
            if not first <= meeting.month <= last:
                yield Problem(
                    ("activities", "meetings", "notable", index, "month"),
                    f"the meeting in {meeting.month} lies outside the assignment; "
                    f"a meeting must lie {window}",
                )
    visits = report.activities.visits
    if visits is not None:
        for key in ("start", "end"):
            month = getattr(visits, key)
            if month is not None and not first <= month <= last:
                yield Problem(
                    ("activities", "visits", key),
                    f"{month} lies outside the assignment; visits must lie {window}",
                )
        if visits.start is not None and visits.end is not None and visits.end < visits.start:
            yield Problem(
                ("activities", "visits", "end"),
                f"the visits end ({visits.end}) before they start ({visits.start})",
            )


def _visits(report: Report) -> Iterator[Problem]:
    visits = report.activities.visits
    if visits is None:
        return
    known = [p.id for p in report.projects]
    for index, project_id in enumerate(visits.projects):
        if project_id not in known:
            listed = ", ".join(known) if known else "none: add [[projects]] tables"
            yield Problem(
                ("activities", "visits", "projects", index),
                f"no project has the id {project_id!r}; {did_you_mean(project_id, known)}"
                f"the project ids are: {listed}",
            )
