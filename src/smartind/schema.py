"""A JSON Schema (draft 2020-12) of report.toml, generated from the model's attrs classes.

Editors that read JSON Schema for TOML (VS Code with *Even Better TOML*, through a
``#:schema ./report.schema.json`` first line) then complete keys and flag wrong values as they are
typed. The schema checks forms (a string where an amount goes); the loader checks the rest.
"""

from __future__ import annotations

import inspect
from typing import Any

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
from smartind.report import Report

__all__ = ["SCHEMA_ID", "report_schema"]

SCHEMA_ID = "https://smartind.readthedocs.io/schema/report.schema.json"
"""The ``$id`` of the schema."""

_NUMBER_TEXT = r"^\s*[-\u2212\u2013]?\d[\d \u00a0\u202f]*(,\d+)?\s*$"


def _scalar(form: Scalar) -> dict[str, Any]:
    match form.kind:
        case "amount" if form.unit is not None:
            return {
                "anyOf": [{"type": "integer"}, {"type": "string"}],
                "description": (
                    f'An amount; a bare number is in {form.unit}, or write "20 197 tkr".'
                ),
            }
        case "amount":
            return {
                "type": "string",
                "description": 'An amount with its unit: "20 197 tkr", "2,5 mkr", "400 000 kr".',
                "examples": ["20 197 tkr", "2,5 mkr"],
            }
        case "quantity":
            return {
                "anyOf": [{"type": "integer"}, {"type": "string"}],
                "description": 'A quantity as written: "över 150 företag", "cirka 2,5 mkr".',
            }
        case "share":
            return {
                "type": "string",
                "pattern": r"%\s*$",
                "description": 'A share in per cent: "50 %".',
            }
        case "hours":
            return {
                "anyOf": [
                    {"type": "integer", "minimum": 0},
                    {"type": "string", "pattern": _NUMBER_TEXT},
                ]
            }
        case "month":
            return {"type": "string", "pattern": r"^\d{4}-\d{2}$", "description": "YYYY-MM"}
        case "date":
            return {"type": "string", "format": "date"}
        case "region":
            return {
                "type": "string",
                "description": 'A län by name or SCB code: "Skåne", "Region Skåne", "12".',
            }
        case "str":
            return {"type": "string"}
        case "int":
            return {"type": "integer"}
        case "bool":
            return {"type": "boolean"}
    raise AssertionError(form)  # pragma: no cover


class _Builder:
    def __init__(self) -> None:
        self.defs: dict[str, Any] = {}

    def form(self, form: Form) -> dict[str, Any]:
        match form:
            case Scalar():
                return _scalar(form)
            case EnumForm(cls=cls):
                return {"enum": [m.value for m in cls]}
            case Record(cls=cls):
                return {"$ref": f"#/$defs/{self.record(cls)}"}
            case RuleForm():
                return self.rule()
            case Array(item=item):
                return {"type": "array", "items": self.form(item)}
            case Table(value=value):
                return {"type": "object", "additionalProperties": self.form(value)}
            case Optional(inner=inner):
                return self.form(inner)

    def record(self, cls: type[Any], extra: dict[str, Any] | None = None) -> str:
        name = cls.__name__
        if name in self.defs:
            return name
        self.defs[name] = {}  # placeholder, so recursive references end
        properties = dict(extra or {})
        required = list(extra or {})
        for f in fields_of(cls):
            if cls is Report and f.name == "chapters":
                continue
            properties[f.name] = self.form(f.form)
            if f.required:
                required.append(f.name)
        definition: dict[str, Any] = {
            "type": "object",
            "properties": properties,
            "additionalProperties": False,
        }
        if required:
            definition["required"] = required
        doc = inspect.getdoc(cls)
        if doc:
            definition["description"] = doc.split("\n\n")[0].replace("\n", " ")
        self.defs[name] = definition
        return name

    def rule(self) -> dict[str, Any]:
        from smartind import rules

        get = getattr(rules, "rule_types", None)
        if get is None:
            return {"type": "object", "required": ["kind", "id"]}
        kinds = get()
        options = []
        for kind in sorted(kinds):
            ref = self.record(kinds[kind], {"kind": {"const": kind}})
            options.append({"$ref": f"#/$defs/{ref}"})
        return {"oneOf": options} if options else {"type": "object", "required": ["kind"]}


def report_schema() -> dict[str, Any]:
    """The JSON Schema of report.toml as a dict, ready for ``json.dumps``."""
    builder = _Builder()
    top = builder.record(Report)
    root = builder.defs.pop(top)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "smartind report.toml",
        **root,
        "$defs": builder.defs,
    }
