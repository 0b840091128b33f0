"""The cover page: title, case details, who decided and who handled the case, signatures."""

from __future__ import annotations

from smartind.document import Metadata
from smartind.people import Person
from smartind_render.docx._context import Context
from smartind_render.docx._inlines import PLAIN, text_run

_RULE_ABOVE = (
    '<w:pBdr><w:top w:val="single" w:sz="4" w:space="8" w:color="8C8C8C"/></w:pBdr>'
    '<w:spacing w:before="1200"/>'
)


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


def _para(ctx: Context, style: str, text: str, properties: str = "") -> str:
    run = text_run(ctx, text, PLAIN) if text else ""
    return f'<w:p><w:pPr><w:pStyle w:val="{ctx.style(style)}"/>{properties}</w:pPr>{run}</w:p>'


def cover(ctx: Context, metadata: Metadata, out: list[str]) -> None:
    """Append the cover page and the page break after it."""
    if metadata.organisation:
        out.append(_para(ctx, "Cover Details", metadata.organisation.upper()))
    out.append(_para(ctx, "Title", metadata.title))
    if metadata.subtitle:
        out.append(_para(ctx, "Subtitle", metadata.subtitle))
    if metadata.case_numbers:
        numbers = ", ".join(metadata.case_numbers)
        out.append(_para(ctx, "Cover Details", f"Diarienummer: {numbers}"))
    if metadata.date:
        out.append(_para(ctx, "Cover Details", f"Datum: {metadata.date}"))
    sentences = decision_text(metadata)
    if sentences:
        out.append(_para(ctx, "Body Text", " ".join(sentences), _RULE_ABOVE))
    place_date = _place_and_date(metadata)
    if place_date:
        out.append(_para(ctx, "Body Text", place_date, '<w:spacing w:before="240"/>'))
    signers: list[Person] = [p for p in (metadata.decided_by, metadata.presenter) if p]
    for person in signers:
        out.append(_para(ctx, "Signature", person.name))
        if person.title:
            out.append(_para(ctx, "Cover Details", person.title[:1].upper() + person.title[1:]))
    ctx.page_break = True
