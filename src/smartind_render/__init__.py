"""Renderers for smartind documents: the protocol, the plugin registry and the built-in formats.

Built-in formats (``docx``, ``markdown``, ``html``) are registered through the same entry point
group as third-party ones, ``smartind.renderers``, so they are exactly as pluggable.
"""

from __future__ import annotations

from smartind_render.protocol import Renderer, RenderOptions

__all__ = ["RenderOptions", "Renderer"]
