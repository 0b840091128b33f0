"""A plugin cannot take the command down: slow, exiting or chatty plugins are contained.

Each test installs a small renderer distribution (real metadata on ``sys.path``) and runs the
command line's ``main`` on it.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from smartind.cli import main
from tests.fake_plugins import RENDERER, Install, install

__all__ = ["install"]  # the fixture, used by name


def _formats_line(out: str, name: str) -> str:
    return next(line for line in out.splitlines() if line.split()[0] == name)


def test_a_plugin_that_hangs_at_import_is_listed_as_broken_after_the_timeout(
    install: Install, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SMARTIND_PLUGIN_TIMEOUT", "0.5")
    install(
        "smartind-slow",
        "1.0",
        {"slow": "fake_slow:Renderer"},
        {"fake_slow": ("import time\ntime.sleep(30)\n" + RENDERER.format(name="slow"))},
    )
    started = time.monotonic()
    assert main(["formats"]) == 0
    assert time.monotonic() - started < 10
    line = _formats_line(capsys.readouterr().out, "slow")
    assert "did not finish importing within 0.5 s" in line
    assert "smartind-slow 1.0" in line
    assert "SMARTIND_PLUGIN_TIMEOUT" in line


@pytest.mark.parametrize("raised", ["SystemExit(0)", "KeyboardInterrupt()"])
def test_a_plugin_that_exits_at_import_is_listed_and_the_others_still(
    install: Install, capsys: pytest.CaptureFixture[str], raised: str
) -> None:
    install(
        "smartind-quits",
        "1.0",
        {"quits": "fake_quits:Renderer"},
        {"fake_quits": f"raise {raised}\n"},
    )
    assert main(["formats"]) == 0
    out = capsys.readouterr().out
    assert "broken: the renderer plugin 'quits'" in _formats_line(out, "quits")
    assert _formats_line(out, "markdown").split()[1] == "text/markdown"


def test_what_a_plugin_prints_at_import_goes_to_stderr_not_into_the_listing(
    install: Install, capsys: pytest.CaptureFixture[str]
) -> None:
    chatty = "print('HELLO FROM PLUGIN')\n" + RENDERER.format(name="chatty")
    install("smartind-chatty", "1.0", {"chatty": "fake_chatty:Renderer"}, {"fake_chatty": chatty})
    assert main(["formats"]) == 0
    captured = capsys.readouterr()
    assert "HELLO FROM PLUGIN" not in captured.out
    assert "HELLO FROM PLUGIN" in captured.err


def test_a_renderer_that_calls_sys_exit_fails_the_render_naming_its_distribution(
    install: Install, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    quitter = RENDERER.format(name="quitter").replace(
        'return b""', "import sys\n        sys.exit(0)"
    )
    install(
        "smartind-quitter", "2.1", {"quitter": "fake_quitter:Renderer"}, {"fake_quitter": quitter}
    )
    target = tmp_path / "ut.txt"
    assert main(["render", "-f", "quitter", "-o", str(target)]) == 2
    err = capsys.readouterr().err
    assert "the quitter renderer failed: it called sys.exit(0)" in err
    assert "smartind-quitter 2.1" in err
    assert "Traceback" not in err
    assert not target.exists()


def test_what_a_renderer_prints_while_rendering_stays_out_of_stdout(
    install: Install, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    talker = RENDERER.format(name="talker").replace(
        'return b""', "print('RENDER CHATTER')\n        return b'ok'"
    )
    install("smartind-talker", "1.0", {"talker": "fake_talker:Renderer"}, {"fake_talker": talker})
    assert main(["render", "-f", "talker", "-o", str(tmp_path / "ut.txt")]) == 0
    captured = capsys.readouterr()
    assert "RENDER CHATTER" not in captured.out
    assert "RENDER CHATTER" in captured.err
