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


@cache
def _plugins() -> tuple[Mapping[str, type[FundingRule]], Mapping[str, str]]:
    # The same mechanism and policy as output formats: smartind.plugins.
    from smartind.errors import PluginLoadError
    from smartind.plugins import choose, load_plugin, plugin_entries

    choice = choose(plugin_entries(ENTRY_POINT_GROUP), reserved=BUILTIN_RULES)
    broken: dict[str, str] = {}
    for entry, why in choice.unused:
        broken[entry.name] = f"the {entry.kind} {entry.name!r} (from {entry.origin}): {why}"
    found: dict[str, type[FundingRule]] = {}
    for name, entry in choice.used.items():
        where = f"the {entry.kind} {name!r} ({entry.value}, from {entry.origin})"
        try:
            cls = load_plugin(entry)
        except PluginLoadError as error:
            broken[name] = str(error)
            continue
        if not (isinstance(cls, type) and issubclass(cls, FundingRule)):
            broken[name] = f"{where} is not a subclass of smartind.rules.FundingRule"
        elif cls.kind != name:
            broken[name] = (
                f"{where} has kind {cls.kind!r}; the entry point name must equal the class's kind"
            )
        else:
            found[name] = cls
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
