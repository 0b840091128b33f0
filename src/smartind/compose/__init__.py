"""Composition: a report's data and its chapters become a :class:`~smartind.document.Document`.

The chapters are read in the order the report holds them (the loader sorts them by file name).
Each is CommonMark with tables, footnotes, ``::: callout`` boxes and heading attributes; its
``{{ expressions }}`` are evaluated over the report in a Jinja2 sandbox and its ``{smartind}``
fenced directives are replaced by blocks computed from the data. The syntax is
described in ``docs/chapters.md``.

Jinja2 and markdown-it-py are imported when :func:`compose` runs, not when this module is.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from smartind.compose._sources import source_name
from smartind.document import Block, Document, Metadata
from smartind.errors import ChapterError, ErrorLocation

if TYPE_CHECKING:
    from smartind.report import Chapter, Report

__all__ = ["Composer", "compose", "default_body", "metadata", "source_name"]


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
    from smartind.compose._markdown import computed_blocks
    from smartind.document import Heading, Text

    def placed(name: str) -> tuple[Block, ...]:
        # Named like a chapter's directives, after the body they belong to.
        return computed_blocks(place(report, name, {}), source_name(DEFAULT_BODY, name))

    blocks: list[Block] = []
    if report.account is not None:
        blocks.append(Heading(1, [Text("Ekonomisk redovisning")], id="ekonomisk-redovisning"))
        blocks.extend(placed("income-statement"))
        blocks.append(Heading(2, [Text("Nyckeltal")], id="nyckeltal-rubrik"))
        blocks.extend(placed("key-ratios"))
    if report.rules:
        blocks.append(Heading(1, [Text("Finansieringsvillkor")], id="finansieringsvillkor"))
        blocks.extend(placed("rule-findings"))
    return tuple(blocks)


DEFAULT_BODY = "standardinnehåll"
"""The name :func:`default_body`'s computed blocks carry as their source's chapter part."""


def compose(report: Report, *, style: str | None = None) -> Document:
    """The document of ``report``: its metadata and its chapters' blocks, in order.

    A report without chapters gets :func:`default_body`: its account, key ratios and rule
    findings under headings of their own.

    ``style`` is the number style the renderers use; by default the report's own. The report is
    checked with :func:`smartind.validate` first (:class:`~smartind.errors.ReportDataError`).
    Raises :class:`~smartind.errors.ChapterError` naming the chapter file and line of any
    Markdown, expression or directive that cannot be composed.
    """
    return Composer(report, style=style).compose(report.chapters)


class Composer:
    """Composes one report's data with chapters that change, reusing what did not.

    A writer's tool (``smartind preview``, a watch loop) composes the same data again and again
    while one chapter at a time is edited. A composer keeps, for each chapter it has converted,
    the blocks and heading anchors it gave, and converts again only a chapter whose text
    changed, or whose place in the anchors changed because an earlier chapter's headings did.
    ``Composer(report).compose(chapters)`` equals
    ``compose(attrs.evolve(report, chapters=chapters))``. The report's own chapters are ignored;
    warnings are issued only when a chapter is converted, not when its blocks are reused.
    """

    def __init__(self, report: Report, *, style: str | None = None) -> None:
        from smartind.compose._directives import place
        from smartind.compose._expr import Evaluator
        from smartind.facts import Facts
        from smartind.validation import validate

        validate(report)
        statement = None
        if report.account is not None:
            from smartind.accounting import of_record

            statement = of_record(report.account)
        self._report = report
        self._style = style or report.metadata.number_style
        self._evaluate = Evaluator(report, Facts.of(report), statement)
        self._metadata = metadata(report)
        self._converted: dict[_Key, _Converted] = {}

        def place_directive(name: str, options: dict[str, str]) -> tuple[Block, ...]:
            return place(report, name, options)

        self._place = place_directive

    def compose(self, chapters: Iterable[Chapter]) -> Document:
        """The document of this composer's report with ``chapters`` as its chapters."""
        from smartind.compose._markdown import Anchors, ChapterConverter

        chapters = tuple(chapters)
        if not chapters:
            return Document(self._metadata, default_body(self._report), number_style=self._style)
        anchors = Anchors()
        blocks: list[Block] = []
        names: set[str] = set()
        converted: dict[_Key, _Converted] = {}
        for chapter in chapters:
            if chapter.name in names:
                raise ChapterError(
                    f"{chapter.name}: two chapters have this name",
                    location=ErrorLocation(chapter=chapter.name),
                )
            names.add(chapter.name)
            before = anchors.used()
            key = (chapter.name, chapter.text, before)
            found = self._converted.get(key)
            if found is None:
                converter = ChapterConverter(chapter.name, self._evaluate, self._place, anchors)
                chapter_blocks = converter.convert(chapter.text)
                found = (chapter_blocks, anchors.used() - before)
            else:
                anchors.take(found[1])
            converted[key] = found
            blocks.extend(found[0])
        # Only what this composition used is kept, so an editing session's memory stays flat.
        self._converted = converted
        return Document(self._metadata, blocks, number_style=self._style)


# A chapter's name, its text and the anchors taken before it: all its conversion depends on.
_Key = tuple[str, str, frozenset[str]]
# Its blocks, and the anchors its headings took.
_Converted = tuple[tuple[Block, ...], frozenset[str]]
