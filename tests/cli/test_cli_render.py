"""``smartind render`` and ``smartind formats`` end to end, on the bundled report."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import smartind
from smartind.cli import main
from smartind_render.stamp import Verdict, verdict
from tests.conftest import ROOT
from tests.fake_plugins import RENDERER, Install, install

__all__ = ["install"]  # the fixture, used by name

BUNDLED = (
    "smartind: no report.toml in this folder; using the bundled example report "
    "(Smart industri i regionerna, 2019)\n"
)


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


def _render(*arguments: str) -> int:
    return main(["render", "-f", "markdown", *arguments])


def test_render_writes_stamped_markdown_and_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _render("-o", "rapport.md") == 0
    data = (tmp_path / "rapport.md").read_bytes()
    assert data.startswith(b"# ")
    assert verdict(data) is Verdict.UNCHANGED
    assert capsys.readouterr().out.startswith("Wrote rapport.md (markdown, ")


def test_without_o_the_file_is_slutrapport_plus_the_format_extension(tmp_path: Path) -> None:
    assert _render() == 0
    assert [path.name for path in tmp_path.iterdir()] == ["slutrapport.md"]


def test_an_unchanged_earlier_render_is_replaced_silently(tmp_path: Path) -> None:
    assert _render() == 0
    assert _render("--style", "sprakradet") == 0
    assert sorted(path.name for path in tmp_path.iterdir()) == ["slutrapport.md"]


def test_an_edited_render_is_refused_and_kept(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _render() == 0
    target = tmp_path / "slutrapport.md"
    edited = target.read_text(encoding="utf-8").replace("# ", "# Utkast: ", 1)
    target.write_text(edited, encoding="utf-8")
    capsys.readouterr()
    assert _render() == 2
    err = capsys.readouterr().err
    assert err.startswith(BUNDLED + "smartind: slutrapport.md was edited after smartind wrote it")
    assert "--force" in err
    assert target.read_text(encoding="utf-8") == edited


def test_force_overwrites_an_edited_render_and_reports_the_backup(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "slutrapport.md"
    target.write_text("Egna anteckningar\n", encoding="utf-8")
    assert _render("--force") == 0
    out = capsys.readouterr().out
    assert "The earlier slutrapport.md was kept as slutrapport.backup-1.md." in out
    assert (tmp_path / "slutrapport.backup-1.md").read_text() == "Egna anteckningar\n"
    assert verdict(target.read_bytes()) is Verdict.UNCHANGED


def test_the_style_option_changes_the_number_typography(tmp_path: Path) -> None:
    assert _render("-o", "a.md") == 0
    assert _render("-o", "b.md", "--style", "sprakradet") == 0
    assert (tmp_path / "a.md").read_bytes() != (tmp_path / "b.md").read_bytes()


def test_an_unknown_style_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert _render("--style", "tt") == 2
    assert capsys.readouterr().err == (
        "smartind: --style 'tt' is not a number style; choose sprakradet or tillvaxtverket\n"
    )


@pytest.mark.parametrize("option", ["width", "=3", "2x=3", "a b=c"])
def test_an_option_that_is_not_key_value_is_a_usage_error(
    option: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _render("--option", option) == 2
    assert "is not KEY=VALUE" in capsys.readouterr().err


def test_an_option_given_twice_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert _render("--option", "a=1", "--option", "a=2") == 2
    assert "--option a is given twice" in capsys.readouterr().err


def test_a_missing_reference_docx_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["render", "--reference-docx", "saknas.docx"]) == 2
    assert "--reference-docx saknas.docx: no such file" in capsys.readouterr().err


def test_an_unknown_format_fails_before_any_file_is_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["render", "-f", "mardown"]) == 2
    assert "did you mean 'markdown'?" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_a_folder_as_output_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "ut").mkdir()
    assert _render("-o", "ut") == 2
    assert "is a folder, not a file" in capsys.readouterr().err


def test_a_failing_renderer_leaves_the_earlier_file_untouched(
    install: Install, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    failing = RENDERER.format(name="fails").replace('return b""', "raise KeyError('cell')")
    install("smartind-fails", "1.0", {"fails": "fake_fails:Renderer"}, {"fake_fails": failing})
    target = tmp_path / "out.txt"
    target.write_bytes(b"earlier output")
    assert main(["render", "-f", "fails", "-o", "out.txt", "--force"]) == 2
    assert "the fails renderer failed: KeyError: 'cell'" in capsys.readouterr().err
    assert target.read_bytes() == b"earlier output"
    assert [path.name for path in tmp_path.iterdir() if path.name != "site"] == ["out.txt"]


def test_options_reach_a_third_party_renderer(install: Install, tmp_path: Path) -> None:
    echo = RENDERER.format(name="echo").replace(
        'return b""', "return repr(sorted(options.extra.items())).encode()"
    )
    install("smartind-echo", "1.0", {"echo": "fake_echo:Renderer"}, {"fake_echo": echo})
    assert main(["render", "-f", "echo", "--option", "a=1", "--option", "b=x=y"]) == 0
    assert (tmp_path / "slutrapport.txt").read_bytes() == b"[('a', '1'), ('b', 'x=y')]"


def test_formats_lists_name_media_type_extension_and_distribution(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["formats"]) == 0
    lines = {line.split()[0]: line.split() for line in capsys.readouterr().out.splitlines()}
    assert lines["markdown"] == [
        "markdown",
        "text/markdown",
        ".md",
        "smartind",
        smartind.__version__,
    ]


def test_formats_lists_a_broken_plugin_with_its_error_and_the_others_still(
    install: Install, capsys: pytest.CaptureFixture[str]
) -> None:
    install("smartind-broken", "0.3", {"broken": "fake_gone:Renderer"}, {})
    assert main(["formats"]) == 0
    out = capsys.readouterr().out
    broken = next(line for line in out.splitlines() if line.startswith("broken"))
    assert "broken: the renderer plugin 'broken'" in broken
    assert "smartind-broken 0.3" in broken
    assert "No module named 'fake_gone'" in broken
    assert any(line.startswith("markdown ") for line in out.splitlines())


def test_formats_names_a_plugin_that_reuses_a_built_in_name_as_unused(
    install: Install, capsys: pytest.CaptureFixture[str]
) -> None:
    impostor = RENDERER.format(name="html")
    install("smartind-impostor", "1.0", {"html": "fake_html:Renderer"}, {"fake_html": impostor})
    assert main(["formats"]) == 0
    out = capsys.readouterr().out
    assert re.search(
        r"^html +smartind-impostor 1\.0: not used, smartind \S+ provides it$", out, re.M
    )


def test_an_option_the_built_in_format_does_not_read_is_warned_about(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _render("--template-dir", str(tmp_path), "-o", "rapport.md") == 0
    err = capsys.readouterr().err
    assert err == (
        "smartind: warning: --template-dir is read only by the html format; "
        "the markdown output ignores it\n" + BUNDLED
    )


def test_an_option_the_format_reads_gives_no_warning(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    reference = ROOT / "templates" / "docx" / "reference.docx"
    assert main(["render", "--reference-docx", str(reference), "-o", "r.docx"]) == 0
    assert capsys.readouterr().err == BUNDLED
