"""``refresh_draft``: the figures of an edited Word draft brought up to changed data."""

from __future__ import annotations

import contextlib
import io
from pathlib import Path
from typing import Any

import docx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from smartind.errors import DraftError
from smartind_render.docx import refresh_draft
from smartind_render.docx._controls import controls
from tests.render.docx.drafts import (
    DAMAGE,
    VARIANTS,
    W,
    control_texts,
    damaged,
    document,
    draft0,
    members,
    parse,
    prose,
    render,
    zipped,
)

# --------------------------------------------------------------------------------------------
# Editing a draft as a writer does, with python-docx


def _inside_control(element: Any) -> bool:
    node = element
    while node is not None:
        if node.tag == f"{W}sdt":
            return True
        node = node.getparent()
    return False


def _free_paragraphs(opened: Any) -> list[Any]:
    """Body paragraphs that hold no control and sit in none: text that is only the writer's."""
    return [
        p
        for p in opened.paragraphs
        if p._p.find(f".//{W}sdt") is None and not _inside_control(p._p) and p.text.strip()
    ]


def edit_prose(data: bytes, edits: list[tuple[str, int]]) -> bytes:
    """Apply prose edits that touch no control: append to, insert before, or delete paragraphs."""
    opened = docx.Document(io.BytesIO(data))
    for kind, index in edits:
        free = _free_paragraphs(opened)
        paragraph = free[index % len(free)]
        if kind == "append":
            paragraph.add_run(" Skribentens tillägg.")
        elif kind == "insert":
            paragraph.insert_paragraph_before("Ett nytt stycke som skribenten skrev.")
        else:
            paragraph._p.getparent().remove(paragraph._p)
    out = io.BytesIO()
    opened.save(out)
    return out.getvalue()


def edit_control(data: bytes, source: str, text: str) -> bytes:
    """Type ``text`` over the first run of the control for ``source``."""
    opened = docx.Document(io.BytesIO(data))
    sdt = dict(controls(opened.element.body))[source]
    texts = list(sdt.iter(f"{W}t"))
    texts[0].text = text
    for extra in texts[1:]:
        extra.text = ""
    out = io.BytesIO()
    opened.save(out)
    return out.getvalue()


def delete_control(data: bytes, source: str) -> bytes:
    opened = docx.Document(io.BytesIO(data))
    sdt = dict(controls(opened.element.body))[source]
    sdt.getparent().remove(sdt)
    out = io.BytesIO()
    opened.save(out)
    return out.getvalue()


AMOUNT = "20\u00a0197\u00a0tkr"
NEW_AMOUNT = "20\u00a0412\u00a0tkr"

EDITS = st.lists(
    st.tuples(st.sampled_from(["append", "insert", "delete"]), st.integers(0, 10_000)),
    max_size=6,
)

# --------------------------------------------------------------------------------------------
# The round trip


@settings(max_examples=12)
@given(edits=EDITS, variant=st.sampled_from(sorted(VARIANTS)))
def test_refresh_gives_fresh_controls_and_keeps_the_writers_prose(
    edits: list[tuple[str, int]], variant: str
) -> None:
    edited = edit_prose(draft0(), edits)
    result = refresh_draft(edited, document(variant))
    refreshed = result.data if result.data is not None else edited
    fresh = control_texts(render(document(variant)))
    now = control_texts(refreshed)
    assert {s: now[s] for s in now if s in fresh} == {s: fresh[s] for s in now if s in fresh}
    assert prose(refreshed) == prose(edited)
    assert not result.conflicts


@pytest.mark.parametrize("variant", sorted(VARIANTS))
def test_each_kind_of_data_change_reaches_the_draft(variant: str) -> None:
    result = refresh_draft(draft0(), document(variant))
    assert result.changes, variant
    assert result.data is not None
    assert control_texts(result.data) == control_texts(render(document(variant)))


def test_amounts_in_prose_are_listed_with_their_place() -> None:
    result = refresh_draft(draft0(), document("prose-amount"))
    lines = [change.line() for change in result.changes]
    # Numbers keep their no-break spaces, as the draft prints them.
    assert "4, stycke 2: 20\u00a0197\u00a0tkr -> 20\u00a0412\u00a0tkr" in lines


