"""Plain text output for smartind reports: an example of a third-party renderer plugin.

Install it beside smartind and render with ``smartind render -f plaintext``. Options:
``--option width=N`` sets the line width (default 72, at least 40).
"""

from __future__ import annotations

from smartind_plaintext.renderer import PlainTextRenderer

__all__ = ["PlainTextRenderer"]
__version__ = "0.1.0"
