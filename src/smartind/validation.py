"""One validation for every report, whether it was read from report.toml or built in Python.

What a single class can tell is checked when it is constructed: a wrong type, an unknown enum
value or län, a national area that does not hold the project's län, a number style that does not
exist, a report due before its period starts. What only the whole report can tell is checked
here: unique ids, dates inside the assignment, and references between projects, publications,
visits, assignments, funding sources and rules. The loader runs the same checks on what it reads,
and :func:`smartind.compose`, ``smartind check`` and :func:`smartind_render.render` call
:func:`validate` first, so a report is held to the same rules wherever it comes from.

Dates are checked against a window that follows from the report itself: from the month the
assignment's period starts to the month the report is dated. A meeting or a project visit outside
that window cannot have been part of the assignment and be reported in this report.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from typing import Any

from attrs import frozen

from smartind._suggest import did_you_mean
from smartind.dates import Month
from smartind.errors import ErrorLocation, ReportDataError
from smartind.report import Report

__all__ = ["Problem", "problems", "validate"]

KeyPath = tuple[str | int, ...]

_MAX_SHOWN = 10


@frozen
class Problem:
    """One thing wrong in a report: where (its key path, as in report.toml) and what, and the fix.

    ``path`` counts array indices from 0: ``("projects", 2, "id")`` is the third project's id.
    """

    path: KeyPath
    message: str

    def __str__(self) -> str:
        where = key_path(self.path)
        return f"{where}: {self.message}" if where else self.message


def key_path(path: Sequence[str | int]) -> str:
    """A key path as messages write it: ``projects[3].granted``."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else part
    return out


def validate(report: Report) -> None:
    """Check everything in ``report`` that involves more than one of its parts.

    Returns nothing when the report holds together; raises
    :class:`~smartind.errors.ReportDataError` otherwise, one line per problem, each starting with
    its key path (``projects[1].id: project id 'a' is used already by projects[0] ...``), the
    same path the loader names for the same mistake in report.toml.
    """
    found = list(problems(report))
    if not found:
        return
    lines = [str(p) for p in found]
    located = [ErrorLocation(key_path=key_path(p.path) or None, message=p.message) for p in found]
    if len(lines) == 1:
        raise ReportDataError(lines[0], problems=located)
    shown = lines[:_MAX_SHOWN]
    more = len(lines) - len(shown)
    tail = [f"  ... and {more} more"] if more else []
    raise ReportDataError(
        "\n".join([f"{len(lines)} problems:", *(f"  {s}" for s in shown), *tail]),
        problems=located,
    )


def problems(report: Report) -> Iterator[Problem]:
    """Every problem in ``report`` that involves more than one field, in the order of the data."""
    yield from _dates(report)
    yield from _duplicates(report.projects, ("projects",), "project")
    yield from _projects(report)
    yield from _duplicates(report.statements, ("statements",), "statement")
    yield from _duplicates(report.recommendations, ("recommendations",), "recommendation")
    yield from _duplicates(report.rules, ("rules",), "rule")
    yield from _rules(report)
    yield from _activities(report)
    yield from _account(report)


# --------------------------------------------------------------------------------------------
# Unique ids


def _duplicates(
    items: Iterable[Any], path: KeyPath, what: str, key: str = "id"
) -> Iterator[Problem]:
    seen: dict[object, int] = {}
    for index, item in enumerate(items):
        value = getattr(item, key)
        first = seen.setdefault(value, index)
        if first != index:
            yield Problem(
                (*path, index, key),
                f"{what} {key} {value!r} is used already by {path[-1]}[{first}]; "
                f"give every {what} its own {key}",
            )


# --------------------------------------------------------------------------------------------
# Dates


def _month_of(day: date) -> Month:
    return Month(day.year, day.month)


def _dates(report: Report) -> Iterator[Problem]:
    period = report.assignment.period
    issued = report.metadata.date
    if issued < period.start:
        yield Problem(
            ("metadata", "date"),
            f"the report is dated {issued}, before the assignment's period starts "
            f"({period.start}); check the date or assignment.period",
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


# --------------------------------------------------------------------------------------------
# References


def _unknown(value: str, known: Sequence[str], what: str, how: str) -> str:
    listed = ", ".join(known) if known else f"none: {how}"
    return f"no {what} {value!r}; {did_you_mean(value, known)}the known ones are: {listed}"


def _projects(report: Report) -> Iterator[Problem]:
    programme = report.programme
    if programme is None or not programme.assignments:
        return
    assignments = [a.name for a in programme.assignments]
    for index, project in enumerate(report.projects):
        for position, name in enumerate(project.also_funded_by):
            if name not in assignments:
                yield Problem(
                    ("projects", index, "also_funded_by", position),
                    _unknown(name, assignments, "assignment of the programme named", "")
                    + "; also_funded_by names assignments listed in programme.assignments",
                )


def _activities(report: Report) -> Iterator[Problem]:
    activities = report.activities
    publications = activities.publications
    yield from _duplicates(publications, ("activities", "publications"), "publication")
    visits = activities.visits
    if visits is not None:
        known = [p.id for p in report.projects]
        for index, project_id in enumerate(visits.projects):
            if project_id not in known:
                listed = ", ".join(known) if known else "none: add [[projects]] tables"
                yield Problem(
                    ("activities", "visits", "projects", index),
                    f"no project has the id {project_id!r}; {did_you_mean(project_id, known)}"
                    f"the project ids are: {listed}",
                )
    ids = [p.id for p in publications]
    for index, research in enumerate(activities.research):
        for position, publication_id in enumerate(research.publications):
            if publication_id not in ids:
                listed = ", ".join(ids) if ids else "none: add [[activities.publications]] tables"
                yield Problem(
                    ("activities", "research", index, "publications", position),
                    f"no publication has the id {publication_id!r}; "
                    f"{did_you_mean(publication_id, ids)}the publication ids are: {listed}",
                )


def _account(report: Report) -> Iterator[Problem]:
    account = report.account
    if account is None:
        return
    yield from _duplicates(account.sources, ("account", "sources"), "funding source")
    yield from _duplicates(account.sources, ("account", "sources"), "funding source", "name")


def _rules(report: Report) -> Iterator[Problem]:
    from smartind.rules import ProgrammeCostsCap

    account = report.account
    for index, rule in enumerate(report.rules):
        if not isinstance(rule, ProgrammeCostsCap):
            continue
        if not rule.caps and rule.total is None:
            yield Problem(
                ("rules", index, "caps"),
                f"the {rule.kind} rule {rule.id!r} has neither caps nor total; give the yearly "
                f'caps, such as caps = {{"2016" = "2 000 tkr"}}, a total, or both',
            )
        if account is not None:
            known = [s.id for s in account.sources]
            if rule.source not in known:
                yield Problem(
                    ("rules", index, "source"),
                    _unknown(rule.source, known, "funding source", "add [[account.sources]]")
                    + "; source names a funding source of the account by its id",
                )
