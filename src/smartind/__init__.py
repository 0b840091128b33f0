"""smartind: the final report of a Swedish government assignment, composed from data.

The public surface is what ``__all__`` lists; everything in a ``_module`` is private. Importing
this package is cheap: the heavy libraries (python-docx, lxml, Jinja2, markdown-it-py, Babel) are
imported only by the functions that use them, and the public names are loaded from their modules
on first use (PEP 562), so ``smartind render`` starts without loading what it does not need.
"""

from __future__ import annotations

import importlib as _importlib
import typing as _typing

from smartind._version import __version__

# Eager: the error tree (small, and every command needs it) and compose, whose module shares
# its name: importing the submodule later would otherwise rebind ``smartind.compose`` to it.
from smartind.compose import Composer, compose
from smartind.errors import (
    ChapterError,
    DocumentJSONError,
    NumberFormatError,
    OutputError,
    PluginLoadError,
    PluginUnavailableError,
    RegionError,
    RenderError,
    ReportDataError,
    ReportError,
    ReportNotFoundError,
    ReportSyntaxError,
    SmartindError,
    SmartindWarning,
    UnknownFormatError,
)

if _typing.TYPE_CHECKING:
    from smartind.accounting import (
        FinancialAccount,
        FundingFigures,
        FundingSource,
        IncomeStatement,
        StatementRow,
        compute,
        of_record,
        reconcile,
    )
    from smartind.activities import (
        Activities,
        Appendix,
        Audience,
        Meeting,
        Meetings,
        ProjectVisits,
        Publication,
        PublicationKind,
        Recommendation,
        Research,
    )
    from smartind.assignment import (
        Assignment,
        Budget,
        BudgetChange,
        Continuation,
        FocusArea,
        Programme,
        RelatedAssignment,
        TargetGroups,
    )
    from smartind.checks import check
    from smartind.dates import (
        Month,
        Period,
    )
    from smartind.document import Document
    from smartind.document_json import (
        document_from_json,
        document_to_json,
    )
    from smartind.examples import bundled_example_path
    from smartind.facts import Facts
    from smartind.findings import Figure, Finding, Status, findings_to_json
    from smartind.load import (
        dump_report,
        load_chapters,
        load_report,
        loads_report,
        resolve_report,
    )
    from smartind.numbers import (
        NUMBER_STYLES,
        Amount,
        NumberStyle,
        NumberStyleError,
        Qualifier,
        Quantity,
        format_amount,
        format_number,
        format_percent,
        format_quantity,
        number_style,
        parse_amount,
        parse_number,
        parse_percent,
        parse_quantity,
        round_half_up,
    )
    from smartind.people import Person
    from smartind.projects import (
        Approach,
        CoFinancing,
        PrestudyRound,
        Project,
        ProjectKind,
        Result,
        ResultCategory,
    )
    from smartind.regions import (
        NATIONAL_AREAS,
        REGIONS,
        NationalArea,
        Region,
        national_area,
        region,
    )
    from smartind.report import (
        Chapter,
        Report,
        ReportKind,
        ReportMetadata,
        Statement,
    )
    from smartind.rules import (
        DisbursedWithinGranted,
        FundingRule,
        MaxGrantPerRegion,
        MinCoFinancingShare,
        MinTotalGranted,
        ProgrammeCostsCap,
        evaluate,
        rule_types,
    )
    from smartind.schema import report_schema
    from smartind.validation import validate

