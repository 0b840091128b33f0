"""``smartind_render.render``: a report or a document to the bytes of one format, in one call."""

from __future__ import annotations

import json
from decimal import Decimal
from functools import cache

import pytest
from attrs import evolve

import smartind
from smartind import Report, UnknownFormatError
from smartind.compose import compose, default_body
from smartind.document import ComputedBlock, Heading, Number, NumberKind, Table, iter_blocks
from smartind.examples import bundled_example_path
from smartind.load import load_report
from smartind_render import render


@cache
def example() -> Report:
    return load_report(bundled_example_path())


def without_chapters() -> Report:
    return evolve(example(), chapters=())


def test_a_report_renders_to_docx_bytes() -> None:
    data = render(example())
    assert data[:2] == b"PK"


def test_a_composed_document_renders_as_the_report_does() -> None:
    document = compose(example())
    assert render(document, "markdown") == render(example(), "markdown")


def test_the_style_reaches_the_output() -> None:
    text = render(example(), "markdown", style="sprakradet").decode()
    assert "mnkr" in text
    assert "mnkr" not in render(example(), "markdown").decode()


def test_a_report_without_chapters_gets_the_default_body() -> None:
    text = render(without_chapters(), "markdown").decode()
    for heading in ("Ekonomisk redovisning", "Nyckeltal", "Finansieringsvillkor"):
        assert f" {heading}\n" in text
    assert "Resultaträkning, tkr" in text
    assert "Ej uppfylld" in text or "Uppfylld" in text


def test_the_default_body_holds_account_key_ratios_and_findings_in_order() -> None:
    blocks = default_body(without_chapters())
    headings = [b.content[0].text for b in blocks if isinstance(b, Heading)]  # type: ignore[union-attr]
    assert headings == ["Ekonomisk redovisning", "Nyckeltal", "Finansieringsvillkor"]
    tables = [b for b in iter_blocks(blocks) if isinstance(b, Table)]
    assert [table.id for table in tables] == ["resultatrakning", "nyckeltal"]


def test_the_default_body_names_its_computed_blocks_by_directive() -> None:
    blocks = default_body(without_chapters())
    sources = [b.source for b in blocks if isinstance(b, ComputedBlock)]
    assert sources == [
        "standardinnehåll#income-statement",
        "standardinnehåll#key-ratios",
        "standardinnehåll#rule-findings",
    ]


def test_a_report_with_neither_account_nor_rules_has_an_empty_body() -> None:
    bare = evolve(without_chapters(), account=None, rules=())
    assert compose(bare).blocks == ()


def test_a_report_with_chapters_keeps_its_own_body() -> None:
    assert compose(example()).blocks != default_body(example())


def test_an_unknown_format_names_the_known_ones() -> None:
    with pytest.raises(UnknownFormatError, match="docx"):
        render(example(), "docs")


def test_an_unknown_style_is_refused() -> None:
    with pytest.raises(smartind.NumberStyleError, match="sprakradet"):
        render(example(), "markdown", style="sprakrådet")


def test_something_else_than_a_report_or_document_is_a_type_error() -> None:
    with pytest.raises(TypeError, match=r"takes a smartind Report or Document, not str"):
        render("report.toml")  # type: ignore[arg-type]


def test_an_option_a_built_in_format_does_not_read_is_a_type_error() -> None:
    with pytest.raises(TypeError, match=r"the markdown format does not read line_width"):
        render(example(), "markdown", line_width="72")
    with pytest.raises(TypeError, match=r"the html format does not read reference_docx"):
        render(example(), "html", reference_docx="mall.docx")


def test_source_date_epoch_makes_docx_output_repeatable() -> None:
    first = render(example(), "docx", source_date_epoch=0)
    assert render(example(), "docx", source_date_epoch=0) == first


# --------------------------------------------------------------------------------------------
# The public helpers


def test_findings_to_json_is_what_check_prints(capsys: pytest.CaptureFixture[str]) -> None:
    from smartind.cli import main

    main(["check", "--format", "json", str(bundled_example_path())])
    printed = json.loads(capsys.readouterr().out)
    assert printed == smartind.findings_to_json(smartind.check(example()))


def test_statement_cell_text_is_what_the_rendered_table_prints() -> None:
    account = example().account
    assert account is not None
    statement = smartind.of_record(account)
    assert statement.cell_text("grant", "Särskilda medel") == "25\u00a0000"
    assert statement.cell_text("outcome_vs_budget") == statement.row("outcome_vs_budget").text(2)
    assert statement.cell_text("hours") == ""  # the hours' SUMMA is left empty
    text = render(without_chapters(), "markdown").decode()
    assert f"| Bidrag | {statement.cell_text('grant', 'Särskilda medel')} |" in text


def test_a_numbers_displayed_value_is_in_the_unit_shown() -> None:
    assert Number(Decimal(20197000), NumberKind.AMOUNT, "tkr").displayed() == Decimal(20197)
    assert Number(Decimal("0.7557"), NumberKind.PERCENT).displayed() == Decimal(76)
    assert Number(Decimal("0.7557"), NumberKind.PERCENT, decimals=1).displayed() == Decimal("75.6")
    exact = Number(Decimal(2500), NumberKind.AMOUNT, "tkr").displayed(rounded=False)
    assert exact == Decimal("2.5")
    assert Number(Decimal(5310), NumberKind.COUNT).displayed() == Decimal(5310)


def test_amounts_built_from_mkr_are_whole_kronor_in_json() -> None:
    from smartind.rules import DisbursedWithinGranted

    report = without_chapters()
    projects = [evolve(p, granted="2,5 mkr", disbursed="3 000 000 kr") for p in report.projects]
    rule = DisbursedWithinGranted("utbetalt")
    findings = rule.evaluate(evolve(report, projects=projects))
    values = {f["value"] for f in smartind.findings_to_json(findings)["findings"][0]["figures"]}
    assert values == {"2500000", "3000000"}
    assert smartind.Amount.mkr("2.5").kronor.as_tuple().exponent == 0