def test_entered_figures_change_their_row_totals_and_ratios() -> None:
    result = refresh_draft(draft0(), document("entered-figure"))
    rows = [c.place for c in result.changes if ", rad " in c.place]
    assert len(rows) >= 3  # the entry, its totals, the outcome against budget


def test_a_rule_that_flips_is_listed_as_not_met() -> None:
    result = refresh_draft(draft0(), document("rule-flips"))
    assert any(c.new.startswith("Ej uppfylld") for c in result.changes)


def test_a_project_added_to_the_data_adds_a_row_to_its_table() -> None:
    result = refresh_draft(draft0(), document("project-added"))
    assert any("Nytt projekt i Halland" in c.new and not c.old for c in result.changes)


def test_a_second_refresh_finds_nothing_to_do() -> None:
    first = refresh_draft(draft0(), document("prose-amount"))
    assert first.data is not None
    second = refresh_draft(first.data, document("prose-amount"))
    assert second.data is None
    assert not second.changes and not second.conflicts


def test_a_draft_already_up_to_date_is_not_rewritten() -> None:
    assert refresh_draft(draft0(), document()).data is None


# --------------------------------------------------------------------------------------------
# Conflicts, deletions, sources new and gone


def test_a_figure_changed_by_hand_is_a_conflict_and_keeps_the_writers_text() -> None:
    source = next(s for s, t in control_texts(draft0()).items() if t == AMOUNT)
    edited = edit_control(draft0(), source, "cirka 20 miljoner")
    result = refresh_draft(edited, document("prose-amount"))
    (conflict,) = [c for c in result.conflicts if c.source == source]
    assert (conflict.draft, conflict.data) == ("cirka 20 miljoner", NEW_AMOUNT)
    assert result.data is not None
    assert control_texts(result.data)[source] == "cirka 20 miljoner"


def test_take_data_replaces_a_hand_edited_figure() -> None:
    source = next(s for s, t in control_texts(draft0()).items() if t == AMOUNT)
    edited = edit_control(draft0(), source, "cirka 20 miljoner")
    result = refresh_draft(edited, document("prose-amount"), take_data=True)
    assert not result.conflicts
    taken = [c for c in result.changes if c.source == source]
    assert taken and taken[0].taken
    assert result.data is not None
    assert control_texts(result.data)[source] == NEW_AMOUNT


def test_a_hand_edit_that_matches_the_data_is_no_conflict() -> None:
    source = next(s for s, t in control_texts(draft0()).items() if t == AMOUNT)
    edited = edit_control(draft0(), source, NEW_AMOUNT)
    result = refresh_draft(edited, document("prose-amount"))
    assert all(c.source != source for c in result.conflicts)


def test_a_deleted_figure_stays_deleted_and_is_listed() -> None:
    source = next(s for s, t in control_texts(draft0()).items() if t == AMOUNT)
    edited = delete_control(draft0(), source)
    result = refresh_draft(edited, document("prose-amount"))
    assert [m.source for m in result.deleted] == [source]
    assert result.data is not None
    assert source not in control_texts(result.data)


def test_a_figure_new_in_the_report_is_listed_not_placed() -> None:
    import attrs

    from smartind.report import Chapter
    from tests.render.docx.drafts import quiet_compose, report_r0

    extra = Chapter("06-nytt.md", "Nytt: {{ implementation | length }} projekt.\n")
    report = report_r0()
    changed = quiet_compose(attrs.evolve(report, chapters=(*report.chapters, extra)))
    result = refresh_draft(draft0(), changed)
    new = "06-nytt.md#implementation | length"
    assert [m.source for m in result.added] == [new]
    assert new not in control_texts(result.data or draft0())


def test_a_figure_whose_source_is_gone_keeps_its_text_and_is_listed() -> None:
    import attrs

    from tests.render.docx.drafts import quiet_compose, report_r0

    report = report_r0()
    fewer = quiet_compose(attrs.evolve(report, chapters=report.chapters[:-1]))
    result = refresh_draft(draft0(), fewer)
    assert {m.source for m in result.gone} >= {
        "05-projekt.md#implementation | length",
        "05-projekt.md#implementation-projects",
    }


