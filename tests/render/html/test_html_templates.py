"""``--template-dir`` overrides the HTML page block by block; a bad folder says how to fix it."""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest

from smartind.document import Metadata
from smartind.errors import RenderError
from smartind_render._templates import templates_dir
from smartind_render.html import HtmlRenderer
from smartind_render.protocol import RenderOptions
from tests.documents import SAMPLE

BLOCKS = ("head", "style", "header", "nav", "main", "footnotes", "footer")


def render(template_dir: Path | None) -> str:
    options = RenderOptions(template_dir=template_dir)
    return HtmlRenderer().render(SAMPLE, options).decode("utf-8")


def override(folder: Path, body: str, name: str = "report.html.j2") -> Path:
    (folder / name).write_text(body, encoding="utf-8")
    return folder


def test_the_built_in_templates_define_every_documented_block() -> None:
    base = (templates_dir() / "html" / "base.html.j2").read_text(encoding="utf-8")
    for block in BLOCKS:
        assert f"{{% block {block} %}}" in base


def test_a_block_from_the_template_dir_replaces_the_built_in_one(tmp_path: Path) -> None:
    folder = override(
        tmp_path,
        '{% extends "base.html.j2" %}\n'
        "{% block footer %}<footer><p>Egen sidfot för {{ metadata.organisation }}</p></footer>"
        "{% endblock %}\n",
    )
    page = lxml.html.document_fromstring(render(folder))
    (footer,) = page.iter("footer")
    assert footer.text_content() == f"Egen sidfot för {SAMPLE.metadata.organisation}"
    assert page.find("body/main") is not None and page.find("body/header/h1") is not None


def test_every_block_can_be_emptied(tmp_path: Path) -> None:
    overrides = "".join(
        f"{{% block {b} %}}<!-- tom {b} -->{{% endblock %}}\n" for b in BLOCKS if b != "head"
    )
    folder = override(tmp_path, '{% extends "base.html.j2" %}\n' + overrides)
    page = render(folder)
    for block in BLOCKS:
        if block not in {"head", "style", "footnotes"}:
            assert f"<!-- tom {block} -->" in page
    assert "<main" not in page and "<nav" not in page and "<footer" not in page


def test_super_keeps_the_built_in_style_and_adds_to_it(tmp_path: Path) -> None:
    folder = override(
        tmp_path,
        '{% extends "base.html.j2" %}\n'
        "{% block style %}{{ super() }}\nbody { background: #fffbe6; }{% endblock %}\n",
    )
    page = render(folder)
    assert "@media print" in page and "body { background: #fffbe6; }" in page


def test_a_style_sheet_in_the_template_dir_is_inlined_instead(tmp_path: Path) -> None:
    folder = override(tmp_path, "body { color: #202020; }\n", name="style.css")
    page = render(folder)
    assert "body { color: #202020; }" in page and "@media print" not in page


def test_data_stays_escaped_in_an_override(tmp_path: Path) -> None:
    folder = override(
        tmp_path, '{% extends "base.html.j2" %}{% block footer %}{{ title }}{% endblock %}'
    )
    document = SAMPLE.__class__(Metadata("<b>fet</b>"), SAMPLE.blocks)
    page = HtmlRenderer().render(document, RenderOptions(template_dir=folder)).decode()
    assert "<b>fet</b>" not in page and "&lt;b&gt;fet&lt;/b&gt;" in page


def test_a_missing_template_dir_is_an_error_that_says_how_to_fix_it(tmp_path: Path) -> None:
    missing = tmp_path / "finns-inte"
    with pytest.raises(RenderError, match="does not exist") as caught:
        render(missing)
    assert str(missing) in str(caught.value) and "--template-dir" in str(caught.value)


def test_a_file_is_not_a_template_dir(tmp_path: Path) -> None:
    file = override(tmp_path, "x", name="report.html.j2") / "report.html.j2"
    with pytest.raises(RenderError, match="is not a folder"):
        render(file)


def test_a_template_dir_without_templates_is_refused(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("x", encoding="utf-8")
    with pytest.raises(RenderError, match=r"holds no template \(\*\.j2\) or style\.css"):
        render(tmp_path)


def test_a_syntax_error_in_an_override_names_the_file_and_line(tmp_path: Path) -> None:
    override(tmp_path, '{% extends "base.html.j2" %}\n\n{% block footer %}{{ title }\n')
    with pytest.raises(RenderError, match=r"report\.html\.j2, line 3"):
        render(tmp_path)


def test_an_unknown_variable_in_an_override_is_an_error(tmp_path: Path) -> None:
    override(tmp_path, '{% extends "base.html.j2" %}{% block footer %}{{ nothing }}{% endblock %}')
    with pytest.raises(RenderError, match="'nothing' is undefined"):
        render(tmp_path)
