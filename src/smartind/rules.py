"""Funding rules as data, attached to a report and evaluated by one engine."""

from __future__ import annotations

from typing import ClassVar

from attrs import frozen

__all__ = ["FundingRule"]


@frozen
class FundingRule:
    """Base of every funding rule kind; ``kind`` is the name it has in report.toml."""

    kind: ClassVar[str] = ""
    id: str
