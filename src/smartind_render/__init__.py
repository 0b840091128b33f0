"""Renderers for smartind documents: the protocol, the plugin registry and the built-in formats.

Built-in formats (``docx``, ``markdown``, ``html``) are registered through the same entry point
group as third-party ones, ``smartind.renderers``, so they are exactly as pluggable. Importing
this package loads no renderer: :func:`load_renderer` imports one when it is asked for.

:func:`render` turns a report or a composed document into the bytes of one format in one call.
"""

from __future__ import annotations

from smartind_render.output import WriteResult, backup_path, write_output
from smartind_render.protocol import Renderer, RenderOptions
from smartind_render.registry import (
    GROUP,
    FormatEntry,
    available_formats,
    find_format,
    load_renderer,
)
from smartind_render.rendering import render
from smartind_render.stamp import Verdict, docx_digest, stamp_text, verdict

__all__ = [
    "GROUP",
    "FormatEntry",
    "RenderOptions",
    "Renderer",
    "Verdict",
    "WriteResult",
    "available_formats",
    "backup_path",
    "docx_digest",
    "find_format",
    "load_renderer",
    "render",
    "stamp_text",
    "verdict",
    "write_output",
]
