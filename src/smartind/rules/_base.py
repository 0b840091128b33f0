"""The base class of every funding rule kind, built in or from a plugin."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from attrs import field, frozen
from attrs.validators import instance_of

from smartind._validators import boundary

if TYPE_CHECKING:
    from smartind.findings import Finding
    from smartind.report import Report

__all__ = ["FundingRule"]


def _rule_id(_instance: object, _attribute: object, value: str) -> None:
    # "/" separates a rule's id from the part a finding is about (``id/2016``).
    if not value or any(c.isspace() or c == "/" for c in value):
        raise ValueError(
            f"id {value!r} must be a short key without spaces or slashes, "
            f"such as 'minst-20-mkr-till-projekt'"
        )


@frozen(field_transformer=boundary)
class FundingRule:
    """Base of every funding rule kind; ``kind`` is the name it has in report.toml.

    A rule is data: its fields are the figures the assignment sets (a minimum, a cap, a share).
    A subclass sets ``kind`` and implements :meth:`evaluate` and :meth:`describe`; the engine
    knows nothing else about it. ``id`` names the rule in findings; it is a short key without
    spaces or slashes, such as ``minst-20-mkr-till-projekt``.
    """

    kind: ClassVar[str] = ""
    id: str = field(validator=[instance_of(str), _rule_id])

    def evaluate(self, report: Report) -> tuple[Finding, ...]:
        """The findings of this rule on ``report``: one, or one per part it checks."""
        raise NotImplementedError(
            f"funding rule kind {self.kind or type(self).__name__!r} does not implement evaluate()"
        )

    def describe(self) -> str:
        """The rule as one Swedish sentence, as the assignment states it."""
        raise NotImplementedError(
            f"funding rule kind {self.kind or type(self).__name__!r} does not implement describe()"
        )
