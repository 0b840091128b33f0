"""XML text for WordprocessingML: escaping, namespaces, and characters XML cannot hold."""

from __future__ import annotations

import re
import warnings

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
OFFICE_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
W = f"{{{W_NS}}}"
NAMESPACES = f'xmlns:w="{W_NS}" xmlns:r="{R_NS}"'
DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'

# XML 1.0 allows tab, newline and carriage return below U+0020, no surrogates, and not U+FFFE/F.
_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_REPLACEMENT = "\ufffd"


def escape(text: str) -> str:
    """``text`` safe inside an element or a double-quoted attribute (already cleaned)."""
    if "&" in text:
        text = text.replace("&", "&amp;")
    if "<" in text:
        text = text.replace("<", "&lt;")
    if ">" in text:
        text = text.replace(">", "&gt;")
    if '"' in text:
        text = text.replace('"', "&quot;")
    return text


class Cleaner:
    """Replaces characters XML cannot hold and remembers them for one warning per render."""

    def __init__(self) -> None:
        self.count = 0
        self.first: str | None = None

    def clean(self, text: str) -> str:
        """``text`` with every character XML cannot hold replaced by U+FFFD."""
        if _UNSAFE.search(text) is None:
            return text
        found = _UNSAFE.findall(text)
        self.count += len(found)
        if self.first is None:
            self.first = text
        return _UNSAFE.sub(_REPLACEMENT, text)

    def text(self, text: str) -> str:
        """Cleaned and escaped."""
        return escape(self.clean(text))

    def warn(self) -> None:
        """Issue one ``SmartindWarning`` if anything was replaced."""
        if not self.count:
            return
        from smartind.errors import SmartindWarning

        sample = (self.first or "")[:60]
        warnings.warn(
            f"DOCX output: replaced {self.count} control character(s) that a Word file cannot "
            f"hold with U+FFFD, first in the text {sample!r}; remove them from the report's data "
            f"or chapters",
            SmartindWarning,
            stacklevel=4,
        )
