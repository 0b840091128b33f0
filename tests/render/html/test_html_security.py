"""Nothing from a report's data or chapters survives in the HTML page as markup or code."""

from __future__ import annotations

import re

import lxml.html
import pytest
from hypothesis import given
from hypothesis import strategies as st
from lxml.html import HtmlElement

from smartind.document import (
    Callout,
    Cell,
    ColumnSpec,
    Document,
    Heading,
    Link,
    Metadata,
    Note,
    Paragraph,
    Person,
    Row,
    RowKind,
    Table,
    TableOfContents,
    Text,
)
from smartind_render.html import HtmlRenderer
from smartind_render.html._walk import safe_link_target
from smartind_render.protocol import RenderOptions

HOSTILE = (
    "<script>alert(1)</script>",
    '" onmouseover="alert(2)" x="',
    "' onfocus='alert(3)' autofocus='",
    "{{ 7*7 }}",
    "{% for x in range(3) %}loop{% endfor %}",
    "{# comment #}",
    "</p><img src=x onerror=alert(4)>",
    "<!-- kommentar -->",
    "]]><![CDATA[",
    "&lt;script&gt; &amp;",
    "javascript:alert(5)",
)
"""Strings that become markup, code or a template if any layer fails to escape them."""

BAD_TARGETS = (
    "javascript:alert(1)",
    "JavaScript:alert(1)",
    " javascript:alert(1)",
    "java\tscript:alert(1)",
    "java\nscript:alert(1)",
    "vbscript:msgbox(1)",
    "data:text/html,<script>alert(1)</script>",
    "file:///etc/passwd",
    "//evil.example/",
    "evil.html",
    "#fn-1",
    "",
)


def render(document: Document) -> bytes:
    return HtmlRenderer().render(document, RenderOptions())


def hostile_document(text: str) -> Document:
    """``text`` in every place of a Document that holds a string."""
    t = (Text(text),)
    return Document(
        metadata=Metadata(
            title=text,
            subtitle=text,
            organisation=text,
            case_numbers=(text, text),
            date=text,
            place=text,
            decided_by=Person(text, text),
            case_officers=(Person(text, text),),
            presenter=Person(text),
            keywords=(text,),
        ),
        blocks=(
            TableOfContents(title=text),
            Heading(1, t, id=text),
            Paragraph((*t, Link(t, "https://example.se/"), Note((Paragraph(t),)))),
            Callout(t, (Paragraph(t),)),
            Table(
                (ColumnSpec(), ColumnSpec()),
                (Row((Cell(t), Cell(t)), RowKind.HEAD), Row((Cell(t), Cell(t)))),
                caption=t,
                id=text,
            ),
        ),
    )


def _event_handlers(page: HtmlElement) -> list[str]:
    return [name for el in page.iter() for name in el.attrib if name.lower().startswith("on")]


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_in_every_field_stays_text(text: str) -> None:
    page = lxml.html.document_fromstring(render(hostile_document(text)))
    assert list(page.iter("script", "img", "iframe")) == []
    assert _event_handlers(page) == []
    assert all(el.get("autofocus") is None for el in page.iter())
    assert page.find("head/title").text == f"{text} – {text}"  # title – subtitle
    assert page.find("body/header/h1").text == text
    texts = [" ".join(p.text_content().split()) for p in page.find("body/main").iter("p")]
    assert " ".join(text.split()) in texts


def test_template_syntax_in_data_is_not_evaluated() -> None:
    page = render(hostile_document("{{ 7*7 }} {% if true %}ja{% endif %}")).decode()
    assert "49" not in page
    assert page.count("{{ 7*7 }} {% if true %}ja{% endif %}") > 5


def test_an_attribute_breakout_stays_inside_its_attribute() -> None:
    text = '" onmouseover="alert(2)" x="'
    page = lxml.html.document_fromstring(render(hostile_document(text)))
    assert page.find("head/meta[@name='description']").get("content") == text
    assert _event_handlers(page) == []


@pytest.mark.parametrize("target", BAD_TARGETS)
def test_a_link_to_anything_but_http_https_or_mailto_is_plain_text(target: str) -> None:
    document = Document(Metadata("T"), (Paragraph((Link((Text("klicka"),), target),)),))
    page = lxml.html.document_fromstring(render(document))
    main = page.find("body/main")
    assert main.find(".//a") is None
    assert " ".join(main.text_content().split()) == "klicka"


@pytest.mark.parametrize(
    "target", ["https://example.se/?a=1&b=<2>", "http://example.se/", "mailto:a@example.se"]
)
def test_http_https_and_mailto_links_keep_their_exact_target(target: str) -> None:
    document = Document(Metadata("T"), (Paragraph((Link((Text("här"),), target),)),))
    (anchor,) = lxml.html.document_fromstring(render(document)).find("body/main").iter("a")
    assert anchor.get("href") == target


@given(st.text())
def test_only_allowed_schemes_pass_the_link_filter(target: str) -> None:
    safe = safe_link_target(target)
    if safe is not None:
        assert re.match(r"(?i)(https?|mailto):", safe)
        assert not re.search(r"[\x00-\x20\x7f-\x9f]", safe)


# Characters HTML forbids (controls, lone surrogates, noncharacters) are replaced; leave them out
# so the property compares like with like. Whitespace runs are compared collapsed.
def _noncharacter(char: str) -> bool:
    code = ord(char)
    return 0xFDD0 <= code <= 0xFDEF or code & 0xFFFE == 0xFFFE


_texts = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc")).filter(
        lambda char: not _noncharacter(char)
    ),
    min_size=1,
)


@given(_texts)
def test_any_paragraph_text_comes_back_exactly_and_makes_no_element(text: str) -> None:
    document = Document(Metadata("T"), (Paragraph((Text(text),)),))
    main = lxml.html.document_fromstring(render(document)).find("body/main")
    (paragraph,) = main.iter("p")
    assert len(paragraph) == 0
    assert paragraph.text_content().replace("\r", "\n") == text.replace("\r\n", "\n").replace(
        "\r", "\n"
    )
