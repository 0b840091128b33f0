"""Tests of the plaintext renderer, run against an installed smartind."""

from __future__ import annotations

from decimal import Decimal

import pytest
from smartind_plaintext import PlainTextRenderer

from smartind.document import (
    Align,
    Cell,
    ColumnSpec,
    Document,
    Heading,
    Metadata,
    Note,
    Number,
    NumberKind,
    Paragraph,
    Row,
    RowKind,
    Table,
    Text,
)
from smartind.errors import RenderError
from smartind_render import Renderer, RenderOptions
from smartind_render.stamp import Verdict, verdict


def _text(*blocks: object, **extra: str) -> str:
    document = Document(Metadata(title="Rapport"), blocks)  # type: ignore[arg-type]
    data = PlainTextRenderer().render(document, RenderOptions(extra=extra))
    assert verdict(data) is Verdict.UNCHANGED
    return data.decode("utf-8")


def test_it_fits_the_renderer_protocol() -> None:
    assert isinstance(PlainTextRenderer(), Renderer)


def test_headings_carry_their_outline_numbers() -> None:
    text = _text(Heading(1, (Text("Uppdraget"),)), Heading(2, (Text("Bakgrund"),)))
    assert "1 Uppdraget\n===========" in text
    assert "1.1 Bakgrund\n------------" in text


def test_paragraphs_wrap_at_the_width_option() -> None:
    words = " ".join(["ord"] * 40)
    text = _text(Paragraph((Text(words),)), width="40")
    body = text.split("\n\n")[1]
    assert max(len(line) for line in body.splitlines()) <= 40


def test_a_width_that_is_not_a_number_is_a_render_error() -> None:
    with pytest.raises(RenderError, match="width=bred"):
        _text(width="bred")


def test_numeric_columns_are_right_aligned_and_totals_ruled_off() -> None:
    amount = Number(Decimal(20197000), NumberKind.AMOUNT, "tkr", show_unit=False)
    table = Table(
        (ColumnSpec(), ColumnSpec(Align.RIGHT)),
        (
            Row((Cell((Text("Post"),)), Cell((Text("2019"),))), RowKind.HEAD),
            Row((Cell((Text("Summa"),)), Cell((amount,))), RowKind.TOTAL),
        ),
    )
    lines = _text(table).split("\n\n")[1].splitlines()
    assert lines == ["Post     2019", "-----  ------", "-----  ------", f"Summa  {amount.text()}"]


def test_notes_are_numbered_and_listed_at_the_end() -> None:
    text = _text(Paragraph((Text("Se"), Note((Paragraph((Text("Källa"),)),)))))
    assert "Se[1]" in text
    assert text.split("Noter\n-----\n\n")[1].startswith("[1] Källa")
