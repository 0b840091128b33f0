"""``smartind schema`` prints a JSON Schema that the bundled example satisfies."""

from __future__ import annotations

import json
import tomllib
from datetime import date
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from smartind.cli import main
from smartind.schema import report_schema

EXAMPLE = (
    Path(__file__).resolve().parent.parent.parent
    / "src/smartind/examples/smart-industri-i-regionerna-2019/report.toml"
)


def as_json(value: Any) -> Any:
    """TOML data as JSON data: dates become ISO strings, as editors see them."""
    if isinstance(value, dict):
        return {k: as_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [as_json(v) for v in value]
    if isinstance(value, date):
        return value.isoformat()
    return value


def validator() -> jsonschema.protocols.Validator:
    schema = report_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )


def test_schema_is_a_valid_draft_2020_12_schema() -> None:
    schema = report_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)


def test_bundled_example_satisfies_the_schema() -> None:
    if not EXAMPLE.is_file():
        pytest.skip("the bundled example's report.toml is not written yet (issue 3, example part)")
    data = as_json(tomllib.loads(EXAMPLE.read_text(encoding="utf-8")))
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator().iter_errors(data)]
    assert errors == []


def test_schema_rejects_an_unknown_key() -> None:
    data = {"metadata": {"organisation": "Tillväxtverket", "date": "2019-02-27", "oops": 1}}
    messages = [e.message for e in validator().iter_errors(data)]
    assert any("'oops' was unexpected" in m for m in messages)


def test_schema_rejects_a_float_for_money() -> None:
    project = {"id": "a", "name": "A", "kind": "prestudy", "regions": [], "granted": 2.5}
    errors = list(validator().iter_errors({"projects": [project]}))
    assert any(list(e.absolute_path) == ["projects", 0, "granted"] for e in errors)


def test_schema_lists_required_tables() -> None:
    assert set(report_schema()["required"]) == {"metadata", "assignment"}


def test_schema_describes_tables_from_docstrings() -> None:
    project = report_schema()["$defs"]["Project"]
    assert project["description"] == "A funded project."


def test_schema_command_prints_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed == report_schema()
