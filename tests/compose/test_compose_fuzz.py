"""Fuzzed chapters: every word written reaches the Markdown output, or the chapter is refused.

Chapters are generated from lists, emphasis, links, callouts, footnotes and expressions nested at
random. A chapter the model cannot hold must fail with a :class:`~smartind.errors.SmartindError`
(exit status 2 on the command line); it must never lose a word silently.
"""

from __future__ import annotations

import re

import attrs
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from smartind.compose import compose
from smartind.errors import SmartindError
from smartind.report import Chapter
from smartind_render.markdown import render_text
from smartind_render.protocol import RenderOptions
from tests.compose.test_compose_fixture import make_report

WORD = re.compile(r"\bw\d+\b")

words = st.integers(min_value=0, max_value=999).map(lambda n: f"w{n}")


@st.composite
def inline(draw: st.DrawFn, depth: int = 0) -> str:
    word = draw(words)
    kinds = ["plain", "expression", "note"] + (["em", "strong", "link"] if depth < 40 else [])
    kind = draw(st.sampled_from(kinds))
    if kind == "plain":
        return word
    if kind == "expression":
        return f"{{{{ '{word}' }}}}"
    if kind == "note":
        return f"{word}[^{word}]"
    inner = draw(inline(depth + 1))
    if kind == "em":
        return f"*{inner}*"
    if kind == "strong":
        return f"**{inner}**"
    return f"[{inner}](https://example.se)"


def paragraph() -> st.SearchStrategy[str]:
    return st.lists(inline(), min_size=1, max_size=4).map(" ".join)


def _indent(text: str, prefix: str) -> str:
    lines = text.splitlines()
    first, rest = lines[0], lines[1:]
    return "\n".join(
        [first, *(("  " * (len(prefix) // 2 + 1) + line) if line else "" for line in rest)]
    )


blocks: st.SearchStrategy[str] = st.recursive(
    paragraph(),
    lambda inner: st.one_of(
        st.lists(inner, min_size=1, max_size=3).map(
            lambda items: "\n".join("- " + _indent(item, "- ") for item in items)
        ),
        st.tuples(words, st.lists(inner, min_size=1, max_size=2)).map(
            lambda pair: f"::: callout {pair[0]}\n" + "\n\n".join(pair[1]) + "\n:::"
        ),
    ),
    max_leaves=25,
)


def _chapter(parts: list[str]) -> str:
    body = "\n\n".join(parts)
    labels = sorted(set(re.findall(r"\[\^(w\d+)\]", body)))
    definitions = "".join(f"\n[^{label}]: fotnot {label}\n" for label in labels)
    return f"# Rubrik w1000\n\n{body}\n{definitions}"


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(blocks, min_size=1, max_size=4))
def test_every_word_reaches_the_output_or_the_chapter_is_refused(parts: list[str]) -> None:
    chapter = _chapter(parts)
    report = attrs.evolve(make_report(account=None), chapters=(Chapter("99-x.md", chapter),))
    try:
        output = render_text(compose(report), RenderOptions())
    except SmartindError:
        return
    missing = set(WORD.findall(chapter)) - set(WORD.findall(output))
    assert not missing, f"lost {sorted(missing)} from:\n{chapter}"