# --------------------------------------------------------------------------------------------
# What refresh leaves alone


def test_parts_smartind_does_not_own_are_copied_byte_for_byte() -> None:
    before = members(draft0())
    result = refresh_draft(draft0(), document("prose-amount"))
    assert result.data is not None
    after = members(result.data)
    owned = {
        "word/document.xml",
        "word/footnotes.xml",
        "word/numbering.xml",
        "word/_rels/document.xml.rels",
        "word/_rels/footnotes.xml.rels",
        "customXml/item1.xml",
    }
    assert set(after) == set(before)
    assert {n: after[n] for n in after if n not in owned} == {
        n: before[n] for n in before if n not in owned
    }


def test_comments_and_tracked_changes_outside_controls_survive() -> None:
    opened = docx.Document(io.BytesIO(draft0()))
    paragraph = _free_paragraphs(opened)[5]
    opened.add_comment(paragraph.runs, text="Stämmer detta?", author="Skribent", initials="S")
    target = _free_paragraphs(opened)[8]._p
    inserted = etree.SubElement(target, f"{W}ins", {f"{W}id": "901", f"{W}author": "Skribent"})
    etree.SubElement(etree.SubElement(inserted, f"{W}r"), f"{W}t").text = " (tillagt)"
    removed = etree.SubElement(target, f"{W}del", {f"{W}id": "902", f"{W}author": "Skribent"})
    etree.SubElement(etree.SubElement(removed, f"{W}r"), f"{W}delText").text = "struket"
    out = io.BytesIO()
    opened.save(out)
    edited = out.getvalue()
    result = refresh_draft(edited, document("prose-amount"))
    assert result.data is not None
    before, after = members(edited), members(result.data)
    assert after["word/comments.xml"] == before["word/comments.xml"]
    body = parse(after["word/document.xml"])
    assert len(body.findall(f".//{W}commentRangeStart")) == 1
    assert [e.get(f"{W}id") for e in body.iter(f"{W}ins", f"{W}del")] == ["901", "902"]
    assert prose(result.data) == prose(edited)


def test_a_draft_saved_by_python_docx_keeps_its_controls() -> None:
    opened = docx.Document(io.BytesIO(draft0()))
    out = io.BytesIO()
    opened.save(out)
    assert control_texts(out.getvalue()) == control_texts(draft0())
    assert refresh_draft(out.getvalue(), document("prose-amount")).changes


# --------------------------------------------------------------------------------------------
# Drafts refresh refuses


def test_a_word_file_smartind_did_not_write_is_refused() -> None:
    out = io.BytesIO()
    docx.Document().save(out)
    with pytest.raises(DraftError, match="not a draft smartind wrote"):
        refresh_draft(out.getvalue(), document())


@pytest.mark.parametrize("data", [b"", b"PK\x03\x04 broken", b"<html></html>"])
def test_a_file_that_is_no_word_file_is_refused(data: bytes) -> None:
    with pytest.raises(DraftError):
        refresh_draft(data, document())


def test_a_draft_whose_control_tags_were_dropped_is_refused() -> None:
    opened = docx.Document(io.BytesIO(draft0()))
    for tag in list(opened.element.body.iter(f"{W}tag")):
        tag.getparent().remove(tag)
    out = io.BytesIO()
    opened.save(out)
    with pytest.raises(DraftError, match="dropped the tags"):
        refresh_draft(out.getvalue(), document("prose-amount"))


def _unwrapped(data: bytes) -> bytes:
    """The draft with every content control replaced by its content, as some editors save it."""
    parts = members(data)
    for name in ("word/document.xml", "word/footnotes.xml"):
        root = parse(parts[name])
        for sdt in list(root.iter(f"{W}sdt")):
            parent = sdt.getparent()
            index = parent.index(sdt)
            for offset, child in enumerate(list(sdt.find(f"{W}sdtContent"))):
                parent.insert(index + offset, child)
            parent.remove(sdt)
        parts[name] = etree.tostring(root, xml_declaration=True, encoding="UTF-8")
    return zipped(parts)


def test_a_draft_without_any_control_left_is_refused() -> None:
    with pytest.raises(DraftError, match="drops content controls"):
        refresh_draft(_unwrapped(draft0()), document("prose-amount"))