_LAZY: dict[str, str] = {
    "FinancialAccount": "smartind.accounting",
    "FundingFigures": "smartind.accounting",
    "FundingSource": "smartind.accounting",
    "IncomeStatement": "smartind.accounting",
    "StatementRow": "smartind.accounting",
    "compute": "smartind.accounting",
    "of_record": "smartind.accounting",
    "reconcile": "smartind.accounting",
    "Activities": "smartind.activities",
    "Appendix": "smartind.activities",
    "Audience": "smartind.activities",
    "Meeting": "smartind.activities",
    "Meetings": "smartind.activities",
    "ProjectVisits": "smartind.activities",
    "Publication": "smartind.activities",
    "PublicationKind": "smartind.activities",
    "Recommendation": "smartind.activities",
    "Research": "smartind.activities",
    "Assignment": "smartind.assignment",
    "Budget": "smartind.assignment",
    "BudgetChange": "smartind.assignment",
    "Continuation": "smartind.assignment",
    "FocusArea": "smartind.assignment",
    "Programme": "smartind.assignment",
    "RelatedAssignment": "smartind.assignment",
    "TargetGroups": "smartind.assignment",
    "Month": "smartind.dates",
    "Period": "smartind.dates",
    "Document": "smartind.document",
    "document_from_json": "smartind.document_json",
    "document_to_json": "smartind.document_json",
    "bundled_example_path": "smartind.examples",
    "Facts": "smartind.facts",
    "dump_report": "smartind.load",
    "load_chapters": "smartind.load",
    "load_report": "smartind.load",
    "loads_report": "smartind.load",
    "resolve_report": "smartind.load",
    "Amount": "smartind.numbers",
    "NUMBER_STYLES": "smartind.numbers",
    "NumberStyle": "smartind.numbers",
    "NumberStyleError": "smartind.numbers",
    "Qualifier": "smartind.numbers",
    "Quantity": "smartind.numbers",
    "format_amount": "smartind.numbers",
    "format_number": "smartind.numbers",
    "format_percent": "smartind.numbers",
    "format_quantity": "smartind.numbers",
    "number_style": "smartind.numbers",
    "parse_amount": "smartind.numbers",
    "parse_number": "smartind.numbers",
    "parse_percent": "smartind.numbers",
    "parse_quantity": "smartind.numbers",
    "round_half_up": "smartind.numbers",
    "Person": "smartind.people",
    "Approach": "smartind.projects",
    "CoFinancing": "smartind.projects",
    "PrestudyRound": "smartind.projects",
    "Project": "smartind.projects",
    "ProjectKind": "smartind.projects",
    "Result": "smartind.projects",
    "ResultCategory": "smartind.projects",
    "NATIONAL_AREAS": "smartind.regions",
    "NationalArea": "smartind.regions",
    "REGIONS": "smartind.regions",
    "Region": "smartind.regions",
    "national_area": "smartind.regions",
    "region": "smartind.regions",
    "Chapter": "smartind.report",
    "Report": "smartind.report",
    "ReportKind": "smartind.report",
    "ReportMetadata": "smartind.report",
    "Statement": "smartind.report",
    "DisbursedWithinGranted": "smartind.rules",
    "Figure": "smartind.findings",
    "Finding": "smartind.findings",
    "FundingRule": "smartind.rules",
    "MaxGrantPerRegion": "smartind.rules",
    "MinCoFinancingShare": "smartind.rules",
    "MinTotalGranted": "smartind.rules",
    "ProgrammeCostsCap": "smartind.rules",
    "Status": "smartind.findings",
    "findings_to_json": "smartind.findings",
    "evaluate": "smartind.rules",
    "rule_types": "smartind.rules",
    "report_schema": "smartind.schema",
    "check": "smartind.checks",
    "validate": "smartind.validation",
}
"""Each public name loaded on first use, and the module it comes from."""


def __getattr__(name: str) -> _typing.Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'smartind' has no attribute {name!r}")
    value = getattr(_importlib.import_module(module), name)
    globals()[name] = value  # the next lookup is a plain attribute
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


__all__ = [
    "NATIONAL_AREAS",
    "NUMBER_STYLES",
    "REGIONS",
    "Activities",
    "Amount",
    "Appendix",
    "Approach",
    "Assignment",
    "Audience",
    "Budget",
    "BudgetChange",
    "Chapter",
    "ChapterError",
    "CoFinancing",
    "Composer",
    "Continuation",
    "DisbursedWithinGranted",
    "Document",
    "DocumentJSONError",
    "Facts",
    "Figure",
    "FinancialAccount",
    "Finding",
    "FocusArea",
    "FundingFigures",
    "FundingRule",
    "FundingSource",
    "IncomeStatement",
    "MaxGrantPerRegion",
    "Meeting",
    "Meetings",
    "MinCoFinancingShare",
    "MinTotalGranted",
    "Month",
    "NationalArea",
    "NumberFormatError",
    "NumberStyle",
    "NumberStyleError",
    "OutputError",
    "Period",
    "Person",
    "PluginLoadError",
    "PluginUnavailableError",
    "PrestudyRound",
    "Programme",
    "ProgrammeCostsCap",
    "Project",
    "ProjectKind",
    "ProjectVisits",
    "Publication",
    "PublicationKind",
    "Qualifier",
    "Quantity",
    "Recommendation",
    "Region",
    "RegionError",
    "RelatedAssignment",
    "RenderError",
    "Report",
    "ReportDataError",
    "ReportError",
    "ReportKind",
    "ReportMetadata",
    "ReportNotFoundError",
    "ReportSyntaxError",
    "Research",
    "Result",
    "ResultCategory",
    "SmartindError",
    "SmartindWarning",
    "Statement",
    "StatementRow",
    "Status",
    "TargetGroups",
    "UnknownFormatError",
    "__version__",
    "bundled_example_path",
    "check",
    "compose",
    "compute",
    "document_from_json",
    "document_to_json",
    "dump_report",
    "evaluate",
    "findings_to_json",
    "format_amount",
    "format_number",
    "format_percent",
    "format_quantity",
    "load_chapters",
    "load_report",
    "loads_report",
    "national_area",
    "number_style",
    "of_record",
    "parse_amount",
    "parse_number",
    "parse_percent",
    "parse_quantity",
    "reconcile",
    "region",
    "report_schema",
    "resolve_report",
    "round_half_up",
    "rule_types",
    "validate",
]
