"""The renderer registry: formats found through entry point metadata, imported only when asked."""

from __future__ import annotations

import sys

import pytest

import smartind
from smartind.errors import PluginLoadError, UnknownFormatError
from smartind_render.markdown import MarkdownRenderer
from smartind_render.registry import FormatEntry, available_formats, load_renderer
from tests.fake_plugins import RENDERER, Install, install

__all__ = ["install"]  # the fixture, used by name


def test_the_built_in_formats_are_registered_by_smartind_itself() -> None:
    entries = {entry.name: entry for entry in available_formats()}
    assert {"docx", "html", "markdown"} <= set(entries)
    markdown = entries["markdown"]
    assert markdown == FormatEntry(
        "markdown", "smartind_render.markdown:MarkdownRenderer", "smartind", smartind.__version__
    )
    assert markdown.is_builtin


def test_discovery_imports_no_plugin(install: Install) -> None:
    install(
        "smartind-fake",
        "1.0",
        {"fake": "fake_never_imported:Renderer"},
        {"fake_never_imported": "raise RuntimeError('imported during discovery')"},
    )
    names = [entry.name for entry in available_formats()]
    assert "fake" in names
    assert "fake_never_imported" not in sys.modules


def test_loading_a_format_imports_only_that_plugin(install: Install) -> None:
    install(
        "smartind-two",
        "2.0",
        {"first": "fake_first:Renderer", "second": "fake_second:Renderer"},
        {
            "fake_first": RENDERER.format(name="first"),
            "fake_second": RENDERER.format(name="second"),
        },
    )
    renderer = load_renderer("first")
    assert renderer.name == "first"
    assert "fake_first" in sys.modules
    assert "fake_second" not in sys.modules


def test_an_unknown_format_lists_the_installed_ones_and_suggests_the_closest() -> None:
    with pytest.raises(UnknownFormatError) as error:
        load_renderer("mardown")
    message = str(error.value)
    assert "no renderer for the format 'mardown' is installed" in message
    assert "did you mean 'markdown'?" in message
    assert "docx, html, markdown" in message
    assert "smartind formats" in message


def test_a_plugin_that_fails_to_import_names_itself_its_distribution_and_the_cause(
    install: Install,
) -> None:
    install(
        "smartind-broken",
        "0.3",
        {"broken": "fake_broken:Renderer"},
        {"fake_broken": "import a_module_that_is_not_installed"},
    )
    with pytest.raises(PluginLoadError) as error:
        load_renderer("broken")
    message = str(error.value)
    assert "'broken'" in message
    assert "smartind-broken 0.3" in message
    assert "ModuleNotFoundError: No module named 'a_module_that_is_not_installed'" in message
    assert "uninstall" in message


def test_a_broken_plugin_never_affects_the_other_formats(install: Install) -> None:
    install("smartind-broken", "0.3", {"broken": "fake_broken2:Renderer"}, {"fake_broken2": "1/0"})
    assert isinstance(load_renderer("markdown"), MarkdownRenderer)
    assert "broken" in [entry.name for entry in available_formats()]


def test_a_renderer_that_cannot_be_instantiated_without_arguments_is_a_load_error(
    install: Install,
) -> None:
    source = "class Renderer:\n    def __init__(self, path):\n        pass\n"
    install("smartind-args", "1.0", {"args": "fake_args:Renderer"}, {"fake_args": source})
    with pytest.raises(PluginLoadError, match="TypeError"):
        load_renderer("args")


def test_a_renderer_missing_protocol_members_is_a_load_error(install: Install) -> None:
    source = "class Renderer:\n    name = 'partial'\n    extension = 'txt'\n"
    install(
        "smartind-partial", "1.0", {"partial": "fake_partial:Renderer"}, {"fake_partial": source}
    )
    with pytest.raises(PluginLoadError) as error:
        load_renderer("partial")
    message = str(error.value)
    assert "does not implement the smartind renderer protocol" in message
    assert "'media_type' is None" in message
    assert "extension 'txt' does not start with a dot" in message
    assert "no render(document, options) method" in message


def test_a_renderer_must_call_itself_by_its_registered_name(install: Install) -> None:
    install(
        "smartind-alias",
        "1.0",
        {"alias": "fake_alias:Renderer"},
        {"fake_alias": RENDERER.format(name="other")},
    )
    with pytest.raises(PluginLoadError, match="calls itself 'other' but is registered as 'alias'"):
        load_renderer("alias")


def test_a_third_party_plugin_cannot_take_over_a_built_in_format(install: Install) -> None:
    install(
        "smartind-impostor",
        "1.0",
        {"markdown": "fake_impostor:Renderer"},
        {"fake_impostor": RENDERER.format(name="markdown")},
    )
    providers = [e.distribution for e in available_formats() if e.name == "markdown"]
    assert providers == ["smartind", "smartind-impostor"]
    assert isinstance(load_renderer("markdown"), MarkdownRenderer)
    assert "fake_impostor" not in sys.modules


def test_two_third_party_plugins_with_one_name_are_refused_naming_both(install: Install) -> None:
    install(
        "smartind-a",
        "1.0",
        {"dup": "fake_dup_a:Renderer"},
        {"fake_dup_a": RENDERER.format(name="dup")},
    )
    install(
        "smartind-b",
        "2.0",
        {"dup": "fake_dup_b:Renderer"},
        {"fake_dup_b": RENDERER.format(name="dup")},
    )
    with pytest.raises(PluginLoadError) as error:
        load_renderer("dup")
    message = str(error.value)
    assert "smartind-a 1.0" in message
    assert "smartind-b 2.0" in message
    assert "uninstall" in message
