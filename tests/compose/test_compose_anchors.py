"""Heading anchors: unique across a document, and linear in the number of repeated headings."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from smartind.compose._markdown import Anchors


def _counted(anchors: Anchors) -> list[int]:
    probes = [0]

    class CountingSet(set[str]):
        def __contains__(self, item: object) -> bool:
            probes[0] += 1
            return super().__contains__(item)

    anchors._used = CountingSet(anchors._used)
    return probes


def _by_counting_from_one(bases: list[str], claimed: set[str]) -> list[str]:
    used = set(claimed)
    result = []
    for base in bases:
        anchor, count = base, 1
        while anchor in used:
            count += 1
            anchor = f"{base}-{count}"
        used.add(anchor)
        result.append(anchor)
    return result


def test_a_repeated_heading_gets_the_next_number() -> None:
    anchors = Anchors()
    given = [anchors.unique("resultat") for _ in range(3)]
    assert given == ["resultat", "resultat-2", "resultat-3"]


def test_an_explicit_anchor_cannot_be_claimed_twice() -> None:
    anchors = Anchors()
    assert anchors.claim("budget")
    assert not anchors.claim("budget")


def test_a_slug_skips_numbers_an_explicit_anchor_took() -> None:
    anchors = Anchors()
    anchors.claim("mal-2")
    assert [anchors.unique("mal") for _ in range(2)] == ["mal", "mal-3"]


def test_thousands_of_identical_headings_cost_linear_probes() -> None:
    anchors = Anchors()
    probes = _counted(anchors)
    for _ in range(5_000):
        anchors.unique("samma-rubrik")
    # Counting from 1 every time would take about 12.5 million probes.
    assert probes[0] <= 2 * 5_000


@given(
    st.lists(st.sampled_from(["a", "a-2", "b", "a-3", "b-2"]), max_size=30),
    st.sets(st.sampled_from(["a", "a-2", "a-4", "b-3"])),
)
def test_anchors_are_those_counting_from_one_would_give(
    bases: list[str], claimed: set[str]
) -> None:
    anchors = Anchors()
    for anchor in claimed:
        anchors.claim(anchor)
    assert [anchors.unique(base) for base in bases] == _by_counting_from_one(bases, claimed)