# --------------------------------------------------------------------------------------------
# How the controls look


def test_controls_look_like_ordinary_text() -> None:
    root = parse(members(draft0())["word/document.xml"])
    properties = list(root.iter(f"{W}sdtPr"))
    assert properties
    for tag in ("showingPlcHdr", "lock", "placeholder", "temporary"):
        assert not any(p.find(f"{W}{tag}") is not None for p in properties), tag


def test_every_expression_and_directive_of_the_bundled_report_is_a_control() -> None:
    from smartind.document import (
        Callout,
        Computed,
        ComputedBlock,
        Heading,
        Paragraph,
        Table,
        iter_blocks,
        iter_inlines,
    )

    sources = set()
    for block in iter_blocks(document().blocks):
        inlines: list[object] = []
        match block:
            case ComputedBlock(source=source):
                sources.add(source)
            case Paragraph(content=content) | Heading(content=content):
                inlines = list(content)
            case Callout(title=title):
                inlines = list(title)
            case Table(caption=caption, rows=rows):
                inlines = [
                    *caption,
                    *(i for row in rows for cell in row.cells for i in cell.content),
                ]
        sources |= {i.source for i in iter_inlines(inlines) if isinstance(i, Computed)}  # type: ignore[arg-type]
    assert len(sources) > 100
    assert sources <= set(control_texts(draft0()))


def test_a_figure_inside_a_footnote_is_refreshed_there() -> None:
    import attrs

    from smartind.report import Chapter
    from tests.render.docx.drafts import quiet_compose, report_r0, with_grant

    note = Chapter(
        "07-not.md",
        "Se noten.[^a]\n\n[^a]: Beviljat: {{ assignment.granted_to_projects | tkr }}.\n",
    )
    report = attrs.evolve(report_r0(), chapters=(*report_r0().chapters, note))
    draft = render(quiet_compose(report))
    result = refresh_draft(draft, quiet_compose(with_grant(report, "20 412 tkr")))
    assert result.data is not None
    source = "07-not.md#assignment.granted_to_projects | tkr"
    (change,) = [c for c in result.changes if c.source == source]
    assert change.place.startswith("fotnot ")
    assert control_texts(result.data)[source] == NEW_AMOUNT


