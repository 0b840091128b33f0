"""Shared helpers for the living-draft tests: reports that change, drafts, and reading controls."""

from __future__ import annotations

import io
import warnings
import zipfile
from functools import cache
from typing import Any

import attrs
from lxml import etree

from smartind.compose import compose
from smartind.document import Document
from smartind.errors import SmartindWarning
from smartind.examples import bundled_example_path
from smartind.load import load_report
from smartind.numbers import Amount
from smartind.report import Chapter, Report
from smartind_render.docx import DocxRenderer
from smartind_render.docx._controls import content_of, controls, text_of
from smartind_render.protocol import RenderOptions

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = f"{{{W_NS}}}"
EPOCH = 1551225600  # 2019-02-27

# A chapter of our own beside the bundled ones: a computed table of projects that grows and
# shrinks with the data, and an expression in prose.
PROJECTS_CHAPTER = Chapter(
    "05-projekt.md",
    "# Projekten i siffror\n\n"
    "Uppdraget hade {{ implementation | length }} genomförandeprojekt.\n\n"
    "```{smartind} implementation-projects\n```\n",
)


def quiet_compose(report: Report) -> Document:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", SmartindWarning)
        return compose(report)


@cache
def report_r0() -> Report:
    """The bundled report with the projects chapter, and one project no chapter cites."""
    report = load_report(bundled_example_path())
    report = _with_project(report, "uppsala-projekt", "Industrilyft Uppsala")
    return attrs.evolve(report, chapters=(*report.chapters, PROJECTS_CHAPTER))


def with_entered_figure(report: Report) -> Report:
    """The account's first source with more transferred to projects (totals and ratios follow)."""
    account = report.account
    assert account is not None
    first, *rest = account.sources
    figures = attrs.evolve(
        first.figures, transfers=Amount(first.figures.transfers.kronor + 197_000)
    )
    sources = (attrs.evolve(first, figures=figures), *rest)
    return attrs.evolve(report, account=attrs.evolve(account, sources=sources, published={}))


def with_grant(report: Report, text: str) -> Report:
    """The amount granted to projects stated as ``text`` (``"19 000 tkr"`` breaks a rule)."""
    assignment = attrs.evolve(report.assignment, granted_to_projects=text)
    return attrs.evolve(report, assignment=assignment)


def _implementation(report: Report) -> list[Any]:
    from smartind.projects import ProjectKind

    return list(report.projects_of(ProjectKind.IMPLEMENTATION))


def _with_project(report: Report, project_id: str, name: str) -> Report:
    model = _implementation(report)[0]
    extra = attrs.evolve(model, id=project_id, name=name, results=())
    return attrs.evolve(report, projects=(*report.projects, extra))


def with_project_added(report: Report) -> Report:
    return _with_project(report, "nytt-projekt", "Nytt projekt i Halland")


def with_project_removed(report: Report) -> Report:
    kept = tuple(p for p in report.projects if p.id != "uppsala-projekt")
    return attrs.evolve(report, projects=kept)


VARIANTS = {
    "entered-figure": with_entered_figure,
    "prose-amount": lambda r: with_grant(r, "20 412 tkr"),
    "rule-flips": lambda r: with_grant(r, "19 000 tkr"),
    "project-added": with_project_added,
    "project-removed": with_project_removed,
}


@cache
def document(variant: str | None = None) -> Document:
    report = report_r0()
    if variant is not None:
        report = VARIANTS[variant](report)
    return quiet_compose(report)


def render(document: Document) -> bytes:
    return DocxRenderer().render(document, RenderOptions(source_date_epoch=EPOCH))


@cache
def draft0() -> bytes:
    return render(document())


def members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def zipped(parts: dict[str, bytes]) -> bytes:
    """A zip file of ``parts``, as an editor saving a changed package writes one."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, content in parts.items():
            archive.writestr(name, content)
    return out.getvalue()


def replaced_in_body(data: bytes, old: bytes, new: bytes) -> bytes:
    """``data`` with the first ``old`` in its document body typed over by ``new``."""
    parts = members(data)
    parts["word/document.xml"] = parts["word/document.xml"].replace(old, new, 1)
    return zipped(parts)


DAMAGE = ("remove", "garble-id", "garble-val", "empty")
"""Ways :func:`damaged` spoils one element."""


def damaged(data: bytes, mutations: list[tuple[str, str, int]]) -> bytes:
    """``data`` (a package) with each ``(part, kind, index)`` done to the element at ``index``
    (modulo their number) of that part: removed, its ids or values garbled, or emptied."""
    parts = members(data)
    for name, kind, index in mutations:
        root = parse(parts[name])
        elements = list(root.iter())
        element = elements[index % len(elements)]
        if kind == "remove" and element.getparent() is not None:
            element.getparent().remove(element)
        elif kind == "garble-id":
            element.set(f"{W}id", "x\u00e5-1")
            element.set(f"{W}styleId", "x\u00e5 <1>")
            element.set(f"{W}numId", "-x")
            element.set("ContentType", "text/plain")
        elif kind == "garble-val":
            element.set(f"{W}val", "\u00e5" * 3)
            element.set(f"{W}w", "bred")
        else:
            for child in list(element):
                element.remove(child)
        parts[name] = etree.tostring(root, xml_declaration=True, encoding="UTF-8")
    return zipped(parts)


def parse(data: bytes) -> Any:
    return etree.fromstring(data)


def notes_of(parts: dict[str, bytes]) -> dict[str, Any]:
    footnotes = parts.get("word/footnotes.xml")
    if footnotes is None:
        return {}
    return {n.get(f"{W}id"): n for n in parse(footnotes).iter(f"{W}footnote")}


def control_texts(data: bytes) -> dict[str, str]:
    """The text of every smartind control (body and footnotes), by source."""
    parts = members(data)
    notes = notes_of(parts)
    found: dict[str, str] = {}
    roots = [parse(parts["word/document.xml"])]
    if "word/footnotes.xml" in parts:
        roots.append(parse(parts["word/footnotes.xml"]))
    for root in roots:
        for source, sdt in controls(root):
            found.setdefault(source, text_of(content_of(sdt), notes))
    return found


def prose(data: bytes) -> list[str]:
    """The body's paragraphs with each control's content replaced by its source: the writer's."""
    root = parse(members(data)["word/document.xml"])
    for source, sdt in list(controls(root)):
        marker = etree.Element(f"{W}r")
        etree.SubElement(marker, f"{W}t").text = f"<{source}>"
        parent = sdt.getparent()
        if (
            sdt.find(f"{W}sdtContent/{W}p") is not None
            or sdt.find(f"{W}sdtContent/{W}tbl") is not None
        ):
            holder = etree.Element(f"{W}p")
            holder.append(marker)
            parent.replace(sdt, holder)
        else:
            parent.replace(sdt, marker)
    body = root.find(f"{W}body")
    lines = []
    for paragraph in body.iter(f"{W}p"):
        lines.append("".join(t.text or "" for t in paragraph.iter(f"{W}t")))
    return lines
