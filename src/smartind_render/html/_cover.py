"""The Swedish sentences of the page's header: who decided the report and who prepared it."""

from __future__ import annotations

import re
from collections.abc import Sequence

from smartind.document import Metadata
from smartind.people import Person

__all__ = ["decision_text", "iso_date"]

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _names(people: Sequence[Person]) -> str:
    names = [str(person) for person in people]
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} och {names[-1]}"


def decision_text(metadata: Metadata) -> str:
    """Who approved the report and who worked on it, as one or two sentences (may be empty)."""
    sentences: list[str] = []
    if metadata.decided_by is not None:
        sentences.append(f"Rapporten godkändes av {metadata.decided_by}.")
    presenter = metadata.presenter
    # The presenter is often also listed among the officers; naming them twice reads badly.
    others = [p for p in metadata.case_officers if presenter is None or p.name != presenter.name]
    officers = _names(others)
    if officers and presenter is not None:
        sentences.append(f"Ärendet bereddes av {officers}, med {presenter} som föredragande.")
    elif officers:
        sentences.append(f"Ärendet bereddes av {officers}.")
    elif presenter is not None:
        sentences.append(f"{str(presenter)[:1].upper()}{str(presenter)[1:]} var föredragande.")
    return " ".join(sentences)


def iso_date(text: str) -> str | None:
    """``text`` when it is an ISO date (YYYY-MM-DD) a ``<time>`` element may carry, else None."""
    return text if _ISO_DATE.fullmatch(text) else None