def test_libreoffice_prints_a_refreshed_draft_with_its_new_figures(tmp_path: Path) -> None:
    """The transplanted XML is a valid Word file to a real reader, not only to smartind."""
    import subprocess

    from tests.conftest import libreoffice_convert, require_tool

    pdftotext = require_tool("pdftotext")
    edited = edit_prose(draft0(), [("insert", 40)])
    result = refresh_draft(edited, document("project-added"))
    assert result.data is not None
    source = tmp_path / "utkast.docx"
    source.write_bytes(result.data)
    libreoffice_convert(source, tmp_path, "pdf")
    text = subprocess.run(
        [pdftotext, str(tmp_path / "utkast.pdf"), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Nytt projekt i Halland" in text
    assert "Ett nytt stycke som skribenten skrev." in text


W14 = "http://schemas.microsoft.com/office/word/2010/wordml"


def _as_word_saves_it(data: bytes) -> bytes:
    """The draft with the marks Word adds when it saves: paragraph ids, revision ids, runs split
    where the writer once typed, proofing marks and bookmarks, and an end marker on each control.
    None of them changes what a control reads."""
    parts = members(data)
    root = parse(parts["word/document.xml"])
    for number, paragraph in enumerate(root.iter(f"{W}p")):
        paragraph.set(f"{{{W14}}}paraId", f"{number:08X}")
        paragraph.set(f"{W}rsidR", "00A1B2C3")
    for sdt in root.iter(f"{W}sdt"):
        sdt.insert(1, etree.Element(f"{W}sdtEndPr"))  # Word puts it after the properties
        content = sdt.find(f"{W}sdtContent")
        texts = [t for t in content.iter(f"{W}t") if t.text and len(t.text) > 2]
        if texts:
            first = texts[0]
            run = first.getparent()
            split = etree.Element(f"{W}r", {f"{W}rsidR": "00D4E5F6"})
            etree.SubElement(split, f"{W}t").text = first.text[2:]
            first.text = first.text[:2]
            run.addnext(split)
            run.addprevious(etree.Element(f"{W}proofErr", {f"{W}type": "spellStart"}))
            run.addprevious(etree.Element(f"{W}bookmarkStart", {f"{W}id": "0", f"{W}name": "_x"}))
    parts["word/document.xml"] = etree.tostring(root, xml_declaration=True, encoding="UTF-8")
    return zipped(parts)


def test_the_marks_word_adds_on_saving_are_no_edits() -> None:
    saved = _as_word_saves_it(draft0())
    assert control_texts(saved) == control_texts(draft0())
    result = refresh_draft(saved, document("prose-amount"))
    assert not result.conflicts
    assert result.data is not None
    assert control_texts(result.data) == control_texts(render(document("prose-amount")))


def _emptied_as_word_does(data: bytes, source: str) -> bytes:
    """The control for ``source`` emptied by the writer: Word shows its placeholder instead."""
    opened = docx.Document(io.BytesIO(data))
    sdt = dict(controls(opened.element.body))[source]
    etree.SubElement(sdt.find(f"{W}sdtPr"), f"{W}showingPlcHdr")
    content = sdt.find(f"{W}sdtContent")
    for child in list(content):
        content.remove(child)
    run = etree.SubElement(content, f"{W}r")
    etree.SubElement(run, f"{W}t").text = "Klicka eller tryck här för att ange text."
    out = io.BytesIO()
    opened.save(out)
    return out.getvalue()


def test_an_emptied_figure_is_the_writers_and_take_data_fills_it_for_real() -> None:
    source = next(s for s, t in control_texts(draft0()).items() if t == AMOUNT)
    emptied = _emptied_as_word_does(draft0(), source)
    kept = refresh_draft(emptied, document("prose-amount"))
    (conflict,) = [c for c in kept.conflicts if c.source == source]
    assert conflict.draft == ""
    taken = refresh_draft(emptied, document("prose-amount"), take_data=True)
    assert taken.data is not None
    root = parse(members(taken.data)["word/document.xml"])
    sdt = dict(controls(root))[source]
    assert sdt.find(f"{W}sdtPr/{W}showingPlcHdr") is None
    assert control_texts(taken.data)[source] == NEW_AMOUNT


MUTATIONS = st.lists(
    st.tuples(
        st.sampled_from(
            [
                "word/document.xml",
                "word/footnotes.xml",
                "word/numbering.xml",
                "customXml/item1.xml",
                "[Content_Types].xml",
                "word/_rels/document.xml.rels",
            ]
        ),
        st.sampled_from(DAMAGE),
        st.integers(0, 100_000),
    ),
    min_size=1,
    max_size=5,
)


@settings(max_examples=40)
@given(mutations=MUTATIONS)
def test_a_damaged_draft_is_refreshed_or_refused_never_crashes(
    mutations: list[tuple[str, str, int]],
) -> None:
    with contextlib.suppress(DraftError):  # a refusal is fine; any other exception fails
        refresh_draft(damaged(draft0(), mutations), document("prose-amount"))


def test_an_expression_added_to_a_chapter_leaves_the_other_figures_in_place() -> None:
    """Figures are named by what they compute, not by their position: an expression written
    into a chapter after the draft was rendered does not shift the others onto wrong figures."""
    import attrs

    from tests.render.docx.drafts import quiet_compose, report_r0, with_grant

    report = report_r0()
    chapters = list(report.chapters)
    index = next(i for i, c in enumerate(chapters) if c.name.startswith("04-"))
    chapter = chapters[index]
    chapters[index] = attrs.evolve(chapter, text=f"Antal: {{{{ 2 + 3 }}}}.\n\n{chapter.text}")
    changed = quiet_compose(
        with_grant(attrs.evolve(report, chapters=tuple(chapters)), "20 412 tkr")
    )
    result = refresh_draft(draft0(), changed)
    assert [m.source for m in result.added] == [f"{chapter.name}#2 + 3"]
    assert result.data is not None
    fresh = control_texts(render(changed))
    assert {s: t for s, t in control_texts(result.data).items() if s in fresh} == {
        s: fresh[s] for s in control_texts(result.data) if s in fresh
    }
