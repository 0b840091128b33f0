"""Region lookups: by SCB code or any usual name, and an error with close matches otherwise."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from smartind.errors import RegionError
from smartind.regions import NATIONAL_AREAS, REGIONS, national_area, region


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("12", "12"),
        ("1", "01"),
        ("Skåne", "12"),
        ("skåne", "12"),
        ("Region Skåne", "12"),
        ("Skåne län", "12"),
        ("Sörmland", "04"),
        ("Södermanland", "04"),
        ("Region Sörmland", "04"),
        ("Södermanlands län", "04"),
        ("Region Jönköping", "06"),
        ("Jönköpings län", "06"),
        ("Jämtland Härjedalen", "23"),
        ("Region Jämtland Härjedalen", "23"),
        ("Västra Götalandsregionen", "14"),
        ("Västra  Götaland", "14"),
        ("västra-götaland", "14"),
        ("Region Gotland", "09"),
        ("  Norrbotten ", "25"),
    ],
)
def test_region_accepts_the_usual_variants(text: str, code: str) -> None:
    assert region(text).code == code


@given(st.sampled_from(REGIONS))
def test_every_region_is_found_by_code_name_and_county_name(r: object) -> None:
    assert isinstance(r, type(REGIONS[0]))
    assert region(r.code) is r
    assert region(r.name) is r
    assert region(r.county_name) is r
    assert region(f"Region {r.name}") is r


def test_there_are_21_regions_in_eight_national_areas() -> None:
    assert len(REGIONS) == 21
    assert len({r.code for r in REGIONS}) == 21
    assert {r.nuts2 for r in REGIONS} == {a.code for a in NATIONAL_AREAS}
    assert sum(len(a.regions) for a in NATIONAL_AREAS) == 21


def test_unknown_region_lists_close_matches() -> None:
    with pytest.raises(RegionError, match=r"'Smålandd' is not one of the 21 län: did you mean"):
        region("Smålandd")


def test_misspelt_region_suggests_the_right_one() -> None:
    with pytest.raises(RegionError, match="'Västerbotten'"):
        region("Västerboten")


def test_nonsense_region_says_what_to_write() -> None:
    with pytest.raises(RegionError, match=r"use a län name such as 'Skåne' or its SCB code"):
        region("xyz123")


def test_region_error_is_a_lookup_error() -> None:
    with pytest.raises(LookupError):
        region("Atlantis")


def test_national_area_by_code_and_name() -> None:
    assert national_area("SE12").name == "Östra Mellansverige"
    assert national_area("östra mellansverige").code == "SE12"
    assert region("Örebro").area.code == "SE12"


def test_unknown_national_area_lists_codes() -> None:
    with pytest.raises(RegionError, match="SE11, SE12"):
        national_area("SE99")
