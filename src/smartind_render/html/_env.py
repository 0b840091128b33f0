"""The Jinja2 environment of the HTML renderer: built-in templates, optionally overridden."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from smartind.errors import RenderError
from smartind_render._templates import templates_dir

if TYPE_CHECKING:
    import jinja2

__all__ = ["PAGE_TEMPLATE", "environment"]

PAGE_TEMPLATE = "report.html.j2"
"""The template rendered for a page; it extends ``base.html.j2``, which defines the blocks."""

_FIX = (
    "pass --template-dir a folder holding your own report.html.j2 (which may extend "
    "base.html.j2) or style.css; see the HTML page of the smartind documentation"
)


def environment(template_dir: Path | None) -> jinja2.Environment:
    """An autoescaping environment; ``template_dir``'s templates win over the built-in ones."""
    import jinja2

    builtin = jinja2.FileSystemLoader(templates_dir() / "html", encoding="utf-8")
    loader: jinja2.BaseLoader = builtin
    if template_dir is not None:
        _check_template_dir(template_dir)
        loader = jinja2.ChoiceLoader(
            [jinja2.FileSystemLoader(template_dir, encoding="utf-8"), builtin]
        )
    return jinja2.Environment(
        loader=loader,
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def _check_template_dir(template_dir: Path) -> None:
    if not template_dir.exists():
        raise RenderError(f"HTML template folder {template_dir} does not exist; {_FIX}")
    if not template_dir.is_dir():
        raise RenderError(f"HTML template folder {template_dir} is not a folder; {_FIX}")
    names = sorted(p.name for p in template_dir.iterdir() if p.is_file())
    if not any(name.endswith((".j2", ".css")) for name in names):
        raise RenderError(
            f"HTML template folder {template_dir} holds no template (*.j2) or style.css; {_FIX}"
        )
