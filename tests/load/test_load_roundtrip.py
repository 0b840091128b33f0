"""``loads_report(dump_report(x)) == x`` for generated reports, in TOML and in JSON."""

from __future__ import annotations

import enum
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import attrs
from attrs import evolve
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from smartind._validators import nonblank
from smartind.accounting import FinancialAccount
from smartind.activities import Meetings, ProjectVisits
from smartind.assignment import Assignment
from smartind.dates import Month, Period
from smartind.examples import bundled_example_path
from smartind.load import dump_report, load_report, loads_report
from smartind.load._forms import (
    Array,
    EnumForm,
    Form,
    Optional,
    Record,
    RuleForm,
    Scalar,
    Table,
    fields_of,
)
from smartind.numbers import NUMBER_STYLES, Amount, Qualifier, Quantity
from smartind.numbers._units import UNIT_CODES
from smartind.projects import PrestudyRound, Project
from smartind.regions import NATIONAL_AREAS, REGIONS
from smartind.report import Report, ReportMetadata

WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyzåäöÅÄÖ", min_size=1, max_size=8)
TEXT = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=20)
IDS = st.from_regex(r"[a-z0-9][a-z0-9-]{0,9}", fullmatch=True)


EXAMPLE_RULES = (
    load_report(bundled_example_path()).rules
    if (bundled_example_path() / "report.toml").is_file()
    else ()
)


def decimals(places: int, high: int) -> st.SearchStrategy[Decimal]:
    return st.decimals(min_value=0, max_value=high, places=places, allow_nan=False)


def amounts() -> st.SearchStrategy[Amount]:
    return decimals(2, 10**9).map(Amount)


def scalar(form: Scalar) -> st.SearchStrategy[Any]:
    match form.kind:
        case "amount":
            return amounts()
        case "quantity":
            return st.builds(
                Quantity,
                decimals(1, 10**6),
                st.just("") | WORD,
                st.none() | st.sampled_from(Qualifier),
            )
        case "share":
            return decimals(4, 1)
        case "hours":
            return st.integers(0, 10**6).map(Decimal) | decimals(1, 10**4)
        case "month":
            return st.builds(Month, st.integers(2000, 2030), st.integers(1, 12))
        case "date":
            return st.dates(date(2000, 1, 1), date(2030, 12, 31))
        case "region":
            return st.sampled_from(REGIONS)
        case "str":
            return TEXT
        case "int":
            return st.integers(1, 10**6)  # counts and appendix numbers start at 1
        case "bool":
            return st.booleans()
    raise AssertionError(form)


def periods() -> st.SearchStrategy[Period]:
    return st.builds(
        lambda start, days: Period(start, start + timedelta(days=days)),
        st.dates(date(2000, 1, 1), date(2030, 12, 31)),
        st.integers(0, 2000),
    )


def strategy(form: Form, name: str = "") -> st.SearchStrategy[Any]:
    match form:
        case Scalar():
            return scalar(form)
        case EnumForm(cls=cls):
            members: list[enum.Enum] = list(cls)
            return st.sampled_from(members)
        case Record(cls=cls):
            return record(cls)
        case RuleForm():
            # Rule kinds validate their own values; the bundled example has one of each.
            return st.sampled_from(EXAMPLE_RULES) if EXAMPLE_RULES else st.nothing()
        case Array(item=item):
            return st.lists(strategy(item, name), max_size=2).map(tuple)
        case Table():
            return st.just({})  # published cells are checked against the account's rows
        case Optional(inner=inner):
            return st.none() | strategy(inner, name)


def record(cls: type[Any]) -> st.SearchStrategy[Any]:
    if cls is Period:
        return periods()
    kwargs = {}
    attributes = attrs.fields_dict(cls)
    for f in fields_of(cls):
        if f.name == "id":
            kwargs[f.name] = IDS
        elif nonblank in _own_validators(attributes[f.name]):
            kwargs[f.name] = TEXT.filter(str.strip)
        elif cls is FinancialAccount and f.name == "unit":
            kwargs[f.name] = st.sampled_from(UNIT_CODES)
        elif cls is ReportMetadata and f.name == "number_style":
            kwargs[f.name] = st.sampled_from(sorted(NUMBER_STYLES))
        elif cls is Project and f.name == "national_area":
            kwargs[f.name] = st.just("") | st.sampled_from([a.code for a in NATIONAL_AREAS])
        else:
            kwargs[f.name] = strategy(f.form, f.name)
    return st.fixed_dictionaries(kwargs).map(lambda given: cls(**_fit(cls, given)))


