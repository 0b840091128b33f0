"""What pytest collects from ``src/`` for its doctests.

The ``pdf`` format's package raises :class:`smartind.plugins.MissingDependency` on import when
its optional extra is not installed (that is how ``smartind formats`` learns it is unavailable),
so without the extra its modules are left out of doctest collection instead of failing it. The
PDF tests themselves skip, or fail in CI, where the extra is missing.
"""

from __future__ import annotations

import importlib.util


def _installed(module: str) -> bool:
    try:
        return importlib.util.find_spec(module) is not None
    except (ImportError, ValueError):
        return False


collect_ignore_glob = (
    [] if _installed("weasyprint") and _installed("pikepdf") else ["src/smartind_render/pdf/*"]
)
