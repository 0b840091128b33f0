"""Where the built-in templates are: inside the installed wheel, or in a source checkout."""

from __future__ import annotations

from functools import cache
from pathlib import Path


@cache
def templates_dir() -> Path:
    """The folder holding ``html/`` and ``docx/reference.docx``.

    The wheel ships the repository's top-level ``templates/`` as ``smartind_render/templates``;
    an editable install or a source checkout has only the top-level folder.
    """
    here = Path(__file__).resolve().parent
    for candidate in (here / "templates", here.parent.parent / "templates"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(
        f"smartind's templates are missing (looked in {here / 'templates'}); reinstall smartind"
    )
