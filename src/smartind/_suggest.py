"""Did-you-mean hints: the one place that picks the closest of a set of known words.

Every message that names an unknown key, kind, format, region or id suggests the nearest known
one the same way, so a user learns one shape of hint.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable


def closest(word: str, choices: Iterable[str], n: int = 1, cutoff: float = 0.6) -> list[str]:
    """Up to ``n`` of ``choices`` closest to ``word``, best first (difflib's ratio).

    >>> closest("Skane", ["Skåne", "Halland"])
    ['Skåne']
    """
    return difflib.get_close_matches(word, list(choices), n=n, cutoff=cutoff)


def did_you_mean(word: str, choices: Iterable[str], n: int = 1) -> str:
    """``"did you mean 'x'? "`` (or ``'x' or 'y'``) for the closest choices, else ``""``.

    >>> did_you_mean("docs", ["docx", "html"])
    "did you mean 'docx'? "
    >>> did_you_mean("pdf", ["docx", "html"])
    ''
    """
    close = closest(word, choices, n=n)
    return f"did you mean {' or '.join(repr(c) for c in close)}? " if close else ""
