"""Composition: a report's data and its chapters become a :class:`~smartind.document.Document`.

The chapters are read in the order the report holds them (the loader sorts them by file name).
Each is CommonMark with tables, footnotes, ``::: callout`` boxes and heading attributes; its
``{{ expressions }}`` are evaluated over the report in a Jinja2 sandbox and its ``{smartind}``
fenced directives are replaced by blocks computed from the data. The syntax is
described in ``docs/chapters.md``.

Jinja2 and markdown-it-py are imported when :func:`compose` runs, not when this module is.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from smartind.document import Block, Document, Metadata
from smartind.errors import ChapterError, ErrorLocation

if TYPE_CHECKING:
    from smartind.report import Report

__all__ = ["compose", "default_body", "metadata"]


def metadata(report: Report) -> Metadata:
    """The cover metadata of ``report``: kind, assignment title and case numbers, people."""
    assignment = report.assignment
    meta = report.metadata
    subtitle = " ".join(p for p in (assignment.title, assignment.case_number) if p)
    keywords = [assignment.name]
    if report.programme is not None and report.programme.strategy:
        keywords.append(report.programme.strategy)
    keywords.append(meta.kind.label)
    return Metadata(
        title=meta.kind.label,
        subtitle=subtitle,
        organisation=meta.organisation,
        case_numbers=tuple(n for n in (assignment.case_number, assignment.agency_case_number) if n),
        date=meta.date.isoformat(),
        place=meta.place,
        decided_by=meta.decided_by,
        case_officers=meta.case_officers,
        presenter=meta.presenter,
        keywords=tuple(dict.fromkeys(k for k in keywords if k)),
    )


def default_body(report: Report) -> tuple[Block, ...]:
    """The body of a report without chapters: the blocks smartind can compute from data alone.

    Under numbered headings: the income statement (*Ekonomisk redovisning*) and its key ratios
    (*Nyckeltal*) when the report has an account, then the findings of its funding rules
    (*Finansieringsvillkor*) when it has rules. A report with neither has an empty body, and its
    document shows the cover alone.
    """
    from smartind.compose._directives import place
    from smartind.document import Heading, Text

    blocks: list[Block] = []
    if report.account is not None:
        blocks.append(Heading(1, [Text("Ekonomisk redovisning")], id="ekonomisk-redovisning"))
        blocks.extend(place(report, "income-statement", {}))
        blocks.append(Heading(2, [Text("Nyckeltal")], id="nyckeltal-rubrik"))
        blocks.extend(place(report, "key-ratios", {}))
    if report.rules:
        blocks.append(Heading(1, [Text("Finansieringsvillkor")], id="finansieringsvillkor"))
        blocks.extend(place(report, "rule-findings", {}))
    return tuple(blocks)


def compose(report: Report, *, style: str | None = None) -> Document:
    """The document of ``report``: its metadata and its chapters' blocks, in order.

    A report without chapters gets :func:`default_body`: its account, key ratios and rule
    findings under headings of their own.

    ``style`` is the number style the renderers use; by default the report's own. The report is
    checked with :func:`smartind.validate` first (:class:`~smartind.errors.ReportDataError`).
    Raises :class:`~smartind.errors.ChapterError` naming the chapter file and line of any
    Markdown, expression or directive that cannot be composed.
    """
    from smartind.validation import validate

    validate(report)
    from smartind.compose._directives import place
    from smartind.compose._expr import Evaluator
    from smartind.compose._markdown import Anchors, ChapterConverter
    from smartind.facts import Facts

    statement = None
    if report.account is not None:
        from smartind.accounting import of_record

        statement = of_record(report.account)
    evaluate = Evaluator(report, Facts.of(report), statement)

    def place_directive(name: str, options: dict[str, str]) -> tuple[Block, ...]:
        return place(report, name, options)

    if not report.chapters:
        return Document(
            metadata(report),
            default_body(report),
            number_style=style or report.metadata.number_style,
        )
    anchors = Anchors()
    blocks: list[Block] = []
    names: set[str] = set()
    for chapter in report.chapters:
        if chapter.name in names:
            raise ChapterError(
                f"{chapter.name}: two chapters have this name",
                location=ErrorLocation(chapter=chapter.name),
            )
        names.add(chapter.name)
        converter = ChapterConverter(chapter.name, evaluate, place_directive, anchors)
        blocks.extend(converter.convert(chapter.text))
    return Document(
        metadata(report),
        blocks,
        number_style=style or report.metadata.number_style,
    )
