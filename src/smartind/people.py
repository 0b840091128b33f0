"""People named in a report: who decided, who handled the case, who presented it."""

from __future__ import annotations

from attrs import frozen

from smartind._validators import boundary

__all__ = ["Person"]


@frozen(field_transformer=boundary)
class Person:
    """A person and their title as the report names them (``generaldirektör``, ``enhetschef``)."""

    name: str
    title: str = ""

    def __str__(self) -> str:
        return f"{self.title} {self.name}" if self.title else self.name
