"""The names computed figures carry: where in the chapters each one comes from."""

from __future__ import annotations

import hashlib

_SOURCE_CHARS = 60


def source_name(chapter: str, what: str, occurrence: int = 1) -> str:
    """The stable name of a figure: ``chapter#what``, ``@2`` on for the same ``what`` again.

    ``what`` is the expression as written (spaces collapsed) or the directive with its options,
    so a figure keeps its name when others are added or removed around it, and a name says what
    it holds: ``03-genomforande.md#facts.structural_projects | length | word``,
    ``03-genomforande.md#project-results(project=digilyft-vasterbotten)``. Text longer than
    60 characters is cut and given a digest of the whole, so names stay short enough to read.
    """
    text = "".join(char if char.isprintable() else " " for char in what).strip() or "?"
    if len(text) > _SOURCE_CHARS:
        digest = hashlib.sha256(text.encode()).hexdigest()[:8]
        text = f"{text[: _SOURCE_CHARS - 10].rstrip()}…{digest}"
    suffix = f"@{occurrence}" if occurrence > 1 else ""
    return f"{chapter}#{text}{suffix}"
