"""The cover page: title, case details, who decided and who handled the case, signatures."""

from __future__ import annotations

from collections.abc import Callable

from smartind.document import Metadata
from smartind.people import Person
from smartind_render.docx._context import Context
from smartind_render.docx._inlines import PLAIN, text_run
from smartind_render.docx._xml import Element, sub


def _rule_above(ppr: Element) -> None:
    sub(sub(ppr, "pBdr"), "top", val="single", sz="4", space="8", color="8C8C8C")
    sub(ppr, "spacing", before="1200")


def _space_above(ppr: Element) -> None:
    sub(ppr, "spacing", before="240")


def _join(names: list[str]) -> str:
    """Swedish enumeration: "A", "A och B", "A, B och C"."""
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} och {names[-1]}"


def decision_text(metadata: Metadata) -> list[str]:
    """The decision paragraph's sentences, in the report's Swedish."""
    sentences = []
    if metadata.decided_by is not None:
        sentences.append(f"Rapporten har godkänts genom beslut av {metadata.decided_by}.")
    officers = [str(person) for person in metadata.case_officers]
    presenter = metadata.presenter
    if presenter is not None and str(presenter) not in officers:
        officers.append(str(presenter))
    if officers:
        sentences.append(f"Ärendet har beretts av {_join(officers)}.")
    if presenter is not None:
        sentences.append(f"{presenter.name} har varit föredragande.")
    return sentences


def _place_and_date(metadata: Metadata) -> str:
    if metadata.place and metadata.date:
        return f"{metadata.place}, {metadata.date}"
    return metadata.place or metadata.date


def _para(
    ctx: Context,
    parent: Element,
    style: str,
    value: str,
    properties: Callable[[Element], None] | None = None,
) -> None:
    p = sub(parent, "p")
    ppr = sub(p, "pPr")
    sub(ppr, "pStyle", val=ctx.style(style))
    if properties is not None:
        properties(ppr)
    if value:
        text_run(ctx, p, value, PLAIN)


def cover(ctx: Context, metadata: Metadata, parent: Element) -> None:
    """Append the cover page and the page break after it."""
    if metadata.organisation:
        _para(ctx, parent, "Cover Details", metadata.organisation.upper())
    _para(ctx, parent, "Title", metadata.title)
    if metadata.subtitle:
        _para(ctx, parent, "Subtitle", metadata.subtitle)
    if metadata.case_numbers:
        numbers = ", ".join(metadata.case_numbers)
        _para(ctx, parent, "Cover Details", f"Diarienummer: {numbers}")
    if metadata.date:
        _para(ctx, parent, "Cover Details", f"Datum: {metadata.date}")
    sentences = decision_text(metadata)
    if sentences:
        _para(ctx, parent, "Body Text", " ".join(sentences), _rule_above)
    place_date = _place_and_date(metadata)
    if place_date:
        _para(ctx, parent, "Body Text", place_date, _space_above)
    signers: list[Person] = [p for p in (metadata.decided_by, metadata.presenter) if p]
    for person in signers:
        _para(ctx, parent, "Signature", person.name)
        if person.title:
            _para(ctx, parent, "Cover Details", person.title[:1].upper() + person.title[1:])
    ctx.page_break = True
