"""The limits smartind holds every input to, in one place.

A report folder may come from anyone: a colleague's draft, a shared drive, a generated file. These
limits keep a mistaken or hostile input from hanging a render, filling the memory or the disk, or
ending in a traceback. Each one is far above what a real report needs (the bundled example's
largest chapter is 12 KiB, its deepest list 2 levels, its longest expression 90 characters), and
going over one is an error that names the file and line and says what to change, never a silent
cut. ``docs/limits.md`` explains them to report writers.

>>> MAX_INPUT_BYTES // 2**20
64
"""

from __future__ import annotations

__all__ = [
    "MAX_DATA_NESTING",
    "MAX_DRAFT_BYTES",
    "MAX_DRAFT_UNPACKED_BYTES",
    "MAX_EXISTING_OUTPUT_BYTES",
    "MAX_EXPRESSION_CHARS",
    "MAX_EXPRESSION_NESTING",
    "MAX_INLINE_NESTING",
    "MAX_INPUT_BYTES",
    "MAX_INTEGER_DIGITS",
    "MAX_LIST_NESTING",
    "MAX_VALUE_ITEMS",
    "MAX_VALUE_LENGTH",
    "MAX_YEAR",
    "MIN_YEAR",
]

MAX_INPUT_BYTES = 64 * 2**20
"""The largest ``report.toml`` (or ``report.json``) and the largest chapter file, in bytes."""

MAX_DATA_NESTING = 32
"""How deep arrays and tables may nest in ``report.toml`` (the model itself needs 4)."""

MAX_LIST_NESTING = 20
"""How deep lists, block quotes and callouts may nest in a chapter."""

MAX_INLINE_NESTING = 32
"""How deep emphasis, links and other inline markup may nest in a chapter."""

MAX_EXPRESSION_CHARS = 1_000
"""The longest expression between ``{{`` and ``}}``, in characters."""

MAX_EXPRESSION_NESTING = 20
"""How deep brackets may nest inside one expression."""

MAX_VALUE_LENGTH = 1_000_000
"""The longest string (in characters) an expression may build."""

MAX_VALUE_ITEMS = 100_000
"""The most items a list or other collection built by an expression may hold."""

MAX_INTEGER_DIGITS = 100
"""The most decimal digits of an integer an expression may build."""

MIN_YEAR = 1900
"""The earliest year a report's dates may fall in."""

MAX_YEAR = 2999
"""The latest year a report's dates may fall in."""

MAX_EXISTING_OUTPUT_BYTES = 512 * 2**20
"""The largest existing output file smartind reads to check it for edits; a larger file is
treated as one smartind did not write (replaced only with ``--force``, after a backup)."""

MAX_DRAFT_BYTES = 64 * 2**20
"""The largest Word draft ``smartind refresh`` reads (a draft of a long report with pictures is a
few megabytes)."""

MAX_DRAFT_UNPACKED_BYTES = 256 * 2**20
"""The most a draft's zip members may unpack to, together: a small file that unpacks to more is a
zip bomb, refused before anything is unpacked."""
