"""Funding rules as data, attached to a report and evaluated by one engine.

A rule kind is a frozen attrs subclass of :class:`FundingRule` with a ``kind`` name and the
fields report.toml gives it; :func:`evaluate` asks each rule of a report for its findings and
knows nothing else about it. :func:`rule_types` maps every kind name to its class: the built-in
kinds below, then those third parties register in the entry point group ``smartind.rules`` (the
entry point's name is the kind, its value the class). A plugin that fails to load is reported
with :class:`~smartind.errors.SmartindWarning` and listed by :func:`broken_rule_plugins`; the
other kinds keep working.
"""

from __future__ import annotations

import warnings
from collections.abc import Mapping
from functools import cache
from types import MappingProxyType
from typing import TYPE_CHECKING

from smartind.errors import SmartindWarning

# Kept importable from here: findings lived in this module before they had their own.
from smartind.findings import Figure as Figure
from smartind.findings import Finding
from smartind.findings import Status as Status
from smartind.rules._base import FundingRule
from smartind.rules._builtin import (
    BUILTIN_RULES,
    DisbursedWithinGranted,
    MaxGrantPerRegion,
    MinCoFinancingShare,
    MinTotalGranted,
    ProgrammeCostsCap,
)

if TYPE_CHECKING:
    from smartind.report import Report

__all__ = [
    "ENTRY_POINT_GROUP",
    "DisbursedWithinGranted",
    "FundingRule",
    "MaxGrantPerRegion",
    "MinCoFinancingShare",
    "MinTotalGranted",
    "ProgrammeCostsCap",
    "broken_rule_plugins",
    "evaluate",
    "rule_types",
]

ENTRY_POINT_GROUP = "smartind.rules"


def _distribution(entry_point: object) -> str:
    dist = getattr(entry_point, "dist", None)
    if dist is None:
        return "an unknown distribution"
    return f"{dist.name} {dist.version}"


@cache
def _plugins() -> tuple[Mapping[str, type[FundingRule]], Mapping[str, str]]:
    from importlib.metadata import entry_points

    found: dict[str, type[FundingRule]] = {}
    broken: dict[str, str] = {}
    for ep in entry_points(group=ENTRY_POINT_GROUP):
        where = f"funding rule plugin {ep.name!r} ({ep.value}, from {_distribution(ep)})"
        if ep.name in BUILTIN_RULES:
            broken[ep.name] = f"{where} is ignored: {ep.name!r} is a built-in rule kind"
            continue
        try:
            cls = ep.load()
        except Exception as error:
            broken[ep.name] = f"{where} failed to load: {type(error).__name__}: {error}"
            continue
        if not (isinstance(cls, type) and issubclass(cls, FundingRule)):
            broken[ep.name] = f"{where} is not a subclass of smartind.rules.FundingRule"
        elif cls.kind != ep.name:
            broken[ep.name] = (
                f"{where} has kind {cls.kind!r}; the entry point name must equal the class's kind"
            )
        elif ep.name in found:
            broken[ep.name] = f"{where} is registered twice; the first one is kept"
        else:
            found[ep.name] = cls
    for message in broken.values():
        warnings.warn(message, SmartindWarning, stacklevel=3)
    return MappingProxyType(found), MappingProxyType(broken)


def rule_types() -> Mapping[str, type[FundingRule]]:
    """Every funding rule kind by name: the built-ins, then the installed plugins.

    Plugins are looked up once per process; one that cannot be used is left out, with a
    :class:`~smartind.errors.SmartindWarning` naming it, its distribution and the cause.
    """
    plugins, _broken = _plugins()
    return MappingProxyType({**BUILTIN_RULES, **plugins})


def broken_rule_plugins() -> Mapping[str, str]:
    """The plugins in ``smartind.rules`` that could not be used, by name, with the reason."""
    return _plugins()[1]


def evaluate(report: Report) -> tuple[Finding, ...]:
    """The findings of every funding rule of ``report``, in the order the rules are given."""
    findings: list[Finding] = []
    for rule in report.rules:
        findings.extend(rule.evaluate(report))
    return tuple(findings)
