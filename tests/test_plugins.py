"""The one plugin mechanism: the duplicate policy, the timeout setting, contained imports."""

from __future__ import annotations

import pytest

from smartind.errors import PluginLoadError
from smartind.plugins import (
    DEFAULT_PLUGIN_TIMEOUT,
    PluginEntry,
    choose,
    load_plugin,
    plugin_timeout,
)

GROUP = "smartind.rules"


def entry(name: str, distribution: str, value: str = "pkg:Thing") -> PluginEntry:
    return PluginEntry(GROUP, name, value, distribution, "1.0")


def test_a_single_third_party_entry_is_used() -> None:
    choice = choose([entry("a", "other")])
    assert choice.used["a"].distribution == "other"
    assert choice.unused == ()


def test_smartinds_own_entry_wins_and_the_third_party_one_is_listed_as_not_used() -> None:
    own, other = entry("a", "smartind"), entry("a", "impostor")
    choice = choose([own, other])
    assert choice.used["a"] is own
    assert [(e.distribution, "built into smartind" in why) for e, why in choice.unused] == [
        ("impostor", True)
    ]


def test_a_reserved_built_in_name_is_never_taken_by_an_entry() -> None:
    choice = choose([entry("min-total-granted", "other")], reserved={"min-total-granted"})
    assert "min-total-granted" not in choice.used
    assert "built into smartind" in (choice.reason("min-total-granted") or "")


def test_two_third_party_entries_with_one_name_are_both_left_unused_naming_both() -> None:
    choice = choose([entry("a", "one"), entry("a", "two")])
    assert "a" not in choice.used
    why = choice.reason("a") or ""
    assert "one 1.0 and two 1.0" in why
    assert "uninstall" in why


@pytest.mark.parametrize(
    ("given", "seconds"), [("2.5", 2.5), ("", DEFAULT_PLUGIN_TIMEOUT), ("-1", 10.0), ("x", 10.0)]
)
def test_the_timeout_comes_from_the_environment_when_it_is_a_positive_number(
    monkeypatch: pytest.MonkeyPatch, given: str, seconds: float
) -> None:
    monkeypatch.setenv("SMARTIND_PLUGIN_TIMEOUT", given)
    assert plugin_timeout() == seconds


def test_loading_an_entry_returns_its_object() -> None:
    assert load_plugin(entry("dec", "other", "decimal:Decimal")).__name__ == "Decimal"  # type: ignore[attr-defined]


def test_an_entry_whose_module_is_missing_is_a_plugin_load_error_naming_it() -> None:
    with pytest.raises(PluginLoadError, match=r"funding rule plugin 'gone'.*from other 1\.0"):
        load_plugin(entry("gone", "other", "no_such_module_here:Thing"))