def _own_validators(attribute: attrs.Attribute[Any]) -> list[object]:
    # The model wraps a field's own validator to note the field's name on its errors.
    combined = getattr(attribute.validator, "_validators", ())
    return [getattr(v, "validator", v) for v in combined]


def _fit(cls: type[Any], given: dict[str, Any]) -> dict[str, Any]:
    """Make generated fields agree where one class checks them together at construction."""
    if cls is Meetings:
        given["total"] += given["assignment_specific"]
    elif cls is ProjectVisits and given["start"] is not None and given["end"] is not None:
        given["start"], given["end"] = sorted((given["start"], given["end"]))
    elif cls is Assignment:
        given["report_due"] = max(given["report_due"], given["period"].start)
    elif cls is Project and any(r.nuts2 != given["national_area"] for r in given["regions"]):
        given["national_area"] = ""  # a project's län lie in its riksområde
    elif cls is PrestudyRound:
        given["without_consultants"] = [
            r for r in given["without_consultants"] if r in given["regions"]
        ]
    return given


def _consistent(report: Report) -> Report:
    """Make a generated report pass the cross-checks: unique ids, dates inside the window."""
    start = report.assignment.period.start
    issued = max(report.metadata.date, start)
    first, last = Month(start.year, start.month), Month(issued.year, issued.month)
    projects = tuple(evolve(p, id=f"{p.id}-{i}") for i, p in enumerate(report.projects))
    activities = report.activities
    meetings = activities.meetings
    if meetings is not None:
        notable = tuple(evolve(m, month=first) for m in meetings.notable)
        meetings = evolve(
            meetings, notable=notable, total=meetings.total + meetings.assignment_specific
        )
    visits = activities.visits
    if visits is not None:
        visits = evolve(visits, projects=tuple(p.id for p in projects), start=first, end=last)
    publications = tuple(
        evolve(p, id=f"{p.id}-{i}", appendix=None) for i, p in enumerate(activities.publications)
    )
    research = tuple(
        evolve(r, publications=[p.id for p in publications][: len(r.publications)])
        for r in activities.research
    )
    if meetings is not None:
        meetings = evolve(meetings, appendix=None)
    programme = report.programme
    names = [a.name for a in programme.assignments] if programme is not None else []
    projects = tuple(
        evolve(p, also_funded_by=names[: len(p.also_funded_by)]) if names else p for p in projects
    )
    appendices = tuple(evolve(a, number=i + 1) for i, a in enumerate(report.appendices))
    account = report.account
    if account is not None:
        sources = tuple(
            evolve(s, id=f"{s.id}-{i}", name=f"{s.name} {i}") for i, s in enumerate(account.sources)
        )
        account = evolve(account, sources=sources)
    # A programme-costs cap names a funding source of the account, when there is an account.
    source_ids = [s.id for s in account.sources] if account is not None else []
    rules = tuple(
        evolve(r, id=f"{r.id}-{i}")
        for i, r in enumerate(report.rules)
        if not (account is not None and getattr(r, "source", None) not in (None, *source_ids))
    )
    return evolve(
        report,
        metadata=evolve(report.metadata, date=issued),
        assignment=evolve(report.assignment, report_due=max(report.assignment.report_due, start)),
        projects=projects,
        activities=evolve(
            activities,
            meetings=meetings,
            visits=visits,
            publications=publications,
            research=research,
        ),
        appendices=appendices,
        statements=tuple(evolve(s, id=f"{s.id}-{i}") for i, s in enumerate(report.statements)),
        recommendations=tuple(
            evolve(r, id=f"{r.id}-{i}") for i, r in enumerate(report.recommendations)
        ),
        account=account,
        rules=rules,
        chapters=(),
    )


REPORTS = record(Report).map(_consistent)
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(REPORTS)
def test_toml_round_trip(report: Report) -> None:
    assert loads_report(dump_report(report)) == report


@SETTINGS
@given(REPORTS)
def test_json_round_trip(report: Report) -> None:
    assert loads_report(dump_report(report, "json"), "json") == report


@SETTINGS
@given(REPORTS)
def test_dump_is_stable(report: Report) -> None:
    text = dump_report(report)
    assert dump_report(loads_report(text)) == text
