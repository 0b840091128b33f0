"""Loading report.toml: value forms, the unit rule, errors with file, line and key path."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from attrs import evolve

from smartind.errors import (
    ReportDataError,
    ReportNotFoundError,
    ReportSyntaxError,
    SmartindError,
)
from smartind.examples import bundled_example_path
from smartind.load import dump_report, load_report, loads_report, resolve_report
from smartind.numbers import Amount, Qualifier
from smartind.projects import ProjectKind

HEAD = """\
[metadata]
organisation = "Tillväxtverket"
date = 2019-02-27

[assignment]
name = "Smart industri i regionerna"
title = "Uppdrag"
case_number = "N2016/02958/FÖF"
agency = "Tillväxtverket"
period = { start = 2016-01-01, end = 2018-12-31 }
report_due = 2019-03-01
budget = { original = "25 mkr" }
"""


def load(extra: str) -> object:
    return loads_report(HEAD + extra)


def error(extra: str) -> str:
    with pytest.raises(ReportDataError) as caught:
        load(extra)
    return str(caught.value)


def test_minimal_report_loads() -> None:
    report = loads_report(HEAD)
    assert report.assignment.budget.original == Amount.mkr(25)
    assert report.assignment.period.start.isoformat() == "2016-01-01"


def test_amount_strings_in_any_unit() -> None:
    report = loads_report(
        HEAD + '[[projects]]\nid = "a"\nname = "A"\nkind = "prestudy"\nregions = ["12"]\n'
        'granted = "400 000 kr"\ndisbursed = "0,4 mkr"\n'
    )
    assert report.projects[0].granted == report.projects[0].disbursed == Amount.kr(400000)
    assert report.projects[0].kind is ProjectKind.PRESTUDY


def test_bare_integer_is_read_in_the_unit_the_field_states() -> None:
    report = loads_report(
        HEAD + '[account]\noverhead_per_hour = 250\n[[account.sources]]\nid = "s"\n'
        'name = "Särskilda medel"\nfigures = { grant = 20197, personnel = "1 706", hours = 5310 }\n'
    )
    assert report.account is not None
    figures = report.account.sources[0].figures
    assert figures.grant == Amount.tkr(20197)
    assert figures.personnel == Amount.tkr(1706)
    assert figures.hours == Decimal(5310)
    assert report.account.overhead_per_hour == Amount.kr(250)


def test_bare_integer_without_a_stated_unit_is_refused() -> None:
    text = HEAD.replace(
        "report_due = 2019-03-01", "report_due = 2019-03-01\ngranted_to_projects = 20197"
    )
    with pytest.raises(ReportDataError, match=r"granted_to_projects: 20197 has no unit here"):
        loads_report(text)


def test_unitless_amount_names_the_unit_to_add() -> None:
    text = HEAD.replace(
        "report_due = 2019-03-01", 'report_due = 2019-03-01\ngranted_to_projects = "20 197"'
    )
    with pytest.raises(ReportDataError, match=r"report.toml:12: assignment.granted_to_projects: "
                       r"'20 197' has no unit"):  # fmt: skip
        loads_report(text)


def test_float_is_never_money() -> None:
    text = HEAD.replace('original = "25 mkr"', "original = 25.0")
    with pytest.raises(ReportDataError) as caught:
        loads_report(text)
    assert "assignment.budget.original: 25.0 is a float" in str(caught.value)
    assert 'write a string such as "2,5 mkr"' in str(caught.value)


def test_bool_is_not_an_integer() -> None:
    message = error("[activities.meetings]\ntotal = true\n")
    assert (
        "report.toml:14: activities.meetings.total: expected an integer, not a boolean" in message
    )


def test_quantity_and_share_strings() -> None:
    report = loads_report(
        HEAD + '[[statements]]\nid = "reached"\ntext = "Företag nådda"\n'
        'quantity = "fler än 500 företag"\n'
        "[activities.meetings]\ntotal = 3\n"
        'notable = [{ month = "2018-11", positive_share = "94%" }]\n'
    )
    quantity = report.statements[0].quantity
    assert quantity is not None
    assert quantity.qualifier is Qualifier.FLER_AN
    assert quantity.value == 500
    meetings = report.activities.meetings
    assert meetings is not None
    assert meetings.notable[0].positive_share == Decimal("0.94")


def test_unknown_top_level_key_suggests_the_right_one() -> None:
    message = error('[[project]]\nid = "a"\n')
    assert "report.toml:13: project: unknown key 'project'; did you mean 'projects'?" in message


def test_several_problems_are_listed_one_per_line() -> None:
    message = error('[activities.meetings]\ntotal = "tolv"\nassignment_specific = 1.5\n')
    lines = message.splitlines()
    assert lines[0] == "report.toml: 2 problems:"
    assert lines[1].startswith("  report.toml:14: activities.meetings.total:")
    assert lines[2].startswith("  report.toml:15: activities.meetings.assignment_specific:")


def test_chapters_key_is_refused() -> None:
    assert "chapters are read from chapters/*.md" in error('[[chapters]]\nname = "x"\ntext = ""\n')


def test_datetime_is_not_a_date() -> None:
    text = HEAD.replace("date = 2019-02-27", "date = 2019-02-27T10:00:00")
    expected = r"metadata\.date: expected a date .* not a date-time"
    with pytest.raises(ReportDataError, match=expected):
        loads_report(text)


def test_invalid_toml_gives_line_and_column() -> None:
    with pytest.raises(ReportSyntaxError, match=r"^report.toml:2:\d+: not valid TOML"):
        loads_report('[metadata]\norganisation = "Tillväxtverket\n')


def test_unknown_rule_kind_lists_the_known_kinds() -> None:
    message = error('[[rules]]\nkind = "no-such-rule"\nid = "r"\n')
    assert "report.toml:14: rules[0].kind: 'no-such-rule' is not a funding rule kind" in message
    assert "use one of:" in message


def test_resolve_report_accepts_folder_or_file(tmp_path: Path) -> None:
    (tmp_path / "report.toml").write_text(HEAD, encoding="utf-8")
    assert resolve_report(tmp_path) == tmp_path / "report.toml"
    assert resolve_report(tmp_path / "report.toml") == tmp_path / "report.toml"


def test_resolve_report_none_is_the_bundled_example() -> None:
    if not (bundled_example_path() / "report.toml").is_file():
        pytest.skip("the bundled example's report.toml is not written yet")
    assert resolve_report(None) == bundled_example_path() / "report.toml"


def test_missing_report_says_how_to_start_one(tmp_path: Path) -> None:
    with pytest.raises(ReportNotFoundError, match="smartind init"):
        load_report(tmp_path / "nowhere")


def test_report_toml_that_is_not_utf8(tmp_path: Path) -> None:
    (tmp_path / "report.toml").write_bytes(b'[metadata]\norganisation = "Tillv\xe4xtverket"\n')
    with pytest.raises(ReportSyntaxError, match=r"report.toml: byte 32 is not UTF-8"):
        load_report(tmp_path)


def test_chapters_are_read_in_name_order(tmp_path: Path) -> None:
    (tmp_path / "report.toml").write_text(HEAD, encoding="utf-8")
    (tmp_path / "chapters").mkdir()
    (tmp_path / "chapters" / "02-b.md").write_text("# B\n", encoding="utf-8")
    (tmp_path / "chapters" / "01-a.md").write_text("# A\n", encoding="utf-8")
    (tmp_path / "chapters" / "notes.txt").write_text("not a chapter", encoding="utf-8")
    report = load_report(tmp_path)
    assert [(c.name, c.text) for c in report.chapters] == [
        ("01-a.md", "# A\n"),
        ("02-b.md", "# B\n"),
    ]


def test_bundled_example_loads_and_round_trips() -> None:
    if not (bundled_example_path() / "report.toml").is_file():
        pytest.skip("the bundled example's report.toml is not written yet")
    report = load_report(bundled_example_path())
    assert report.chapters
    assert loads_report(dump_report(report)) == evolve(report, chapters=())
    assert loads_report(dump_report(report, "json"), "json") == evolve(report, chapters=())


def test_errors_are_smartind_errors() -> None:
    assert issubclass(ReportDataError, SmartindError)


def test_a_check_whose_message_does_not_name_its_field_is_still_reported_at_that_field() -> None:
    # "the period ends ... before it starts" names no key; the check notes the field as data.
    text = (bundled_example_path() / "report.toml").read_text(encoding="utf-8")
    backwards = text.replace(
        "period = { start = 2016-01-01, end = 2018-12-31 }",
        "period = { start = 2016-01-01, end = 2015-12-31 }",
    )
    with pytest.raises(ReportDataError) as caught:
        loads_report(backwards)
    assert (caught.value.key_path, caught.value.line) == ("assignment.period.end", 30)
